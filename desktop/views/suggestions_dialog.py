"""*Saran pasangan*: suggested pairs with a search box, hosts that are already full last and marked,
and a "tick all" that only takes what still fits the hosts' free slots (it says how many)."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models.enums import ParticipantKind, label
from desktop.models.schedule.suggestions import HostLoad, Suggestion, fitting

FULL_COLOUR = "#a15c00"
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # position in ``suggestions``


def host_text(suggestion: Suggestion) -> str:
    text = f"{suggestion.host_name} ({label(suggestion.host_kind, ParticipantKind)})"
    if suggestion.host_full:
        text += " — " + _("penuh: {requests} permintaan, {slots} sesi").format(
            requests=suggestion.host_requests, slots=suggestion.host_slots)
    return text


class SuggestionsDialog(QDialog):
    """Suggested pairs per host with a tick box each; accept the ticked ones."""

    accept_requested = Signal(list)

    def __init__(self, suggestions: list[Suggestion], loads: list[HostLoad], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Saran pasangan pertemuan"))
        self.suggestions = suggestions
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels([_("Pilih"), _("Tuan rumah"), _("IKM"), _("Alasan")])
        for row, suggestion in enumerate(suggestions):
            tick = QStandardItem()
            tick.setCheckable(True)
            tick.setEditable(False)
            tick.setData(row, ROW_ROLE)
            host = QStandardItem(host_text(suggestion))
            cells = [host, QStandardItem(suggestion.ikm_name), QStandardItem(suggestion.reason)]
            for item in cells:
                item.setEditable(False)
                if suggestion.host_full:
                    item.setForeground(QColor(FULL_COLOUR))
                    item.setToolTip(_("Tuan rumah ini sudah punya permintaan sebanyak sesinya: "
                                      "pasangan baru kemungkinan tidak terjadwal."))
            self.model.appendRow([tick, *cells])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # host, IKM and reason
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Cari tuan rumah, IKM atau alasan …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 330)
        self.table.setColumnWidth(2, 220)
        over = [load.describe() for load in loads if load.oversubscribed]
        self.loads_label = QLabel(
            _("Tuan rumah dengan permintaan melebihi sesi: {hosts}").format(hosts="; ".join(over)) if over
            else _("Tidak ada tuan rumah yang permintaannya melebihi jumlah sesi.")
        )
        self.loads_label.setWordWrap(True)
        self.count_label = QLabel()
        self.tick_all = QPushButton()
        self.tick_all.setToolTip(_("Mencentang saran yang tampil, per tuan rumah paling banyak sejumlah sesinya yang "
                                   "masih kosong; tuan rumah yang sudah penuh tidak dicentang."))
        self.tick_all.clicked.connect(self.tick_fitting)
        self.untick_all = QPushButton(_("Hapus centang"))
        self.untick_all.clicked.connect(lambda: self._set_all(Qt.CheckState.Unchecked))
        self.accept_ticked = QPushButton(_("Terima yang dicentang"))
        self.accept_ticked.setDefault(True)
        self.accept_ticked.clicked.connect(lambda: self.accept_requested.emit(self.ticked()))
        close = QPushButton(_("Tutup"))
        close.clicked.connect(self.reject)
        self.model.itemChanged.connect(lambda _item: self._update_counts())
        buttons = QHBoxLayout()
        buttons.addWidget(self.tick_all)
        buttons.addWidget(self.untick_all)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_ticked)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.loads_label)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(980, 600)
        self._update_counts()
        self.search_edit.setFocus()

    # ---- what is shown -------------------------------------------------------------------
    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_counts()

    def visible_rows(self) -> list[int]:
        """Positions in ``suggestions`` of the rows the search leaves, in list order."""
        return sorted(int(self.proxy.index(r, 0).data(ROW_ROLE)) for r in range(self.proxy.rowCount()))

    def _fitting_rows(self) -> list[int]:
        shown = self.visible_rows()
        keep = {id(s) for s in fitting([self.suggestions[row] for row in shown])}
        return [row for row in shown if id(self.suggestions[row]) in keep]

    def _update_counts(self) -> None:
        shown, total, ticked = self.proxy.rowCount(), len(self.suggestions), len(self.ticked())
        self.count_label.setText(_("{shown} dari {total} saran tampil · {ticked} dicentang; "
                                   "pasangan yang sudah diminta tidak ditampilkan.").format(
            shown=shown, total=total, ticked=ticked))
        fits = len(self._fitting_rows())
        self.tick_all.setText(_("Centang yang muat ({count})").format(count=fits))
        self.tick_all.setEnabled(fits > 0)

    # ---- ticking -------------------------------------------------------------------------
    def tick_fitting(self) -> None:
        """Tick the shown suggestions that still fit their host's free slots (no more than that)."""
        self.set_ticked(self._fitting_rows())

    def _set_all(self, state: Qt.CheckState) -> None:
        for row in range(self.model.rowCount()):
            self.model.item(row, 0).setCheckState(state)

    def set_ticked(self, rows: list[int]) -> None:
        for row in rows:
            self.model.item(row, 0).setCheckState(Qt.CheckState.Checked)

    def ticked(self) -> list[Suggestion]:
        return [
            self.suggestions[row] for row in range(self.model.rowCount())
            if self.model.item(row, 0).checkState() == Qt.CheckState.Checked
        ]
