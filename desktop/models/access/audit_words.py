"""The audit log in words a desk operator reads: "Sari membatalkan check-in IKM001 CV Sinar Jaya, 09:05, Meja 1".

Each stored row (action, entity, id, JSON before/after) becomes one sentence naming the people
concerned by registration code and name — looked up now, or taken from the row's own snapshot
when the participant has since been deleted. The technical before/after stays on the row for
the detail view and the CSV export. No Qt here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import formatting
from desktop.i18n import N_, _
from desktop.models.access.audit import AuditRow, list_audit
from desktop.models.orm import Meeting, MeetingRequest, Participant

# What each action did, as a verb phrase; {what} is the thing it was done to.
_PHRASES: dict[str, str] = {
    "checkin.check_in": N_("{operator} mencatat check-in {what}"),
    "checkin.undo": N_("{operator} membatalkan check-in {what}"),
    "checkin.merge": N_("{operator} menggabungkan check-in {what} dari salinan darurat"),
    "participant.create": N_("{operator} menambah peserta {what}"),
    "participant.update": N_("{operator} mengubah data peserta {what}"),
    "participant.delete": N_("{operator} menghapus peserta {what}"),
    "participant.import": N_("{operator} mengimpor peserta dari {what}"),
    "request.create": N_("{operator} menambah permintaan pertemuan {what}"),
    "request.update": N_("{operator} mengubah permintaan pertemuan {what}"),
    "request.delete": N_("{operator} menghapus permintaan pertemuan {what}"),
    "request.import": N_("{operator} mengimpor permintaan pertemuan dari {what}"),
    "meeting.add": N_("{operator} menambah pertemuan {what}"),
    "meeting.move": N_("{operator} memindahkan pertemuan {what}"),
    "meeting.remove": N_("{operator} menghapus pertemuan {what}"),
    "meeting.lock": N_("{operator} mengunci pertemuan {what}"),
    "meeting.unlock": N_("{operator} membuka kunci pertemuan {what}"),
    "meeting.outcome": N_("{operator} mencatat hasil pertemuan {what}"),
    "schedule.store": N_("{operator} menyimpan jadwal baru"),
    "schedule.repair": N_("{operator} memperbaiki jadwal untuk peserta yang tidak hadir"),
    "order.create": N_("{operator} mencatat pesanan {what}"),
    "order.update": N_("{operator} mengubah pesanan {what}"),
    "order.cancel": N_("{operator} membatalkan pesanan {what}"),
    "order.cofulfil": N_("{operator} membagi pesanan {what}"),
    "event.save": N_("{operator} mengubah pengaturan event"),
    "slots.replace": N_("{operator} mengganti sesi waktu"),
    "tables.resize": N_("{operator} mengubah jumlah meja"),
    "table.host": N_("{operator} menetapkan tuan rumah meja {what}"),
    "operator.create": N_("{operator} menambah operator {what}"),
    "operator.pin": N_("{operator} mengganti PIN operator"),
}
# Keys of before/after snapshots that name a participant.
_PARTY_KEYS = ("buyer_id", "seller_id", "a", "b", "participant_a_id", "participant_b_id", "host_participant_id")


@dataclass(frozen=True)
class ReadableAuditRow:
    row: AuditRow
    text: str  # the sentence
    kind: str  # the kind of action in words ("Check-in dibatalkan" …), for the filter
    subjects: str  # codes and names concerned ("IKM001 CV Sinar Jaya"), for the search

    def haystack(self) -> str:
        """Everything the search looks in, lowercased: words, codes, names, operator, action."""
        return " ".join((self.text, self.subjects, self.kind, self.row.operator_name, self.row.action,
                         self.row.entity)).lower()


def _load(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def kind_of(action: str) -> str:
    """The kind of action in words: the sentence without its operator and object."""
    phrase = _(_PHRASES[action]) if action in _PHRASES else action
    return phrase.replace("{operator}", "").replace("{what}", "").strip(" :")


def action_kinds(actions: Iterable[str]) -> list[tuple[str, str]]:
    """(action, words) for a filter list, in the order of first appearance."""
    seen: dict[str, str] = {}
    for action in actions:
        seen.setdefault(action, kind_of(action))
    return sorted(seen.items(), key=lambda item: item[1])


class _Names:
    """Codes and names of the participants the rows mention, fetched in two queries."""

    def __init__(self, session: Session, rows: list[AuditRow]) -> None:
        ids: set[int] = set()
        meeting_ids: set[int] = set()
        for row in rows:
            if row.entity == "participant" and row.entity_id is not None:
                ids.add(row.entity_id)
            if row.entity == "meeting" and row.entity_id is not None:
                meeting_ids.add(row.entity_id)
            for snapshot in (_load(row.before), _load(row.after)):
                ids.update(v for k, v in snapshot.items() if k in _PARTY_KEYS and isinstance(v, int))
        self.meetings: dict[int, tuple[int, int]] = {}
        if meeting_ids:
            query = (select(Meeting.id, MeetingRequest.participant_a_id, MeetingRequest.participant_b_id)
                     .join(MeetingRequest, Meeting.request_id == MeetingRequest.id).where(Meeting.id.in_(meeting_ids)))
            for meeting_id, a, b in session.execute(query):
                self.meetings[meeting_id] = (a, b)
                ids.update((a, b))
        self.people: dict[int, str] = {}
        id_list = sorted(ids)
        for start in range(0, len(id_list), 500):  # stay under the databases' parameter limits
            chunk = id_list[start:start + 500]
            query = select(Participant.id, Participant.code, Participant.business_name).where(Participant.id.in_(chunk))
            for pid, code, name in session.execute(query):
                self.people[pid] = f"{code} {name}"

    def person(self, participant_id: int | None, snapshot: dict[str, Any]) -> str:
        if participant_id in self.people:
            return self.people[participant_id]  # type: ignore[index]
        if snapshot.get("code") or snapshot.get("business_name"):  # deleted since: its last snapshot
            return " ".join(str(snapshot.get(key) or "") for key in ("code", "business_name")).strip()
        return _("peserta #{id}").format(id=participant_id) if participant_id is not None else ""


def _what(row: AuditRow, names: _Names, before: dict[str, Any], after: dict[str, Any]) -> str:
    if row.entity == "participant":
        return names.person(row.entity_id, before or after)
    snapshot = {**before, **after}
    parties = [names.person(snapshot[key], {}) for key in _PARTY_KEYS if isinstance(snapshot.get(key), int)]
    if row.entity == "meeting" and row.entity_id in names.meetings:
        parties = [names.person(pid, {}) for pid in names.meetings[row.entity_id]]
    if row.entity == "import":
        return str(snapshot.get("file") or "")
    if row.entity == "operator":
        return str(snapshot.get("name") or "")
    label = f"#{row.entity_id}" if row.entity_id is not None else ""
    return " ".join(part for part in (label, " – ".join(parties) and f"({' – '.join(parties)})") if part)


def describe(row: AuditRow, names: _Names) -> ReadableAuditRow:
    before, after = _load(row.before), _load(row.after)
    what = _what(row, names, before, after)
    operator = row.operator_name or _("(tanpa nama)")
    if row.action in _PHRASES:
        text = _(_PHRASES[row.action]).format(operator=operator, what=what).strip()
    else:
        text = f"{operator}: {row.action} {row.entity} {what}".strip()
    details = [formatting.clock(row.at)]
    desk = after.get("desk")
    if isinstance(desk, str) and desk:
        details.append(desk)
    if row.action == "participant.update" and before and after:
        changed = sorted(key for key in after if before.get(key) != after.get(key))
        if changed:
            details.append(_("diubah: {fields}").format(fields=", ".join(changed)))
    subjects = what if row.entity == "participant" else " ".join(names.person(pid, {}) for pid in (
        [v for k, v in {**before, **after}.items() if k in _PARTY_KEYS and isinstance(v, int)]
        + list(names.meetings.get(row.entity_id or -1, ()) if row.entity == "meeting" else ())))
    return ReadableAuditRow(row=row, text=f"{text}, {', '.join(details)}", kind=kind_of(row.action), subjects=subjects)


def readable_audit(session: Session, *, limit: int = 5000) -> list[ReadableAuditRow]:
    """The newest ``limit`` audit rows, newest first, each with its sentence."""
    rows = list_audit(session, limit=limit)
    names = _Names(session, rows)
    return [describe(row, names) for row in rows]
