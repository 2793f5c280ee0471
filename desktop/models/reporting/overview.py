"""Counts of what an event file holds (``info`` on the command line, the status bar)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.enums import ParticipantKind
from desktop.models.orm import Meeting, MeetingRequest, MeetingTable, Order, Participant, TimeSlot


@dataclass(frozen=True)
class EventCounts:
    participants_by_kind: dict[str, int]
    slots: int
    tables: int
    requests: int
    meetings: int
    orders: int

    @property
    def participants(self) -> int:
        return sum(self.participants_by_kind.values())


def event_counts(session: Session) -> EventCounts:
    by_kind = {kind.value: 0 for kind in ParticipantKind}
    for kind, count in session.execute(select(Participant.kind, func.count()).group_by(Participant.kind)):
        by_kind[kind] = count

    def count(model: type) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    return EventCounts(
        participants_by_kind=by_kind,
        slots=count(TimeSlot),
        tables=count(MeetingTable),
        requests=count(MeetingRequest),
        meetings=count(Meeting),
        orders=count(Order),
    )
