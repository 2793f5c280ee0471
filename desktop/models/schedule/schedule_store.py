"""The bridge between the event database and the scheduler (no Qt).

``export_problem`` turns the event's slots, tables, participants, requests and kept
meetings into a scheduler :class:`Problem`; ``store_schedule`` writes a schedule back in one
transaction: scheduled meetings that are not locked are replaced, held / no-show / locked
ones stay. Ids in the problem are readable: slots ``s<ordinal>``, tables ``t<number>``,
participants by registration code, requests ``r<id>``.

The past is frozen: given the event's ``moment``, every slot that has started is fixed.
Its meetings (scheduled or marked) are kept exactly where they are, and nobody is free in
it except for the meeting they already have there, so no new meeting can be placed in it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.access.actor import Actor
from desktop.models.access.permissions import require_admin
from desktop.models.enums import MeetingStatus
from desktop.models.errors import ConflictError
from desktop.models.orm import (
    Event,
    Meeting,
    MeetingRequest,
    MeetingTable,
    Participant,
    TimeSlot,
    participant_unavailable_slot,
)
from desktop.scheduling import check_schedule
from desktop.scheduling.model import FixedMeeting, Options, Problem, ScheduleResult
from desktop.scheduling.model import Participant as ProblemParticipant
from desktop.scheduling.model import Request as ProblemRequest
from desktop.scheduling.model import Slot as ProblemSlot
from desktop.scheduling.model import Table as ProblemTable

SESSIONS = {"pagi": "morning", "siang": "afternoon"}
WISHES = {"any": "any", "pagi": "morning", "siang": "afternoon"}
KEPT_STATUSES = (MeetingStatus.HELD.value, MeetingStatus.NO_SHOW.value)


@dataclass(frozen=True)
class StoreSummary:
    kept: int  # held, no-show, locked and frozen meetings left as they were
    removed: int  # earlier scheduled meetings replaced
    added: int
    frozen: int = 0  # of ``kept``: meetings in slots that had started
    audit_id: int | None = None  # the stored run, for :func:`schedule_undo.undo_store`


def slot_key(ordinal: int) -> str:
    return f"s{ordinal}"


def table_key(number: int) -> str:
    return f"t{number}"


def request_key(request_id: int) -> str:
    return f"r{request_id}"


def started_slot_ids(session: Session, moment: dt.datetime | None) -> set[int]:
    """Slots whose start on the event date is at or before ``moment`` (None: none has started)."""
    if moment is None:
        return set()
    event_date = session.scalar(select(Event.event_date).order_by(Event.id).limit(1))
    if event_date is None:
        return set()
    return {
        slot_id for slot_id, start in session.execute(select(TimeSlot.id, TimeSlot.start))
        if dt.datetime.combine(event_date, start) <= moment
    }


def _kept_meetings(session: Session, started: set[int] | frozenset[int] = frozenset()) -> list[Meeting]:
    query = select(Meeting).where(
        Meeting.status != MeetingStatus.CANCELLED.value,
        (Meeting.locked.is_(True)) | (Meeting.status.in_(KEPT_STATUSES)) | (Meeting.slot_id.in_(list(started))),
    ).order_by(Meeting.id)
    return list(session.scalars(query))


def export_problem(session: Session, options: Options | None = None, *, moment: dt.datetime | None = None) -> Problem:
    """The event as a scheduler problem; slots started by ``moment`` are frozen (see module doc)."""
    slots = list(session.scalars(select(TimeSlot).order_by(TimeSlot.ordinal)))
    tables = list(session.scalars(select(MeetingTable).order_by(MeetingTable.number)))
    people = list(session.scalars(select(Participant).order_by(Participant.id)))
    slot_by_id = {slot.id: slot for slot in slots}
    table_by_id = {table.id: table for table in tables}
    code_of = {person.id: person.code for person in people}

    unavailable: dict[int, set[str]] = {}
    for participant_id, slot_id in session.execute(select(participant_unavailable_slot)):
        unavailable.setdefault(participant_id, set()).add(slot_key(slot_by_id[slot_id].ordinal))
    host_table: dict[int, str] = {}
    for table in tables:  # lowest number first: a host with two tables meets at the first
        if table.host_participant_id is not None:
            host_table.setdefault(table.host_participant_id, table_key(table.number))

    started = started_slot_ids(session, moment)
    kept = _kept_meetings(session, started)
    requests = list(session.scalars(select(MeetingRequest).order_by(MeetingRequest.id)))
    sides = {r.id: (r.participant_a_id, r.participant_b_id) for r in requests}
    # In a started slot a person is free only for the meeting they already have there.
    busy_then: dict[int, set[int]] = {}
    for meeting in kept:
        if meeting.slot_id in started:
            for pid in sides[meeting.request_id]:
                busy_then.setdefault(pid, set()).add(meeting.slot_id)
    for person in people:
        blocked = unavailable.setdefault(person.id, set())
        for slot_id in started:
            key = slot_key(slot_by_id[slot_id].ordinal)
            if slot_id in busy_then.get(person.id, ()):
                blocked.discard(key)  # the frozen meeting stands even if the person said otherwise
            else:
                blocked.add(key)

    fixed: list[FixedMeeting] = []
    wanted = {r.id: r.meetings for r in requests}
    seen: Counter[int] = Counter()
    for meeting in kept:
        if seen[meeting.request_id] >= wanted.get(meeting.request_id, 1):
            continue
        seen[meeting.request_id] += 1
        fixed.append(
            FixedMeeting(
                request_key(meeting.request_id),
                slot_key(slot_by_id[meeting.slot_id].ordinal),
                table_key(table_by_id[meeting.table_id].number),
            )
        )
    return Problem(
        slots=tuple(
            ProblemSlot(slot_key(s.ordinal), s.start.strftime("%H:%M"), s.end.strftime("%H:%M"), SESSIONS.get(s.session, "morning"))
            for s in slots
        ),
        tables=tuple(ProblemTable(table_key(t.number), t.label) for t in tables),
        participants=tuple(
            ProblemParticipant(
                id=p.code,
                name=p.business_name,
                kind=p.kind,
                unavailable=frozenset(unavailable.get(p.id, ())),
                host_table=host_table.get(p.id),
                max_meetings=p.max_meetings,
            )
            for p in people
        ),
        requests=tuple(
            ProblemRequest(
                request_key(r.id), code_of[r.participant_a_id], code_of[r.participant_b_id], r.priority,
                WISHES.get(r.session_wish, "any"), r.meetings,
            )
            for r in requests
        ),
        fixed=tuple(fixed),
        options=options or Options(),
    )


def meeting_row(meeting: Meeting) -> dict[str, object]:
    """A meeting as plain data, enough to put it back exactly (see :mod:`schedule_undo`)."""
    return {
        "id": meeting.id, "request_id": meeting.request_id, "slot_id": meeting.slot_id,
        "table_id": meeting.table_id, "status": meeting.status, "locked": meeting.locked, "note": meeting.note,
    }


def store_schedule(session: Session, result: ScheduleResult, actor: Actor, *, moment: dt.datetime | None) -> StoreSummary:
    """Replace the unlocked scheduled meetings of slots not yet started by ``result``.

    ``moment`` is the event's current moment (``board.event_moment``); None means nothing
    has started (planning before the day). ``result`` is checked against the data as it is
    now, with the started slots frozen, so a run made earlier cannot rewrite the past.
    """
    require_admin(actor, _("menyimpan jadwal pertemuan"))
    problem = export_problem(session, moment=moment)
    report = check_schedule(problem, result.meetings)
    if not report.ok:
        raise ConflictError(
            _("Data event berubah selama penjadwalan; jadwal tidak disimpan. Jalankan penjadwalan lagi. ({detail})").format(
                detail=report.violations[0]
            )
        )
    slot_ids = {slot_key(s.ordinal): s.id for s in session.scalars(select(TimeSlot))}
    table_ids = {table_key(t.number): t.id for t in session.scalars(select(MeetingTable))}
    started = started_slot_ids(session, moment)
    kept_meetings = _kept_meetings(session, started)
    # The kept meetings are fixed in the problem, so the result holds each of them again.
    kept = Counter(request_key(m.request_id) for m in kept_meetings)
    frozen = sum(1 for m in kept_meetings if m.slot_id in started)
    replaceable = (
        (Meeting.status == MeetingStatus.SCHEDULED.value) & Meeting.locked.is_(False) & Meeting.slot_id.not_in(list(started))
    )
    old_rows = [meeting_row(m) for m in session.scalars(select(Meeting).where(replaceable).order_by(Meeting.id))]
    removed = session.execute(delete(Meeting).where(replaceable)).rowcount
    session.flush()
    added_meetings: list[Meeting] = []
    waiting_kept = Counter(kept)
    for meeting in result.meetings:
        if waiting_kept[meeting.request] > 0:
            waiting_kept[meeting.request] -= 1
            continue
        added_meetings.append(
            Meeting(
                request_id=int(meeting.request.removeprefix("r")),
                slot_id=slot_ids[meeting.slot],
                table_id=table_ids[meeting.table],
                status=MeetingStatus.SCHEDULED.value,
            )
        )
    session.add_all(added_meetings)
    session.flush()
    added = len(added_meetings)
    stats = result.stats
    entry = audit.record(
        session, actor, "schedule.store", "meeting", None,
        before={"scheduled": removed, "meetings": old_rows},
        after={
            "added": added, "kept": sum(kept.values()), "frozen": frozen, "unscheduled": len(result.unscheduled),
            "participants_with_meeting": stats.participants_with_meeting, "breaks_total": stats.breaks_total,
            "proved_optimal": stats.proved_optimal, "moment": moment,
            "meetings": [meeting_row(m) for m in added_meetings],
        },
    )
    session.flush()
    return StoreSummary(kept=sum(kept.values()), removed=removed or 0, added=added, frozen=frozen, audit_id=entry.id)
