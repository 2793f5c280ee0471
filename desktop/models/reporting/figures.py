"""The event's figures at a glance: attendance, meetings, orders, the current slot.

One function, :func:`event_figures`, computes them for the Dasbor *and* the printed event
report, so the screen and the paper never disagree. It is built on the shared read models:
presence follows :mod:`desktop.models.checkin.presence` (the latest check-in event of a participant
decides; the check-in that stands is the arrival) and orders come from
:func:`desktop.models.reporting.tallies.order_tally`.

It stays cheap on 10,000 participants: attendance and meetings are aggregate SQL queries;
only the slot in focus (at most one row per table) is looked at meeting by meeting.

The clock: ``now`` decides the current slot. When the event is not today (the demo is on
6 March 2020) the time of day of ``now`` is read on the event date, and
:attr:`EventFigures.is_event_day` says so, so the screen can say it plainly.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from desktop.models.enums import CheckInAction, MeetingStatus, ParticipantKind
from desktop.models.orm import (
    CheckInEvent,
    Event,
    Meeting,
    MeetingRequest,
    MeetingTable,
    Order,
    OrderLine,
    Participant,
    TimeSlot,
)
from desktop.models.checkin.presence import standing_query
from desktop.models.reporting.tallies import TallyRow, order_tally

TOP_N = 10


@dataclass(frozen=True)
class KindAttendance:
    kind: str
    expected: int
    present: int


@dataclass(frozen=True)
class ArrivalStep:
    """``arrived`` participants had come by the end of minute ``at`` (time of day)."""

    at: dt.time
    arrived: int


@dataclass(frozen=True)
class MeetingCounts:
    """``planned`` = every meeting not cancelled; ``open`` = planned but not yet marked."""

    planned: int = 0
    held: int = 0
    no_show: int = 0
    open: int = 0
    cancelled: int = 0


@dataclass(frozen=True)
class SlotInfo:
    id: int
    ordinal: int
    start: dt.time
    end: dt.time
    session: str


@dataclass(frozen=True)
class SlotMeetings:
    slot: SlotInfo
    counts: MeetingCounts


@dataclass(frozen=True)
class PartyAtTable:
    participant_id: int
    code: str
    name: str
    present: bool


@dataclass(frozen=True)
class TableAlert:
    """A meeting in the slot in focus whose host or visitor has not checked in."""

    meeting_id: int
    table_number: int
    table_label: str
    host: PartyAtTable
    visitor: PartyAtTable


@dataclass(frozen=True)
class RankedTrade:
    name: str
    orders: int
    requested_pairs: int
    committed_pairs: int
    value_rupiah: int


@dataclass(frozen=True)
class OrderFigures:
    orders: int
    confirmed_orders: int
    transacting_ikm: int
    requested_pairs: int
    committed_pairs: int
    unfulfilled_pairs: int
    value_rupiah: int
    top_buyers: tuple[RankedTrade, ...]
    top_categories: tuple[RankedTrade, ...]


@dataclass(frozen=True)
class EventFigures:
    now: dt.datetime
    event_name: str
    event_date: dt.date
    is_event_day: bool
    moment: dt.datetime  # ``now``'s time of day on the event date: decides the current slot
    expected: int
    present: int
    arrived: int  # whose check-in stands (an undone check-in does not count)
    by_kind: tuple[KindAttendance, ...]
    arrivals: tuple[ArrivalStep, ...]
    slots: tuple[SlotMeetings, ...]
    day_meetings: MeetingCounts
    current_slot: SlotInfo | None
    next_slot: SlotInfo | None
    focus_slot: SlotInfo | None  # current slot, else the next one: whose tables we watch
    table_alerts: tuple[TableAlert, ...]
    orders: OrderFigures

    @property
    def current_meetings(self) -> MeetingCounts | None:
        return self.meetings_in(self.current_slot)

    @property
    def focus_meetings(self) -> MeetingCounts | None:
        return self.meetings_in(self.focus_slot)

    def meetings_in(self, slot: SlotInfo | None) -> MeetingCounts | None:
        if slot is None:
            return None
        return next((row.counts for row in self.slots if row.slot.id == slot.id), MeetingCounts())


@dataclass(frozen=True)
class ChangeStamp:
    """Cheap fingerprint of what the figures read; equal parts → equal figures for that part.

    ``orders`` covers what :class:`OrderFigures` depends on, so a burst of check-ins can
    reuse the (comparatively costly) order figures.
    """

    attendance: tuple[object, ...]
    meetings: tuple[object, ...]
    orders: tuple[object, ...]


def event_figures(
    session: Session,
    now: dt.datetime | None = None,
    *,
    top: int = TOP_N,
    orders: OrderFigures | None = None,
) -> EventFigures:
    """Everything the Dasbor and the event report show, as of ``now`` (default: the clock).

    ``orders``: order figures computed earlier, reused when the caller knows (from
    :func:`change_stamp` or the change kinds) that no order changed since.
    """
    now = now or dt.datetime.now().replace(microsecond=0)
    event = session.execute(select(Event.name, Event.event_date).order_by(Event.id).limit(1)).one_or_none()
    event_name, event_date = (event.name, event.event_date) if event else ("", now.date())
    moment = dt.datetime.combine(event_date, now.time())
    by_kind = _attendance_by_kind(session)
    slots = _slots(session)
    current = next((s for s in slots if s.start <= moment.time() < s.end), None)
    upcoming = next((s for s in slots if s.start > moment.time()), None)
    focus = current or upcoming
    slot_meetings = _meetings_by_slot(session, slots)
    return EventFigures(
        now=now,
        event_name=event_name,
        event_date=event_date,
        is_event_day=now.date() == event_date,
        moment=moment,
        expected=sum(row.expected for row in by_kind),
        present=sum(row.present for row in by_kind),
        arrived=_arrived_count(session),
        by_kind=by_kind,
        arrivals=_arrivals(session),
        slots=slot_meetings,
        day_meetings=_sum_counts(row.counts for row in slot_meetings),
        current_slot=current,
        next_slot=upcoming,
        focus_slot=focus,
        table_alerts=_table_alerts(session, focus) if focus else (),
        orders=orders if orders is not None else _order_figures(session, top),
    )


def change_stamp(session: Session) -> ChangeStamp:
    """Counts, maxima and version sums of the tables the figures read, in one round trip.

    Any insert, delete or versioned update moves one of them, so the Dasbor recomputes
    only when another desk changed something, and only the part that changed.
    """
    participants = [func.count(Participant.id), func.max(Participant.id), func.sum(Participant.version)]
    parts = {
        "attendance": [func.count(CheckInEvent.id), func.max(CheckInEvent.id), *participants],
        "meetings": [
            func.count(Meeting.id), func.max(Meeting.id), func.sum(Meeting.version), func.max(Meeting.updated_at),
            func.count(TimeSlot.id), func.max(TimeSlot.id), func.max(Event.updated_at),
        ],
        "orders": [
            func.count(Order.id), func.max(Order.id), func.sum(Order.version), func.max(Order.updated_at),
            func.count(OrderLine.id), func.max(OrderLine.id), *participants,
        ],
    }
    flat = [aggregate for aggregates in parts.values() for aggregate in aggregates]
    values = iter(session.execute(select(*(select(a).scalar_subquery() for a in flat))).one())
    return ChangeStamp(**{name: tuple(next(values) for _ in aggregates) for name, aggregates in parts.items()})


# ---- attendance ---------------------------------------------------------------------------

def _latest_event_ids() -> Select[tuple[int]]:
    """The rule of :mod:`desktop.models.checkin.presence`: a participant's latest event decides."""
    return select(func.max(CheckInEvent.id)).group_by(CheckInEvent.participant_id)


def _attendance_by_kind(session: Session) -> tuple[KindAttendance, ...]:
    expected = dict(session.execute(select(Participant.kind, func.count()).group_by(Participant.kind)).all())
    present = dict(
        session.execute(
            select(Participant.kind, func.count())
            .join(CheckInEvent, CheckInEvent.participant_id == Participant.id)
            .where(CheckInEvent.id.in_(_latest_event_ids()))
            .where(CheckInEvent.action == CheckInAction.CHECK_IN.value)
            .group_by(Participant.kind)
        ).all()
    )
    known = [kind.value for kind in ParticipantKind]
    kinds = known + sorted(set(expected) - set(known))
    return tuple(
        KindAttendance(kind, expected.get(kind, 0), present.get(kind, 0))
        for kind in kinds
        if expected.get(kind, 0) or present.get(kind, 0)
    )


def _arrived_count(session: Session) -> int:
    """Everyone whose check-in stands (an undone check-in was a mistake, not an arrival)."""
    standing = standing_query().subquery()
    return session.scalar(select(func.count()).select_from(standing)) or 0


def _arrivals(session: Session) -> tuple[ArrivalStep, ...]:
    """Cumulative arrivals per minute of the day, at the check-in that stands (one row per minute)."""
    first = standing_query().subquery()
    # Grouping by the exact second in SQL keeps this portable (no strftime/date_trunc);
    # folding seconds into minutes is then a pass over at most a few hundred rows per hour.
    per_minute: Counter[dt.time] = Counter()
    for at, count in session.execute(select(first.c.at, func.count()).group_by(first.c.at)):
        per_minute[at.time().replace(second=0, microsecond=0)] += count
    steps: list[ArrivalStep] = []
    total = 0
    for minute in sorted(per_minute):
        total += per_minute[minute]
        steps.append(ArrivalStep(minute, total))
    return tuple(steps)


# ---- meetings -----------------------------------------------------------------------------

def _slots(session: Session) -> list[SlotInfo]:
    return [
        SlotInfo(row.id, row.ordinal, row.start, row.end, row.session)
        for row in session.execute(
            select(TimeSlot.id, TimeSlot.ordinal, TimeSlot.start, TimeSlot.end, TimeSlot.session)
            .order_by(TimeSlot.ordinal)
        )
    ]


def _counts(by_status: dict[str, int]) -> MeetingCounts:
    held = by_status.get(MeetingStatus.HELD.value, 0)
    no_show = by_status.get(MeetingStatus.NO_SHOW.value, 0)
    open_ = by_status.get(MeetingStatus.SCHEDULED.value, 0)
    return MeetingCounts(
        planned=held + no_show + open_,
        held=held,
        no_show=no_show,
        open=open_,
        cancelled=by_status.get(MeetingStatus.CANCELLED.value, 0),
    )


def _meetings_by_slot(session: Session, slots: list[SlotInfo]) -> tuple[SlotMeetings, ...]:
    per_slot: dict[int, dict[str, int]] = {}
    for slot_id, status, count in session.execute(
        select(Meeting.slot_id, Meeting.status, func.count()).group_by(Meeting.slot_id, Meeting.status)
    ):
        per_slot.setdefault(slot_id, {})[status] = count
    return tuple(SlotMeetings(slot, _counts(per_slot.get(slot.id, {}))) for slot in slots)


def _sum_counts(rows: Iterable[MeetingCounts]) -> MeetingCounts:
    totals: Counter[str] = Counter()
    for counts in rows:
        totals.update(asdict(counts))
    return MeetingCounts(**totals)


def _table_alerts(session: Session, slot: SlotInfo) -> tuple[TableAlert, ...]:
    meetings = session.execute(
        select(
            Meeting.id,
            MeetingTable.number,
            MeetingTable.label,
            MeetingTable.host_participant_id,
            MeetingRequest.participant_a_id,
            MeetingRequest.participant_b_id,
        )
        .join(MeetingTable, Meeting.table_id == MeetingTable.id)
        .join(MeetingRequest, Meeting.request_id == MeetingRequest.id)
        .where(Meeting.slot_id == slot.id, Meeting.status == MeetingStatus.SCHEDULED.value)
        .order_by(MeetingTable.number)
    ).all()
    if not meetings:
        return ()
    ids = {pid for row in meetings for pid in (row.participant_a_id, row.participant_b_id)}
    people = {
        row.id: (row.code, row.business_name)
        for row in session.execute(
            select(Participant.id, Participant.code, Participant.business_name).where(Participant.id.in_(ids))
        )
    }
    here = set(
        session.scalars(
            select(CheckInEvent.participant_id)
            .where(CheckInEvent.id.in_(_latest_event_ids().where(CheckInEvent.participant_id.in_(ids))))
            .where(CheckInEvent.action == CheckInAction.CHECK_IN.value)
        )
    )

    def party(pid: int) -> PartyAtTable:
        code, name = people.get(pid, ("", ""))
        return PartyAtTable(pid, code, name, pid in here)

    alerts: list[TableAlert] = []
    for row in meetings:
        # The table's host receives; the other side of the request is the visitor.
        host_id, visitor_id = row.participant_a_id, row.participant_b_id
        if row.host_participant_id == visitor_id:
            host_id, visitor_id = visitor_id, host_id
        if host_id in here and visitor_id in here:
            continue
        alerts.append(TableAlert(row.id, row.number, row.label, party(host_id), party(visitor_id)))
    return tuple(alerts)


# ---- orders -------------------------------------------------------------------------------

def _ranked(rows: list[TallyRow], top: int) -> tuple[RankedTrade, ...]:
    return tuple(
        RankedTrade(str(row.name), row.orders, row.requested_pairs, row.committed_pairs, row.value_rupiah)
        for row in rows[:top]
    )


def _order_figures(session: Session, top: int) -> OrderFigures:
    tally = order_tally(session)
    return OrderFigures(
        orders=tally.orders,
        confirmed_orders=tally.confirmed_orders,
        transacting_ikm=tally.transacting_ikm,
        requested_pairs=tally.requested_pairs,
        committed_pairs=tally.committed_pairs,
        unfulfilled_pairs=tally.unfulfilled_pairs,
        value_rupiah=tally.value_rupiah,
        top_buyers=_ranked(tally.by_buyer, top),
        top_categories=_ranked(tally.by_category, top),
    )
