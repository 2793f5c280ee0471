"""Who is here: derived from the append-only check-in events, never from a flag.

The latest event of a participant decides: ``check_in`` → present, ``undo`` → not present.

The check-in that *stands* is the first check-in after the participant's last undo (an undo
takes back a mistaken check-in, so its time never counts). Its time is the one every paper
and screen shows: the daftar hadir, the export, the Dasbor's arrivals and the desk card.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
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
    first_check_in_at: dt.datetime | None  # the standing check-in (None: not present)


def standing_query() -> Select[tuple[int, dt.datetime]]:
    """``(participant_id, at)`` of every standing check-in, as SQL (usable as a subquery)."""
    last_undo = (
        select(CheckInEvent.participant_id.label("pid"), func.max(CheckInEvent.id).label("undo_id"))
        .where(CheckInEvent.action == CheckInAction.UNDO.value)
        .group_by(CheckInEvent.participant_id)
        .subquery()
    )
    return (
        select(CheckInEvent.participant_id.label("participant_id"), func.min(CheckInEvent.at).label("at"))
        .outerjoin(last_undo, last_undo.c.pid == CheckInEvent.participant_id)
        .where(CheckInEvent.action == CheckInAction.CHECK_IN.value)
        .where((last_undo.c.undo_id.is_(None)) | (CheckInEvent.id > last_undo.c.undo_id))
        .group_by(CheckInEvent.participant_id)
    )


def standing_check_ins(session: Session) -> dict[int, dt.datetime]:
    """Who is here and the time of the check-in that stands (see the module doc)."""
    return {pid: at for pid, at in session.execute(standing_query())}


def standing_time(events: list[tuple[str, dt.datetime]]) -> dt.datetime | None:
    """The standing check-in time of one participant's events ``(action, at)`` in order."""
    standing: dt.datetime | None = None
    for action, at in events:
        if action == CheckInAction.UNDO.value:
            standing = None
        elif standing is None:
            standing = at
    return standing


def presence_map(session: Session) -> dict[int, Presence]:
    """Latest check-in state of everyone who has any check-in event."""
    latest_ids = select(func.max(CheckInEvent.id)).group_by(CheckInEvent.participant_id)
    first_times = standing_check_ins(session)
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
