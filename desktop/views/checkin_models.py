"""Table models of the Registrasi page: who is still missing, and failed scans."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel

from desktop import formatting
from desktop.i18n import N_
from desktop.models.checkin.checkin import FailedScanRow, Person
from desktop.models.enums import KIND_COLOURS, ParticipantKind, label
from desktop.models.people.phone import display_phone
from desktop.views.table_base import SORT_ROLE, Column, Index, RowTableModel

KIND_ORDER = [kind.value for kind in ParticipantKind]
RAW_INPUT_SHOWN = 40  # characters of a failed scan's input shown in the cell; the tooltip has all of it


def _kind_then_name(person: Person) -> str:
    """By kind in the event's order, then by name."""
    order = KIND_ORDER.index(person.kind) if person.kind in KIND_ORDER else len(KIND_ORDER)
    return f"{order:02d} {person.business_name.lower()}"


def _kind_colour(person: Person) -> str | None:
    try:
        return KIND_COLOURS[ParticipantKind(person.kind)]
    except ValueError:
        return None


def _raw_input(row: FailedScanRow) -> str:
    raw = row.raw_input
    return raw if len(raw) <= RAW_INPUT_SHOWN else raw[:RAW_INPUT_SHOWN] + "…"


class MissingModel(RowTableModel[Person]):
    columns = [
        Column(N_("Jenis"), lambda person: label(person.kind, ParticipantKind), sort=_kind_then_name,
               foreground=_kind_colour),
        Column(N_("Kode"), lambda person: person.code, sort=lambda person: person.code),
        Column(N_("Nama usaha"), lambda person: person.business_name),
        Column(N_("Telepon"), lambda person: display_phone(person.phone), sort=lambda person: person.phone),
        Column(N_("Kontak"), lambda person: person.contact_person),
    ]


class MissingProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._kind = kind or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if self._kind is None or not isinstance(model, MissingModel):
            return True
        return model.row_at(source_row).kind == self._kind


class FailedScanModel(RowTableModel[FailedScanRow]):
    columns = [
        Column(N_("Waktu"), lambda row: formatting.clock_seconds(row.at)),
        Column(N_("Masukan"), _raw_input, tooltip=lambda row: row.raw_input),
        Column(N_("Alasan"), lambda row: row.reason),
        Column(N_("Operator"), lambda row: row.operator_name),
        Column(N_("Meja registrasi"), lambda row: row.desk),
    ]
