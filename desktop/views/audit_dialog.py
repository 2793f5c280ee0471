"""Who did what and when: the audit log, filterable and exportable."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.i18n import N_, _
from desktop.models import audit
from desktop.models.audit import AuditRow
from desktop.models.database import Database
from desktop.views.context import AppContext

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = [N_("Waktu"), N_("Operator"), N_("Aksi"), N_("Data"), N_("ID")]


class AuditTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return [
            f"{formatting.short_date(row.at.date())} {formatting.clock_seconds(row.at)}",
            row.operator_name,
            row.action,
            row.entity,
            "" if row.entity_id is None else str(row.entity_id),
        ][index.column()]


class AuditFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.operator = ""

    def set_filter(self, text: str, operator: str) -> None:
        self.beginFilterChange()
        self.text, self.operator = text.strip().lower(), operator
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AuditTableModel)
        row = model.rows[source_row]
        if self.operator and row.operator_name != self.operator:
            return False
        if not self.text:
            return True
        haystack = f"{row.action} {row.entity} {row.before} {row.after}".lower()
        return all(word in haystack for word in self.text.split())


def _pretty(text: str) -> str:
    if not text:
        return "—"
    try:
        return json.dumps(json.loads(text), ensure_ascii=False, indent=2)
    except ValueError:
        return text


class AuditDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Log audit"))
        self.resize(1100, 650)
        self.model = AuditTableModel(self)
        self.proxy = AuditFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Cari aksi atau isi perubahan …"))
        self.operator_combo = QComboBox()
        self.export_button = QPushButton(_("Ekspor CSV …"))
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.before_view = QPlainTextEdit(readOnly=True)
        self.after_view = QPlainTextEdit(readOnly=True)
        self.before_view.setPlaceholderText(_("Sebelum"))
        self.after_view.setPlaceholderText(_("Sesudah"))

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.operator_combo, 1)
        filters.addWidget(self.export_button)
        details = QSplitter(Qt.Orientation.Horizontal)
        details.addWidget(self.before_view)
        details.addWidget(self.after_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.search_edit.textChanged.connect(self._apply_filter)
        self.operator_combo.currentIndexChanged.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.export_button.clicked.connect(self._export)
        self.refresh()

    def refresh(self) -> None:
        def load(db: Database) -> list[AuditRow]:
            with db.read() as session:
                return audit.list_audit(session)

        self.context.runner.run(load, on_success=self._show, parent=self)

    def _show(self, rows: list[AuditRow]) -> None:
        self.model.set_rows(rows)
        self.operator_combo.blockSignals(True)
        self.operator_combo.clear()
        self.operator_combo.addItem(_("Semua operator"), "")
        for name in sorted({row.operator_name for row in rows}):
            self.operator_combo.addItem(name, name)
        self.operator_combo.blockSignals(False)

    def _apply_filter(self, *_args: object) -> None:
        self.proxy.set_filter(self.search_edit.text(), self.operator_combo.currentData() or "")

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.rows[self.proxy.mapToSource(current).row()]
        self.before_view.setPlainText(_pretty(row.before))
        self.after_view.setPlainText(_pretty(row.after))

    def visible_rows(self) -> list[AuditRow]:
        return [self.model.rows[self.proxy.mapToSource(self.proxy.index(i, 0)).row()] for i in range(self.proxy.rowCount())]

    def _export(self) -> None:
        path, _selected = QFileDialog.getSaveFileName(self, _("Ekspor log audit"), "log-audit.csv", "CSV (*.csv)")
        if path:
            rows = self.visible_rows()
            self.context.runner.run(lambda _db: audit.write_audit_csv(rows, path), parent=self)
