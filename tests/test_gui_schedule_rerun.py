"""F5 while the day runs: the page says what would change and asks; Urungkan puts the old schedule back."""

from __future__ import annotations

from sqlalchemy import select

from desktop.models.schedule import meetings
from desktop.models.event.database import Database
from desktop.models.enums import MeetingStatus
from desktop.models.orm import Meeting
from desktop.models.schedule.schedule_store import started_slot_ids
from desktop.views.schedule_page import SchedulePage
from tests.conftest import ADMIN
from tests.gui_helpers import make_context, settle
from tests.played_day import _played_template, at, played_db  # noqa: F401

MOMENT = at(10, 13)


def _cells(db: Database) -> set[tuple[int, int, int, int, str]]:
    with db.read() as session:
        return {(m.id, m.request_id, m.slot_id, m.table_id, m.status) for m in session.scalars(select(Meeting))}


def _page(qtbot, db: Database):  # type: ignore[no-untyped-def]
    context = make_context(db)
    page = SchedulePage(context, clock=lambda: MOMENT)
    qtbot.addWidget(page)
    page.resize(1196, 700)
    page.show()
    settle(qtbot, context)
    return page, context


def _free_future_seats(db: Database, count: int) -> None:
    with db.transaction() as session:
        started = started_slot_ids(session, MOMENT)
        future = [m for m in session.scalars(select(Meeting).order_by(Meeting.id))
                  if m.slot_id not in started and m.status == MeetingStatus.SCHEDULED.value][:count]
        for meeting in future:
            meetings.remove_meeting(session, meeting.id, ADMIN, now=MOMENT)


def _run(qtbot, page: SchedulePage, context) -> None:  # type: ignore[no-untyped-def]
    page.time_limit_spin.setValue(1)
    page.run_scheduler()
    qtbot.waitUntil(lambda: page.run_dialog is None and page.run_button.isEnabled(), timeout=60_000)
    settle(qtbot, context, timeout=20_000)


def test_f5_during_the_day_asks_with_the_change_count_then_undo_restores(qtbot, played_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _free_future_seats(played_db, 6)
    before = _cells(played_db)
    with played_db.read() as session:
        started = started_slot_ids(session, MOMENT)
    asked: list[str] = []
    monkeypatch.setattr("desktop.views.messages.confirm", lambda _parent, text, **_kw: asked.append(text) or True)
    page, context = _page(qtbot, played_db)
    assert not page.undo_button.isEnabled()
    _run(qtbot, page, context)
    assert len(asked) == 1, page.message_label.text()
    assert len(asked) == 1 and "pertemuan dari" in asked[0] and "peserta berubah; slip baru diperlukan" in asked[0]
    after = _cells(played_db)
    assert after != before
    assert {c for c in after if c[2] in started} == {c for c in before if c[2] in started}
    assert page.undo_button.isEnabled()
    page.undo_button.click()
    settle(qtbot, context)
    assert _cells(played_db) == before
    assert "diurungkan" in page.message_label.text()
    assert context.shown_errors == []


def test_declining_the_question_stores_nothing(qtbot, played_db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _free_future_seats(played_db, 6)
    before = _cells(played_db)
    monkeypatch.setattr("desktop.views.messages.confirm", lambda *_a, **_kw: False)
    page, context = _page(qtbot, played_db)
    _run(qtbot, page, context)
    assert _cells(played_db) == before
    assert "tidak disimpan" in page.message_label.text()
    assert not page.undo_button.isEnabled()
