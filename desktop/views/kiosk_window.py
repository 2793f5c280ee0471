"""Self check-in kiosk (*Tampilan → Mode kiosk*): full screen, one scan field, no way out without
an admin PIN.

While it runs, the main window is hidden and an application-wide guard keeps the kiosk in
front: keys with Ctrl/Alt/Meta (Ctrl+Q, Alt+F4, Ctrl+1…), Esc and F-keys are swallowed before
any shortcut sees them, a close request is refused, and when the kiosk loses the focus or is
minimised it takes the screen back. Printable keys typed anywhere go to the scan field, so a
scanner works even after a visitor tapped the background. A check-in here is the desk's own
(desktop.models.checkin.checkin), recorded at the desk "Kiosk".
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.models.checkin import checkin
from desktop.models.checkin import kiosk
from desktop.models.access.actor import Actor
from desktop.models.checkin.checkin import CheckInResult, Outcome
from desktop.models.checkin.checkin_search import SearchIndex
from desktop.models.event.database import Database
from desktop.models.checkin.kiosk import VisitorAnswer
from desktop.models.reporting.print_log import PrintedDocument
from desktop.views import settings
from desktop.views.camera_scanner import CameraScanner
from desktop.views.context import AppContext
from desktop.views.desk_sounds import DeskSounds
from desktop.views.kiosk_pages import AnswerScreen, PinScreen, ScanScreen, SearchScreen
from desktop.views.label_printing import LabelPrinter, printer_chosen
from desktop.views.operations import CHECK_INS, PARTICIPANTS

ANSWER_SECONDS = 12  # the answer stays this long, or until the next scan
IDLE_SECONDS = 45  # the name search or PIN screen goes back to scanning when left alone
REGAIN_MS = 1000  # how often the kiosk checks it is still in front
_BLOCKED_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)
_BLOCKED_KEYS = {int(key) for key in (Qt.Key.Key_Escape, Qt.Key.Key_Menu, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R,
                                       Qt.Key.Key_Meta, Qt.Key.Key_Alt, Qt.Key.Key_Control, Qt.Key.Key_Close,
                                       Qt.Key.Key_Exit)}


class KioskGuard(QObject):
    """Application-wide filter: stray keys and shortcuts never leave or reach behind the kiosk."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride,
                        QEvent.Type.Shortcut):
            return False
        if kind == QEvent.Type.Shortcut:
            return True  # no shortcut of any window (Ctrl+Q, Ctrl+1 …) fires while the kiosk runs
        if not isinstance(event, QKeyEvent):
            return False
        key = int(event.key())
        blocked = bool(event.modifiers() & _BLOCKED_MODIFIERS) or key in _BLOCKED_KEYS or (
            int(Qt.Key.Key_F1) <= key <= int(Qt.Key.Key_F35))
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # an accepted override means: no shortcut for this key
            return True
        if blocked:
            if kind == QEvent.Type.KeyPress and key == int(Qt.Key.Key_Escape):
                self.window.back_to_scan()  # Esc is the visitor's "back", never "leave"
            return True
        # Keys reach the window system's window first, then the focused widget: judge them there.
        if kind != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self.window:
            self.window.regain()  # typed into something behind the kiosk: bring the kiosk back
            self.window.forward_key(event)
            return True
        if not self.window.typing_allowed(watched):
            focus = QApplication.focusWidget()
            if focus is not None and focus is not watched:
                return False  # a key the focused field left unhandled, passing up: not a new key
            self.window.forward_key(event)
            return True
        return False


class KioskWindow(QWidget):
    """``answer_shown(VisitorAnswer)`` after each answer; ``unlocked(Actor)`` when an admin left it."""

    answer_shown = Signal(object)
    unlocked = Signal(object)

    def __init__(self, context: AppContext, event_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.context = context
        self.actor = kiosk.kiosk_actor(context.actor)
        self.index: SearchIndex | None = None
        self._may_close = False
        self.sounds = DeskSounds(self)
        self.setWindowTitle(_("TemuDesk — Check-in mandiri"))
        self.setStyleSheet("KioskWindow { background:#f4f6f9; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.camera = CameraScanner(self)
        self.camera.code_read.connect(self.submit_code)
        self.scan = ScanScreen(self.camera)
        self.search = SearchScreen()
        self.answer = AnswerScreen()
        self.pin = PinScreen()
        self.stack = QStackedWidget()
        for screen in (self.scan, self.search, self.answer, self.pin):
            self.stack.addWidget(screen)
        self.scan.field.submitted.connect(self.submit_code)
        self.scan.search_clicked.connect(self.show_search)
        self.search.field.textChanged.connect(self._search)
        self.search.chosen.connect(self.submit_id)
        self.search.back_clicked.connect(self.back_to_scan)
        self.pin.submitted.connect(self._try_pin)
        self.pin.back_clicked.connect(self.back_to_scan)
        title = QLabel(f"<b>{html.escape(event_name)}</b> · " + _("Check-in mandiri") if event_name
                       else _("Check-in mandiri"))
        title.setStyleSheet("font-size:16pt; color:#1d4e89")
        # Small and in the corner: for staff, who know it is there.
        self.staff_button = QPushButton(_("Petugas"))
        self.staff_button.setFlat(True)
        self.staff_button.setStyleSheet("color:#8a94a3; font-size:10pt")
        self.staff_button.clicked.connect(self.show_pin)
        for button in self.findChildren(QPushButton):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the one field
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 20, 36, 12)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.staff_button)
        layout.addLayout(footer)

        self.back_timer = QTimer(self, singleShot=True)
        self.back_timer.timeout.connect(self.back_to_scan)
        self.regain_timer = QTimer(self, interval=REGAIN_MS)
        self.regain_timer.timeout.connect(self._keep_in_front)
        self.printer = LabelPrinter(context, self, actor=self.actor)
        self.printer.printed.connect(lambda _outcome: self.answer.set_todo(_("Silakan ambil slip jadwal Anda.")))
        self.printer.failed.connect(
            lambda _message: self.answer.set_todo(_("Slip jadwal Anda dapat diambil di meja registrasi.")))
        self.guard = KioskGuard(self)
        context.bus.changed.connect(self._on_changed)
        self._load_index()

    # ---- start and leave -------------------------------------------------------------------------
    def start(self) -> None:
        QApplication.instance().installEventFilter(self.guard)
        self.showFullScreen()
        self.regain_timer.start()
        self.camera.start(settings.CAMERA_DEVICE.get(settings.app_settings()))
        self.back_to_scan()

    def _try_pin(self, pin: str) -> None:
        actor = self.actor

        def work(db: Database) -> Actor:
            with db.transaction() as session:
                return kiosk.unlock(session, pin, actor)

        self.pin.reset(_("Memeriksa …"))
        self.context.runner.run(work, on_success=self._leave, on_error=lambda error: self.pin.reset(str(error)),
                                parent=self)

    def _leave(self, admin: Actor) -> None:
        self._may_close = True
        QApplication.instance().removeEventFilter(self.guard)
        self.regain_timer.stop()
        self.back_timer.stop()
        self.camera.stop()
        self.close()
        self.unlocked.emit(admin)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()  # Alt+F4, the window manager, a stray close(): only the PIN opens the kiosk
            self.regain()
            return
        super().closeEvent(event)

    # ---- staying in front --------------------------------------------------------------------------
    def regain(self) -> None:
        if self._may_close:
            return
        if not self.isFullScreen():
            self.showFullScreen()
        self.raise_()
        self.activateWindow()
        target = self.focus_target()
        if QApplication.focusWidget() is not target:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _keep_in_front(self) -> None:
        if not self.isActiveWindow() or not self.isFullScreen() or QApplication.focusWidget() is None:
            self.regain()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.ActivationChange, QEvent.Type.WindowStateChange) and not self._may_close:
            QTimer.singleShot(0, self._keep_in_front)

    def focus_target(self) -> QWidget:
        screen = self.stack.currentWidget()
        if screen is self.search:
            return self.search.field
        if screen is self.pin:
            return self.pin.field
        return self.scan.field

    def typing_allowed(self, widget: QObject) -> bool:
        return widget in (self.scan.field, self.search.field, self.pin.field)

    def forward_key(self, event: QKeyEvent) -> None:
        """A printable key typed elsewhere (a scanner after a tap on the background) goes to the field."""
        text = event.text()
        target = self.focus_target()
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if text and (text.isprintable() or event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, event.key(), Qt.KeyboardModifier.NoModifier,
                                                     text))

    # ---- screens -----------------------------------------------------------------------------------
    def back_to_scan(self) -> None:
        self.back_timer.stop()
        self.search.reset()
        self.pin.reset()
        self.stack.setCurrentWidget(self.scan)
        self.scan.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_search(self) -> None:
        self.search.reset()
        self.stack.setCurrentWidget(self.search)
        self.search.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.back_timer.start(IDLE_SECONDS * 1000)

    def show_pin(self) -> None:
        self.pin.reset()
        self.stack.setCurrentWidget(self.pin)
        self.pin.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.back_timer.start(IDLE_SECONDS * 1000)

    def _search(self, text: str) -> None:
        self.back_timer.start(IDLE_SECONDS * 1000)
        self.search.show_hits(text, self.index.search(text, 5) if self.index is not None and text.strip() else [])

    def _load_index(self) -> None:
        def load(db: Database) -> SearchIndex:
            with db.read() as session:
                return SearchIndex.load(session)

        self.context.runner.run(load, on_success=lambda index: setattr(self, "index", index), parent=self)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if PARTICIPANTS in kinds:
            self._load_index()

    # ---- checking in ---------------------------------------------------------------------------------
    def submit_code(self, text: str) -> None:
        if self.stack.currentWidget() is self.pin:
            return  # an admin is typing the PIN: a badge in view must not interrupt
        self._check_in(text)

    def submit_id(self, participant_id: int) -> None:
        self._check_in(participant_id)

    def _check_in(self, target: str | int) -> None:
        actor, nonce = self.actor, checkin.new_nonce()

        def work(db: Database) -> CheckInResult:
            with db.transaction() as session:
                return checkin.check_in(session, target, actor, nonce=nonce)

        self.context.runner.run(work, on_success=self._show_result, on_error=lambda _error: self._show_result(None),
                                changes={CHECK_INS}, parent=self)

    def _show_result(self, result: CheckInResult | None) -> None:
        answer = kiosk.visitor_answer(result)
        self.sounds.play(result.outcome if result is not None else Outcome.UNKNOWN)
        printing = (result is not None and result.outcome is Outcome.CHECKED_IN and result.person is not None
                    and settings.KIOSK_PRINTS_SLIP.get(settings.app_settings()) and printer_chosen())
        if printing and self.printer.print_document(result.person.id, PrintedDocument.SLIP.value):
            answer = VisitorAnswer(answer.ok, answer.headline, answer.name, answer.meeting,
                                   _("Slip jadwal Anda sedang dicetak …"))
        elif answer.ok:
            answer = VisitorAnswer(answer.ok, answer.headline, answer.name, answer.meeting,
                                   _("Slip jadwal Anda dapat diambil di meja registrasi."))
        self.answer.show_answer(answer)
        self.stack.setCurrentWidget(self.answer)
        self.scan.field.setFocus(Qt.FocusReason.OtherFocusReason)  # the next visitor can scan at once
        self.back_timer.start(ANSWER_SECONDS * 1000)
        self.answer_shown.emit(answer)

    def focusNextPrevChild(self, _next: bool) -> bool:  # noqa: N802 - Tab never walks out of the field
        return False


def open_kiosk(context: AppContext, window: QWidget, event_name: str = "") -> KioskWindow | None:
    """Check an admin PIN exists, hide ``window`` and show the kiosk; ``window`` returns after the PIN."""
    holder: dict[str, Any] = {}

    def work(db: Database) -> None:
        with db.transaction() as session:
            kiosk.start(session, context.actor)

    def started(_result: None) -> None:
        kiosk_window = KioskWindow(context, event_name)
        holder["kiosk"] = kiosk_window
        idle_lock = getattr(window, "idle_lock", None)
        if idle_lock is not None:
            idle_lock.timer.stop()  # the kiosk has its own lock; the desk's would pop up behind it

        def finished(_admin: Actor) -> None:
            window.show()
            if idle_lock is not None:
                idle_lock.timer.start()
            kiosk_window.deleteLater()

        kiosk_window.unlocked.connect(finished)
        window.hide()
        kiosk_window.start()
        window.kiosk_window = kiosk_window  # type: ignore[attr-defined]

    context.runner.run(work, on_success=started, parent=window)
    return holder.get("kiosk")
