"""The check-in desk: check in, undo, status and history, desk counters, failed scans.

Check-ins are append-only :class:`CheckInEvent` rows; presence is the latest event.
Every write runs inside the caller's write transaction (``BEGIN IMMEDIATE`` on SQLite,
``SELECT … FOR UPDATE`` on the participant elsewhere), so the "already checked in"
answer is read in the same transaction that would have written: two desks on one
database can never both check the same person in.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.access.actor import Actor
from desktop.models.base import now
from desktop.models.enums import CODE_PREFIX, CheckInAction, MeetingStatus, ParticipantKind
from desktop.models.errors import ConflictError, NotFoundError, ValidationError
from desktop.models.orm import (
    CheckInEvent,
    FailedScan,
    Meeting,
    MeetingRequest,
    MeetingTable,
    Participant,
    TimeSlot,
)
from desktop.models.people.participants import normalize_code
from desktop.models.checkin.presence import standing_check_ins, standing_time

MAX_RAW_INPUT = 600  # FailedScan.raw_input
_CODE_IN_TEXT = re.compile("(?:" + "|".join(CODE_PREFIX.values()) + r")\d{3,}")


class Outcome(StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY = "already"
    UNKNOWN = "unknown"
    UNDONE = "undone"
    NOT_PRESENT = "not_present"  # undo asked for somebody who is not checked in


@dataclass(frozen=True)
class Person:
    """The few facts the desk shows about a participant."""

    id: int
    code: str
    kind: str
    business_name: str
    contact_person: str
    phone: str
    is_walk_in: bool


@dataclass(frozen=True)
class NextMeeting:
    start: dt.time
    end: dt.time
    table_number: int
    table_label: str
    counterpart: str
    is_first: bool  # no meeting of theirs has started yet
    total: int  # live meetings of this participant today


@dataclass(frozen=True)
class CheckInResult:
    outcome: Outcome
    person: Person | None
    at: dt.datetime  # when the deciding event happened (the earlier check-in for ALREADY)
    operator_name: str
    desk: str
    event_id: int | None = None
    next_meeting: NextMeeting | None = None
    raw_input: str = ""
    message: str = ""  # for UNKNOWN / NOT_PRESENT: what to tell the operator


@dataclass(frozen=True)
class HistoryEntry:
    event_id: int
    action: str
    at: dt.datetime
    operator_name: str
    desk: str


@dataclass(frozen=True)
class Status:
    person: Person
    present: bool
    at: dt.datetime | None
    operator_name: str
    desk: str
    history: tuple[HistoryEntry, ...]
    next_meeting: NextMeeting | None


@dataclass(frozen=True)
class KindCount:
    kind: str
    present: int
    expected: int


@dataclass(frozen=True)
class DeskOverview:
    counts: tuple[KindCount, ...]
    missing: tuple[Person, ...]

    @property
    def present(self) -> int:
        return sum(count.present for count in self.counts)

    @property
    def expected(self) -> int:
        return sum(count.expected for count in self.counts)


@dataclass(frozen=True)
class FailedScanRow:
    id: int
    raw_input: str
    reason: str
    at: dt.datetime
    operator_name: str
    desk: str


def new_nonce() -> str:
    return uuid.uuid4().hex


def person_of(participant: Participant) -> Person:
    return Person(
        id=participant.id,
        code=participant.code,
        kind=participant.kind,
        business_name=participant.business_name,
        contact_person=participant.contact_person,
        phone=participant.phone,
        is_walk_in=participant.is_walk_in,
    )


def code_candidates(raw: str) -> list[str]:
    """Codes a scan may mean: the whole input, then codes found inside it.

    Scanners add prefixes (``]Q1`` symbology ids, ``*`` start/stop characters) and suffixes;
    people type lowercase and spaces. Only letters and digits count.
    """
    whole = normalize_code(raw)
    found = [whole] if whole else []
    for match in _CODE_IN_TEXT.findall(whole):
        if match not in found:
            found.append(match)
    return found


def looks_like_code(raw: str) -> bool:
    """True when the input is a registration code and nothing else (for a scanner with no Enter)."""
    return bool(_CODE_IN_TEXT.fullmatch(normalize_code(raw)))


# ---- reading --------------------------------------------------------------------------------
def _latest_event(session: Session, participant_id: int) -> CheckInEvent | None:
    return session.scalar(
        select(CheckInEvent)
        .where(CheckInEvent.participant_id == participant_id)
        .order_by(CheckInEvent.id.desc())
        .limit(1)
    )


def _standing_event(session: Session, participant_id: int) -> CheckInEvent | None:
    """The check-in that stands: the first after the last undo (a merged desk file may add later ones)."""
    last_undo = session.scalar(
        select(func.max(CheckInEvent.id))
        .where(CheckInEvent.participant_id == participant_id, CheckInEvent.action == CheckInAction.UNDO.value)
    )
    return session.scalar(
        select(CheckInEvent)
        .where(CheckInEvent.participant_id == participant_id, CheckInEvent.action == CheckInAction.CHECK_IN.value,
               CheckInEvent.id > (last_undo or 0))
        .order_by(CheckInEvent.id)
        .limit(1)
    )


def _find(session: Session, code_or_id: str | int, *, lock: bool) -> Participant | None:
    def query(condition):  # type: ignore[no-untyped-def]
        statement = select(Participant).where(condition)
        # Row lock on databases that have them; SQLite's BEGIN IMMEDIATE already serialises writers.
        return session.scalar(statement.with_for_update() if lock else statement)

    if isinstance(code_or_id, int):
        return query(Participant.id == code_or_id)
    for code in code_candidates(code_or_id):
        found = query(Participant.code == code)
        if found is not None:
            return found
    return None


def next_meeting(session: Session, participant_id: int, at: dt.datetime | None = None) -> NextMeeting | None:
    """Their first meeting (before the day's meetings start) or the next one not yet over, at the
    event's own moment: before the event day nothing is over yet, after it the time of day is read
    on the event date (the arrival card and the board count the same way)."""
    from desktop.models.schedule.board import event_moment  # board imports this module
    from desktop.models.orm import Event

    event_date = session.scalar(select(Event.event_date).limit(1))
    moment = at or now()
    clock = (event_moment(event_date, moment) if event_date is not None else moment).time()
    other = aliased(Participant)
    rows = session.execute(
        select(TimeSlot.start, TimeSlot.end, MeetingTable.number, MeetingTable.label, other.business_name)
        .select_from(Meeting)
        .join(MeetingRequest, Meeting.request_id == MeetingRequest.id)
        .join(TimeSlot, Meeting.slot_id == TimeSlot.id)
        .join(MeetingTable, Meeting.table_id == MeetingTable.id)
        .join(
            other,
            other.id
            == func.coalesce(
                func.nullif(MeetingRequest.participant_a_id, participant_id), MeetingRequest.participant_b_id
            ),
        )
        .where(
            or_(MeetingRequest.participant_a_id == participant_id, MeetingRequest.participant_b_id == participant_id),
            Meeting.status != MeetingStatus.CANCELLED.value,
        )
        .order_by(TimeSlot.start)
    ).all()
    if not rows:
        return None
    upcoming = [row for row in rows if row.end > clock]
    if not upcoming:
        return None
    start, end, number, table_label, counterpart = upcoming[0]
    return NextMeeting(
        start=start,
        end=end,
        table_number=number,
        table_label=table_label,
        counterpart=counterpart,
        is_first=rows[0].start > clock,
        total=len(rows),
    )


def history(session: Session, participant_id: int) -> list[HistoryEntry]:
    events = session.scalars(
        select(CheckInEvent).where(CheckInEvent.participant_id == participant_id).order_by(CheckInEvent.id)
    )
    return [HistoryEntry(e.id, e.action, e.at, e.operator_name, e.desk) for e in events]


def status(session: Session, participant_id: int) -> Status:
    participant = session.get(Participant, participant_id)
    if participant is None:
        raise NotFoundError(_("Peserta tidak ditemukan (mungkin sudah dihapus)."))
    entries = history(session, participant_id)
    latest = entries[-1] if entries else None
    present = latest is not None and latest.action == CheckInAction.CHECK_IN.value
    return Status(
        person=person_of(participant),
        present=present,
        # Present: since the check-in that stands; otherwise when it was undone.
        at=standing_time([(e.action, e.at) for e in entries]) if present else (latest.at if latest else None),
        operator_name=latest.operator_name if latest else "",
        desk=latest.desk if latest else "",
        history=tuple(entries),
        next_meeting=next_meeting(session, participant_id),
    )


def present_since(session: Session) -> dict[int, dt.datetime]:
    """Who is here now and since when (the latest event is a check-in).

    The same rule as :func:`desktop.models.checkin.presence.presence_map`; "since" is the check-in
    that stands (the first one after the last undo).
    """
    return standing_check_ins(session)


PERSON_COLUMNS = (Participant.id, Participant.code, Participant.kind, Participant.business_name,
                   Participant.contact_person, Participant.phone, Participant.is_walk_in)


def desk_overview(session: Session) -> DeskOverview:
    """Present / expected per kind and everybody still missing (by kind, then name)."""
    present = present_since(session)
    expected: dict[str, int] = {}
    arrived: dict[str, int] = {}
    missing: list[Person] = []
    for row in session.execute(select(*PERSON_COLUMNS).order_by(Participant.business_name)):
        person = Person(*row)
        expected[person.kind] = expected.get(person.kind, 0) + 1
        if person.id in present:
            arrived[person.kind] = arrived.get(person.kind, 0) + 1
        else:
            missing.append(person)
    order = [kind.value for kind in ParticipantKind]
    counts = tuple(
        KindCount(kind, arrived.get(kind, 0), expected[kind])
        for kind in sorted(expected, key=lambda k: order.index(k) if k in order else len(order))
    )
    missing.sort(key=lambda p: (order.index(p.kind) if p.kind in order else len(order), p.business_name.lower()))
    return DeskOverview(counts=counts, missing=tuple(missing))


def failed_scans(session: Session, limit: int = 100) -> list[FailedScanRow]:
    rows = session.scalars(select(FailedScan).order_by(FailedScan.id.desc()).limit(limit))
    return [FailedScanRow(r.id, r.raw_input, r.reason, r.at, r.operator_name, r.desk) for r in rows]


# ---- writing --------------------------------------------------------------------------------
def _replayed(session: Session, nonce: str) -> CheckInEvent | None:
    return session.scalar(select(CheckInEvent).where(CheckInEvent.nonce == nonce))


def _outcome_of(event: CheckInEvent) -> Outcome:
    return Outcome.CHECKED_IN if event.action == CheckInAction.CHECK_IN.value else Outcome.UNDONE


def _result_of_event(session: Session, event: CheckInEvent, outcome: Outcome) -> CheckInResult:
    participant = session.get(Participant, event.participant_id)
    assert participant is not None  # the event cascades away with its participant
    return CheckInResult(
        outcome=outcome,
        person=person_of(participant),
        at=event.at,
        operator_name=event.operator_name,
        desk=event.desk,
        event_id=event.id,
        next_meeting=next_meeting(session, participant.id) if outcome is not Outcome.UNDONE else None,
    )


def _log_failed(session: Session, raw: str, reason: str, actor: Actor, at: dt.datetime | None = None) -> CheckInResult:
    moment = at or now()
    session.add(
        FailedScan(raw_input=raw[:MAX_RAW_INPUT], reason=reason[:200], at=moment, desk=actor.desk, operator_name=actor.name)
    )
    return CheckInResult(
        outcome=Outcome.UNKNOWN, person=None, at=moment, operator_name=actor.name, desk=actor.desk,
        raw_input=raw[:MAX_RAW_INPUT], message=reason,
    )


def check_in(session: Session, code_or_id: str | int, actor: Actor, *, nonce: str | None = None,
             at: dt.datetime | None = None) -> CheckInResult:
    """Check a participant in by scanned/typed code or by id; idempotent per ``nonce``.

    Unknown codes are logged as failed scans and answered with ``Outcome.UNKNOWN``;
    somebody already present gets ``Outcome.ALREADY`` with when, by whom and where.
    ``at``: when the badge was scanned, for a scan recorded later (the database was out of reach).
    """
    if isinstance(code_or_id, str) and not code_or_id.strip():
        raise ValidationError(_("Pindai badge atau ketik kode/nama peserta."), field="code")
    nonce = nonce or new_nonce()
    replay = _replayed(session, nonce)
    if replay is not None:  # the same submission again (a retry): answer as the first time
        return _result_of_event(session, replay, _outcome_of(replay))
    participant = _find(session, code_or_id, lock=True)
    if participant is None:
        if isinstance(code_or_id, int):
            return _log_failed(session, f"#{code_or_id}", _("Peserta tidak ditemukan (mungkin sudah dihapus)."), actor, at)
        return _log_failed(session, code_or_id, _("Kode tidak dikenal."), actor, at)
    latest = _latest_event(session, participant.id)
    if latest is not None and latest.action == CheckInAction.CHECK_IN.value:
        return _result_of_event(session, _standing_event(session, participant.id) or latest, Outcome.ALREADY)
    event = _append_event(session, participant, CheckInAction.CHECK_IN, actor, nonce, at)
    after: dict[str, object] = {"event_id": event.id, "desk": actor.desk, "nonce": nonce}
    if at is not None:
        after["scanned_at"] = at.isoformat(timespec="seconds")
    audit.record(session, actor, "checkin.check_in", "participant", participant.id, after=after)
    return _result_of_event(session, event, Outcome.CHECKED_IN)


def _append_event(session: Session, participant: Participant, action: CheckInAction, actor: Actor,
                  nonce: str, at: dt.datetime | None = None) -> CheckInEvent:
    """One more event in the participant's append-only check-in history (flushed: it has its id)."""
    event = CheckInEvent(participant_id=participant.id, action=action.value, at=at or now(), desk=actor.desk,
                         operator_name=actor.name, nonce=nonce)
    session.add(event)
    session.flush()
    return event


def undo(
    session: Session,
    participant_id: int,
    actor: Actor,
    *,
    event_id: int | None = None,
    nonce: str | None = None,
) -> CheckInResult:
    """Append an undo event: the participant is no longer present.

    ``event_id`` is the check-in the operator saw; if somebody else changed the state since,
    nothing is written and a :class:`ConflictError` explains why.
    """
    nonce = nonce or new_nonce()
    replay = _replayed(session, nonce)
    if replay is not None:
        return _result_of_event(session, replay, _outcome_of(replay))
    participant = _find(session, participant_id, lock=True)
    if participant is None:
        raise NotFoundError(_("Peserta tidak ditemukan (mungkin sudah dihapus)."))
    latest = _latest_event(session, participant.id)
    if latest is None or latest.action != CheckInAction.CHECK_IN.value:
        return CheckInResult(
            outcome=Outcome.NOT_PRESENT, person=person_of(participant), at=now(), operator_name=actor.name,
            desk=actor.desk, message=_("{name} belum check-in; tidak ada yang dibatalkan.").format(
                name=participant.business_name),
        )
    if event_id is not None and latest.id != event_id:
        raise ConflictError(
            _("Check-in {name} baru saja diubah di meja lain ({operator}, {desk}). Tidak ada yang dibatalkan.").format(
                name=participant.business_name, operator=latest.operator_name or "-", desk=latest.desk or "-")
        )
    event = _append_event(session, participant, CheckInAction.UNDO, actor, nonce)
    audit.record(session, actor, "checkin.undo", "participant", participant.id,
                 before={"event_id": latest.id}, after={"event_id": event.id, "desk": actor.desk, "nonce": nonce})
    return _result_of_event(session, event, Outcome.UNDONE)
