"""Who did what and when: the audit log in words, searchable, with the technical detail behind it."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
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
from desktop.models.access import audit
from desktop.models.access import audit_words
from desktop.models.access.audit_words import ReadableAuditRow
from desktop.models.event.database import Database
from desktop.views.context import AppContext
from desktop.views.table_base import Column, Index, RowTableModel


def _when(readable: ReadableAuditRow) -> str:
    return f"{formatting.short_date(readable.row.at.date())} {formatting.clock_seconds(readable.row.at)}"


class AuditTableModel(RowTableModel[ReadableAuditRow]):
    columns = [
        Column(N_("Waktu"), _when),
        Column(N_("Uraian"), lambda readable: readable.text, tooltip=lambda readable: readable.text),
        Column(N_("Operator"), lambda readable: readable.row.operator_name),
        Column(N_("Jenis"), lambda readable: readable.kind),
    ]

    def row_id(self, row: ReadableAuditRow) -> int:
        return row.row.id


class AuditFilterProxy(QSortFilterProxyModel):
    """Every word typed must appear in the row's words, codes, names, operator or kind of action."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.operator = ""
        self.action = ""

    def set_filter(self, text: str, operator: str, action: str = "") -> None:
        self.beginFilterChange()
        self.text, self.operator, self.action = text.strip().lower(), operator, action
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AuditTableModel)
        readable = model.row_at(source_row)
        if self.operator and readable.row.operator_name != self.operator:
            return False
        if self.action and readable.row.action != self.action:
            return False
        if not self.text:
            return True
        haystack = readable.haystack()
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
        self.search_edit.setPlaceholderText(_("Cari kode, nama peserta, operator atau jenis aksi …"))
        self.operator_combo = QComboBox()
        self.action_combo = QComboBox()
        self.export_button = QPushButton(_("Ekspor CSV …"))
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the sentence takes the room
        self.technical_label = QLabel()
        self.technical_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.technical_label.setStyleSheet("color:#555")
        self.before_view = QPlainTextEdit(readOnly=True)
        self.after_view = QPlainTextEdit(readOnly=True)
        self.before_view.setPlaceholderText(_("Sebelum"))
        self.after_view.setPlaceholderText(_("Sesudah"))

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.operator_combo, 1)
        filters.addWidget(self.action_combo, 1)
        filters.addWidget(self.export_button)
        before_after = QSplitter(Qt.Orientation.Horizontal)
        before_after.addWidget(self.before_view)
        before_after.addWidget(self.after_view)
        details = QWidget()  # the technical detail of the chosen row, for whoever needs it
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.technical_label)
        details_layout.addWidget(before_after, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setSizes([420, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.search_edit.textChanged.connect(self._apply_filter)
        self.operator_combo.currentIndexChanged.connect(self._apply_filter)
        self.action_combo.currentIndexChanged.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.export_button.clicked.connect(self._export)
        self.search_edit.setFocus()  # open and type: a code, a name, an operator
        self.refresh()

    def refresh(self) -> None:
        def load(db: Database) -> list[ReadableAuditRow]:
            with db.read() as session:
                return audit_words.readable_audit(session)

        self.context.runner.run(load, on_success=self._show, parent=self)

    def _show(self, rows: list[ReadableAuditRow]) -> None:
        self.model.set_rows(rows)
        for combo, everything, items in (
            (self.operator_combo, _("Semua operator"), [(n, n) for n in sorted({r.row.operator_name for r in rows})]),
            (self.action_combo, _("Semua jenis aksi"),
             [(words, action) for action, words in audit_words.action_kinds(r.row.action for r in rows)]),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for text, data in items:
                combo.addItem(text, data)
            combo.blockSignals(False)

    def _apply_filter(self, *_args: object) -> None:
        self.proxy.set_filter(self.search_edit.text(), self.operator_combo.currentData() or "",
                              self.action_combo.currentData() or "")

    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.model.row_at(self.proxy.mapToSource(current).row()).row
        self.technical_label.setText(" · ".join(
            part for part in (f"#{row.id}", row.action, row.entity, "" if row.entity_id is None else str(row.entity_id))
            if part))
        self.before_view.setPlainText(_pretty(row.before))
        self.after_view.setPlainText(_pretty(row.after))

    def visible_rows(self) -> list[ReadableAuditRow]:
        return [self.model.row_at(self.proxy.mapToSource(self.proxy.index(i, 0)).row()) for i in range(self.proxy.rowCount())]

    def _export(self) -> None:
        path, _selected = QFileDialog.getSaveFileName(self, _("Ekspor log audit"), _("log-audit.csv"), "CSV (*.csv)")
        if path:
            shown = self.visible_rows()
            rows, texts = [r.row for r in shown], [r.text for r in shown]
            self.context.runner.run(lambda _db: audit.write_audit_csv(rows, path, texts), parent=self)
