"""What an IKM can still make by a delivery date, and who can fill a shortfall.

The rule (shown to the operator in these words):

- *Capacity by a date* = monthly capacity × days from the event day to the delivery date ÷ 30,
  rounded down, **but at least one month's capacity**: an order agreed at the event is rarely
  due within the month, and a maker's monthly figure says nothing finer. A line without a
  delivery date counts as due one month after the event.
- *Committed load* = pairs committed on every order of that maker that is not cancelled
  (drafts included: a draft at the table is usually confirmed minutes later), per due date.
- *Fulfillable* for a new line due on D = the least, over D and every later due date d of the
  maker, of ``capacity by d − load due by d`` (earliest-deadline-first: a new order must not
  make a later one late), never below zero, never above what is requested.

Capacity is in pairs, so the check applies to lines stored in pairs sold by an IKM that has a
monthly capacity; everything else is "not checked".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import formatting
from desktop.i18n import _
from desktop.models.event import event_setup
from desktop.models.checkin import presence
from desktop.models.enums import OrderStatus, ParticipantKind, Unit
from desktop.models.orm import Order, OrderLine, Participant, ProductCategory, participant_category

DAYS_PER_MONTH = 30
MIN_HORIZON_DAYS = 30


@dataclass(frozen=True)
class CapacityCheck:
    seller_id: int
    applies: bool  # False: not pairs, not an IKM, or capacity unknown
    monthly_capacity: int | None
    delivery_date: dt.date | None
    horizon_days: int
    capacity_by_date: int
    already_committed: int  # pairs due by the delivery date on other lines/orders
    available: int  # pairs the maker can still take for this date (EDF rule)
    requested: int
    fulfillable: int
    # The deadline that limits ``available`` (this line's, or a later order's under EDF) with the
    # capacity and committed load counted up to it: the figures the sentence shows add up.
    limit_date: dt.date | None = None
    limit_capacity: int = 0
    limit_committed: int = 0
    limit_due: dt.date | None = None  # this line's own due date (a month after the event when none is set)

    @property
    def shortfall(self) -> int:
        return max(self.requested - self.fulfillable, 0)

    @property
    def limited_later(self) -> bool:
        """True when a later-due order, not this line's own date, is what leaves no more room."""
        return self.limit_date is not None and self.limit_due is not None and self.limit_date > self.limit_due


@dataclass(frozen=True)
class Room:
    """What :func:`room_for` found: the spare pairs and the deadline that limits them."""

    available: int
    load_at_due: int  # pairs due by this line's own date
    limit_date: dt.date
    limit_capacity: int
    limit_load: int


@dataclass(frozen=True)
class Helper:
    """A present IKM that could fill part of a shortfall."""

    participant_id: int
    code: str
    business_name: str
    monthly_capacity: int
    spare: int
    proposed: int  # greedy share of the shortfall, largest spare first


def event_day(session: Session) -> dt.date:
    return event_setup.get_event(session).event_date if event_setup.has_event(session) else dt.date.today()


def horizon_days(event_date: dt.date, delivery_date: dt.date | None) -> int:
    if delivery_date is None:
        return MIN_HORIZON_DAYS
    return max((delivery_date - event_date).days, MIN_HORIZON_DAYS)


def capacity_by(monthly_capacity: int, event_date: dt.date, delivery_date: dt.date | None) -> int:
    """Pairs a maker of ``monthly_capacity`` can make from the event to ``delivery_date``."""
    return monthly_capacity * horizon_days(event_date, delivery_date) // DAYS_PER_MONTH


def due_date(event_date: dt.date, delivery_date: dt.date | None) -> dt.date:
    return delivery_date or event_date + dt.timedelta(days=MIN_HORIZON_DAYS)


def available_pairs(
    monthly_capacity: int,
    event_date: dt.date,
    delivery_date: dt.date | None,
    load: Iterable[tuple[dt.date | None, int]],
) -> tuple[int, int]:
    """``(available, load due by the delivery date)`` for a maker with ``load`` = (due date, pairs)."""
    room = room_for(monthly_capacity, event_date, delivery_date, load)
    return room.available, room.load_at_due


def room_for(
    monthly_capacity: int,
    event_date: dt.date,
    delivery_date: dt.date | None,
    load: Iterable[tuple[dt.date | None, int]],
) -> Room:
    """The EDF rule for one new line due on ``delivery_date``: the least room over its own and every
    later deadline, and which deadline that was (so a message can show figures that add up)."""
    due = due_date(event_date, delivery_date)
    by_date: dict[dt.date, int] = {}
    for when, pairs in load:
        day = due_date(event_date, when)
        by_date[day] = by_date.get(day, 0) + pairs
    deadlines = sorted({due, *(day for day in by_date if day >= due)})
    cumulative_before = sum(pairs for day, pairs in by_date.items() if day < due)
    best: tuple[int, dt.date, int, int] | None = None  # (room, deadline, capacity, load)
    running = cumulative_before
    load_at_due = 0
    for day in deadlines:
        running += by_date.get(day, 0)
        if day == due:
            load_at_due = running
        made = capacity_by(monthly_capacity, event_date, day)
        if best is None or made - running < best[0]:
            best = (made - running, day, made, running)
    assert best is not None  # ``deadlines`` always holds ``due``
    room, day, made, running = best
    return Room(max(room, 0), load_at_due, day, made, running)


def committed_load(
    session: Session, seller_ids: Iterable[int], exclude_order_id: int | None = None
) -> dict[int, list[tuple[dt.date | None, int]]]:
    """Pairs committed per maker and due date on every order that is not cancelled."""
    ids = list(seller_ids)
    result: dict[int, list[tuple[dt.date | None, int]]] = {seller: [] for seller in ids}
    if not ids:
        return result
    query = (
        select(Order.seller_id, OrderLine.delivery_date, OrderLine.committed_quantity)
        .join(OrderLine, OrderLine.order_id == Order.id)
        .join(ProductCategory, OrderLine.category_id == ProductCategory.id)
        .where(
            Order.seller_id.in_(ids),
            Order.status != OrderStatus.CANCELLED.value,
            ProductCategory.base_unit == Unit.PAIR.value,
            OrderLine.unit_entered.in_([Unit.PAIR.value, Unit.KODI.value, Unit.LUSIN.value]),
        )
    )
    if exclude_order_id is not None:
        query = query.where(Order.id != exclude_order_id)
    for seller, when, pairs in session.execute(query):
        result[seller].append((when, pairs))
    return result


def check_line(
    session: Session,
    seller_id: int,
    stored_unit: str,
    requested: int,
    delivery_date: dt.date | None,
    *,
    exclude_order_id: int | None = None,
    extra_load: Iterable[tuple[dt.date | None, int]] = (),
) -> CapacityCheck:
    """Requested vs fulfillable for one line; ``extra_load`` = earlier lines of the same new order."""
    seller = session.get(Participant, seller_id)
    event_date = event_day(session)
    monthly = seller.monthly_capacity if seller is not None else None
    applies = (
        seller is not None
        and seller.kind == ParticipantKind.IKM.value
        and monthly is not None
        and stored_unit == Unit.PAIR.value
    )
    days = horizon_days(event_date, delivery_date)
    if not applies:
        return CapacityCheck(seller_id, False, monthly, delivery_date, days, 0, 0, requested, requested, requested)
    assert monthly is not None
    load = committed_load(session, [seller_id], exclude_order_id)[seller_id] + list(extra_load)
    room = room_for(monthly, event_date, delivery_date, load)
    available, already = room.available, room.load_at_due
    return CapacityCheck(
        seller_id=seller_id,
        applies=True,
        monthly_capacity=monthly,
        delivery_date=delivery_date,
        horizon_days=days,
        capacity_by_date=capacity_by(monthly, event_date, delivery_date),
        already_committed=already,
        available=available,
        requested=requested,
        fulfillable=min(requested, available),
        limit_date=room.limit_date,
        limit_capacity=room.limit_capacity,
        limit_committed=room.limit_load,
        limit_due=due_date(event_date, delivery_date),
    )


def describe_check(check: CapacityCheck, emphasis: Callable[[str], str] = str) -> str:
    """The capacity line of the order form, in figures that add up: fulfillable = capacity − committed
    at the deadline that limits it (a later order's, when taking more would make that one late)."""
    numbers = {
        "fulfillable": emphasis(formatting.number(check.fulfillable)),
        "requested": formatting.number(check.requested),
        "capacity": formatting.number(check.limit_capacity),
        "committed": formatting.number(check.limit_committed),
        "date": formatting.short_date(check.limit_date) if check.limit_date else "",
    }
    if check.limited_later:
        return _(
            "Sanggup {fulfillable} dari {requested} pasang diminta: sampai {date} kapasitasnya {capacity} "
            "dan sudah terikat {committed} pada pesanan yang jatuh tempo sampai tanggal itu."
        ).format(**numbers)
    return _(
        "Sanggup sampai {date}: {fulfillable} dari {requested} pasang diminta "
        "(kapasitas sampai tanggal itu {capacity}, sudah terikat {committed})."
    ).format(**numbers)


def suggest_helpers(
    session: Session,
    category_id: int,
    delivery_date: dt.date | None,
    needed: int,
    exclude_ids: Iterable[int] = (),
) -> list[Helper]:
    """Present IKM making ``category_id`` with spare pairs by the date, largest spare first."""
    excluded = set(exclude_ids)
    here = presence.present_ids(session)
    query = (
        select(Participant)
        .join(participant_category, participant_category.c.participant_id == Participant.id)
        .where(
            participant_category.c.category_id == category_id,
            Participant.kind == ParticipantKind.IKM.value,
            Participant.monthly_capacity.is_not(None),
            Participant.monthly_capacity > 0,
        )
    )
    makers = [p for p in session.scalars(query) if p.id in here and p.id not in excluded]
    event_date = event_day(session)
    loads = committed_load(session, [p.id for p in makers])
    spare: list[tuple[Participant, int]] = []
    for maker in makers:
        assert maker.monthly_capacity is not None
        room, _due = available_pairs(maker.monthly_capacity, event_date, delivery_date, loads[maker.id])
        if room > 0:
            spare.append((maker, room))
    spare.sort(key=lambda item: (-item[1], item[0].business_name.lower(), item[0].id))
    helpers: list[Helper] = []
    left = max(needed, 0)
    for maker, room in spare:
        share = min(room, left)
        left -= share
        assert maker.monthly_capacity is not None
        helpers.append(Helper(maker.id, maker.code, maker.business_name, maker.monthly_capacity, room, share))
    return helpers
