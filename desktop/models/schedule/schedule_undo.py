"""What a scheduler run would change, and taking a stored run back (no Qt).

:func:`schedule_changes` compares a run's result with the meetings in the file, so a re-run
during the event can first say "23 pertemuan dari 17 peserta berubah" and ask.
:func:`undo_store` puts the schedule back as it was before a stored run, in one audited
transaction, provided nobody changed the run's meetings since (else it refuses and
changes nothing).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _, ngettext
from desktop.models.access import audit
from desktop.models.access.actor import Actor
from desktop.models.enums import MeetingStatus
from desktop.models.errors import ConflictError, DomainError
from desktop.models.orm import AuditLog, Meeting, MeetingRequest, MeetingTable, Participant, TimeSlot
from desktop.models.access.permissions import require_admin
from desktop.models.schedule.schedule_store import meeting_row, started_slot_ids, request_key, slot_key, table_key
from desktop.scheduling.model import ScheduleResult

STORE_ACTION, UNDO_ACTION = "schedule.store", "schedule.store.undo"


@dataclass(frozen=True)
class ScheduleChanges:
    meetings: int  # requests whose meeting appears, goes or moves
    participant_codes: tuple[str, ...]  # whose personal schedule changes

    @property
    def participants(self) -> int:
        return len(self.participant_codes)

    def sentence(self) -> str:
        if not self.meetings:
            return _("Tidak ada pertemuan yang berubah.")
        return ngettext(
            "{count} pertemuan dari {people} peserta berubah; slip baru diperlukan.",
            "{count} pertemuan dari {people} peserta berubah; slip baru diperlukan.",
            self.meetings,
        ).format(count=self.meetings, people=self.participants)


def schedule_changes(session: Session, result: ScheduleResult) -> ScheduleChanges:
    """Which meetings and people a store of ``result`` would change (nothing is written)."""
    slots = {s.id: slot_key(s.ordinal) for s in session.scalars(select(TimeSlot))}
    tables = {t.id: table_key(t.number) for t in session.scalars(select(MeetingTable))}
    before = {
        request_key(m.request_id): (slots[m.slot_id], tables[m.table_id])
        for m in session.scalars(select(Meeting).where(Meeting.status != MeetingStatus.CANCELLED.value))
    }
    after = {m.request: (m.slot, m.table) for m in result.meetings}
    changed = {request for request in before.keys() | after.keys() if before.get(request) != after.get(request)}
    ids = [int(request[1:]) for request in changed]
    sides = session.execute(
        select(MeetingRequest.participant_a_id, MeetingRequest.participant_b_id).where(MeetingRequest.id.in_(ids))
    ).all() if ids else []
    people = {pid for pair in sides for pid in pair}
    codes = sorted(session.scalars(select(Participant.code).where(Participant.id.in_(people)))) if people else []
    return ScheduleChanges(len(changed), tuple(codes))


@dataclass(frozen=True)
class UndoSummary:
    removed: int  # meetings of the run taken away
    restored: int  # meetings of before the run put back
    participant_codes: tuple[str, ...]


def last_store_id(session: Session) -> int | None:
    """The latest stored run that has not been undone (None: nothing to undo)."""
    undone = set()
    for (after,) in session.execute(select(AuditLog.after).where(AuditLog.action == UNDO_ACTION)):
        undone.add(json.loads(after or "{}").get("store_id"))
    for row_id in session.scalars(select(AuditLog.id).where(AuditLog.action == STORE_ACTION).order_by(AuditLog.id.desc())):
        return None if row_id in undone else row_id
    return None


def undo_store(session: Session, actor: Actor, store_id: int, *, moment: dt.datetime | None) -> UndoSummary:
    """Restore the schedule as it was before the run stored in audit row ``store_id``.

    The past stays frozen here too: when a meeting of the run or of before it lies in a slot
    that has started by ``moment``, the undo is refused.
    """
    require_admin(actor, _("mengurungkan penjadwalan"))
    entry = session.get(AuditLog, store_id)
    if entry is None or entry.action != STORE_ACTION:
        raise DomainError(_("Penjadwalan itu tidak ditemukan; tidak ada yang diurungkan."))
    if last_store_id(session) != store_id:
        raise ConflictError(_("Sudah ada penjadwalan lain sesudahnya, atau sudah diurungkan; jadwal tidak diubah."))
    before = json.loads(entry.before or "{}").get("meetings")
    added = json.loads(entry.after or "{}").get("meetings")
    if before is None or added is None:
        raise DomainError(_("Penjadwalan ini disimpan oleh versi lama dan tidak bisa diurungkan."))
    live = {m.id: m for m in session.scalars(select(Meeting).where(Meeting.id.in_([row["id"] for row in added])))}
    for row in added:
        meeting = live.get(row["id"])
        if meeting is None or meeting_row(meeting) != row:
            raise ConflictError(_(
                "Jadwal sudah diubah sesudah penjadwalan (pertemuan dipindah, ditandai, atau dibatalkan); "
                "urungkan tidak bisa tanpa menimpa perubahan itu. Jadwal tidak diubah."))
    started = started_slot_ids(session, moment)
    if any(row["slot_id"] in started for row in (*before, *added)):
        raise ConflictError(_("Sesi yang diubah penjadwalan itu sudah dimulai; jadwal yang sudah berjalan tidak diubah."))
    # SQLite may have given the run's meetings the old ids again; those go first, so only others clash.
    taken = set(session.scalars(select(Meeting.id).where(Meeting.id.in_([row["id"] for row in before])))) - set(live)
    if taken:
        raise ConflictError(_("Pertemuan lama sudah ada lagi di berkas; jadwal tidak diubah."))
    for meeting in live.values():
        session.delete(meeting)
    session.flush()  # free the cells before the old meetings take them back
    session.add_all(Meeting(**row) for row in before)
    session.flush()
    requests = {int(row["request_id"]) for row in (*before, *added)}
    sides = session.execute(
        select(MeetingRequest.participant_a_id, MeetingRequest.participant_b_id).where(MeetingRequest.id.in_(requests))
    ).all() if requests else []
    people = {pid for pair in sides for pid in pair}
    codes = tuple(sorted(session.scalars(select(Participant.code).where(Participant.id.in_(people))))) if people else ()
    audit.record(
        session, actor, UNDO_ACTION, "meeting", None,
        before={"meetings": added}, after={"store_id": store_id, "meetings": before},
    )
    return UndoSummary(removed=len(added), restored=len(before), participant_codes=codes)
