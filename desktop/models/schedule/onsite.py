"""On the day: the coming slot, who has checked in, and the no-show repair (no Qt).

Before a slot, everybody with a meeting in it who has not checked in counts as absent:
:func:`plan_repair` runs :func:`desktop.scheduling.repair.repair` and lists what would
change; :func:`apply_repair` stores exactly that plan (recomputed and compared, so nothing
that changed meanwhile is overwritten) in one audited transaction.

New meetings are only made between people who are here: requests without a meeting
whose two sides have checked in form the standby list. Only the coming slot's meetings
of absent people are cancelled; their later meetings stay, *at risk*
(:func:`desktop.models.schedule.board.at_risk`), and go slot by slot, each at the repair before
its slot, if the person still has not come. When they arrive,
:mod:`desktop.models.checkin.arrival` gives back what can be given back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import formatting
from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.event import event_setup
from desktop.models.reporting import report_data
from desktop.models.access.actor import Actor
from desktop.models.schedule.board import Board, BoardSlot, MeetingCard, at_risk, has_started, live_cards, load_slots
from desktop.models.checkin.checkin import present_since
from desktop.models.enums import MeetingStatus
from desktop.models.errors import ConflictError, DomainError, scheduler_errors
from desktop.models.orm import Meeting, MeetingTable, Participant
from desktop.models.access.permissions import require_admin
from desktop.models.schedule.schedule_store import export_problem, request_key, slot_key, table_key
from desktop.scheduling.model import Meeting as PlannedMeeting
from desktop.reports.data import SchedulesReport
from desktop.scheduling.repair import repair

CANCELLED, ADDED, MOVED = "cancelled", "added", "moved"


@dataclass(frozen=True)
class NextSlot:
    slot: BoardSlot | None
    running: BoardSlot | None
    meetings: tuple[MeetingCard, ...]  # the coming slot's meetings, by table number
    table_labels: dict[int, str]
    at_risk: tuple[MeetingCard, ...] = ()  # later meetings whose side has not come yet, in time order


@dataclass(frozen=True)
class Change:
    kind: str  # cancelled / added / moved
    request_id: int
    a_name: str
    b_name: str
    before: str  # "Meja 3 · Sesi 4 (10:00–10:20)" or ""
    after: str


@dataclass(frozen=True)
class RepairPlan:
    moment: dt.datetime
    slot: BoardSlot | None  # the coming slot the repair is for
    absent: tuple[str, ...]  # names
    changes: tuple[Change, ...]
    changed_codes: tuple[str, ...]  # whose slips change
    signature: tuple[tuple[str, str, str, str], ...]

    def count(self, kind: str) -> int:
        return sum(1 for change in self.changes if change.kind == kind)


def _current_and_next(slots: tuple[BoardSlot, ...], event_date: dt.date, moment: dt.datetime) -> tuple[BoardSlot | None, BoardSlot | None]:
    started = [slot for slot in slots if has_started(slot, event_date, moment)]
    coming = next((slot for slot in slots if not has_started(slot, event_date, moment)), None)
    return (started[-1] if started else None), coming


def next_slot(session: Session, moment: dt.datetime) -> NextSlot:
    event_date = event_setup.get_event(session).event_date
    slots = load_slots(session)
    running, coming = _current_and_next(slots, event_date, moment)
    labels = {t.id: t.label for t in event_setup.list_tables(session)}
    numbers = {t.id: t.number for t in event_setup.list_tables(session)}
    every = live_cards(session)
    cards = tuple(sorted(
        (card for card in every if coming is not None and card.slot_id == coming.id),
        key=lambda card: numbers[card.table_id],
    ))
    board = Board(event_date, slots, (), every, ())
    order = {slot.id: slot.start for slot in slots}
    later = tuple(sorted(
        (card for card in every if (coming is None or card.slot_id != coming.id) and at_risk(board, card, moment)),
        key=lambda card: (order[card.slot_id], numbers[card.table_id]),
    ))
    return NextSlot(coming, running, cards, labels, later)


def plan_repair(session: Session, moment: dt.datetime) -> RepairPlan:
    """What the no-show repair before the coming slot would change (nothing is written)."""
    event_date = event_setup.get_event(session).event_date
    slots = load_slots(session)
    running, coming = _current_and_next(slots, event_date, moment)
    if coming is None:
        raise DomainError(_("Tidak ada sesi berikutnya: semua sesi hari ini sudah dimulai."))
    here = set(present_since(session))
    codes = dict(session.execute(select(Participant.id, Participant.code)).all())
    names = dict(session.execute(select(Participant.code, Participant.business_name)).all())
    slot_keys = {slot.id: slot_key(slot.ordinal) for slot in slots}
    tables = {t.id: t for t in session.scalars(select(MeetingTable))}
    table_keys = {tid: table_key(t.number) for tid, t in tables.items()}
    cards = live_cards(session)
    absent = sorted({
        side.code for card in cards if card.slot_id == coming.id and card.status == MeetingStatus.SCHEDULED.value
        for side in (card.a, card.b) if side.participant_id not in here
    })
    problem = export_problem(session)
    scheduled = {request_key(card.request_id) for card in cards}
    here_codes = {codes[pid] for pid in here}
    # The standby list: requests without a meeting whose two sides are here.
    problem = dataclasses.replace(problem, requests=tuple(
        r for r in problem.requests if r.id in scheduled or (r.a in here_codes and r.b in here_codes)
    ))
    planned = [
        PlannedMeeting(request_key(c.request_id), c.a.code, c.b.code, slot_keys[c.slot_id], table_keys[c.table_id])
        for c in cards
    ]
    with scheduler_errors():
        result = repair(problem, planned, slot_keys[running.id] if running else None, absent)
    by_key = {f"s{slot.ordinal}": slot for slot in slots}
    table_by_key = {table_keys[tid]: t for tid, t in tables.items()}

    def where(meeting: PlannedMeeting) -> str:
        slot = by_key[meeting.slot]
        return _("{table} · Sesi {number} ({time})").format(
            table=table_by_key[meeting.table].label, number=slot.ordinal, time=formatting.time_range(slot.start, slot.end))

    def change(kind: str, before: PlannedMeeting | None, after: PlannedMeeting | None) -> Change:
        meeting = after or before
        assert meeting is not None
        return Change(kind, int(meeting.request[1:]), names[meeting.a], names[meeting.b],
                      where(before) if before else "", where(after) if after else "")

    changes = (
        *(change(CANCELLED, m, None) for m in result.cancelled),
        *(change(MOVED, move.before, move.after) for move in result.moved),
        *(change(ADDED, None, m) for m in result.added),
    )
    signature = tuple(sorted(
        [(CANCELLED, m.request, m.slot, m.table) for m in result.cancelled]
        + [(MOVED, move.after.request, move.after.slot, move.after.table) for move in result.moved]
        + [(ADDED, m.request, m.slot, m.table) for m in result.added]
    ))
    return RepairPlan(moment, coming, tuple(names[code] for code in absent), tuple(changes),
                      tuple(sorted(result.changed_participants)), signature)


def apply_repair(session: Session, plan: RepairPlan, actor: Actor) -> RepairPlan:
    """Store ``plan`` if the repair still gives exactly it (else :class:`ConflictError`)."""
    require_admin(actor, _("mengubah jadwal"))
    fresh = plan_repair(session, plan.moment)
    if fresh.signature != plan.signature:
        raise ConflictError(_("Kehadiran atau jadwal berubah sejak perbaikan ditampilkan. Tinjau perubahannya lagi."))
    slot_ids = {slot_key(slot.ordinal): slot.id for slot in load_slots(session)}
    table_ids = {table_key(t.number): t.id for t in session.scalars(select(MeetingTable))}
    live = {
        request_key(m.request_id): m
        for m in session.scalars(select(Meeting).where(Meeting.status != MeetingStatus.CANCELLED.value))
    }
    note = _("Dibatalkan: peserta belum hadir sebelum sesi {number} ({time}).").format(
        number=plan.slot.ordinal if plan.slot else "", time=formatting.clock(plan.moment))
    moved = [(live[request], slot, table) for kind, request, slot, table in plan.signature if kind == MOVED]
    for kind, request, _slot, _table in plan.signature:
        if kind == CANCELLED:
            meeting = live[request]
            meeting.status = MeetingStatus.CANCELLED.value
            meeting.note = (meeting.note + "\n" + note).strip()
    # Moves may swap cells: free every moved meeting's cell first (a cancelled meeting holds
    # no cell in the unique index), then seat them.
    for meeting, _slot, _table in moved:
        meeting.status = MeetingStatus.CANCELLED.value
    session.flush()
    for meeting, slot, table in moved:
        meeting.slot_id, meeting.table_id = slot_ids[slot], table_ids[table]
        meeting.status = MeetingStatus.SCHEDULED.value
    for kind, request, slot, table in plan.signature:
        if kind == ADDED:
            session.add(Meeting(request_id=int(request[1:]), slot_id=slot_ids[slot], table_id=table_ids[table],
                                status=MeetingStatus.SCHEDULED.value, note=_("Pengganti dari daftar tunggu.")))
    session.flush()
    audit.record(
        session, actor, "schedule.repair", "meeting", None,
        before={"absent": list(plan.absent)},
        after={"changes": [list(item) for item in plan.signature], "slot": plan.slot.ordinal if plan.slot else None},
    )
    return plan


def slips_for(session: Session, codes: tuple[str, ...]) -> SchedulesReport:
    """Personal schedules of just these participants (those a repair changed), one page each."""
    if not codes:
        raise DomainError(_("Tidak ada peserta yang jadwalnya berubah."))
    wanted = set(codes)
    schedules = tuple(
        schedule for code in sorted(wanted)
        for schedule in report_data.schedules_data(session, code).schedules
    )
    return dataclasses.replace(report_data.schedules_data(session, codes[0]), schedules=schedules)
