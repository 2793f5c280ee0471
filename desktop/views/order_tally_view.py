"""The *Rekap* tab of the Pesanan page and the summary line above the list.

Requested counts the buyer's demand once; committed counts every maker (see tallies.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop import formatting
from desktop.i18n import _
from desktop.models.reporting import tallies


def tally_summary(tally: tallies.OrderTally) -> str:
    """The one line above the list: orders, asked, committed, unmet pairs and value (rich text)."""
    return _("{orders} pesanan LoI/pasti · diminta <b>{requested}</b> · disanggupi <b>{committed}</b> · "
             "belum terpenuhi <b>{unfulfilled}</b> · <b>{value}</b>").format(
        orders=tally.orders,
        requested=formatting.pairs(tally.requested_pairs),
        committed=formatting.pairs(tally.committed_pairs),
        unfulfilled=formatting.pairs(tally.unfulfilled_pairs),
        value=formatting.rupiah(tally.value_rupiah),
    )


def tally_cells(row: tallies.TallyRow) -> list[str]:
    """One group's row: name, orders, asked, committed and unmet pairs, value."""
    return [
        str(row.name), formatting.number(row.orders), formatting.number(row.requested_pairs),
        formatting.number(row.committed_pairs), formatting.number(row.unfulfilled_pairs),
        formatting.rupiah(row.value_rupiah),
    ]


class OrderTallyView(QWidget):
    """Totals per IKM/seller, per buyer or per product; the grouping is chosen above the table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tally: tallies.OrderTally | None = None
        self.tally_group = QComboBox()
        for key, title in (("ikm", _("Per IKM / penjual")), ("buyer", _("Per pembeli")), ("category", _("Per produk"))):
            self.tally_group.addItem(title, key)
        self.tally_group.currentIndexChanged.connect(lambda _i: self._fill())
        self.tally_table = QTableWidget(0, 6)
        self.tally_table.setHorizontalHeaderLabels(
            [_("Nama"), _("Pesanan"), _("Diminta (pasang)"), _("Disanggupi (pasang)"), _("Belum terpenuhi (pasang)"),
             _("Nilai")]
        )
        self.tally_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tally_table.verticalHeader().hide()
        self.tally_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tally_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tally_group, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tally_table, 1)

    def show_tally(self, tally: tallies.OrderTally) -> None:
        self.tally = tally
        self._fill()

    def _fill(self) -> None:
        if self.tally is None:
            return
        rows = {"ikm": self.tally.by_ikm, "buyer": self.tally.by_buyer, "category": self.tally.by_category}[
            self.tally_group.currentData()
        ]
        table = self.tally_table
        table.setRowCount(len(rows))
        for position, row in enumerate(rows):
            for column, text in enumerate(tally_cells(row)):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(position, column, item)


__all__ = ["OrderTallyView", "tally_cells", "tally_summary"]
