"""The Jadwal page driven like a user: run the scheduler, drag, undo, lock, repair, outcomes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.models.schedule import board
from desktop.models.checkin import checkin
from desktop.models.event.database import Database
from desktop.models.orm import Meeting
from desktop.views.schedule_board import MIME, BoardModel
from desktop.views.schedule_page import SchedulePage
from tests.conftest import ADMIN
from tests.gui_helpers import make_context, settle
from tests.schedule_fixtures import _scheduled_template, at, scheduled_db  # noqa: F401


def _page(qtbot, db: Database, moment: dt.datetime = at(7)):  # type: ignore[no-untyped-def]
    context = make_context(db)
    page = SchedulePage(context, clock=lambda: moment)
    qtbot.addWidget(page)
    page.resize(1196, 700)
    page.show()
    settle(qtbot, context)
    return page, context


def _drop(model: BoardModel, meeting_id: int, slot_id: int, table_id: int) -> None:
    """What a mouse drop does: the dragged card's data dropped on the target cell."""
    source = model.index_of_meeting(meeting_id)
    data = model.mimeData([source])
    assert data.hasFormat(MIME)
    target = model.index_of_cell(slot_id, table_id)
    assert model.canDropMimeData(data, model.supportedDropActions(), -1, -1, target)
    model.dropMimeData(data, model.supportedDropActions(), -1, -1, target)


def _stored_cell(db: Database, meeting_id: int) -> tuple[int, int]:
    with db.read() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
        return meeting.slot_id, meeting.table_id


def _movable(page: SchedulePage) -> tuple[int, tuple[int, int], tuple[int, int]]:
    """A meeting from slot 4 on, its cell and a free cell at its table where both sides are free."""
    b = page.board
    assert b is not None
    taken = {(m.slot_id, m.table_id) for m in b.meetings}
    for card in b.meetings:
        if card.slot_id not in {s.id for s in b.slots[3:]}:
            continue
        busy = {m.slot_id for m in b.meetings if m.involves(card.a.participant_id) or m.involves(card.b.participant_id)}
        for slot in b.slots[3:]:
            if slot.id not in busy and (slot.id, card.table_id) not in taken:
                return card.id, (card.slot_id, card.table_id), (slot.id, card.table_id)
    raise AssertionError("no movable meeting")


def test_schedule_the_demo_event_from_the_page(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, demo_db)
    assert page.model.rowCount() == 15 and page.model.columnCount() == 15
    assert not page.board.meetings  # type: ignore[union-attr]
    assert "PT Toserba Nusantara Raya: 17 permintaan, 15 sesi" in page.requests_tab.loads_label.text()
    page.time_limit_spin.setValue(2)
    with qtbot.waitSignal(page.schedule_stored, timeout=30_000):
        page.run_scheduler()
        qtbot.waitUntil(lambda: page.run_dialog is not None, timeout=5000)
        assert page.run_dialog.isVisible()  # type: ignore[union-attr]
    settle(qtbot, context)
    assert len(page.board.meetings) >= 170  # type: ignore[union-attr]
    text = page.result_label.text()
    assert "dari 182" in text and "batas atas" in text and "IKM dengan pertemuan" in text and "terbukti optimal" in text
    waiting = [line for line in page.requests_tab.model.rows() if not line.scheduled]
    assert waiting and all(line.status_text().startswith("Belum: ") for line in waiting)
    assert context.shown_errors == []


def test_cancelled_run_leaves_the_schedule_alone(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, scheduled_db)
    before = {(m.id, m.slot_id, m.table_id) for m in page.board.meetings}  # type: ignore[union-attr]
    page.time_limit_spin.setValue(30)
    page.run_scheduler()
    qtbot.waitUntil(lambda: page.run_dialog is not None, timeout=5000)
    page.run_dialog.cancel()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: page.run_dialog is None, timeout=30_000)
    settle(qtbot, context)
    assert "dibatalkan" in page.message_label.text()
    with scheduled_db.read() as session:
        after = {(m.id, m.slot_id, m.table_id) for m in board.load_board(session).meetings}
    assert after == before


def test_run_without_requests_says_why(qtbot, empty_event: Database) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, empty_event)
    page.run_scheduler()
    settle(qtbot, context)
    assert page.run_dialog is None
    assert "Belum ada permintaan pertemuan" in page.message_label.text()
    assert page.run_button.isEnabled()


def test_refused_drag_shows_the_reason_and_changes_nothing(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, scheduled_db)
    meeting_id, cell, _free = _movable(page)
    other = next(m for m in page.board.meetings  # type: ignore[union-attr]
                 if m.table_id == cell[1] and m.slot_id != cell[0])
    _drop(page.model, meeting_id, other.slot_id, other.table_id)
    settle(qtbot, context)
    assert page.message_label.isVisible()
    assert "sudah terisi" in page.message_label.text() and other.a.name in page.message_label.text()
    assert _stored_cell(scheduled_db, meeting_id) == cell
    assert not page.undo_stack.canUndo()


def test_drag_into_the_past_is_refused(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, scheduled_db, at(9, 50))
    meeting_id, cell, _free = _movable(page)
    first = page.board.slots[0]  # type: ignore[union-attr]
    _drop(page.model, meeting_id, first.id, cell[1])
    settle(qtbot, context)
    assert "sudah lewat" in page.message_label.text()
    assert _stored_cell(scheduled_db, meeting_id) == cell


def test_allowed_drag_then_undo_and_redo(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, scheduled_db)
    meeting_id, cell, free = _movable(page)
    _drop(page.model, meeting_id, *free)
    settle(qtbot, context)
    assert _stored_cell(scheduled_db, meeting_id) == free
    assert page.model.card_at(page.model.index_of_cell(*free)).id == meeting_id  # type: ignore[union-attr]
    assert page.undo_stack.canUndo() and "Pindah" in page.undo_stack.undoText()
    page.undo_button.click()
    settle(qtbot, context)
    assert _stored_cell(scheduled_db, meeting_id) == cell
    page.redo_button.click()
    settle(qtbot, context)
    assert _stored_cell(scheduled_db, meeting_id) == free


def test_lock_then_reschedule_keeps_it(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, scheduled_db)
    meeting_id, cell, free = _movable(page)
    _drop(page.model, meeting_id, *free)  # somewhere the scheduler would not put it by itself
    settle(qtbot, context)
    page.toggle_lock(meeting_id)
    settle(qtbot, context)
    assert page.model.card_at(page.model.index_of_cell(*free)).locked  # type: ignore[union-attr]
    page.time_limit_spin.setValue(1)
    with qtbot.waitSignal(page.schedule_stored, timeout=30_000):
        page.run_scheduler()
    settle(qtbot, context)
    assert _stored_cell(scheduled_db, meeting_id) == free
    with scheduled_db.read() as session:
        assert session.get(Meeting, meeting_id).locked  # type: ignore[union-attr]
    # A locked card refuses to be dragged, with the reason.
    _drop(page.model, meeting_id, *cell)
    settle(qtbot, context)
    assert "dikunci" in page.message_label.text()


def test_no_show_repair_refills_a_seat_and_offers_slips(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    moment = at(9, 50)
    page, context = _page(qtbot, scheduled_db, moment)
    panel = page.next_panel
    assert "Sesi 4" in panel.title_label.text()
    assert panel.table.rowCount() == len([m for m in page.board.meetings if m.slot_id == 4])  # type: ignore[union-attr]
    # Everybody is here except the IKM of one hosted meeting whose host has a request waiting.
    waiting_hosts = {
        pid for line in page.lines if not line.scheduled
        for pid in (line.row.participant_a_id, line.row.participant_b_id)
    }
    tables = {t.id: t.host_id for t in page.board.tables}  # type: ignore[union-attr]
    card = next(m for m in page.board.meetings  # type: ignore[union-attr]
                if m.slot_id == 4 and tables[m.table_id] in waiting_hosts)
    absent = card.other(tables[card.table_id])  # type: ignore[arg-type]
    with scheduled_db.transaction() as session:
        for person in page.board.people:  # type: ignore[union-attr]
            if person.id != absent.participant_id:
                checkin.check_in(session, person.code, ADMIN)
    page.refresh()
    settle(qtbot, context)
    assert "✗" in panel.table.item(
        next(r for r in range(panel.table.rowCount()) if absent.name in (panel.table.item(r, 1).text() + panel.table.item(r, 2).text())),
        1 if card.a.participant_id == absent.participant_id else 2,
    ).text()
    panel.plan_repair()
    settle(qtbot, context)
    dialog = panel.repair_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.plan.absent == (absent.name,)
    dialog.apply_button.click()
    settle(qtbot, context)
    assert panel.last_plan is not None and "baru" in panel.result_label.text()
    seat = next(m for m in page.board.meetings  # type: ignore[union-attr]
                if m.slot_id == 4 and m.table_id == card.table_id)
    assert seat.id != card.id and not seat.involves(absent.participant_id)
    assert panel.slips_button.isEnabled()
    panel.print_slips()
    settle(qtbot, context, timeout=20_000)
    preview = panel.slips_preview  # type: ignore[attr-defined]
    assert preview.isVisible()
    preview.close()
    with scheduled_db.read() as session:
        cancelled = session.get(Meeting, card.id)
        assert cancelled is not None and cancelled.status == "cancelled"
        assert session.scalar(select(Meeting.id).where(Meeting.id == seat.id)) == seat.id


def test_outcome_marking_with_note_and_order_link(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, scheduled_db)
    card = page.board.meetings[0]  # type: ignore[union-attr]
    page.open_outcome(card.id)
    settle(qtbot, context)
    dialog = page.outcome_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Belum ada pesanan" in dialog.orders_label.text()
    dialog.choose("no_show")
    qtbot.keyClicks(dialog.note_edit, "pembeli terlambat")
    dialog.save_button.click()
    settle(qtbot, context)
    assert page.outcome_dialog is None
    marked = page.model.card_at(page.model.index_of_meeting(card.id))
    assert marked is not None and (marked.status, marked.note) == ("no_show", "pembeli terlambat")
    assert "Tidak hadir" in page.model.data(page.model.index_of_meeting(card.id), 3)  # tooltip


def test_outcome_links_to_orders_page(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.event import event_setup
    from desktop.views.main_window import MainWindow

    context = make_context(scheduled_db)
    with scheduled_db.read() as session:
        event = event_setup.get_event(session)
    window = MainWindow(context, event)
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, context)
    page = window.page("schedule")
    assert isinstance(page, SchedulePage)
    settle(qtbot, context)  # built on first use: the board loads now
    card = page.board.meetings[0]  # type: ignore[union-attr]
    page.record_order(card.id)
    settle(qtbot, context)
    assert window.current_page_key() == "orders"
    orders = window.page("orders")
    assert orders.active_dialog is not None and orders.active_dialog.isVisible()  # type: ignore[attr-defined]
    orders.active_dialog.reject()  # type: ignore[attr-defined]


def test_people_view_and_focus_filter(qtbot, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    page, _context = _page(qtbot, scheduled_db)
    card = page.board.meetings[0]  # type: ignore[union-attr]
    page.focus_combo.setCurrentIndex(page.focus_combo.findData(card.a.participant_id))
    from desktop.views.schedule_board import DIM_ROLE

    assert not page.model.data(page.model.index_of_meeting(card.id), DIM_ROLE)
    other = next(m for m in page.board.meetings if not m.involves(card.a.participant_id))  # type: ignore[union-attr]
    assert page.model.data(page.model.index_of_meeting(other.id), DIM_ROLE)
    page.view_combo.setCurrentIndex(page.view_combo.findData("people"))
    assert page.model.columnCount() == 15 and page.model.rowCount() >= 80
    assert not page.model.flags(page.model.index(0, 0)) & page.model.flags(page.model.index(0, 0)).ItemIsDragEnabled


def test_board_model_passes_the_model_tester(qtmodeltester, scheduled_db: Database) -> None:  # type: ignore[no-untyped-def]
    with scheduled_db.read() as session:
        loaded = board.load_board(session)
    model = BoardModel()
    model.set_board(loaded, at(10))
    qtmodeltester.check(model)


def test_requests_tab_add_accept_suggestions_and_delete(qtbot, scheduled_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, scheduled_db)
    tab = page.requests_tab
    before = tab.model.rowCount()
    tab.add_request()
    settle(qtbot, context)
    dialog = tab.active_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.save_button.click()
    assert "kedua peserta" in dialog.error_label.text()
    qtbot.keyClicks(dialog.a_picker.edit, "BYR001")
    qtbot.keyClicks(dialog.b_picker.edit, "IKM001")
    dialog.save_button.click()
    settle(qtbot, context)
    assert tab.active_dialog is None and tab.model.rowCount() == before + 1
    # The same pair again: the dialog stays open and says why.
    tab.add_request()
    settle(qtbot, context)
    dialog = tab.active_dialog
    qtbot.keyClicks(dialog.a_picker.edit, "IKM001")  # type: ignore[union-attr]
    qtbot.keyClicks(dialog.b_picker.edit, "BYR001")  # type: ignore[union-attr]
    dialog.save_button.click()  # type: ignore[union-attr]
    settle(qtbot, context)
    assert dialog.isVisible() and "sudah ada" in dialog.error_label.text()  # type: ignore[union-attr]
    dialog.reject()  # type: ignore[union-attr]

    tab.show_suggestions()
    settle(qtbot, context)
    suggestions = tab.suggestions_dialog
    assert suggestions is not None and "PT Toserba Nusantara Raya" in suggestions.loads_label.text()
    suggestions.set_ticked([0, 1])
    suggestions.accept_ticked.click()
    settle(qtbot, context)
    assert tab.suggestions_dialog is None and tab.model.rowCount() == before + 3

    # Deleting a scheduled request warns that its meeting goes too.
    scheduled = next(i for i, line in enumerate(tab.model.rows()) if line.scheduled)
    tab.table.selectRow(tab.proxy.mapFromSource(tab.model.index(scheduled, 0)).row())
    asked: list[str] = []
    monkeypatch.setattr("desktop.views.messages.confirm", lambda _parent, text, **_kw: asked.append(text) or True)
    tab.delete_selected()
    settle(qtbot, context)
    assert asked and "ikut terhapus dari jadwal" in asked[0]
    assert tab.model.rowCount() == before + 2


def test_result_line_states_the_proved_fewest_breaks_when_not_proved(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from desktop.models.schedule.schedule_store import export_problem
    from desktop.scheduling import Engine, solve

    page, _context = _page(qtbot, demo_db)
    with demo_db.read() as session:
        page._run_problem = export_problem(session)
    result = solve(page._run_problem, engine=Engine.FAST)
    open_gap = dataclasses.replace(result, stats=dataclasses.replace(
        result.stats, breaks_total=9, breaks_lower_bound=7, proved_optimal={"a": True, "b": True, "c": True, "d": False}))
    assert "jeda 9 (paling sedikit yang mungkin: 7)" in page.describe_result(open_gap)
    proved = dataclasses.replace(result, stats=dataclasses.replace(
        result.stats, breaks_total=0, breaks_lower_bound=0, proved_optimal={"a": True, "b": True, "c": True, "d": True}))
    assert "paling sedikit" not in page.describe_result(proved)
