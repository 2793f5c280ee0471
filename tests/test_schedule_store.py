"""The demo event through the scheduler and back into the database."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.models.event.database import Database
from desktop.models.enums import MeetingStatus, ParticipantKind
from desktop.models.orm import AuditLog, Meeting, Participant
from desktop.models.schedule.schedule_store import export_problem, store_schedule
from desktop.scheduling import Engine, Options, check_schedule, solve


def _schedule(db: Database, admin, engine: Engine = Engine.FAST) -> None:  # type: ignore[no-untyped-def]
    with db.read() as session:
        problem = export_problem(session, Options(time_limit_s=3))
    result = solve(problem, engine=engine)
    with db.transaction() as session:
        store_schedule(session, result, admin, moment=None)


def test_demo_problem_and_every_ikm_meets(demo_db: Database, admin) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        problem = export_problem(session, Options(time_limit_s=3))
        ikm = set(session.scalars(select(Participant.code).where(Participant.kind == ParticipantKind.IKM.value)))
    assert len(problem.slots) == 15 and len(problem.tables) == 15 and len(ikm) == 70
    assert sum(1 for p in problem.participants if p.host_table) == 15
    result = solve(problem)
    assert check_schedule(problem, result.meetings, result.unscheduled).ok
    met = {m.a for m in result.meetings} | {m.b for m in result.meetings}
    assert ikm <= met
    assert result.stats.proved_optimal["a"] and result.stats.proved_optimal["b"]
    # Two buyers asked for more meetings than the day has slots: that is the reason given.
    assert any("punya 17 permintaan tetapi hanya 15 sesi" in u.reason for u in result.unscheduled)


def test_store_replaces_scheduled_and_keeps_locked_and_held(demo_db: Database, admin) -> None:  # type: ignore[no-untyped-def]
    _schedule(demo_db, admin)
    with demo_db.transaction() as session:
        meetings = list(session.scalars(select(Meeting).order_by(Meeting.id)))
        locked, held = meetings[0], meetings[1]
        locked.locked = True
        held.status = MeetingStatus.HELD.value
        kept = {(m.request_id, m.slot_id, m.table_id) for m in (locked, held)}
    _schedule(demo_db, admin)
    with demo_db.read() as session:
        rows = list(session.scalars(select(Meeting)))
        problem = export_problem(session)
        assert {(m.request_id, m.slot_id, m.table_id) for m in rows} >= kept
        assert len({m.request_id for m in rows}) == len(rows) == 177
        assert len(problem.fixed) == 2
        assert session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "schedule.store")) == 2
