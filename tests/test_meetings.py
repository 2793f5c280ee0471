"""Editing the schedule by hand, outcomes, the no-show repair and the run's preconditions (no Qt)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from desktop.models.schedule import board
from desktop.models.checkin import checkin
from desktop.models.schedule import meetings
from desktop.models.schedule import onsite
from desktop.models.schedule.meeting_requests import list_requests
from desktop.models.access.actor import Actor
from desktop.models.schedule.board import Board, MeetingCard
from desktop.models.event.database import Database
from desktop.models.enums import MeetingStatus
from desktop.models.errors import ConflictError, DomainError
from desktop.models.orm import AuditLog, Meeting
from desktop.models.access.permissions import PermissionDenied
from desktop.models.schedule.schedule_run import problem_for_run
from desktop.models.schedule.schedule_store import export_problem, store_schedule
from desktop.scheduling import Engine, check_schedule, solve
from tests.conftest import ADMIN
from tests.schedule_fixtures import _scheduled_template, at, scheduled_db  # noqa: F401

DESK = Actor(name="Sari", role="desk", desk="Meja 1")


def _board(db: Database) -> Board:
    with db.read() as session:
        return board.load_board(session)


def _free_cell(b: Board, card: MeetingCard) -> tuple[int, int] | None:
    """A free cell at the same (host's) table, from slot 4 on, where neither side is busy."""
    taken = {(m.slot_id, m.table_id) for m in b.meetings}
    busy = {m.slot_id for m in b.meetings if m.involves(card.a.participant_id) or m.involves(card.b.participant_id)}
    for slot in b.slots[3:]:
        if slot.id not in busy and (slot.id, card.table_id) not in taken:
            return slot.id, card.table_id
    return None


def _pool_meeting(b: Board) -> MeetingCard:
    """A movable meeting (from slot 4 on) with a free cell to go to at its table."""
    late = {slot.id for slot in b.slots[3:]}
    return next(card for card in b.meetings if card.slot_id in late and _free_cell(b, card) is not None)


def _free_pool_cell(b: Board, card: MeetingCard) -> tuple[int, int]:
    cell = _free_cell(b, card)
    assert cell is not None
    return cell


def _audit_actions(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(AuditLog.action).order_by(AuditLog.id)))


def test_move_to_a_free_cell_is_stored_and_audited(scheduled_db: Database) -> None:
    b = _board(scheduled_db)
    card = _pool_meeting(b)
    slot_id, table_id = _free_pool_cell(b, card)
    with scheduled_db.transaction() as session:
        version = meetings.move_meeting(session, card.id, slot_id, table_id, ADMIN, now=at(7), expected_version=card.version)
    assert version == card.version + 1
    moved = next(m for m in _board(scheduled_db).meetings if m.id == card.id)
    assert (moved.slot_id, moved.table_id) == (slot_id, table_id)
    assert _audit_actions(scheduled_db)[-1] == "meeting.move"
    with scheduled_db.read() as session:
        assert meetings._violations(session) == ()


def test_move_onto_a_taken_cell_is_refused_with_who_is_there(scheduled_db: Database) -> None:
    b = _board(scheduled_db)
    card = _pool_meeting(b)
    other = next(m for m in b.meetings if m.table_id == card.table_id and m.slot_id != card.slot_id)
    with pytest.raises(meetings.RuleError, match="sudah terisi") as caught, scheduled_db.transaction() as session:
        meetings.move_meeting(session, card.id, other.slot_id, other.table_id, ADMIN, now=at(7))
    assert other.a.name in str(caught.value)
    after = next(m for m in _board(scheduled_db).meetings if m.id == card.id)
    assert (after.slot_id, after.table_id) == (card.slot_id, card.table_id)


def test_move_refusals_name_the_rule(scheduled_db: Database) -> None:
    b = _board(scheduled_db)
    card = _pool_meeting(b)
    hosted = next(t for t in b.tables if t.host_id is not None and not card.involves(t.host_id))
    with scheduled_db.read() as session:
        reasons = meetings.check_move(session, card.id, b.slots[-1].id, hosted.id, moment=at(7))
        assert any("meja milik" in reason for reason in reasons)
        # The slot in the past: 11:00 on the event day is after slot 1 ended.
        reasons = meetings.check_move(session, card.id, b.slots[0].id, card.table_id, moment=at(11))
        assert any("sudah lewat" in reason for reason in reasons)
        # A running slot (09:05 is inside slot 1) is as fixed as a past one.
        reasons = meetings.check_move(session, card.id, b.slots[0].id, card.table_id, moment=at(9, 5))
        assert any("sudah dimulai" in reason for reason in reasons)
        # Double booking: a slot where one side already meets someone else.
        other = next(m for m in b.meetings if m.id != card.id and m.involves(card.a.participant_id))
        reasons = meetings.check_move(session, card.id, other.slot_id, card.table_id, moment=at(7))
        assert any("dua tempat sekaligus" in reason for reason in reasons)


def test_locked_meeting_does_not_move_and_survives_rescheduling(scheduled_db: Database) -> None:
    b = _board(scheduled_db)
    card = _pool_meeting(b)
    with scheduled_db.transaction() as session:
        meetings.set_locked(session, card.id, True, ADMIN)
    with pytest.raises(meetings.RuleError, match="dikunci"), scheduled_db.transaction() as session:
        meetings.move_meeting(session, card.id, *_free_pool_cell(b, card), ADMIN, now=at(7))
    with scheduled_db.read() as session:
        problem = export_problem(session)
    result = solve(dataclasses.replace(problem, options=dataclasses.replace(problem.options, time_limit_s=1)),
                   engine=Engine.FAST)
    with scheduled_db.transaction() as session:
        store_schedule(session, result, ADMIN, moment=None)
        kept = session.get(Meeting, card.id)
        assert kept is not None and (kept.slot_id, kept.table_id, kept.locked) == (card.slot_id, card.table_id, True)


def test_desk_may_mark_outcomes_but_not_edit_the_schedule(scheduled_db: Database) -> None:
    card = _pool_meeting(_board(scheduled_db))
    with pytest.raises(PermissionDenied), scheduled_db.transaction() as session:
        meetings.set_locked(session, card.id, True, DESK)
    with scheduled_db.transaction() as session:
        meetings.set_outcome(session, card.id, MeetingStatus.HELD.value, "  sepakat kirim sampel ", DESK,
                             expected_version=card.version)
    marked = next(m for m in _board(scheduled_db).meetings if m.id == card.id)
    assert (marked.status, marked.note) == ("held", "sepakat kirim sampel")
    with pytest.raises(ConflictError), scheduled_db.transaction() as session:
        meetings.set_outcome(session, card.id, "no_show", "", DESK, expected_version=card.version)
    with pytest.raises(meetings.RuleError, match="terlaksana"), scheduled_db.transaction() as session:
        meetings.move_meeting(session, card.id, *_free_pool_cell(_board(scheduled_db), card), ADMIN, now=at(7))


def test_cancelled_meeting_frees_its_cell_and_a_request_can_be_added_by_hand(scheduled_db: Database) -> None:
    b = _board(scheduled_db)
    card = _pool_meeting(b)
    with scheduled_db.transaction() as session:
        meetings.set_outcome(session, card.id, MeetingStatus.CANCELLED.value, "batal", ADMIN)
    with scheduled_db.read() as session:
        status = board.request_statuses(session)[card.request_id]
    assert status.meeting_id is None and status.reason
    with pytest.raises(meetings.RuleError, match="sudah lewat"), scheduled_db.transaction() as session:
        meetings.add_meeting(session, card.request_id, b.slots[0].id, card.table_id, ADMIN, now=at(12))
    with scheduled_db.transaction() as session:
        new_id = meetings.add_meeting(session, card.request_id, card.slot_id, card.table_id, ADMIN, now=at(7))
    with scheduled_db.read() as session:
        assert board.request_statuses(session)[card.request_id].meeting_id == new_id
        assert meetings._violations(session) == ()
    with pytest.raises(meetings.RuleError, match="sudah dijadwalkan"), scheduled_db.transaction() as session:
        meetings.add_meeting(session, card.request_id, card.slot_id, card.table_id, ADMIN, now=at(7))


def test_no_show_repair_refills_the_hosts_seat_from_the_standby_list(scheduled_db: Database) -> None:
    moment = at(9, 50)
    with scheduled_db.read() as session:
        coming = onsite.next_slot(session, moment)
        statuses = board.request_statuses(session)
    assert coming.slot is not None and coming.slot.ordinal == 4
    waiting = {rid for rid, status in statuses.items() if status.meeting_id is None}
    # A hosted meeting whose host has a request waiting: the IKM stays away.
    hosted = {t.id: t.host_id for t in _board(scheduled_db).tables if t.host_id is not None}
    with scheduled_db.read() as session:
        requests = list_requests(session)
    card = next(
        c for c in coming.meetings
        if c.table_id in hosted and any(
            r.id in waiting and hosted[c.table_id] in (r.participant_a_id, r.participant_b_id) for r in requests
        )
    )
    host_id = hosted[card.table_id]
    absent_side = card.other(host_id)
    with scheduled_db.transaction() as session:
        for person in _board(scheduled_db).people:
            if person.id != absent_side.participant_id:
                checkin.check_in(session, person.code, ADMIN)
    with scheduled_db.read() as session:
        plan = onsite.plan_repair(session, moment)
    assert plan.absent == (absent_side.name,)
    assert plan.count(onsite.CANCELLED) >= 1 and plan.count(onsite.ADDED) >= 1
    with scheduled_db.transaction() as session:
        onsite.apply_repair(session, plan, ADMIN)
    after = _board(scheduled_db)
    seat = next(m for m in after.meetings if m.slot_id == card.slot_id and m.involves(host_id))
    assert seat.id != card.id and not seat.involves(absent_side.participant_id)
    # Only the coming slot is cancelled for the absent IKM; their later meetings stay, at risk.
    assert all(not m.involves(absent_side.participant_id) for m in after.meetings
               if after.slot(m.slot_id).ordinal == 4)  # type: ignore[union-attr]
    later = [m for m in after.meetings if m.involves(absent_side.participant_id)
             and after.slot(m.slot_id).ordinal > 4]  # type: ignore[union-attr]
    assert all(board.at_risk(after, m, moment) for m in later)
    assert seat.a.code in plan.changed_codes and seat.b.code in plan.changed_codes
    with scheduled_db.read() as session:
        assert meetings._violations(session) == ()
        slips = onsite.slips_for(session, plan.changed_codes)
        assert {s.person.code for s in slips.schedules} == set(plan.changed_codes)
        # A second look at the same moment finds nothing left to repair for the absent one.
        with pytest.raises(ConflictError):
            onsite.apply_repair(session, plan, ADMIN)
    assert _audit_actions(scheduled_db)[-1] == "schedule.repair"


def test_run_needs_slots_tables_and_requests(empty_event: Database, empty_db: Database) -> None:
    with empty_event.read() as session, pytest.raises(DomainError, match="permintaan"):
        problem_for_run(session, 5, moment=None)
    with empty_db.read() as session, pytest.raises(DomainError, match="sesi"):
        problem_for_run(session, 5, moment=None)


def test_fast_schedule_of_the_fixture_passes_the_checker(scheduled_db: Database) -> None:
    with scheduled_db.read() as session:
        assert meetings._violations(session) == ()
        problem = problem_for_run(session, 3, moment=None)
    assert problem.options.time_limit_s == 3
    assert check_schedule(problem, ()).ok


def test_a_request_for_two_meetings_shows_both_in_its_status(scheduled_db: Database) -> None:
    from desktop.models.schedule import meeting_requests
    from desktop.views.request_model import RequestLine

    b = _board(scheduled_db)
    card = _pool_meeting(b)
    with scheduled_db.transaction() as session:
        before = next(r for r in list_requests(session) if r.id == card.request_id)
        meeting_requests.update_request(session, card.request_id, ADMIN, priority=before.priority,
                                        session_wish=before.session_wish, meetings=2)
    cell = _free_pool_cell(b, card)
    with scheduled_db.transaction() as session:
        meetings.add_meeting(session, card.request_id, *cell, ADMIN, now=at(7))
    with scheduled_db.read() as session:
        status = board.request_statuses(session)[card.request_id]
        row = next(r for r in list_requests(session) if r.id == card.request_id)
    slots = {slot.id: slot.ordinal for slot in b.slots}
    assert status.meeting_id is not None and len(status.more) == 1
    assert {status.slot_ordinal, status.more[0][0]} == {slots[card.slot_id], slots[cell[0]]}
    text = RequestLine(row, status).status_text()
    assert text.count("Sesi") == 2 and f"Sesi {slots[cell[0]]}" in text
