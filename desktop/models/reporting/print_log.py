"""Recording what was printed for a participant, and telling the desk about it.

One row per print (a reprint is another row); each write is audited inside the same
transaction. The desk shows :func:`summary` next to the answer: "Slip jadwal dicetak 08:42".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop import formatting
from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.access.actor import Actor
from desktop.models.base import now
from desktop.models.errors import NotFoundError, ValidationError
from desktop.models.orm import Participant, PrintLogEntry


class PrintedDocument(StrEnum):
    SLIP = "slip"  # the personal schedule slip
    BADGE = "badge"


@dataclass(frozen=True)
class PrintRecord:
    id: int
    participant_id: int
    document: str
    paper: str
    at: dt.datetime
    desk: str
    operator_name: str
    printer: str


@dataclass(frozen=True)
class DocumentPrints:
    count: int
    last_at: dt.datetime | None
    last_desk: str


@dataclass(frozen=True)
class PrintSummary:
    participant_id: int
    slip: DocumentPrints
    badge: DocumentPrints

    def describe(self) -> str:
        """One line for the desk card, e.g. ``Slip jadwal: dicetak 08:42 (2×) · Badge: belum dicetak``."""
        def part(title: str, prints: DocumentPrints) -> str:
            if not prints.count or prints.last_at is None:
                return _("{document}: belum dicetak").format(document=title)
            text = _("{document}: dicetak {time}").format(document=title, time=formatting.clock(prints.last_at))
            return text + (f" ({prints.count}×)" if prints.count > 1 else "")

        return " · ".join((part(_("Slip jadwal"), self.slip), part(_("Badge"), self.badge)))


def record_print(session: Session, participant_id: int, document: str, paper: str, actor: Actor,
                 printer: str = "") -> PrintRecord:
    """Log one printed document (call it after the printer accepted the job)."""
    if document not in {d.value for d in PrintedDocument}:
        raise ValidationError(_("Jenis cetakan tidak dikenal: {document}").format(document=document), field="document")
    paper = (paper or "").strip().lower()
    if not paper or len(paper) > 16:
        raise ValidationError(_("Ukuran kertas tidak dikenal: {paper}").format(paper=paper or "-"), field="paper")
    if session.get(Participant, participant_id) is None:
        raise NotFoundError(_("Peserta tidak ditemukan (mungkin sudah dihapus)."))
    entry = PrintLogEntry(participant_id=participant_id, document=document, paper=paper, at=now(),
                          desk=actor.desk[:60], operator_name=actor.name[:120], printer=printer[:120])
    session.add(entry)
    session.flush()
    audit.record(session, actor, f"print.{document}", "participant", participant_id,
                 after={"print_id": entry.id, "paper": paper, "desk": actor.desk, "printer": printer[:120]})
    return _record(entry)


def _record(entry: PrintLogEntry) -> PrintRecord:
    return PrintRecord(entry.id, entry.participant_id, entry.document, entry.paper, entry.at, entry.desk,
                       entry.operator_name, entry.printer)


def history(session: Session, participant_id: int) -> list[PrintRecord]:
    entries = session.scalars(
        select(PrintLogEntry).where(PrintLogEntry.participant_id == participant_id).order_by(PrintLogEntry.id))
    return [_record(entry) for entry in entries]


def summary(session: Session, participant_id: int) -> PrintSummary:
    rows = session.execute(
        select(PrintLogEntry.document, func.count(PrintLogEntry.id), func.max(PrintLogEntry.id))
        .where(PrintLogEntry.participant_id == participant_id)
        .group_by(PrintLogEntry.document)
    ).all()
    found: dict[str, DocumentPrints] = {}
    for document, count, last_id in rows:
        last = session.get(PrintLogEntry, last_id)
        found[document] = DocumentPrints(count, last.at if last else None, last.desk if last else "")
    empty = DocumentPrints(0, None, "")
    return PrintSummary(participant_id, found.get(PrintedDocument.SLIP.value, empty),
                        found.get(PrintedDocument.BADGE.value, empty))
