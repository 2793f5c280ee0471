"""A late arrival keeps their day: what they still have, and what can be given back (no Qt).

When a person checks in after the day has begun, :func:`arrival_plan` lists their remaining
meetings and what the desk can offer in one key press:

- a meeting of theirs that a repair cancelled, in a slot still to come, whose seat and
  counterpart are still free, goes back where it was;
- otherwise, their standby requests (no meeting yet, counterpart checked in) are placed in
  the earliest slot still to come where both are free and a table is free.

:func:`apply_arrival` stores exactly those offers that still hold, each through the same
hard rules as a hand edit, in one audited transaction, and names whose slips change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import formatting
from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.event import event_setup
from desktop.models.schedule import meetings
from desktop.models.access.actor import Actor
from desktop.models.schedule.board import BoardSlot, has_started, load_slots
from desktop.models.enums import MeetingStatus
from desktop.models.errors import ConflictError
from desktop.models.orm import Meeting, MeetingRequest, MeetingTable, Participant
from desktop.models.checkin.presence import standing_check_ins

CANCELLED = MeetingStatus.CANCELLED.value
BACK, STANDBY = "back", "standby"


@dataclass(frozen=True)
class Remaining:
    slot_id: int
    start: dt.time
    table_label: str
    counterpart: str


@dataclass(frozen=True)
class Offer:
    kind: str  # BACK: a cancelled meeting put back; STANDBY: a waiting request placed
    request_id: int
    meeting_id: int | None  # the cancelled meeting (BACK)
    slot_id: int
    table_id: int
    counterpart: str
    where: str  # "Meja 3 · Sesi 7 (11:00–11:20)"


@dataclass(frozen=True)
class ArrivalPlan:
    participant_id: int
    remaining: tuple[Remaining, ...]  # scheduled meetings still to come, in time order
    offers: tuple[Offer, ...]


def _where(slot: BoardSlot, table_label: str) -> str:
    return _("{table} · Sesi {number} ({time})").format(
        table=table_label, number=slot.ordinal, time=formatting.time_range(slot.start, slot.end))


def arrival_plan(session: Session, participant_id: int, moment: dt.datetime) -> ArrivalPlan:
    """What ``participant_id`` still has today and what can be given back (nothing is written)."""
    event_date = event_setup.get_event(session).event_date
    slots = {slot.id: slot for slot in load_slots(session)}
    coming = sorted((s for s in slots.values() if not has_started(s, event_date, moment)), key=lambda s: s.start)
    coming_ids = {s.id for s in coming}
    tables = {t.id: t for t in session.scalars(select(MeetingTable))}
    names = dict(session.execute(select(Participant.id, Participant.business_name)).all())
    here = standing_check_ins(session)
    rows = session.execute(
        select(Meeting.id, Meeting.request_id, Meeting.slot_id, Meeting.table_id, Meeting.status,
               MeetingRequest.participant_a_id, MeetingRequest.participant_b_id)
        .join(MeetingRequest, Meeting.request_id == MeetingRequest.id)
    ).all()
    live = [r for r in rows if r.status != CANCELLED]
    busy = {(pid, r.slot_id) for r in live for pid in (r.participant_a_id, r.participant_b_id)}
    taken = {(r.slot_id, r.table_id) for r in live}
    placed_requests = {r.request_id for r in live}

    def other(a: int, b: int) -> int:
        return b if a == participant_id else a

    mine = [r for r in rows if participant_id in (r.participant_a_id, r.participant_b_id)]
    remaining = tuple(sorted(
        (Remaining(r.slot_id, slots[r.slot_id].start, tables[r.table_id].label,
                   names.get(other(r.participant_a_id, r.participant_b_id), ""))
         for r in mine if r.status == MeetingStatus.SCHEDULED.value and r.slot_id in coming_ids),
        key=lambda item: item.start,
    ))
    offers: list[Offer] = []
    offered: set[int] = set()
    for r in sorted(mine, key=lambda r: (slots[r.slot_id].start, -r.id)):
        counterpart = other(r.participant_a_id, r.participant_b_id)
        if (r.status != CANCELLED or r.slot_id not in coming_ids or r.request_id in placed_requests | offered
                or (r.slot_id, r.table_id) in taken or (participant_id, r.slot_id) in busy
                or (counterpart, r.slot_id) in busy):
            continue
        offers.append(Offer(BACK, r.request_id, r.id, r.slot_id, r.table_id, names.get(counterpart, ""),
                            _where(slots[r.slot_id], tables[r.table_id].label)))
        offered.add(r.request_id)
        busy |= {(participant_id, r.slot_id), (counterpart, r.slot_id)}
        taken.add((r.slot_id, r.table_id))
    if not offers:
        offers = _standby(session, participant_id, coming, tables, names, here, busy, taken, placed_requests)
    return ArrivalPlan(participant_id, remaining, tuple(offers))


def _standby(session: Session, participant_id: int, coming: list[BoardSlot], tables: dict[int, MeetingTable],
             names: dict[int, str], here: dict[int, dt.datetime], busy: set[tuple[int, int]],
             taken: set[tuple[int, int]], placed: set[int]) -> list[Offer]:
    """Waiting requests of the person with a present counterpart, each at the earliest free cell."""
    host_table: dict[int, MeetingTable] = {}
    for table in sorted(tables.values(), key=lambda t: t.number):
        if table.host_participant_id is not None:
            host_table.setdefault(table.host_participant_id, table)
    requests = session.scalars(
        select(MeetingRequest).where(
            (MeetingRequest.participant_a_id == participant_id) | (MeetingRequest.participant_b_id == participant_id))
        .order_by(MeetingRequest.priority.desc(), MeetingRequest.id)
    ).all()
    offers: list[Offer] = []
    for request in requests:
        counterpart = request.participant_b_id if request.participant_a_id == participant_id else request.participant_a_id
        if request.id in placed or counterpart not in here:
            continue
        own = host_table.get(participant_id) or host_table.get(counterpart)
        candidates = [own] if own is not None else [t for t in sorted(tables.values(), key=lambda t: t.number)
                                                   if t.host_participant_id is None]
        for slot in coming:
            if (participant_id, slot.id) in busy or (counterpart, slot.id) in busy:
                continue
            table = next((t for t in candidates if (slot.id, t.id) not in taken), None)
            if table is None:
                continue
            offers.append(Offer(STANDBY, request.id, None, slot.id, table.id, names.get(counterpart, ""),
                                _where(slot, table.label)))
            busy |= {(participant_id, slot.id), (counterpart, slot.id)}
            taken.add((slot.id, table.id))
            break
    return offers


def apply_arrival(session: Session, plan: ArrivalPlan, actor: Actor, moment: dt.datetime) -> tuple[str, ...]:
    """Store ``plan``'s offers (each checked by the hand-edit rules); returns whose slips change.

    Open to desk staff too: it only puts back the arriving person's own day, under the same
    hard rules as a hand edit, and it is audited.
    """
    if not plan.offers:
        return ()
    slots = {slot.id: slot for slot in load_slots(session)}
    people: set[int] = {plan.participant_id}
    for offer in plan.offers:
        request = session.get(MeetingRequest, offer.request_id)
        table = session.get(MeetingTable, offer.table_id)
        if request is None or table is None:
            raise ConflictError(_("Jadwal berubah sejak tawaran ditampilkan. Tampilkan lagi."))
        problems = meetings.rule_problems(session, request, slots[offer.slot_id], table,
                                          ignore_meeting_id=offer.meeting_id, moment=moment)
        if problems:
            raise ConflictError(_("Tidak bisa dikembalikan: {reason}").format(reason=problems[0]))
        if offer.kind == BACK:
            meeting = session.get(Meeting, offer.meeting_id)
            if meeting is None or meeting.status != CANCELLED:
                raise ConflictError(_("Jadwal berubah sejak tawaran ditampilkan. Tampilkan lagi."))
            meeting.status = MeetingStatus.SCHEDULED.value
            meeting.note = (meeting.note + "\n" + _("Dikembalikan: peserta datang terlambat.")).strip()
        else:
            session.add(Meeting(request_id=offer.request_id, slot_id=offer.slot_id, table_id=offer.table_id,
                                status=MeetingStatus.SCHEDULED.value, note=_("Dari daftar tunggu saat peserta datang.")))
        people |= {request.participant_a_id, request.participant_b_id}
        session.flush()
    codes = tuple(sorted(session.scalars(select(Participant.code).where(Participant.id.in_(people)))))
    audit.record(session, actor, "schedule.arrival", "participant", plan.participant_id,
                 after={"offers": [[o.kind, o.request_id, o.meeting_id, o.slot_id, o.table_id] for o in plan.offers]})
    return codes
