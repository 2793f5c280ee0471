"""Parts of the Registrasi page: the header row (operator, walk-in) and the two lists (not arrived, failed scans)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models.access.actor import Actor
from desktop.models.checkin.checkin import DeskOverview, FailedScanRow
from desktop.models.enums import ParticipantKind, label
from desktop.views.checkin_models import FailedScanModel, MissingModel, MissingProxy


class DeskHeader(QHBoxLayout):
    """Title, who works this desk, and the two buttons (a layout, so the page keeps its spacing)."""

    def __init__(self) -> None:
        super().__init__()
        self.operator_label = QLabel()
        self.operator_label.setStyleSheet("font-size:11pt")
        self.operator_button = QPushButton(_("Ganti operator/meja"))
        self.walk_in_button = QPushButton(_("Peserta tanpa daftar (Ctrl+N)"))
        for button in (self.operator_button, self.walk_in_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        self.addWidget(QLabel("<h2>" + _("Registrasi") + "</h2>"))
        self.addStretch(1)
        self.addWidget(self.operator_label)
        self.addWidget(self.operator_button)
        self.addWidget(self.walk_in_button)

    def show_operator(self, actor: Actor) -> None:
        self.operator_label.setText(_("Operator: <b>{name}</b> · {desk}").format(
            name=actor.name, desk=actor.desk or _("meja belum dipilih")))


class DeskLists(QTabWidget):
    """Tabs *Belum hadir (n)* and *Scan gagal (n)*; a double click on a missing person asks for their history."""

    history_wanted = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.missing_model = MissingModel(self)
        self.missing_proxy = MissingProxy(self)
        self.missing_proxy.setSourceModel(self.missing_model)
        self.missing_table = QTableView()
        self.missing_table.setModel(self.missing_proxy)
        self.missing_table.setSortingEnabled(True)
        self.missing_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.missing_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.missing_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.missing_table.verticalHeader().hide()
        missing_header = self.missing_table.horizontalHeader()
        # Fixed widths: measuring thousands of rows on every refresh would stall the desk.
        missing_header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        digits = self.missing_table.fontMetrics().horizontalAdvance("0")
        for column, width in ((0, 11), (1, 10), (3, 15)):
            self.missing_table.setColumnWidth(column, digits * width)
        for column in (2, 4):  # name and contact give way; kind, code and the phone to call stay whole
            missing_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.missing_table.doubleClicked.connect(self._missing_double_clicked)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(_("Semua jenis"), None)
        for kind in ParticipantKind:
            self.kind_filter.addItem(label(kind), kind.value)
        self.kind_filter.currentIndexChanged.connect(
            lambda: self.missing_proxy.set_kind(self.kind_filter.currentData()))
        self.failed_model = FailedScanModel(self)
        self.failed_table = QTableView()
        self.failed_table.setModel(self.failed_model)
        self.failed_table.verticalHeader().hide()
        self.failed_table.horizontalHeader().setStretchLastSection(True)
        missing_page = QWidget()
        missing_layout = QVBoxLayout(missing_page)
        missing_layout.setContentsMargins(0, 4, 0, 0)
        missing_layout.addWidget(self.kind_filter)
        missing_layout.addWidget(self.missing_table)
        self.addTab(missing_page, _("Belum hadir"))
        self.addTab(self.failed_table, _("Scan gagal"))

    def show_overview(self, overview: DeskOverview, failed: list[FailedScanRow]) -> None:
        self.missing_model.set_rows(overview.missing)
        self.failed_model.set_rows(failed)
        self.setTabText(0, _("Belum hadir ({count})").format(count=len(overview.missing)))
        self.setTabText(1, _("Scan gagal ({count})").format(count=len(failed)))

    def _missing_double_clicked(self, index: QModelIndex) -> None:
        source = self.missing_proxy.mapToSource(index)
        self.history_wanted.emit(self.missing_model.row_at(source.row()).id)


__all__ = ["DeskHeader", "DeskLists"]
