"""Application-wide scanner bursts: a scan is never typed into whatever field happens to have focus.

Installed once on the QApplication, the filter sees every key press before any widget — in a
page's search box, an open dropdown or menu, a dialog. Printable keys are held back while
:class:`~desktop.models.checkin.scan_burst.BurstDetector` thinks they may be a scan; a burst that ends
in Enter/Tab goes to ``on_scan`` (the desk's one check-in entry point) and never reaches the
widget (a :class:`ScanTakingLineEdit`, a buyer or seller field, takes the code itself); everything
else is given back to the widget it was meant for, in order. The decision is the detector's, on the
keys' own device times (keys a program made carry none and are left alone); this file only moves Qt
events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from desktop.models.checkin.scan_burst import BurstDetector, KeyRepeats, Step, Verdict

SCAN_FIELD_PROPERTY = "temudeskScanField"
_TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
# A scanner presses Shift for every capital letter: modifier keys alone neither end nor break a burst.
_MODIFIER_KEYS = (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
                  Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock)
_IGNORED_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
# The quiet wait runs on the wall clock, the keys on the device's. A timer that fires this late means the
# UI thread was busy (a page refresh, a slow query): the rest of a burst may be queued behind the timer,
# so the wait starts again instead of giving the keys back — but never for longer than MAX_HOLD_MS.
LATE_MS = 20
MAX_HOLD_MS = 1500
# A timer on time may still have keys queued behind it (a stall that ended just as the wait did: the
# event loop runs timers before the window system's input). Before giving keys back, what is already
# queued is handled, for at most this long.
FLUSH_MS = 5


def mark_scan_field(widget: QWidget) -> None:
    """A field that handles scanner input itself (the Registrasi scan field): bursts into it pass."""
    widget.setProperty(SCAN_FIELD_PROPERTY, True)


class ScanTakingLineEdit(QLineEdit):
    """A field where a badge scan is an answer (a buyer, a seller), not a check-in: a burst into it
    comes as ``scan_taken(code)``, and its Enter or Tab reaches nobody (no default button, no jump)."""

    scan_taken = Signal(str)


@dataclass(frozen=True)
class HeldKey:
    receiver: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


def _is_scan_field(widget: QWidget) -> bool:
    return bool(widget.property(SCAN_FIELD_PROPERTY))


class ScanBurstFilter(QObject):
    """``on_scan(code)`` is called (from the event loop, not inside the filter) for each burst."""

    def __init__(self, on_scan: Callable[[str], None], parent: QObject | None = None,
                 detector: BurstDetector[HeldKey] | None = None,
                 accepting: Callable[[], bool] = lambda: True) -> None:
        super().__init__(parent)
        self.on_scan = on_scan
        self.accepting = accepting  # False while nobody is signed in: keys go to the sign-in as typed
        self.detector: BurstDetector[HeldKey] = detector or BurstDetector()
        # Stretches the quiet wait: tests on a loaded machine set it, a desk leaves it at 1.
        self.quiet_wait_scale = 1.0
        self._replaying = False
        self._quiet = QTimer(self, singleShot=True)
        self._quiet.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may fire 5 % late: "busy"
        self._quiet.timeout.connect(self._on_quiet)
        self._quiet_ms = 0
        self._armed = QElapsedTimer()  # since the quiet wait last started
        self._repeats = KeyRepeats()
        self._holding = QElapsedTimer()  # since the first key now held

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)

    def remove(self) -> None:
        self._apply(self.detector.quiet())
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not isinstance(watched, QWidget):
            return False  # windows see the key first; the widget it goes to is where it is decided
        if not self.accepting():
            return False
        owner = self.parent()
        if isinstance(owner, QWidget) and not owner.isVisible():
            return False  # a closed or hidden window (the kiosk has the screen) takes no scans
        if event.type() == QEvent.Type.ShortcutOverride:
            return self._override(watched, event)  # type: ignore[arg-type]
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() in _MODIFIER_KEYS:
            return False
        at_ms = event.timestamp()
        if _is_scan_field(watched) or not at_ms:
            # No device time: a program made this key (a test, a forwarded key); no scanner did.
            self._apply(self.detector.other_key())
            return False
        modifiers = event.modifiers() & ~_IGNORED_MODIFIERS
        text = event.text()
        if event.key() in _TERMINATORS and not modifiers:
            step = self.detector.terminator(at_ms)
            if step.code is not None:
                self._quiet.stop()
                self._holding.invalidate()
                code = step.code
                take = watched.scan_taken.emit if isinstance(watched, ScanTakingLineEdit) else self.on_scan
                QTimer.singleShot(0, lambda: take(code))
                return True
            self._apply(step)
            return False
        repeated = self._repeats.repeated(event.key(), at_ms, event.isAutoRepeat())
        if modifiers or repeated or len(text) != 1 or not text.isprintable():
            self._apply(self.detector.other_key())
            return False
        step = self.detector.character(text, HeldKey(watched, event.key(), event.modifiers(), text), at_ms)
        self._replay(step.released)
        if step.released or not self._holding.isValid():
            self._holding.start()
        self._arm_quiet()
        return True

    def _arm_quiet(self) -> None:
        self._quiet_ms = int(self.detector.wait_ms * self.quiet_wait_scale) + 1
        self._armed.start()
        self._quiet.start(self._quiet_ms)

    def _on_quiet(self) -> None:
        late = self._armed.elapsed() - self._quiet_ms
        if late > LATE_MS and self._holding.elapsed() < MAX_HOLD_MS * self.quiet_wait_scale:
            self._arm_quiet()  # keys may be waiting behind this timer: let them come first
            return
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, FLUSH_MS)
        if not self.detector.holding or self._quiet.isActive():
            return  # queued keys came: a held one armed the wait again, any other ended the burst
        self._apply(self.detector.quiet())

    def _override(self, watched: QWidget, event: QKeyEvent) -> bool:
        """A scan's Enter must reach us as a key press, not trigger a shortcut (e.g. Enter = edit)."""
        at_ms = event.timestamp()
        if (at_ms and event.key() in _TERMINATORS and not event.modifiers() & ~_IGNORED_MODIFIERS
                and not _is_scan_field(watched) and self.detector.ends_scan(at_ms)):
            event.accept()
            return True
        return False

    def _apply(self, step: Step[HeldKey]) -> None:
        if step.verdict is Verdict.RELEASE:
            self._quiet.stop()
        if not self.detector.holding:
            self._holding.invalidate()
        self._replay(step.released)

    def _replay(self, keys: list[HeldKey]) -> None:
        """Give held keys to the widgets they were meant for, as if typed now."""
        self._replaying = True
        try:
            for held in keys:
                if not shiboken6.isValid(held.receiver):
                    continue  # the widget closed in the meantime: the key had nowhere to go anyway
                press = QKeyEvent(QEvent.Type.KeyPress, held.key, held.modifiers, held.text)
                QApplication.sendEvent(held.receiver, press)
        finally:
            self._replaying = False
