"""Keys typed into the app as a device delivers them, stamped with the device's clock.

QTest gives a key the time the test got round to sending it; on a loaded machine that stretches a
scanner's 3 ms gaps past any threshold. A real scanner's keys carry the times the X server received
them, whatever our UI thread was doing. So a filter that runs before every other one gives each key
the time of the device: a scanner's gaps, or a person's.

A scanner's keys are queued before the UI thread sees the first: the burst is sent to the focused
widget (or the open popup) without running the event loop in between, as the queue is worked off.
QTest's window variant runs the loop after every key, so a slow page refresh there could let the
scan filter's wall-clock quiet wait run out in the middle of a burst that no scanner would split.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.models.checkin.scan_burst import END_GAP_MS

SCANNER_GAP_MS = 3
PERSON_GAP_MS = 200
# The quiet wait (wall clock) of a test window: a test's keys may be late, a device's never are.
QUIET_WAIT_SCALE = 10
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


class DeviceClock(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.now_ms = 1_000_000
        self.typing = False  # only the keys type_keys sends (and their propagation) get a device time

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if self.typing and event.type() in _KEY_EVENTS and isinstance(event, QKeyEvent):
            event.setTimestamp(self.now_ms)
        return False


_CLOCK = DeviceClock()


def device_clock() -> DeviceClock:
    """The clock, installed last on the application so it runs before the scan filter (Qt calls the
    newest filter first; a window made since installed its own)."""
    app = QApplication.instance()
    app.removeEventFilter(_CLOCK)
    app.installEventFilter(_CLOCK)
    return _CLOCK


def _receiver(target: QWidget) -> QWidget:
    """Where the platform would deliver a key: the open popup's focus, else the window's focus.
    (A popup's is asked of the application: the popup's own focusWidget() leaves PySide a wrapper
    that dies with the popup's.)"""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        focused = QApplication.focusWidget()
        return focused if focused is not None and popup.isAncestorOf(focused) else popup
    if not target.isWindow():
        target.setFocus()  # a window is typed into as it stands, to whatever it has focused
    window = target.window()
    return window.focusWidget() or window


def type_keys(target: QWidget, text: str, end: Qt.Key | None = None, gap_ms: int = SCANNER_GAP_MS) -> None:
    """Keys with the default gap (a scanner's) come as one queued burst; a longer gap is also waited
    for in real time, as a person's is, and the receiver is found again for each key."""
    clock = device_clock()
    receiver = _receiver(target)
    for key in [*text, *([end] if end is not None else [])]:
        clock.now_ms += gap_ms
        if gap_ms > SCANNER_GAP_MS:
            QTest.qWait(gap_ms)
            receiver = _receiver(target)
        clock.typing = True
        try:
            if isinstance(key, str) and key.isupper():
                QTest.keyPress(receiver, Qt.Key.Key_Shift)  # as a scanner (and xdotool) type capitals
            QTest.keyClick(receiver, key)
        finally:
            clock.typing = False


def after_quiet_wait() -> int:
    """Milliseconds after which a test window has given back every held key."""
    return QUIET_WAIT_SCALE * END_GAP_MS + 100


def scanning_window(qtbot, context, event):  # type: ignore[no-untyped-def]
    """A main window at 1366×768, shown and settled, whose scan filter waits for a test's late keys."""
    from desktop.views.main_window import MainWindow
    from tests.gui_helpers import settle

    window = MainWindow(context, event)
    window.scan_filter.quiet_wait_scale = QUIET_WAIT_SCALE  # the keys carry a device's times (above)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    settle(qtbot, context)
    return window
