"""The filter row of the Pesanan page: free text, buyer, seller, product and status."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit

from desktop.i18n import _
from desktop.models.enums import OrderStatus, label
from desktop.models.orders import OrderRow
from desktop.models.people.participants import CategoryRow
from desktop.views.order_model import OrderFilterProxy


class OrderFilters(QHBoxLayout):
    """Each control narrows ``proxy`` as it changes (a layout, so the page keeps its spacing)."""

    def __init__(self, proxy: OrderFilterProxy) -> None:
        super().__init__()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Cari no., pembeli, penjual, produk … (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda text: proxy.set_filters(text=text))
        self.buyer_filter = QComboBox()
        self.seller_filter = QComboBox()
        self.category_filter = QComboBox()
        self.status_filter = QComboBox()
        self.status_filter.addItem(_("Semua status"), None)
        for status in OrderStatus:
            self.status_filter.addItem(label(status), status.value)
        for combo, key in ((self.buyer_filter, "buyer"), (self.seller_filter, "seller"),
                           (self.category_filter, "category"), (self.status_filter, "status")):
            combo.currentIndexChanged.connect(lambda _i, c=combo, k=key: proxy.set_filters(**{k: c.currentData()}))
        self.addWidget(self.search_edit, 3)
        self.addWidget(self.buyer_filter, 2)
        self.addWidget(self.seller_filter, 2)
        self.addWidget(self.category_filter, 1)
        self.addWidget(self.status_filter, 1)

    def fill(self, rows: Sequence[OrderRow], categories: Sequence[CategoryRow]) -> None:
        """The buyers and sellers in the list and every product; a chosen one stays chosen."""
        names = {
            self.buyer_filter: (_("Semua pembeli"), sorted({(r.buyer_name, r.buyer_id) for r in rows})),
            self.seller_filter: (_("Semua penjual"), sorted({(r.seller_name, r.seller_id) for r in rows})),
            self.category_filter: (_("Semua produk"), [(c.name, c.id) for c in categories]),
        }
        for combo, (everyone, choices) in names.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for name, key in choices:
                combo.addItem(name, key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)


__all__ = ["OrderFilters"]
