"""The schedule board as plain rows: slots, tables, live meetings with both sides (no Qt).

Also the clock rule of the Jadwal page (:func:`event_moment`) and, per request, where it
is scheduled or why it is not (:func:`request_statuses`, using the scheduler's own reasons).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import formatting
from desktop.i18n import _
from desktop.models.event import event_setup
from desktop.models.checkin.checkin import present_since
from desktop.models.enums import MeetingStatus
from desktop.models.errors import NotFoundError
from desktop.models.orm import Meeting, MeetingRequest, Order, Participant
from desktop.models.schedule.schedule_store import export_problem, request_key
from desktop.scheduling.errors import ProblemError
from desktop.scheduling.indexed import index_problem
from desktop.scheduling.model import FixedMeeting
from desktop.scheduling.reasons import reason_for
from desktop.scheduling.timetable import FREE, Timetable


@dataclass(frozen=True)
class BoardSlot:
    id: int
    ordinal: int
    start: dt.time
    end: dt.time
    session: str

    @property
    def title(self) -> str:
        return _("Sesi {number} ({time})").format(number=self.ordinal, time=formatting.time_range(self.start, self.end))


@dataclass(frozen=True)
class BoardTable:
    id: int
    number: int
    label: str
    host_id: int | None
    host_name: str


@dataclass(frozen=True)
class Side:
    participant_id: int
    code: str
    name: str
    kind: str
    present: bool


@dataclass(frozen=True)
class MeetingCard:
    id: int
    request_id: int
    slot_id: int
    table_id: int
    status: str
    locked: bool
    note: str
    version: int
    priority: int
    session_wish: str
    a: Side
    b: Side
    orders: int  # orders captured in this meeting

    def involves(self, participant_id: int) -> bool:
        return participant_id in (self.a.participant_id, self.b.participant_id)

    def other(self, participant_id: int) -> Side:
        return self.b if self.a.participant_id == participant_id else self.a


@dataclass(frozen=True)
class Person:
    id: int
    code: str
    name: str
    kind: str
    present: bool


@dataclass(frozen=True)
class Board:
    event_date: dt.date
    slots: tuple[BoardSlot, ...]
    tables: tuple[BoardTable, ...]
    meetings: tuple[MeetingCard, ...]  # every meeting that is not cancelled
    people: tuple[Person, ...]

    def slot(self, slot_id: int) -> BoardSlot | None:
        return next((slot for slot in self.slots if slot.id == slot_id), None)

    def table(self, table_id: int) -> BoardTable | None:
        return next((table for table in self.tables if table.id == table_id), None)


def event_moment(event_date: dt.date, now: dt.datetime) -> dt.datetime:
    """The moment that decides which slots are past.

    On the event day it is ``now``. Before the event day nothing is past (the admin is
    planning). After it (a rehearsal on an old event, like the 2020 demo) the time of day of
    ``now`` is read on the event date, as the Dasbor does.
    """
    if now.date() < event_date:
        return dt.datetime.combine(event_date, dt.time.min)
    return dt.datetime.combine(event_date, now.time())


def is_past(slot: BoardSlot, event_date: dt.date, moment: dt.datetime) -> bool:
    """A slot is past once its end on the event date is before ``moment``."""
    return dt.datetime.combine(event_date, slot.end) < moment


def has_started(slot: BoardSlot, event_date: dt.date, moment: dt.datetime) -> bool:
    return dt.datetime.combine(event_date, slot.start) <= moment


def at_risk(board: Board, card: MeetingCard, moment: dt.datetime) -> bool:
    """A meeting still to come whose side has not checked in while the day is under way.

    It stays on the schedule (the person may still come); the repair before its slot
    cancels it if they have not come by then.
    """
    if card.status != MeetingStatus.SCHEDULED.value or (card.a.present and card.b.present) or not board.slots:
        return False
    slot = board.slot(card.slot_id)
    first = min(board.slots, key=lambda s: s.start)
    return (slot is not None and not has_started(slot, board.event_date, moment)
            and has_started(first, board.event_date, moment))


def load_slots(session: Session) -> tuple[BoardSlot, ...]:
    return tuple(BoardSlot(s.id, s.ordinal, s.start, s.end, s.session) for s in event_setup.list_slots(session))


def load_board(session: Session) -> Board:
    event = event_setup.get_event(session)
    tables = tuple(
        BoardTable(t.id, t.number, t.label, t.host_participant_id, t.host_name) for t in event_setup.list_tables(session)
    )
    here = present_since(session)
    people = tuple(
        Person(row.id, row.code, row.business_name, row.kind, row.id in here)
        for row in session.execute(
            select(Participant.id, Participant.code, Participant.business_name, Participant.kind).order_by(Participant.code)
        )
    )
    return Board(event.event_date, load_slots(session), tables, live_cards(session, people), people)


def live_cards(session: Session, people: tuple[Person, ...] | None = None,
               meeting_ids: list[int] | None = None) -> tuple[MeetingCard, ...]:
    if people is None:
        here = present_since(session)
        people = tuple(
            Person(row.id, row.code, row.business_name, row.kind, row.id in here)
            for row in session.execute(
                select(Participant.id, Participant.code, Participant.business_name, Participant.kind)
            )
        )
    by_id = {person.id: person for person in people}
    order_counts = Counter(
        dict(session.execute(
            select(Order.meeting_id, func.count(Order.id)).where(Order.meeting_id.is_not(None)).group_by(Order.meeting_id)
        ).all())
    )
    query = (
        select(Meeting, MeetingRequest.participant_a_id, MeetingRequest.participant_b_id,
               MeetingRequest.priority, MeetingRequest.session_wish)
        .join(MeetingRequest, Meeting.request_id == MeetingRequest.id)
        .order_by(Meeting.id)
    )
    if meeting_ids is None:
        query = query.where(Meeting.status != MeetingStatus.CANCELLED.value)
    else:
        query = query.where(Meeting.id.in_(meeting_ids))

    def side(pid: int) -> Side:
        person = by_id[pid]
        return Side(pid, person.code, person.name, person.kind, person.present)

    return tuple(
        MeetingCard(
            id=meeting.id, request_id=meeting.request_id, slot_id=meeting.slot_id, table_id=meeting.table_id,
            status=meeting.status, locked=meeting.locked, note=meeting.note, version=meeting.version,
            priority=priority, session_wish=wish, a=side(a_id), b=side(b_id), orders=order_counts[meeting.id],
        )
        for meeting, a_id, b_id, priority, wish in session.execute(query)
    )


def get_card(session: Session, meeting_id: int) -> MeetingCard:
    cards = live_cards(session, meeting_ids=[meeting_id])
    if not cards:
        raise NotFoundError(_("Pertemuan tidak ditemukan (mungkin sudah dihapus)."))
    return cards[0]


# ---- requests: scheduled where, or why not -------------------------------------------------
@dataclass(frozen=True)
class RequestStatus:
    request_id: int
    meeting_id: int | None
    slot_ordinal: int | None
    table_label: str
    meeting_status: str
    reason: str  # why it is not scheduled ("" when it is)
    # A request for ``meetings: N``: its other live meetings, (slot ordinal, table label) each.
    more: tuple[tuple[int, str], ...] = ()


def request_statuses(session: Session) -> dict[int, RequestStatus]:
    """Every request: its live meeting, or the scheduler's reason why it has none."""
    slots = {slot.id: slot for slot in load_slots(session)}
    tables = {table.id: table for table in event_setup.list_tables(session)}
    held: dict[int, list[Meeting]] = {}
    for meeting in session.scalars(
        select(Meeting).where(Meeting.status != MeetingStatus.CANCELLED.value).order_by(Meeting.id)
    ):
        held.setdefault(meeting.request_id, []).append(meeting)
    live = {request_id: meetings[0] for request_id, meetings in held.items()}
    result: dict[int, RequestStatus] = {}
    for request_id, (meeting, *others) in held.items():
        result[request_id] = RequestStatus(
            request_id, meeting.id, slots[meeting.slot_id].ordinal, tables[meeting.table_id].label, meeting.status, "",
            tuple((slots[other.slot_id].ordinal, tables[other.table_id].label) for other in others),
        )
    for request_id, reason in _reasons(session, live).items():
        result[request_id] = RequestStatus(request_id, None, None, "", "", reason)
    return result


def _reasons(session: Session, live: dict[int, Meeting]) -> dict[int, str]:
    """The scheduler's words for each request without a live meeting (empty when unknown)."""
    problem = export_problem(session)
    slot_keys = {slot.id: f"s{slot.ordinal}" for slot in load_slots(session)}
    table_keys = {table.id: f"t{table.number}" for table in event_setup.list_tables(session)}
    fixed = tuple(
        FixedMeeting(request_key(request_id), slot_keys[m.slot_id], table_keys[m.table_id]) for request_id, m in live.items()
    )
    waiting = [r.id for r in problem.requests if int(r.id[1:]) not in live]
    if not waiting:
        return {}
    try:
        ix = index_problem(dataclasses.replace(problem, fixed=fixed))
    except ProblemError:
        return {int(key[1:]): _("Belum dijadwalkan.") for key in waiting}
    table = Timetable(ix)
    return {
        int(key[1:]): reason_for(ix, table, ix.request_index[key])
        for key in waiting
        if table.slot_of[ix.request_index[key]] == FREE
    }
