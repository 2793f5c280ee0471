"""The import preview table: one row per file row with its status, action and reason.

On the table-model base (:mod:`desktop.views.table_base`); only the "Sama dengan?" check box,
the admin's answer to a likely match, is this model's own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from desktop.i18n import N_
from desktop.models.spreadsheet.preview import PreviewRow, RowStatus, action_label, status_label
from desktop.views.import_kinds import ImportKind
from desktop.views.table_base import SORT_ROLE, Column, Index, RowTableModel

STATUS_COLOURS = {
    RowStatus.OK: QColor("#e6f4ea"),
    RowStatus.WARNING: QColor("#fff4d6"),
    RowStatus.ERROR: QColor("#fde7e9"),
    RowStatus.SKIPPED: QColor("#eceff1"),
}
STATUS_ORDER = ["error", "warning", "skipped", "ok"]
SAME_COLUMN = 6
ERROR_REASON = "#8a0014"
SKIPPED_TEXT = "#5f6b73"


def _status_colour(row: PreviewRow) -> QColor:
    return STATUS_COLOURS[RowStatus(row.status)]


def _same(row: PreviewRow) -> str:
    return row.maybe_same[0] if row.maybe_same else ""


def _columns(kind: ImportKind) -> list[Column[PreviewRow]]:
    # Sort keys are the raw values (line number, status by severity), not the shown words.
    return [
        Column(N_("Baris"), lambda row: row.number, sort=lambda row: row.number,  # type: ignore[arg-type,return-value]
               background=_status_colour),  # an int: Qt shows the line number as it always did
        Column(N_("Status"), lambda row: status_label(row.status), sort=lambda row: STATUS_ORDER.index(row.status),
               background=_status_colour),
        Column(N_("Tindakan"), lambda row: action_label(row.action), sort=lambda row: row.action),
        Column(N_("Kode"), lambda row: row.code, sort=lambda row: row.code),
        Column(lambda: kind.name_header, lambda row: row.name, sort=lambda row: row.name),
        Column(lambda: kind.detail_header, lambda row: row.detail, sort=lambda row: row.detail),
        Column(N_("Sama dengan?"), _same, sort=_same),
        Column(N_("Alasan"), lambda row: row.reason, sort=lambda row: row.reason,
               foreground=lambda row: ERROR_REASON if row.status == RowStatus.ERROR else None),
    ]


class PreviewModel(RowTableModel[PreviewRow]):
    decided = Signal()

    def __init__(self, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent, _columns(kind))
        self.decisions: dict[int, bool] = {}

    def row_tooltip(self, row: PreviewRow) -> str | None:
        return "\n".join(row.messages) if row.messages else None

    def row_foreground(self, row: PreviewRow) -> str | None:
        return SKIPPED_TEXT if row.status == RowStatus.SKIPPED else None

    def cell_data(self, row: PreviewRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == SAME_COLUMN and row.maybe_same and row.importable:
            taken = self.decisions.get(row.number, row.same_by_default)
            return Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == SAME_COLUMN and self.row_at(index.row()).maybe_same:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The admin's answer to "mungkin sama dengan …"; the wizard checks the file again with it."""
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != SAME_COLUMN:
            return False
        row = self.row_at(index.row())
        self.decisions[row.number] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index)
        self.decided.emit()
        return True


class PreviewFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems_only = False
        self.setSortRole(SORT_ROLE)

    def set_problems_only(self, value: bool) -> None:
        self.beginFilterChange()
        self.problems_only = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self.problems_only:
            return True
        model = self.sourceModel()
        assert isinstance(model, PreviewModel)
        return model.row_at(source_row).status != RowStatus.OK


__all__ = ["SAME_COLUMN", "PreviewFilter", "PreviewModel"]
