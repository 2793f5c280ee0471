"""Bring check-ins made in an emergency file (while the server was away) back to the server.

Each check-in event carries a nonce, so "already on the server" is exact: only events whose
nonce the server has never seen are considered. Per participant the emergency file's last
word counts: a check-in is added (with its own time, desk and operator) unless the server
meanwhile has them present (reported, not added); an undo made offline is reported and not
applied (undo it on the server if it still matters); a participant the server does not know
(a walk-in registered offline) is reported. Preview first, then apply: applying the same file
twice adds nothing the second time. No Qt here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.access.actor import Actor
from desktop.models.enums import CheckInAction
from desktop.models.orm import CheckInEvent, Participant


class Verdict(StrEnum):
    ADD = "add"
    ALREADY = "already"  # the server has them present (another desk checked them in)
    UNKNOWN = "unknown"  # no participant with this code on the server
    UNDO_SKIPPED = "undo_skipped"
    NOTHING = "nothing"  # checked in and undone offline: nothing to carry over


@dataclass(frozen=True)
class MergeItem:
    code: str
    name: str
    at: dt.datetime
    desk: str
    operator_name: str
    nonce: str
    verdict: Verdict
    note: str = ""


@dataclass(frozen=True)
class MergePreview:
    items: tuple[MergeItem, ...]

    def count(self, verdict: Verdict) -> int:
        return sum(item.verdict is verdict for item in self.items)

    @property
    def to_add(self) -> tuple[MergeItem, ...]:
        return tuple(item for item in self.items if item.verdict is Verdict.ADD)


@dataclass(frozen=True)
class _Event:
    code: str
    name: str
    action: str
    at: dt.datetime
    desk: str
    operator_name: str
    nonce: str


def _events(session: Session) -> list[_Event]:
    rows = session.execute(
        select(Participant.code, Participant.business_name, CheckInEvent.action, CheckInEvent.at,
               CheckInEvent.desk, CheckInEvent.operator_name, CheckInEvent.nonce)
        .join(Participant, Participant.id == CheckInEvent.participant_id)
        .order_by(CheckInEvent.id)
    )
    return [_Event(*row) for row in rows]


def _server_state(server: Session, code: str, *, lock: bool = False) -> tuple[int | None, CheckInEvent | None]:
    statement = select(Participant.id).where(Participant.code == code)
    participant_id = server.scalar(statement.with_for_update() if lock else statement)
    if participant_id is None:
        return None, None
    latest = server.scalar(
        select(CheckInEvent).where(CheckInEvent.participant_id == participant_id).order_by(CheckInEvent.id.desc()).limit(1)
    )
    return participant_id, latest


def _already_note(latest: CheckInEvent) -> str:
    return _("sudah hadir di server ({desk}, {operator}, {time})").format(
        desk=latest.desk or "-", operator=latest.operator_name or "-", time=latest.at.strftime("%H:%M:%S"))


def _judge(server: Session, last: _Event, new_here: list[_Event], *, lock: bool = False) -> MergeItem:
    item = MergeItem(last.code, last.name, last.at, last.desk, last.operator_name, last.nonce, Verdict.ADD)
    participant_id, latest = _server_state(server, last.code, lock=lock)
    if participant_id is None:
        return replace(item, verdict=Verdict.UNKNOWN,
                       note=_("kode tidak ada di server (walk-in baru?): daftarkan di server lalu check-in"))
    present = latest is not None and latest.action == CheckInAction.CHECK_IN.value
    if last.action != CheckInAction.CHECK_IN.value:
        if any(event.action == CheckInAction.CHECK_IN.value for event in new_here) and not present:
            return replace(item, verdict=Verdict.NOTHING, note=_("check-in lalu dibatalkan di berkas darurat"))
        return replace(item, verdict=Verdict.UNDO_SKIPPED,
                       note=_("pembatalan di berkas darurat tidak digabung; batalkan di server bila perlu"))
    if present:
        assert latest is not None
        return replace(item, verdict=Verdict.ALREADY, note=_already_note(latest))
    return item


def preview_merge(emergency: Session, server: Session) -> MergePreview:
    """What merging the emergency file's check-ins into the server would do (nothing is written)."""
    known = set(server.scalars(select(CheckInEvent.nonce)))
    by_code: dict[str, list[_Event]] = {}
    last_of: dict[str, _Event] = {}
    position: dict[str, int] = {}
    for number, event in enumerate(_events(emergency)):
        last_of[event.code] = event
        position[event.nonce] = number
        if event.nonce not in known:
            by_code.setdefault(event.code, []).append(event)
    lasts = sorted((last_of[code] for code in by_code), key=lambda event: (event.at, position[event.nonce]))
    return MergePreview(tuple(
        _judge(server, last, by_code[last.code])
        for last in lasts
        if last.nonce not in known  # the file's last word is already on the server: nothing new
    ))


def apply_merge(emergency: Session, server: Session, actor: Actor) -> MergePreview:
    """Add the emergency file's new check-ins to the server (inside the caller's transaction).

    Each participant is judged again under a row lock, so a desk that checks the same person in
    on the server at this moment is respected: the answer then becomes "already".
    """
    planned = preview_merge(emergency, server)
    final: list[MergeItem] = []
    for item in planned.items:
        if item.verdict is not Verdict.ADD:
            final.append(item)
            continue
        event = _Event(item.code, item.name, CheckInAction.CHECK_IN.value, item.at, item.desk, item.operator_name,
                       item.nonce)
        judged = _judge(server, event, [event], lock=True)
        if judged.verdict is Verdict.ADD:
            participant_id, _latest = _server_state(server, item.code)
            assert participant_id is not None
            added = CheckInEvent(participant_id=participant_id, action=CheckInAction.CHECK_IN.value, at=item.at,
                                 desk=item.desk, operator_name=item.operator_name, nonce=item.nonce)
            server.add(added)
            server.flush()
            audit.record(server, actor, "checkin.merge", "participant", participant_id,
                         after={"event_id": added.id, "desk": item.desk, "nonce": item.nonce,
                                "at": item.at.isoformat()})
        final.append(judged)
    return MergePreview(tuple(final))
