"""Table models of the Registrasi page: who is still missing, and failed scans."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from desktop import formatting
from desktop.i18n import N_, _
from desktop.models.checkin import FailedScanRow, Person
from desktop.models.enums import KIND_COLOURS, ParticipantKind, label
from desktop.models.phone import display_phone

_Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ORDER = [kind.value for kind in ParticipantKind]


class MissingModel(QAbstractTableModel):
    COLUMNS = [N_("Jenis"), N_("Kode"), N_("Nama usaha"), N_("Telepon"), N_("Kontak")]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Person] = []

    def set_rows(self, rows: tuple[Person, ...] | list[Person]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Person:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return _(self.COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [label(person.kind, ParticipantKind), person.code, person.business_name,
                    display_phone(person.phone), person.contact_person][column]
        if role == SORT_ROLE:
            if column == 0:  # by kind in the event's order, then by name
                order = KIND_ORDER.index(person.kind) if person.kind in KIND_ORDER else len(KIND_ORDER)
                return f"{order:02d} {person.business_name.lower()}"
            return [None, person.code, person.business_name.lower(), person.phone, person.contact_person.lower()][column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            try:
                return QColor(KIND_COLOURS[ParticipantKind(person.kind)])
            except ValueError:
                return None
        return None


class MissingProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._kind = kind or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if self._kind is None or not isinstance(model, MissingModel):
            return True
        return model.row_at(source_row).kind == self._kind


class FailedScanModel(QAbstractTableModel):
    COLUMNS = [N_("Waktu"), N_("Masukan"), N_("Alasan"), N_("Operator"), N_("Meja registrasi")]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FailedScanRow] = []

    def set_rows(self, rows: list[FailedScanRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return _(self.COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            raw = row.raw_input if len(row.raw_input) <= 40 else row.raw_input[:40] + "…"
            return [formatting.clock_seconds(row.at), raw, row.reason, row.operator_name, row.desk][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return row.raw_input
        return None
