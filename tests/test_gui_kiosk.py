"""The self check-in kiosk driven like a visitor (and a mischievous one): scan, unknown code,
already used, name search, the camera, stray keys, and leaving only with an admin PIN."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from desktop.models.event import event_setup
from desktop.models.access import operators
from desktop.models.checkin.checkin import Outcome
from desktop.models.event.database import Database
from desktop.models.orm import AuditLog, CheckInEvent, FailedScan, Participant
from desktop.views import settings
from desktop.views.kiosk_window import KioskWindow
from desktop.views.main_window import MainWindow
from tests.conftest import ADMIN
from tests.gui_helpers import make_context, settle
from tests.test_gui_desk_camera_print import hold_badge

PIN = "2468"


@pytest.fixture
def kiosk(qtbot, demo_db: Database):  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        operators.create_operator(session, "Kepala Seksi", "admin", PIN, ADMIN)
        event = event_setup.get_event(session)
    settings.KIOSK_PRINTS_SLIP.set(settings.app_settings(), False)  # printing has its own tests
    context = make_context(demo_db)
    # Closed here, not by pytest-qt: the desk's delayed refreshes must finish before it goes.
    window = MainWindow(context, event)
    window.show()
    settle(qtbot, context)
    window.open_kiosk()
    qtbot.waitUntil(lambda: getattr(window, "kiosk_window", None) is not None, timeout=5000)
    kiosk_window: KioskWindow = window.kiosk_window  # type: ignore[attr-defined]
    settle(qtbot, context)
    qtbot.waitUntil(lambda: kiosk_window.index is not None)
    kiosk_window.main_window = window  # type: ignore[attr-defined]
    yield kiosk_window
    if shiboken6.isValid(kiosk_window) and kiosk_window.isVisible():  # a failed test: go without the PIN
        kiosk_window._leave(ADMIN)
    page = window.page("checkin")
    qtbot.waitUntil(lambda: not page.overview_timer.isActive(), timeout=5000)
    settle(qtbot, context)
    window.close()
    window.deleteLater()
    qtbot.wait(10)


def _code(db: Database, index: int) -> tuple[int, str, str]:
    with db.read() as session:
        person = session.scalars(select(Participant).order_by(Participant.id)).all()[index]
        return person.id, person.code, person.business_name


def scan(qtbot, kiosk: KioskWindow, text: str):  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(kiosk.answer_shown, timeout=5000) as blocker:
        qtbot.keyClicks(kiosk.scan.field, text)
        qtbot.keyClick(kiosk.scan.field, Qt.Key.Key_Return)
    settle(qtbot, kiosk.context)
    return blocker.args[0]


def visible_text(kiosk: KioskWindow) -> str:
    from PySide6.QtWidgets import QLabel, QPushButton

    parts = [w.text() for w in kiosk.findChildren(QLabel) + kiosk.findChildren(QPushButton) if w.isVisible()]
    return " ".join(parts)


def test_the_kiosk_is_full_screen_and_hides_the_desk(kiosk: KioskWindow) -> None:
    assert kiosk.isFullScreen() and kiosk.isVisible()
    assert not kiosk.main_window.isVisible()  # type: ignore[attr-defined]
    assert kiosk.findChildren(type(kiosk.main_window.menuBar())) == []  # type: ignore[attr-defined]
    assert QApplication.focusWidget() is kiosk.scan.field


def test_a_scan_checks_in_and_shows_name_first_meeting_and_what_to_do(qtbot, kiosk: KioskWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    pid, code, name = _code(demo_db, 4)
    answer = scan(qtbot, kiosk, code)
    assert answer.ok and answer.name == name
    assert answer.meeting  # the first meeting, or "none scheduled yet" in visitor words
    assert answer.todo == "Slip jadwal Anda dapat diambil di meja registrasi."  # printing is off in this test
    assert kiosk.stack.currentWidget() is kiosk.answer and kiosk.answer.name.text() == name
    assert kiosk.sounds.last is Outcome.CHECKED_IN
    with demo_db.read() as session:
        [event] = session.scalars(select(CheckInEvent).where(CheckInEvent.participant_id == pid)).all()
    assert event.desk.startswith("Kiosk")


def test_an_unknown_code_and_a_used_badge_send_the_visitor_to_the_desk(qtbot, kiosk: KioskWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    _pid, code, name = _code(demo_db, 5)
    scan(qtbot, kiosk, code)
    again = scan(qtbot, kiosk, code)  # the next scan works straight from the answer screen
    assert not again.ok and again.headline == "Badge ini sudah dipakai untuk check-in."
    assert "meja registrasi" in again.todo
    assert name not in visible_text(kiosk)  # nobody's data on the screen
    assert kiosk.sounds.last is Outcome.ALREADY
    unknown = scan(qtbot, kiosk, "XYZ999")
    assert not unknown.ok and unknown.headline == "Kode badge tidak dikenali." and unknown.name == ""
    assert kiosk.sounds.last is Outcome.UNKNOWN
    with demo_db.read() as session:
        assert session.scalars(select(FailedScan.raw_input)).all() == ["XYZ999"]


def test_a_badge_held_to_the_kiosk_camera_checks_in(qtbot, kiosk: KioskWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    pid, code, name = _code(demo_db, 6)
    with qtbot.waitSignal(kiosk.answer_shown, timeout=5000) as blocker:
        assert hold_badge(qtbot, kiosk.camera, code, frames=4, angle=-20, dark=60, light=170) == [code]
    settle(qtbot, kiosk.context)
    assert blocker.args[0].ok and blocker.args[0].name == name
    with demo_db.read() as session:
        assert session.scalars(select(CheckInEvent.participant_id)).all().count(pid) == 1


def test_a_visitor_without_a_badge_finds_their_name(qtbot, kiosk: KioskWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    _pid, _code_, name = _code(demo_db, 7)
    qtbot.mouseClick(kiosk.scan.search_button, Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.search
    qtbot.keyClicks(kiosk.search.field, name[:2])
    assert all(not b.isVisible() for b in kiosk.search.buttons)  # two letters show nobody
    kiosk.search.field.setText(name)
    shown = [b for b in kiosk.search.buttons if b.isVisible()]
    assert shown and shown[0].text().startswith(name)
    assert all("08" not in b.text() for b in shown)  # no phone numbers
    with qtbot.waitSignal(kiosk.answer_shown, timeout=5000) as blocker:
        qtbot.mouseClick(shown[0], Qt.MouseButton.LeftButton)
    assert blocker.args[0].ok and blocker.args[0].name == name


def test_stray_keys_and_close_requests_do_not_leave(qtbot, kiosk: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.main_window  # type: ignore[attr-defined]
    for key, modifiers in ((Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                           (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
                           (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                           (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
                           (Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier),
                           (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                           (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)):
        qtbot.keyClick(kiosk.scan.field, key, modifiers)
        qtbot.keyClick(kiosk, key, modifiers)
    kiosk.close()  # what Alt+F4 and the window manager's close button ask for
    event = QCloseEvent()
    QApplication.sendEvent(kiosk, event)
    assert not event.isAccepted()
    assert kiosk.isVisible() and kiosk.isFullScreen() and not window.isVisible()
    assert kiosk.stack.currentWidget() is kiosk.scan
    kiosk.showNormal()  # minimised / un-fullscreened by something: it takes the screen back
    kiosk._keep_in_front()
    assert kiosk.isFullScreen()


def test_shortcuts_of_the_hidden_desk_never_fire(qtbot, kiosk: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QWidget

    window = kiosk.main_window  # type: ignore[attr-defined]
    before = window.nav.currentRow()
    # Some other window of the application with an application-wide shortcut, still on screen.
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    fired: list[str] = []
    QShortcut(QKeySequence("Ctrl+Q"), other, lambda: fired.append("quit"), context=Qt.ShortcutContext.ApplicationShortcut)
    kiosk.regain()
    qtbot.keyClick(kiosk.scan.field, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert fired == []
    # No pasting someone else's code into the scan field either.
    QApplication.clipboard().setText("IKM001")
    qtbot.keyClick(kiosk.scan.field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert kiosk.scan.field.text() == ""
    qtbot.keyClick(kiosk.scan.field, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(kiosk.scan.field, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == before
    assert kiosk.isVisible()
    assert kiosk.scan.field.text() == ""  # and the keys typed no letters either


def test_lost_focus_and_keys_typed_elsewhere_come_back_to_the_scan_field(qtbot, kiosk: KioskWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    outsider = QLineEdit()
    qtbot.addWidget(outsider)
    outsider.show()
    outsider.activateWindow()
    outsider.setFocus()
    _pid, code, name = _code(demo_db, 8)
    with qtbot.waitSignal(kiosk.answer_shown, timeout=5000) as blocker:
        qtbot.keyClicks(outsider, code)  # a scanner typing while the focus wandered off
        qtbot.keyClick(outsider, Qt.Key.Key_Return)
    assert outsider.text() == ""
    assert blocker.args[0].name == name
    kiosk.scan.search_button.setFocus()
    kiosk.regain()
    assert QApplication.focusWidget() is kiosk.focus_target()


def test_leaving_needs_an_admin_pin(qtbot, kiosk: KioskWindow, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.main_window  # type: ignore[attr-defined]
    qtbot.mouseClick(kiosk.staff_button, Qt.MouseButton.LeftButton)
    assert kiosk.stack.currentWidget() is kiosk.pin
    qtbot.keyClicks(kiosk.pin.field, "abc")  # only digits go in
    assert kiosk.pin.field.text() == ""
    qtbot.keyClicks(kiosk.pin.field, "1357")
    qtbot.keyClick(kiosk.pin.field, Qt.Key.Key_Return)
    settle(qtbot, kiosk.context)
    assert "PIN admin salah" in kiosk.pin.message.text() and kiosk.isVisible()
    qtbot.keyClick(kiosk.pin.field, Qt.Key.Key_Escape)  # Esc: back to scanning, still locked
    assert kiosk.stack.currentWidget() is kiosk.scan and kiosk.isVisible()
    qtbot.mouseClick(kiosk.staff_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.unlocked, timeout=5000) as blocker:
        qtbot.keyClicks(kiosk.pin.field, PIN)
        qtbot.keyClick(kiosk.pin.field, Qt.Key.Key_Return)
    assert blocker.args[0].name == "Kepala Seksi"
    qtbot.waitUntil(lambda: window.isVisible())
    assert not kiosk.isVisible()
    with demo_db.read() as session:
        actions = session.scalars(select(AuditLog.action).where(AuditLog.entity == "kiosk")).all()
    assert actions == ["kiosk.start", "kiosk.exit"]
    # Keys work in the desk again: the guard left with the kiosk.
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "participants"


def test_no_kiosk_without_an_admin_pin(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        event = event_setup.get_event(session)
    context = make_context(demo_db)
    window = MainWindow(context, event)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, context)
    window.open_kiosk()
    settle(qtbot, context)
    qtbot.wait(50)
    assert getattr(window, "kiosk_window", None) is None and window.isVisible()
    assert context.shown_errors == ["Mode kiosk perlu PIN admin untuk keluar. Buat dulu PIN untuk seorang admin."]


def test_the_kiosk_prints_the_slip_at_once_on_the_chosen_printer(qtbot, kiosk: KioskWindow, demo_db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from desktop.models.orm import PrintLogEntry

    store = settings.app_settings()
    settings.KIOSK_PRINTS_SLIP.set(store, True)
    settings.LABEL_PRINTER.set(store, "Label QL-800")
    settings.LABEL_PAPER.set(store, "62mm")
    target = tmp_path / "kiosk-slip.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    kiosk.printer.printer_factory = pdf_printer
    pid, code, _name = _code(demo_db, 9)
    with qtbot.waitSignal(kiosk.printer.printed, timeout=10000):
        answer = scan(qtbot, kiosk, code)
        assert answer.todo == "Slip jadwal Anda sedang dicetak …"
    assert kiosk.answer.todo.text() == "Silakan ambil slip jadwal Anda."
    settle(qtbot, kiosk.context)
    with demo_db.read() as session:
        [entry] = session.scalars(select(PrintLogEntry)).all()
    assert (entry.participant_id, entry.document, entry.paper) == (pid, "slip", "62mm")
    assert entry.desk.startswith("Kiosk") and target.exists()
    # An unknown code prints nothing.
    scan(qtbot, kiosk, "XYZ123")
    settle(qtbot, kiosk.context)
    with demo_db.read() as session:
        assert len(session.scalars(select(PrintLogEntry)).all()) == 1
