"""The import preview table: one row per file row with its status, action and reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.models.spreadsheet.preview import PreviewRow, RowStatus, action_label, status_label
from desktop.views.import_kinds import ImportKind

STATUS_COLOURS = {
    RowStatus.OK: QColor("#e6f4ea"),
    RowStatus.WARNING: QColor("#fff4d6"),
    RowStatus.ERROR: QColor("#fde7e9"),
    RowStatus.SKIPPED: QColor("#eceff1"),
}
STATUS_ORDER = ["error", "warning", "skipped", "ok"]
SAME_COLUMN = 6


class PreviewModel(QAbstractTableModel):
    decided = Signal()

    def __init__(self, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._headers = [_("Baris"), _("Status"), _("Tindakan"), _("Kode"), kind.name_header, kind.detail_header,
                         _("Sama dengan?"), _("Alasan")]
        self.decisions: dict[int, bool] = {}

    def set_rows(self, rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, position: int) -> PreviewRow:
        return self._rows[position]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        same = row.maybe_same[0] if row.maybe_same else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return [row.number, status_label(row.status), action_label(row.action), row.code, row.name, row.detail,
                    same, row.reason][column]
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return [row.number, STATUS_ORDER.index(row.status), row.action, row.code, row.name,
                    row.detail, same, row.reason][column]
        if role == Qt.ItemDataRole.CheckStateRole and column == SAME_COLUMN and row.maybe_same and row.importable:
            taken = self.decisions.get(row.number, row.same_by_default)
            return Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and column in (0, 1):
            return QBrush(STATUS_COLOURS[RowStatus(row.status)])
        if role == Qt.ItemDataRole.ToolTipRole and row.messages:
            return "\n".join(row.messages)
        if role == Qt.ItemDataRole.ForegroundRole and column == 7 and row.status == RowStatus.ERROR:
            return QBrush(QColor("#8a0014"))
        if role == Qt.ItemDataRole.ForegroundRole and row.status == RowStatus.SKIPPED:
            return QBrush(QColor("#5f6b73"))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == SAME_COLUMN and self._rows[index.row()].maybe_same:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The admin's answer to "mungkin sama dengan …"; the wizard checks the file again with it."""
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != SAME_COLUMN:
            return False
        row = self._rows[index.row()]
        self.decisions[row.number] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index)
        self.decided.emit()
        return True


class PreviewFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems_only = False
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_problems_only(self, value: bool) -> None:
        self.beginFilterChange()
        self.problems_only = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.problems_only:
            return True
        model = self.sourceModel()
        assert isinstance(model, PreviewModel)
        return model.row_at(source_row).status != RowStatus.OK


__all__ = ["SAME_COLUMN", "PreviewFilter", "PreviewModel"]
