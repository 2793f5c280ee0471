"""What an import will do, row by row, before anything is written (plain data for the GUI and CLI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from desktop.i18n import N_, _


class RowStatus(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    SKIPPED = "skipped"  # not a person at all: a totals, numbering, section or signature row



class RowAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    SKIP = "skip"


STATUS_LABELS = {
    RowStatus.OK: N_("ok"),
    RowStatus.WARNING: N_("peringatan"),
    RowStatus.ERROR: N_("galat"),
    RowStatus.SKIPPED: N_("dilewati"),
}
ACTION_LABELS = {
    RowAction.CREATE: N_("baru"),
    RowAction.UPDATE: N_("diperbarui"),
    RowAction.UNCHANGED: N_("tidak berubah"),
    RowAction.SKIP: N_("dilewati"),
}


def status_label(status: str) -> str:
    return _(STATUS_LABELS[RowStatus(status)])


def action_label(action: str) -> str:
    return _(ACTION_LABELS[RowAction(action)])


@dataclass(frozen=True)
class PreviewRow:
    """One data row of the sheet: its fate and the reasons, in words."""

    number: int
    status: str
    action: str
    code: str  # registration code (participants) or "A ↔ B" codes (requests)
    name: str  # business name (participants) or the pair's names (requests)
    detail: str  # phone (participants) or priority/session (requests)
    messages: tuple[str, ...]
    # A likely but uncertain match with an existing participant: (its code, its name, why), and whether
    # the row is taken as that participant unless the admin decides otherwise.
    maybe_same: tuple[str, str, str] | None = None
    same_by_default: bool = False

    @property
    def importable(self) -> bool:
        return self.status not in (RowStatus.ERROR, RowStatus.SKIPPED)

    @property
    def reason(self) -> str:
        return " · ".join(self.messages)


@dataclass(frozen=True)
class Preview:
    file_name: str
    sheet: str
    header_row: int
    rows: tuple[PreviewRow, ...]
    mapped_columns: tuple[tuple[str, str], ...] = field(default=())  # (field caption, header)
    guessed_columns: tuple[tuple[str, str], ...] = field(default=())  # (field caption, why it is a guess)
    notes: tuple[str, ...] = field(default=())  # about the whole file, e.g. which sheet was taken and why

    def count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def importable(self) -> int:
        return sum(1 for row in self.rows if row.importable)

    def count_action(self, action: RowAction) -> int:
        return sum(1 for row in self.rows if row.importable and row.action == action)


@dataclass(frozen=True)
class ImportResult:
    preview: Preview
    created: int
    updated: int
    unchanged: int
    skipped: int
    dry_run: bool = False
    ignored: int = 0  # rows that are not people (totals, numbering, sections, signatures)

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged

    def summary(self) -> str:
        text = _("{created} baru, {updated} diperbarui, {unchanged} tidak berubah, {skipped} baris galat dilewati.").format(
            created=self.created, updated=self.updated, unchanged=self.unchanged, skipped=self.skipped
        )
        if self.ignored:
            text += " " + _("{count} baris bukan peserta (jumlah, nomor kolom, judul bagian, tanda tangan) "
                            "dilewati.").format(count=self.ignored)
        return text
