"""Qt models for the participant list: a table model of plain rows and a filter proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from desktop import formatting
from desktop.i18n import N_
from desktop.models.enums import KIND_COLOURS, ParticipantKind, label
from desktop.models.people.participants import ParticipantRow
from desktop.models.people.phone import display_phone, phone_digits
from desktop.views.table_base import RIGHT, SORT_ROLE, Column, Index, RowTableModel

_UNKNOWN_KIND_COLOUR = "#333333"


def _capacity(row: ParticipantRow) -> str:
    return formatting.number(row.monthly_capacity) if row.monthly_capacity is not None else ""


COLUMNS: list[Column[ParticipantRow]] = [
    Column(N_("Kode"), lambda row: row.code),
    Column(N_("Nama usaha"), lambda row: row.business_name),
    Column(N_("Jenis"), lambda row: label(row.kind, ParticipantKind),
           foreground=lambda row: KIND_COLOURS.get(ParticipantKind(row.kind), _UNKNOWN_KIND_COLOUR)),
    Column(N_("Kontak / pemilik"), lambda row: row.contact_person),
    Column(N_("Telepon"), lambda row: display_phone(row.phone)),
    Column(N_("Kecamatan"), lambda row: row.kecamatan),
    Column(N_("Produk"), lambda row: ", ".join(row.category_names)),
    Column(N_("Kapasitas/bulan"), _capacity, alignment=RIGHT,
           sort=lambda row: row.monthly_capacity if row.monthly_capacity is not None else -1),
]


class ParticipantTableModel(RowTableModel[ParticipantRow]):
    columns = COLUMNS

    def row_tooltip(self, row: ParticipantRow) -> str:
        details = [row.business_name, row.contact_person, display_phone(row.phone), row.address]
        return "\n".join(part for part in details if part)


class ParticipantFilterProxy(QSortFilterProxyModel):
    """Filters by free text (code, name, contact, phone digits) and by kind."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._digits = ""
        self._kind: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self._digits = phone_digits(text) if any(ch.isdigit() for ch in text) else ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._kind = kind or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ParticipantTableModel):
            return True
        row = model.row_at(source_row)
        if self._kind and row.kind != self._kind:
            return False
        if not self._text:
            return True
        haystack = f"{row.code} {row.business_name} {row.contact_person} {row.kecamatan}".lower()
        if all(word in haystack for word in self._text.split()):
            return True
        if self._digits and len(self._digits) >= 3:
            phone = phone_digits(row.phone)
            local = "0" + phone[2:] if phone.startswith("62") else phone
            return self._digits in phone or self._digits in local
        return False
