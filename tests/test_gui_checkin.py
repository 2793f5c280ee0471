"""The Registrasi page driven like a desk: codes typed key by key as a scanner does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop.models.checkin import checkin
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.checkin.checkin import Outcome
from desktop.models.event.database import Database
from desktop.models.orm import CheckInEvent, FailedScan, Participant
from desktop.views import settings
from desktop.views.checkin_page import CheckInPage
from desktop.views.desk_dialogs import OperatorDialog, WalkInDialog
from tests.gui_helpers import make_context, settle


def _page(qtbot, db: Database, actor: Actor | None = None) -> CheckInPage:  # type: ignore[no-untyped-def]
    context = make_context(db)
    if actor is not None:
        context.actor = actor
    page = CheckInPage(context)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    settle(qtbot, context)
    qtbot.waitUntil(lambda: page.index is not None)
    return page


def _keys(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Key by key; characters QTest cannot synthesise (é …) arrive as an input-method commit would."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            widget.insert(char)


def _type(qtbot, page: CheckInPage, keys: str, *, end: Qt.Key | None = Qt.Key.Key_Return):  # type: ignore[no-untyped-def]
    """Type like a scanner (key by key, then Enter) and return the answer shown."""
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        _keys(qtbot, page.scan_input, keys)
        if end is not None:
            qtbot.keyClick(page.scan_input, end)
    settle(qtbot, page.context)
    return blocker.args[0]


def _events(db: Database) -> list[CheckInEvent]:
    with db.read() as session:
        return list(session.scalars(select(CheckInEvent).order_by(CheckInEvent.id)))


def _failed(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(FailedScan.id))) or 0


def test_scan_checks_in_and_shows_who_and_where(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    result = _type(qtbot, page, "IKM001")
    assert result.outcome is Outcome.CHECKED_IN and result.person.code == "IKM001"
    assert page.panel.state == Outcome.CHECKED_IN
    assert page.panel.name_label.text() == "CV. Lancar Abadi"
    assert "Penguji" in page.panel.time_label.text() and "Meja Uji" in page.panel.time_label.text()
    assert "Tidak ada pertemuan" in page.panel.meeting_label.text()
    assert page.panel.undo_button.isVisibleTo(page.panel) and page.sounds.last is Outcome.CHECKED_IN
    assert page.scan_input.text() == "" and page.scan_input.hasFocus()
    events = _events(demo_db)
    assert [(e.action, e.operator_name, e.desk) for e in events] == [("check_in", "Penguji", "Meja Uji")]
    qtbot.waitUntil(lambda: page.counters.text_of("ikm") == "1/70")
    assert page.missing_model.rowCount() == 86


def test_scanner_without_enter_checks_in_after_a_pause(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    result = _type(qtbot, page, "ikm002", end=None)
    assert result.outcome is Outcome.CHECKED_IN and result.person.code == "IKM002"
    assert len(_events(demo_db)) == 1


@pytest.mark.parametrize("end", [Qt.Key.Key_Tab, Qt.Key.Key_Enter])
def test_scanner_ending_with_tab_or_keypad_enter(qtbot, demo_db, end) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    assert _type(qtbot, page, "]Q1IKM007", end=end).person.code == "IKM007"
    assert page.scan_input.hasFocus()


def test_double_enter_checks_in_once(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    with qtbot.waitSignal(page.result_shown, timeout=5000):
        qtbot.keyClicks(page.scan_input, "IKM003")
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    settle(qtbot, page.context)
    qtbot.wait(SCANNER_WAIT)
    settle(qtbot, page.context)
    assert page.panel.state == Outcome.CHECKED_IN
    assert len(_events(demo_db)) == 1 and _failed(demo_db) == 0


SCANNER_WAIT = 400  # longer than the no-Enter idle timer


def test_duplicate_scan_is_calm_and_says_when_and_by_whom(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    sari = Actor(name="Sari", role="desk", desk="Meja Registrasi 1")
    with demo_db.transaction() as session:
        first = checkin.check_in(session, "IKM004", sari)
    page = _page(qtbot, demo_db)
    result = _type(qtbot, page, "IKM004")
    assert result.outcome is Outcome.ALREADY
    clock = first.at.strftime("%H:%M")
    assert page.panel.time_label.text() == f"sudah check-in {clock} oleh Sari di Meja Registrasi 1"
    assert page.panel.state == Outcome.ALREADY and page.sounds.last is Outcome.ALREADY
    assert not page.panel.undo_button.isVisibleTo(page.panel)  # nothing destructive on offer
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.context)
    assert len(_events(demo_db)) == 1 and "Tidak ada check-in" in page.panel.note_label.text()


def test_undo_with_ctrl_z_and_history(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    checked = _type(qtbot, page, "IKM005")
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.context)
    assert blocker.args[0].outcome is Outcome.UNDONE and page.panel.state == Outcome.UNDONE
    assert [e.action for e in _events(demo_db)] == ["check_in", "undo"]
    assert not page.index.is_present(checked.person.id)
    assert not page.panel.undo_button.isVisibleTo(page.panel)
    page.panel.history_button.click()
    settle(qtbot, page.context)
    dialog = page.active_dialog
    assert dialog is not None and dialog.table.rowCount() == 2
    assert dialog.table.item(1, 1).text() == "Check-in dibatalkan" and dialog.table.item(1, 2).text() == "Penguji"
    dialog.reject()
    again = _type(qtbot, page, "IKM005")
    assert again.outcome is Outcome.CHECKED_IN


def test_search_cards_arrow_keys_and_enter(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    qtbot.keyClicks(page.scan_input, "sepatu")
    shown = min(len(page.hits), len(page.cards))
    assert len(page.hits) > 3 and sum(card.isVisibleTo(page) for card in page.cards) == shown
    assert page.hint_label.text().startswith(f"{len(page.hits)} cocok") and "↑/↓" in page.hint_label.text()
    target = page.hits[2].person
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Down)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Down)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Down)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Up)
    assert page.current_row == 2
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    settle(qtbot, page.context)
    assert blocker.args[0].person.id == target.id
    assert [e.participant_id for e in _events(demo_db)] == [target.id]


def test_one_match_enter_and_card_button(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    with demo_db.read() as session:
        ikm = participants.find_by_code(session, "IKM010")
        other = participants.find_by_code(session, "IKM011")
    assert ikm is not None and other is not None
    result = _type(qtbot, page, ikm.phone[-7:])  # phone digits, one match
    assert result.person.id == ikm.id
    qtbot.keyClicks(page.scan_input, other.contact_person)
    card = next(c for c in page.cards if c.isVisibleTo(page) and c.hit.person.id == other.id)
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        card.button.click()
    settle(qtbot, page.context)
    assert blocker.args[0].person.id == other.id


def test_keys_typed_elsewhere_on_the_page_go_to_the_scan_field(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    page.missing_table.setFocus()
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        qtbot.keyClicks(page.missing_table, "IKM006")
        assert page.scan_input.hasFocus() or page.scan_input.text() == "IKM006"
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    assert blocker.args[0].person.code == "IKM006"


@pytest.mark.parametrize("raw", ["IKM999", "x" * 40 + "'\"<b>é", "KODE RUSAK !!"])
def test_unknown_input_is_logged_and_shown(qtbot, demo_db, raw) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    result = _type(qtbot, page, raw)
    assert result.outcome is Outcome.UNKNOWN and page.panel.state == Outcome.UNKNOWN
    assert page.sounds.last is Outcome.UNKNOWN and _failed(demo_db) == 1 and _events(demo_db) == []
    qtbot.waitUntil(lambda: page.failed_model.rowCount() == 1)
    assert page.tabs.tabText(1) == "Scan gagal (1)"


def test_whitespace_and_500_characters(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    qtbot.keyClicks(page.scan_input, "   ")
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    qtbot.wait(SCANNER_WAIT)
    settle(qtbot, page.context)
    assert page.panel.state == "idle" and _failed(demo_db) == 0
    page.scan_input.clear()
    garbage = "".join(chr(0x21 + (i * 37) % 0x5E) for i in range(500))
    result = _type(qtbot, page, garbage)
    assert result.outcome is Outcome.UNKNOWN and _events(demo_db) == [] and _failed(demo_db) == 1


def test_walk_in_saves_checks_in_and_offers_the_badge(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.active_dialog
    assert isinstance(dialog, WalkInDialog) and dialog.isVisible()
    _keys(qtbot, dialog.name_edit, "UD. Sandal Jum'at Réné")
    qtbot.keyClicks(dialog.contact_edit, "Bu Siti")
    qtbot.keyClicks(dialog.phone_edit, "0813 7777 1234")
    dialog.category_checks["sandal"].setChecked(True)
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    settle(qtbot, page.context)
    result = blocker.args[0]
    assert result.outcome is Outcome.CHECKED_IN and result.person.is_walk_in and result.person.code == "IKM071"
    assert page.panel.badge_button.isVisibleTo(page.panel)
    page.panel.badge_button.click()
    assert "belum tersedia" in page.panel.note_label.text()
    with demo_db.read() as session:
        created = session.scalars(select(Participant).where(Participant.code == "IKM071")).one()
        assert created.is_walk_in and created.phone == "+6281377771234"
    qtbot.waitUntil(lambda: page.index is not None and page.index.by_code("IKM071") is not None)
    assert page.active_dialog is None


def test_walk_in_duplicate_warning_lets_the_operator_pick_the_existing(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    with demo_db.read() as session:
        known = participants.find_by_code(session, "IKM012")
    assert known is not None
    dialog = page.open_walk_in()
    qtbot.keyClicks(dialog.name_edit, "Orang Lain")
    dialog.phone_edit.setText(known.phone)
    dialog.save_button.click()
    settle(qtbot, page.context)
    assert dialog.duplicate_box.isVisible() and dialog.duplicate_list.count() == 1
    assert known.code in dialog.duplicate_list.item(0).text()
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        dialog.use_existing_button.click()
    settle(qtbot, page.context)
    assert blocker.args[0].person.id == known.id
    with demo_db.read() as session:
        assert session.scalar(select(func.count(Participant.id))) == 87


def test_print_schedule_is_honest_until_reports_exist(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    result = _type(qtbot, page, "IKM008")
    qtbot.keyClick(page.scan_input, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "Cetak jadwal pribadi belum tersedia" in page.panel.note_label.text()
    asked: list[int] = []
    page.print_schedule_requested.connect(asked.append)
    page.panel.schedule_button.click()
    assert asked == [result.person.id]


def test_operator_is_asked_at_start_and_recorded(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db, actor=Actor(name="Admin"))
    qtbot.waitUntil(lambda: isinstance(getattr(page.context, "operator_dialog", None), OperatorDialog))
    dialog = page.context.operator_dialog
    assert [dialog.name_combo.itemText(i) for i in range(dialog.name_combo.count())] == ["Admin Disperindag", "Budi", "Sari"]
    dialog.name_combo.setCurrentText("Sari")
    dialog.desk_edit.setText("Meja Registrasi 2")
    dialog.ok_button.click()
    settle(qtbot, page.context)
    assert page.context.actor == Actor(name="Sari", role="desk", desk="Meja Registrasi 2")
    store = settings.app_settings()
    assert (settings.OPERATOR.get(store), settings.DESK.get(store)) == ("Sari", "Meja Registrasi 2")
    assert "Sari" in page.operator_label.text()
    _type(qtbot, page, "IKM009")
    assert [(e.operator_name, e.desk) for e in _events(demo_db)] == [("Sari", "Meja Registrasi 2")]


def test_operator_with_a_pin_must_give_it(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.access import operators as operator_service
    from desktop.models.orm import Operator

    with demo_db.transaction() as session:
        sari = session.query(Operator).filter_by(name="Sari").one()
        sari.pin_hash = operator_service.hash_pin("2468")
    page = _page(qtbot, demo_db, actor=Actor(name="Admin"))
    qtbot.waitUntil(lambda: isinstance(getattr(page.context, "operator_dialog", None), OperatorDialog))
    dialog = page.context.operator_dialog
    dialog.name_combo.setCurrentText("Sari")
    dialog.desk_edit.setText("Meja 2")
    dialog.pin_edit.setText("1111")
    dialog.ok_button.click()
    settle(qtbot, page.context)
    assert "PIN salah" in dialog.error_label.text() and page.context.actor.name == "Admin"
    dialog.pin_edit.setText("2468")
    dialog.ok_button.click()
    settle(qtbot, page.context)
    assert page.context.actor == Actor(name="Sari", role="desk", desk="Meja 2")


def test_main_window_uses_the_checkin_page(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.event import event_setup
    from desktop.views.main_window import MainWindow

    context = make_context(demo_db)
    with demo_db.read() as session:
        event = event_setup.get_event(session)
    window = MainWindow(context, event)
    qtbot.addWidget(window)
    window.show()
    window.show_page(1)
    settle(qtbot, context)
    assert isinstance(window.page("checkin"), CheckInPage)


def test_enter_with_several_matches_takes_the_highlighted_first(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    qtbot.keyClicks(page.scan_input, "sepatu")
    assert len(page.hits) > 1 and page.cards[0].hit.person == page.hits[0].person
    first = page.hits[0].person
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    settle(qtbot, page.context)
    assert blocker.args[0].person.id == first.id and [e.participant_id for e in _events(demo_db)] == [first.id]


def test_twenty_matches_for_a_common_name_are_all_reachable(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        made = [participants.create_participant(session, participants.ParticipantData(
            business_name=f"UD Sepatu Makmur Jaya {n}", contact_person=f"Pak Slamet {n}", phone=f"08125551{n:04d}"),
            Actor(name="Admin", role="admin")).id for n in range(20)]
    page = _page(qtbot, demo_db)
    panel_top = page.panel.geometry().top()
    results_box = page.results.geometry()
    qtbot.keyClicks(page.scan_input, "makmur jaya")
    assert len(page.hits) == 20 and {h.person.id for h in page.hits} == set(made)
    assert page.hint_label.text().startswith("20 cocok")
    assert page.results.more_button.isVisibleTo(page) and "14 lainnya" in page.results.more_button.text()
    assert page.panel.geometry().top() == panel_top and page.results.geometry() == results_box  # no jumping
    last = page.hits[19].person
    for _step in range(19):
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Down)
    assert page.current_row == 19 and any(c.hit.person == last and c.isVisibleTo(page) for c in page.cards)
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    settle(qtbot, page.context)
    assert blocker.args[0].person.id == last.id


def test_code_prefix_lists_every_code_in_order(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    qtbot.keyClicks(page.scan_input, "ikm03")
    assert [h.person.code for h in page.hits[:10]] == [f"IKM03{n}" for n in range(10)]
    assert page.hint_label.text().startswith(f"{len(page.hits)} cocok")


def test_undo_shows_a_toast_and_kembalikan_brings_the_check_in_back(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db)
    checked = _type(qtbot, page, "IKM008")
    with qtbot.waitSignal(page.result_shown, timeout=5000):
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page.context)
    toast = page.undo_toast
    assert toast.isVisible() and checked.person.business_name in toast.headline.text()
    assert "IKM008" in toast.body.text() and "Kembalikan (Ctrl+Y)" == toast.action_button.text()
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # one key
    settle(qtbot, page.context)
    assert blocker.args[0].outcome is Outcome.CHECKED_IN and blocker.args[0].person.id == checked.person.id
    assert [e.action for e in _events(demo_db)] == ["check_in", "undo", "check_in"]  # history keeps both
    assert not toast.isVisible() and page.index.is_present(checked.person.id)
    qtbot.keyClick(page.scan_input, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # nothing more to redo
    settle(qtbot, page.context)
    assert len(_events(demo_db)) == 3


def test_the_redo_toast_goes_away_by_itself(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("desktop.views.checkin_page.REDO_SECONDS", 0.2)
    page = _page(qtbot, demo_db)
    _type(qtbot, page, "IKM009")
    with qtbot.waitSignal(page.result_shown, timeout=5000):
        page.panel.undo_button.click()
    assert page.undo_toast.isVisible()
    qtbot.waitUntil(lambda: not page.undo_toast.isVisible(), timeout=3000)
    assert not page.undo_toast.action_available
