"""Test data for the day's activity, inserted as ORM rows (the check-in and order services
live in other branches): check-in events, meetings at the hosts' tables, orders."""

from __future__ import annotations

import datetime as dt
import itertools

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.orm import (
    CheckInEvent,
    Meeting,
    MeetingRequest,
    MeetingTable,
    Order,
    OrderLine,
    Participant,
    ProductCategory,
    TimeSlot,
)

_nonce = itertools.count(1)
DAY = dt.date(2020, 3, 6)


def at(hour: int, minute: int, second: int = 0) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time(hour, minute, second))


def check_in(session: Session, participant_id: int, when: dt.datetime, action: str = "check_in") -> None:
    session.add(CheckInEvent(participant_id=participant_id, action=action, at=when,
                             nonce=f"test-{next(_nonce)}", desk="Meja 1", operator_name="Sari"))
    session.flush()


def ids_of_kind(session: Session, kind: str) -> list[int]:
    return list(session.scalars(select(Participant.id).where(Participant.kind == kind).order_by(Participant.id)))


def slot_id(session: Session, ordinal: int) -> int:
    return session.scalar(select(TimeSlot.id).where(TimeSlot.ordinal == ordinal))


def schedule(session: Session, ordinal: int, count: int, status: str = "scheduled") -> list[Meeting]:
    """``count`` meetings in slot ``ordinal``, each at the table its requesting host owns."""
    slot = slot_id(session, ordinal)
    busy = set(session.scalars(select(Meeting.table_id).where(Meeting.slot_id == slot)))
    tables = {t.host_participant_id: t for t in session.scalars(select(MeetingTable))}
    made: list[Meeting] = []
    for request in session.scalars(select(MeetingRequest).order_by(MeetingRequest.id)):
        table = tables.get(request.participant_a_id)
        if table is None or table.id in busy:
            continue
        meeting = Meeting(request_id=request.id, slot_id=slot, table_id=table.id, status=status)
        session.add(meeting)
        busy.add(table.id)
        made.append(meeting)
        if len(made) == count:
            break
    session.flush()
    return made


def add_order(session: Session, buyer_id: int, seller_id: int, *, category: str = "sepatu_wanita",
              requested: int = 100, committed: int = 100, price: int = 85_000,
              status: str = "confirmed") -> Order:
    category_id = session.scalar(select(ProductCategory.id).where(ProductCategory.code == category))
    order = Order(buyer_id=buyer_id, seller_id=seller_id, status=status)
    order.lines = [OrderLine(category_id=category_id, unit_entered="pasang", quantity_entered=requested,
                             requested_quantity=requested, committed_quantity=committed, unit_price=price)]
    session.add(order)
    session.flush()
    return order
