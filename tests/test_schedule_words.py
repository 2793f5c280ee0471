"""The Jadwal page's plain rules without a window: requests offered for a free cell, store messages."""

from __future__ import annotations

from desktop.models.schedule import board as board_service
from desktop.models.event.database import Database
from desktop.models.schedule.meeting_requests import list_requests
from desktop.models.schedule.schedule_store import StoreSummary
from desktop.views.request_model import RequestLine
from desktop.views.schedule_words import board_summary, stored_message, waiting_for_cell
from tests.schedule_fixtures import _scheduled_template, scheduled_db  # noqa: F401


def test_a_free_cell_offers_waiting_requests_with_both_sides_free_first(scheduled_db: Database) -> None:  # noqa: F811
    with scheduled_db.read() as session:
        board = board_service.load_board(session)
        statuses = board_service.request_statuses(session)
        lines = [RequestLine(row, statuses.get(row.id)) for row in list_requests(session)]
    waiting = [line for line in lines if not line.scheduled]
    assert waiting, "the fixture leaves some requests unscheduled"
    for slot in board.slots:
        busy = {pid for card in board.meetings if card.slot_id == slot.id
                for pid in (card.a.participant_id, card.b.participant_id)}
        offered = waiting_for_cell(board, lines, slot.id)
        assert sorted(line.row.id for line in offered) == sorted(line.row.id for line in waiting)
        clash = [line.row.participant_a_id in busy or line.row.participant_b_id in busy for line in offered]
        assert clash == sorted(clash)  # every request whose sides are free comes before any that clashes
        for first, second in zip(offered, offered[1:]):
            if clash[offered.index(first)] == clash[offered.index(second)]:
                assert first.row.priority >= second.row.priority


def test_store_and_board_sentences() -> None:
    assert stored_message(StoreSummary(kept=3, removed=1, added=40)) == (
        "Jadwal disimpan: 40 pertemuan baru, 3 tetap di tempatnya.")
    assert stored_message(StoreSummary(kept=3, removed=1, added=40, frozen=2)).endswith(
        "2 pertemuan di sesi yang sudah dimulai tidak diubah.")
    assert board_summary(12, 20) == "12 pertemuan di papan dari 20 permintaan."
