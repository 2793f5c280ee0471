"""Who is here: derived from the append-only check-in events, never from a flag.

The latest event of a participant decides: ``check_in`` → present, ``undo`` → not present.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.models.enums import CheckInAction
from desktop.models.orm import CheckInEvent


@dataclass(frozen=True)
class Presence:
    participant_id: int
    present: bool
    at: dt.datetime  # time of the latest event
    operator_name: str
    desk: str
    first_check_in_at: dt.datetime | None


def presence_map(session: Session) -> dict[int, Presence]:
    """Latest check-in state of everyone who has any check-in event."""
    latest_ids = select(func.max(CheckInEvent.id)).group_by(CheckInEvent.participant_id)
    first_times = dict(
        session.execute(
            select(CheckInEvent.participant_id, func.min(CheckInEvent.at))
            .where(CheckInEvent.action == CheckInAction.CHECK_IN.value)
            .group_by(CheckInEvent.participant_id)
        ).all()
    )
    result: dict[int, Presence] = {}
    for event in session.scalars(select(CheckInEvent).where(CheckInEvent.id.in_(latest_ids))):
        result[event.participant_id] = Presence(
            participant_id=event.participant_id,
            present=event.action == CheckInAction.CHECK_IN.value,
            at=event.at,
            operator_name=event.operator_name,
            desk=event.desk,
            first_check_in_at=first_times.get(event.participant_id),
        )
    return result


def present_ids(session: Session) -> set[int]:
    return {pid for pid, presence in presence_map(session).items() if presence.present}
