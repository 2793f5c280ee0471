"""The past is frozen: a re-run during the event keeps started slots exactly, says what changes, can be undone."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.cli import main
from desktop.models.schedule import meetings
from desktop.models.event.database import Database
from desktop.models.enums import MeetingStatus
from desktop.models.errors import ConflictError
from desktop.models.orm import AuditLog, Meeting, TimeSlot
from desktop.models.schedule.schedule_store import export_problem, started_slot_ids, store_schedule
from desktop.models.schedule.schedule_undo import last_store_id, schedule_changes, undo_store
from desktop.scheduling import Options, solve
from desktop.scheduling.solver import Engine
from tests.conftest import ADMIN
from tests.played_day import _played_template, at, played_db  # noqa: F401


def _cells(db: Database) -> dict[int, tuple[int, int, int, str, bool]]:
    with db.read() as session:
        return {m.id: (m.request_id, m.slot_id, m.table_id, m.status, m.locked) for m in session.scalars(select(Meeting))}


def _started(db: Database, hour: int, minute: int) -> set[int]:
    with db.read() as session:
        return started_slot_ids(session, at(hour, minute))


def _rerun(db: Database, hour: int, minute: int, *, unfrozen: bool = False):  # type: ignore[no-untyped-def]
    with db.read() as session:
        problem = export_problem(session, Options(time_limit_s=2, seed=7), moment=None if unfrozen else at(hour, minute))
    return solve(problem, engine=Engine.FAST)


def test_a_rerun_at_10_13_keeps_every_started_slot_exactly(played_db: Database) -> None:
    started = _started(played_db, 10, 13)
    with played_db.read() as session:
        starts = {s.id: s.start for s in session.scalars(select(TimeSlot))}
    assert started == {sid for sid, start in starts.items() if start <= at(10, 13).time()}
    assert any(start <= at(10, 13).time() < (at(10, 20).time()) and start > at(9, 59).time() for start in
               (starts[sid] for sid in started))  # the 10:00 slot is running and frozen
    before = _cells(played_db)
    result = _rerun(played_db, 10, 13)
    with played_db.read() as session:
        slot_ids = {f"s{s.ordinal}": s.id for s in session.scalars(select(TimeSlot))}
    live_then = {(cell[0], cell[1]) for cell in before.values() if cell[3] != MeetingStatus.CANCELLED.value}
    placed_then = [m for m in result.meetings if slot_ids[m.slot] in started]
    assert placed_then and all((int(m.request[1:]), slot_ids[m.slot]) in live_then for m in placed_then)
    with played_db.transaction() as session:
        summary = store_schedule(session, result, ADMIN, moment=at(10, 13))
    after = _cells(played_db)
    kept_then = {mid: cell for mid, cell in before.items() if cell[1] in started}
    assert kept_then and {mid: after.get(mid) for mid in kept_then} == kept_then
    assert not [cell for mid, cell in after.items() if cell[1] in started and mid not in before]
    assert summary.frozen == sum(1 for cell in kept_then.values() if cell[3] != MeetingStatus.CANCELLED.value)


def test_a_run_made_without_the_freeze_is_refused(played_db: Database) -> None:
    """A schedule solved as if nothing had started cannot be stored over a running day."""
    result = _rerun(played_db, 10, 13, unfrozen=True)
    before = _cells(played_db)
    with played_db.read() as session:
        changes = schedule_changes(session, result)
    # The fast engine with a fixed seed is deterministic: solved as if nothing had started, it
    # rearranges the slots already under way (the bug this guards against).
    assert changes.meetings
    with pytest.raises(ConflictError), played_db.transaction() as session:
        store_schedule(session, result, ADMIN, moment=at(10, 13))
    assert _cells(played_db) == before


def test_changes_are_counted_then_the_run_is_undone_in_one_step(played_db: Database) -> None:
    before = _cells(played_db)
    with played_db.transaction() as session:  # free some future seats so a re-run has work
        future = [m for m in session.scalars(select(Meeting)) if m.slot_id not in started_slot_ids(session, at(10, 13))
                  and m.status == MeetingStatus.SCHEDULED.value][:5]
        for meeting in future:
            meetings.remove_meeting(session, meeting.id, ADMIN, now=at(10, 13))
    edited = _cells(played_db)
    result = _rerun(played_db, 10, 13)
    with played_db.read() as session:
        changes = schedule_changes(session, result)
    assert changes.meetings > 0 and changes.participants >= 2
    assert f"{changes.meetings} pertemuan dari {changes.participants} peserta berubah" in changes.sentence()
    with played_db.transaction() as session:
        summary = store_schedule(session, result, ADMIN, moment=at(10, 13))
    assert _cells(played_db) != edited
    with played_db.transaction() as session:
        assert last_store_id(session) == summary.audit_id
        undone = undo_store(session, ADMIN, summary.audit_id, moment=at(10, 14))
    assert undone.removed == summary.added
    assert _cells(played_db) == edited != before
    with played_db.read() as session:
        assert last_store_id(session) != summary.audit_id
        assert session.scalars(select(AuditLog.action).order_by(AuditLog.id.desc())).first() == "schedule.store.undo"
    with pytest.raises(ConflictError), played_db.transaction() as session:  # twice is refused
        undo_store(session, ADMIN, summary.audit_id, moment=at(10, 14))


def test_undo_refuses_after_a_hand_edit_or_once_the_slot_started(played_db: Database) -> None:
    with played_db.transaction() as session:
        future = next(m for m in session.scalars(select(Meeting)) if m.slot_id not in started_slot_ids(session, at(10, 13))
                      and m.status == MeetingStatus.SCHEDULED.value)
        meetings.remove_meeting(session, future.id, ADMIN, now=at(10, 13))
    result = _rerun(played_db, 10, 13)
    with played_db.transaction() as session:
        summary = store_schedule(session, result, ADMIN, moment=at(10, 13))
    assert summary.audit_id is not None
    stored = _cells(played_db)
    with pytest.raises(ConflictError), played_db.transaction() as session:  # the 10:20 slot began meanwhile
        undo_store(session, ADMIN, summary.audit_id, moment=at(16, 0))
    assert _cells(played_db) == stored


def test_removing_a_meeting_of_a_started_slot_is_refused(played_db: Database) -> None:
    with played_db.read() as session:
        running = next(m.id for m in session.scalars(select(Meeting)) if m.slot_id in started_slot_ids(session, at(10, 13))
                       and m.status == MeetingStatus.SCHEDULED.value)
    with pytest.raises(meetings.RuleError), played_db.transaction() as session:
        meetings.remove_meeting(session, running, ADMIN, now=at(10, 13))


def test_cli_schedule_now_keeps_the_past_and_says_how_much(played_db: Database, capsys) -> None:  # type: ignore[no-untyped-def]
    before = _cells(played_db)
    started = _started(played_db, 10, 10)
    path = played_db.engine.url.database
    played_db.engine.dispose()
    assert main(["schedule", "--db", str(path), "--now", "10:10", "--time-limit", "2"]) == 0
    out = capsys.readouterr().out
    after = _cells(played_db)
    kept = {mid: cell for mid, cell in before.items() if cell[1] in started}
    assert {mid: after.get(mid) for mid in kept} == kept
    frozen = sum(1 for cell in kept.values() if cell[3] != MeetingStatus.CANCELLED.value)
    assert f"Jam acuan 10:10: {frozen} pertemuan" in out


def test_store_and_undo_on_either_database(demo_db: Database) -> None:
    """The same frozen store and one-step undo on SQLite and PostgreSQL (ids put back as they were)."""
    from tests.schedule_fixtures import schedule_demo

    schedule_demo(demo_db)
    with demo_db.transaction() as session:
        started = started_slot_ids(session, at(10, 13))
        future = [m for m in session.scalars(select(Meeting).order_by(Meeting.id)) if m.slot_id not in started][:4]
        for meeting in future:
            meetings.remove_meeting(session, meeting.id, ADMIN, now=at(10, 13))
    before = _cells(demo_db)
    result = _rerun(demo_db, 10, 13)
    with demo_db.transaction() as session:
        summary = store_schedule(session, result, ADMIN, moment=at(10, 13))
    after = _cells(demo_db)
    assert {k: v for k, v in after.items() if v[1] in started} == {k: v for k, v in before.items() if v[1] in started}
    assert summary.frozen > 0 and summary.audit_id is not None
    with demo_db.transaction() as session:
        undo_store(session, ADMIN, summary.audit_id, moment=at(10, 14))
    assert _cells(demo_db) == before
