"""A late arrival keeps their day: repair cancels only the coming slot, later meetings are at risk,
cancelled slot by slot, and given back (or replaced from standby) when the person checks in."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from desktop.models.checkin import arrival
from desktop.models.schedule import board
from desktop.models.checkin import checkin
from desktop.models.schedule import onsite
from desktop.models.base import simulated_clock
from desktop.models.event.database import Database
from desktop.models.orm import Meeting, MeetingRequest, Participant
from desktop.scheduling import Request
from desktop.scheduling.model import Meeting as PlannedMeeting
from desktop.scheduling.repair import repair
from tests.conftest import ADMIN
from tests.played_day import _played_template, at, played_db  # noqa: F401
from tests.scheduling_helpers import slots, small_problem


def test_repair_cancels_only_the_coming_slot() -> None:
    problem = dataclasses.replace(
        small_problem(), slots=slots(5),
        requests=(Request("r1", "B1", "M1", 1), Request("r2", "B1", "M2", 1), Request("r3", "B1", "M3", 1)),
    )
    before = (PlannedMeeting("r1", "B1", "M1", "s3", "t1"), PlannedMeeting("r2", "B1", "M2", "s4", "t1"))
    result = repair(problem, before, current_slot="s2", absent={"B1"})  # the host is late
    assert [m.request for m in result.cancelled] == ["r1"]  # s3 is about to start
    assert any(m.request == "r2" and m.slot == "s4" for m in result.meetings)  # later: kept


def _meetings_of(db: Database, pid: int) -> dict[int, tuple[int, str]]:
    with db.read() as session:
        rows = session.execute(
            select(Meeting.id, Meeting.slot_id, Meeting.status).join(MeetingRequest)
            .where((MeetingRequest.participant_a_id == pid) | (MeetingRequest.participant_b_id == pid))
        ).all()
    return {row.id: (row.slot_id, row.status) for row in rows}


def test_late_host_keeps_their_day_and_gets_meetings_back(played_db: Database) -> None:
    with played_db.read() as session:
        plan = onsite.plan_repair(session, at(10, 16))
        assert plan.slot is not None and plan.slot.start == at(10, 20).time()
        codes = dict(session.execute(select(Participant.business_name, Participant.id)).all())
        # a late person with meetings after 10:20 as well
        late = next(codes[name] for name in plan.absent if len({
            slot for slot, status in _meetings_of(played_db, codes[name]).values() if status == "scheduled"}) > 1)
    before = _meetings_of(played_db, late)
    with played_db.transaction() as session:
        onsite.apply_repair(session, plan, ADMIN)
    after = _meetings_of(played_db, late)
    cancelled = {mid for mid, (slot, status) in after.items() if status == "cancelled" and before[mid][1] != "cancelled"}
    assert cancelled and all(after[mid][0] == plan.slot.id for mid in cancelled)
    with played_db.read() as session:
        starts = {s.id: s.start for s in board.load_slots(session)}
    later = {mid for mid, (slot, status) in before.items() if status == "scheduled" and starts[slot] > plan.slot.start
             and mid not in cancelled}
    assert later and all(after[mid] == before[mid] for mid in later)  # the rest of the day stays
    with played_db.read() as session:
        coming = onsite.next_slot(session, at(10, 21))
        at_risk = {card.id for card in coming.at_risk}
        loaded = board.load_board(session)
        assert all(board.at_risk(loaded, card, at(10, 21)) for card in loaded.meetings if card.id in later)
    assert later <= at_risk | {card.id for card in coming.meetings}

    # The person arrives at 10:18, before the 10:20 slot starts: what can come back is offered.
    with simulated_clock(at(10, 18)), played_db.transaction() as session:
        checkin.check_in(session, late, ADMIN)
    with played_db.read() as session:
        offer = arrival.arrival_plan(session, late, at(10, 18))
    assert {item.slot_id for item in offer.remaining} >= {after[mid][0] for mid in later}
    assert offer.offers, "a cancelled meeting back or a standby request placed"
    with played_db.transaction() as session:
        changed = arrival.apply_arrival(session, offer, ADMIN, at(10, 18))
    assert changed
    now = _meetings_of(played_db, late)
    for item in offer.offers:
        if item.kind == arrival.BACK:
            assert now[item.meeting_id] == (item.slot_id, "scheduled")  # type: ignore[index]
    with played_db.read() as session:
        cards = [card for card in board.load_board(session).meetings if card.involves(late)]
    assert cards and all(next(side for side in (c.a, c.b) if side.participant_id == late).present for c in cards)


def test_next_repair_cancels_the_next_slot_only(played_db: Database) -> None:
    with played_db.transaction() as session:
        first = onsite.apply_repair(session, onsite.plan_repair(session, at(10, 16)), ADMIN)
    with played_db.read() as session:
        second = onsite.plan_repair(session, at(10, 36))
    assert second.slot is not None and first.slot is not None and second.slot.id != first.slot.id
    cancelled_slots = {change.before for change in second.changes if change.kind == onsite.CANCELLED}
    assert all(f"Sesi {second.slot.ordinal} " in where for where in cancelled_slots)
