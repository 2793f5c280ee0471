"""The main window on the demo event, its pages and the participant dialog, driven like a user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.models.event import event_setup
from desktop.models.people import participants
from desktop.views.main_window import MainWindow
from desktop.views.participant_dialog import ParticipantDialog
from desktop.views.participant_model import ParticipantTableModel
from desktop.views.participants_page import ParticipantsPage
from tests.gui_helpers import make_context, settle


def _window(qtbot, demo_db):  # type: ignore[no-untyped-def]
    context = make_context(demo_db)
    with demo_db.read() as session:
        event = event_setup.get_event(session)
    window = MainWindow(context, event)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts need the active window
    settle(qtbot, context)
    return window, context


def test_main_window_shows_event_and_every_page(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, _context = _window(qtbot, demo_db)
    assert "Business Matching 2020" in window.windowTitle()
    assert "Jumat, 6 Maret 2020" in window.event_label.text()
    assert window.nav.count() == 6
    for number in range(1, 7):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == number - 1
    assert [window.nav.item(i).text() for i in range(6)] == [
        "Dasbor", "Registrasi", "Peserta", "Jadwal", "Pesanan", "Laporan"
    ]


def test_participants_page_lists_and_filters(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    page = window.page("participants")
    settle(qtbot, context)  # built on first use: its rows load now
    assert isinstance(page, ParticipantsPage)
    assert page.model.rowCount() == 87
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("ikm"))
    assert page.proxy.rowCount() == 70
    page.kind_combo.setCurrentIndex(0)
    qtbot.keyClicks(page.search_edit, "toserba")
    assert page.proxy.rowCount() == 1
    page.search_edit.clear()
    first_ikm = next(r for r in page.model.rows() if r.kind == "ikm")
    digits = first_ikm.phone[-6:]
    page.search_edit.setText(digits)
    assert any(page.proxy.index(i, 0).data() == first_ikm.code for i in range(page.proxy.rowCount()))
    assert "87 peserta" in page.count_label.text()


def test_participant_model_passes_qt_model_tester(qtmodeltester, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        rows = participants.list_participants(session)
    model = ParticipantTableModel()
    model.set_rows(rows)
    qtmodeltester.check(model)


def _dialog(page: ParticipantsPage) -> ParticipantDialog:
    dialog = page.active_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_add_participant_through_dialog(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    page = window.page("participants")
    settle(qtbot, context)  # built on first use: its rows load now
    page.add_participant()
    dialog = _dialog(page)
    qtbot.keyClicks(dialog.name_edit, "UD. Sandal Ma'ruf & Putra")
    qtbot.keyClicks(dialog.phone_edit, "0857 1234 5678")
    qtbot.keyClicks(dialog.capacity_edit, "900")
    dialog.category_checks["sandal"].setChecked(True)
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    settle(qtbot, context)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    settle(qtbot, context)
    with demo_db.read() as session:
        created = participants.find_by_code(session, "IKM071")
    assert created is not None and created.business_name == "UD. Sandal Ma'ruf & Putra"
    assert created.phone == "+6285712345678" and created.category_codes == ("sandal",)
    assert page.selected_row() is not None and page.selected_row().code == "IKM071"


def test_invalid_input_is_shown_next_to_the_field(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    page = window.page("participants")
    settle(qtbot, context)  # built on first use: its rows load now
    page.add_participant()
    dialog = _dialog(page)
    qtbot.keyClicks(dialog.phone_edit, "bukan nomor")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog._error_labels["business_name"].text() == "Nama usaha wajib diisi."
    assert "telepon" in dialog._error_labels["phone"].text().lower()
    dialog.reject()
    with demo_db.read() as session:
        assert len(participants.list_participants(session)) == 87


def test_edit_participant_through_dialog(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    page = window.page("participants")
    settle(qtbot, context)  # built on first use: its rows load now
    page.select_id(page.model.row_at(0).id)
    target = page.selected_row()
    page.edit_selected()
    dialog = _dialog(page)
    assert dialog.name_edit.text() == target.business_name
    dialog.contact_edit.setText("Bu Endang Lestari")
    dialog.save_button.click()
    settle(qtbot, context)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    with demo_db.read() as session:
        assert participants.get_participant(session, target.id).contact_person == "Bu Endang Lestari"


def test_delete_asks_with_consequences_then_deletes(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, context = _window(qtbot, demo_db)
    page = window.page("participants")
    settle(qtbot, context)  # built on first use: its rows load now
    target = next(r for r in page.model.rows() if r.kind == "ikm")
    page.select_id(target.id)
    asked: list[str] = []

    def fake_confirm(_parent, text, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return True

    monkeypatch.setattr("desktop.views.participants_page.messages.confirm", fake_confirm)
    page.delete_selected()
    settle(qtbot, context)
    settle(qtbot, context)
    assert asked and "permintaan pertemuan" in asked[0] and target.code in asked[0]
    qtbot.waitUntil(lambda: page.model.rowCount() == 86)
    QApplication.processEvents()


def test_english_window(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from desktop import i18n

    i18n.set_language("en")
    window, _context = _window(qtbot, demo_db)
    assert [window.nav.item(i).text() for i in range(6)] == [
        "Dashboard", "Check-in", "Participants", "Schedule", "Orders", "Reports"
    ]
    assert "Friday, 6 March 2020" in window.event_label.text()
