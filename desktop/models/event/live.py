"""Noticing other desks' changes cheaply: one small query every second or two.

:func:`live_stamp` reads index-backed maxima (``MAX(id)``, ``MAX(updated_at)``) and counts of
the tables the desks write, in one round trip; a kind of data changed exactly when its part
of the stamp changed. Check-ins are append-only, so the desk then fetches only the events
after the last one it saw (:func:`check_ins_after`), never the whole table. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.enums import CheckInAction
from desktop.models.orm import CheckInEvent, Event, Meeting, MeetingRequest, Order, OrderLine, Participant

# The change kinds of desktop.views.operations (kept as plain strings: no Qt here).
CHECK_INS = "check_ins"
ORDERS = "orders"
PARTICIPANTS = "participants"
MEETINGS = "meetings"
REQUESTS = "requests"
EVENT = "event"


@dataclass(frozen=True)
class LiveStamp:
    check_ins: tuple[object, ...]
    orders: tuple[object, ...]
    participants: tuple[object, ...]
    meetings: tuple[object, ...]
    requests: tuple[object, ...]
    event: tuple[object, ...]


_KIND_OF_FIELD = {
    "check_ins": CHECK_INS, "orders": ORDERS, "participants": PARTICIPANTS, "meetings": MEETINGS,
    "requests": REQUESTS, "event": EVENT,
}


def live_stamp(session: Session) -> LiveStamp:
    parts = {
        "check_ins": [func.max(CheckInEvent.id)],
        # Version sums: two edits within one second leave MAX(updated_at) alone, never the sum.
        "orders": [func.max(Order.id), func.sum(Order.version), func.max(OrderLine.id), func.count(OrderLine.id)],
        "participants": [func.max(Participant.id), func.sum(Participant.version), func.count(Participant.id)],
        "meetings": [func.max(Meeting.id), func.sum(Meeting.version), func.count(Meeting.id)],
        "requests": [func.max(MeetingRequest.id), func.count(MeetingRequest.id)],
        "event": [func.max(Event.updated_at)],
    }
    flat = [aggregate for aggregates in parts.values() for aggregate in aggregates]
    values = iter(session.execute(select(*(select(a).scalar_subquery() for a in flat))).one())
    return LiveStamp(**{name: tuple(next(values) for _ in aggregates) for name, aggregates in parts.items()})


def changed_kinds(before: LiveStamp | None, after: LiveStamp) -> frozenset[str]:
    if before is None:
        return frozenset()
    return frozenset(
        _KIND_OF_FIELD[field.name] for field in fields(LiveStamp)
        if getattr(before, field.name) != getattr(after, field.name)
    )


@dataclass(frozen=True)
class PresenceChange:
    event_id: int
    participant_id: int
    present_since: dt.datetime | None  # None: undone, no longer present


def check_ins_after(session: Session, event_id: int, limit: int = 5_000) -> list[PresenceChange]:
    """Check-in events after ``event_id`` in order (index range scan on the primary key)."""
    rows = session.execute(
        select(CheckInEvent.id, CheckInEvent.participant_id, CheckInEvent.action, CheckInEvent.at)
        .where(CheckInEvent.id > event_id)
        .order_by(CheckInEvent.id)
        .limit(limit)
    )
    return [
        PresenceChange(row.id, row.participant_id, row.at if row.action == CheckInAction.CHECK_IN.value else None)
        for row in rows
    ]


def last_check_in_id(session: Session) -> int:
    return session.scalar(select(func.max(CheckInEvent.id))) or 0
