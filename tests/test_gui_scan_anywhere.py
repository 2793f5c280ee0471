"""A scanner burst is checked in on every page, in any field, with a dropdown open; typing is unchanged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from sqlalchemy import select

from desktop.models.event import event_setup
from desktop.models.checkin.checkin import Outcome
from desktop.models.orm import CheckInEvent, FailedScan, Participant
from tests.gui_helpers import make_context, settle
from tests.scanner_keys import PERSON_GAP_MS, after_quiet_wait, scanning_window, type_keys

PAGES = ["dashboard", "checkin", "participants", "schedule", "orders", "reports"]


def _window(qtbot, db):  # type: ignore[no-untyped-def]
    context = make_context(db)
    with db.read() as session:
        event = event_setup.get_event(session)
    return scanning_window(qtbot, context, event), context


def _codes(db, count: int) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return list(session.scalars(select(Participant.code).order_by(Participant.id).limit(count)))


def _checked_in(db) -> list[int]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return list(session.scalars(select(CheckInEvent.participant_id).order_by(CheckInEvent.id)))


def _failed(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return list(session.scalars(select(FailedScan.raw_input)))


def _field_on(page: QWidget) -> QWidget:
    """The page's first visible text field (where a scan would land), else the page."""
    fields = [f for f in page.findChildren(QLineEdit) if f.isVisible() and f.isEnabled() and not f.isReadOnly()]
    return fields[0] if fields else page


def _burst(qtbot, target: QWidget, code: str, end: Qt.Key = Qt.Key.Key_Return) -> None:  # type: ignore[no-untyped-def]
    type_keys(target, code, end)


@pytest.mark.parametrize("key", PAGES)
def test_a_burst_on_any_page_checks_in_and_never_reaches_the_field(qtbot, demo_db, key) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    window.show_page(PAGES.index(key))
    settle(qtbot, context)
    checkin_page = window.page("checkin")
    field = _field_on(window.page(key))
    field.setFocus()
    before = field.text() if isinstance(field, QLineEdit) else None
    code = _codes(demo_db, 3)[2]
    with qtbot.waitSignal(checkin_page.result_shown, timeout=5000) as blocker:
        _burst(qtbot, field, code)
    settle(qtbot, context)
    result = blocker.args[0]
    assert result.outcome is Outcome.CHECKED_IN and result.person.code == code
    assert len(_checked_in(demo_db)) == 1
    if isinstance(field, QLineEdit) and key != "checkin":
        assert field.text() == before  # the scan did not land in the search box
    if key == "checkin":
        assert checkin_page.panel.state == Outcome.CHECKED_IN
    else:
        assert window.toast.isVisible() and code in window.toast.body.text()
    assert checkin_page.panel.result is result and checkin_page.sounds.last is Outcome.CHECKED_IN


def test_a_burst_with_a_dropdown_open_does_not_change_the_filter(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    window.show_page(PAGES.index("checkin"))
    combo = window.page("checkin").kind_filter
    combo.showPopup()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup_view = combo.view()
    code = _codes(demo_db, 5)[4]
    with qtbot.waitSignal(window.page("checkin").scan_answered, timeout=5000) as blocker:
        _burst(qtbot, popup_view, code, Qt.Key.Key_Tab)
    settle(qtbot, context)
    assert blocker.args[0].person.code == code and combo.currentIndex() == 0
    combo.hidePopup()


def test_an_unknown_burst_is_a_failed_scan_shown_in_a_toast(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    window.show_page(PAGES.index("orders"))
    field = _field_on(window.page("orders"))
    with qtbot.waitSignal(window.page("checkin").scan_answered, timeout=5000) as blocker:
        _burst(qtbot, field, "XQZ12345")
    settle(qtbot, context)
    assert blocker.args[0].outcome is Outcome.UNKNOWN
    assert _failed(demo_db) == ["XQZ12345"] and window.toast.isVisible()
    qtbot.waitUntil(lambda: window.page("checkin").failed_model.rowCount() == 1)


def test_typing_by_hand_still_reaches_the_field(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    window.show_page(PAGES.index("participants"))
    field = _field_on(window.page("participants"))
    field.setFocus()
    type_keys(field, "sepatu", Qt.Key.Key_Return, gap_ms=PERSON_GAP_MS)
    type_keys(field, "", Qt.Key.Key_Backspace, gap_ms=PERSON_GAP_MS)
    qtbot.wait(after_quiet_wait())
    settle(qtbot, context)
    assert field.text() == "sepat" and _checked_in(demo_db) == [] and _failed(demo_db) == []
    assert not window.toast.isVisible()


def test_no_scan_is_taken_while_nobody_is_signed_in(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.access.actor import Actor

    window, context = _window(qtbot, demo_db)
    context.actor = Actor(name="", role="desk")  # the sign-in dialog is up: its fields get the keys
    window.show_page(PAGES.index("orders"))
    field = _field_on(window.page("orders"))
    _burst(qtbot, field, "IKM001")
    qtbot.wait(after_quiet_wait())
    settle(qtbot, context)
    assert field.text() == "IKM001" and _checked_in(demo_db) == [] and _failed(demo_db) == []


def test_a_burst_with_a_menu_open_triggers_no_menu_item(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    window.show_page(PAGES.index("participants"))
    menu = window.menuBar().actions()[0].menu()
    triggered: list[str] = []
    menu.triggered.connect(lambda action: triggered.append(action.text()))
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    code = _codes(demo_db, 7)[6]
    with qtbot.waitSignal(window.page("checkin").scan_answered, timeout=5000) as blocker:
        _burst(qtbot, menu, code)
    settle(qtbot, context)
    assert blocker.args[0].person.code == code and triggered == []
    menu.hide()


def test_a_burst_into_an_open_dialog_checks_in_and_leaves_its_field_alone(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    window, context = _window(qtbot, demo_db)
    window.show_page(PAGES.index("orders"))
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.setModal(True)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    code = _codes(demo_db, 9)[8]
    with qtbot.waitSignal(window.page("checkin").scan_answered, timeout=5000) as blocker:
        _burst(qtbot, field, code)
    settle(qtbot, context)
    assert blocker.args[0].person.code == code and field.text() == "" and dialog.isVisible()
    type_keys(field, "catatan", gap_ms=PERSON_GAP_MS)  # typing in the dialog still works
    qtbot.waitUntil(lambda: field.text() == "catatan", timeout=after_quiet_wait() + 2000)
    dialog.close()


def test_an_answer_shown_on_another_page_does_not_cover_the_desk(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    window.show_page(PAGES.index("orders"))
    first, second = _codes(demo_db, 9)[7:9]
    with qtbot.waitSignal(window.page("checkin").scan_answered, timeout=5000):
        _burst(qtbot, _field_on(window.page("orders")), first)
    settle(qtbot, context)
    assert window.toast.isVisible()
    window.show_page(PAGES.index("checkin"))  # Ctrl+2 while the toast is still up
    assert not window.toast.isVisible()
    with qtbot.waitSignal(window.page("checkin").result_shown, timeout=5000) as blocker:
        _burst(qtbot, window, second)  # into the desk's scan field, which has the keys
    settle(qtbot, context)
    assert blocker.args[0].person.code == second and not window.toast.isVisible()
    assert window.page("checkin").panel.result is blocker.args[0]


def _code_of(db, kind: str) -> str:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return session.scalars(select(Participant.code).where(Participant.kind == kind).order_by(Participant.id)).first()


def test_a_badge_scanned_into_the_order_form_picks_the_party_and_checks_nobody_in(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    window.show_page(PAGES.index("orders"))
    settle(qtbot, context)
    orders_page = window.page("orders")
    dialog = orders_page.new_order()
    try:
        qtbot.waitUntil(lambda: dialog.buyer_picker.edit.hasFocus() or dialog.focusWidget() is dialog.buyer_picker.edit)
        buyer, seller = _code_of(demo_db, "buyer"), _code_of(demo_db, "ikm")
        _burst(qtbot, dialog, buyer)  # a scanner's code and Enter
        qtbot.waitUntil(lambda: dialog.buyer_picker.selected is not None)
        assert dialog.buyer_picker.selected.code == buyer and dialog.focusWidget() is dialog.seller_picker.edit
        _burst(qtbot, dialog, seller, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: dialog.seller_picker.selected is not None)
        assert dialog.seller_picker.selected.code == seller and dialog.isVisible()  # Enter/Tab saved nothing
        bank = _code_of(demo_db, "bank")
        _burst(qtbot, dialog.seller_picker.edit, bank)  # a bank sells no shoes
        qtbot.waitUntil(lambda: dialog.seller_picker.selected is None)
        assert bank in dialog.seller_picker.status.text() and dialog.seller_picker.edit.text() == bank
        odd = "<b>pt</b>" + "Q" * 80  # a scanner can send any line: quoted short and as typed
        _burst(qtbot, dialog.seller_picker.edit, odd)
        qtbot.waitUntil(lambda: "<b>pt</b>" in dialog.seller_picker.status.text())
        assert dialog.seller_picker.status.textFormat() == Qt.TextFormat.PlainText
        assert "…" in dialog.seller_picker.status.text() and odd not in dialog.seller_picker.status.text()
        assert dialog.width() < 1366 and dialog.seller_picker.edit.text() == odd
        settle(qtbot, context)
        assert _checked_in(demo_db) == [] and _failed(demo_db) == [] and not window.toast.isVisible()
    finally:
        QDialog.reject(dialog)  # unasked: an open form would make closing the window ask


def test_a_toast_stays_on_top_of_the_page_that_comes_up(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    # The stack raises the page it shows: a page shown (or built, once the event is open) while a
    # toast is up was drawn over it, its fields through the toast's text.
    window, context = _window(qtbot, demo_db)
    window.show_page(PAGES.index("orders"))
    window.toast.show_message("Scan IKM001 diterima", "", accent="#1d4e89", background="#eef3fa")
    for key in ["participants", "schedule", "reports", "dashboard"]:
        window.show_page(PAGES.index(key))
        widgets = [child for child in window.stack.children() if isinstance(child, QWidget)]
        assert widgets.index(window.toast) > widgets.index(window.page(key)), key  # later = on top
    assert window.toast.isVisible()
    settle(qtbot, context)
