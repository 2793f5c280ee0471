"""Qt models for the order list: a table of plain order rows and a filter proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtGui import QFont

from desktop import formatting
from desktop.i18n import N_, _
from desktop.models.enums import OrderStatus, Unit, label
from desktop.models.orders import LineRow, OrderRow, order_number
from desktop.views.table_base import RIGHT, SORT_ROLE, Column, Index, RowTableModel

STATUS_COLOURS = {
    OrderStatus.DRAFT.value: "#555555",
    OrderStatus.LETTER_OF_INTENT.value: "#8a6d00",
    OrderStatus.CONFIRMED.value: "#1f7a4d",
    OrderStatus.CANCELLED.value: "#999999",
}
CANCELLED_COLOUR = "#999999"
SHORTFALL_COLOUR = "#b00020"


def quantities(lines: tuple[LineRow, ...], attribute: str) -> str:
    """``40.000 pasang`` or ``40 lembar + 500 kaki persegi``: summed per stored unit."""
    totals: dict[str, int] = {}
    for line in lines:
        totals[line.stored_unit] = totals.get(line.stored_unit, 0) + getattr(line, attribute)
    return " + ".join(f"{formatting.number(total)} {label(unit, Unit)}" for unit, total in totals.items())


def _link(row: OrderRow) -> str:
    if row.parent_order_id:
        return _("bagian dari {number}").format(number=order_number(row.parent_order_id))
    if row.linked_order_ids:
        return _("dibagi: {numbers}").format(numbers=", ".join(order_number(i) for i in row.linked_order_ids))
    return ""


COLUMNS: list[Column[OrderRow]] = [
    Column(N_("No."), lambda row: row.number, sort=lambda row: row.id, key="number"),
    Column(N_("Jam"), lambda row: formatting.clock(row.created_at), sort=lambda row: row.created_at.timestamp(),
           key="time"),
    Column(N_("Pembeli"), lambda row: row.buyer_name, key="buyer"),
    Column(N_("Penjual"), lambda row: row.seller_name, key="seller"),
    Column(N_("Produk"), lambda row: ", ".join(dict.fromkeys(line.category_name for line in row.lines)),
           key="products"),
    Column(N_("Diminta"), lambda row: quantities(row.lines, "requested"), sort=lambda row: row.requested_pairs,
           alignment=RIGHT, key="requested"),
    Column(N_("Disanggupi"), lambda row: quantities(row.lines, "committed"), sort=lambda row: row.committed_pairs,
           alignment=RIGHT, key="committed"),
    Column(N_("Kurang"), lambda row: formatting.number(row.open_shortfall_pairs) if row.open_shortfall_pairs else "",
           sort=lambda row: row.open_shortfall_pairs, alignment=RIGHT, key="open",
           foreground=lambda row: SHORTFALL_COLOUR if row.open_shortfall_pairs else None),
    Column(N_("Nilai"), lambda row: formatting.rupiah(row.value_rupiah), sort=lambda row: row.value_rupiah,
           alignment=RIGHT, key="value"),
    Column(N_("Status"), lambda row: label(row.status, OrderStatus), key="status",
           foreground=lambda row: STATUS_COLOURS.get(row.status, "#333333")),
    Column(N_("Terkait"), _link, key="link"),
]


class OrderTableModel(RowTableModel[OrderRow]):
    columns = COLUMNS

    def row_foreground(self, row: OrderRow) -> str | None:
        return CANCELLED_COLOUR if row.is_cancelled else None

    def row_font(self, row: OrderRow) -> QFont | None:
        if not row.is_cancelled:
            return None
        font = QFont()
        font.setStrikeOut(True)
        return font

    def row_tooltip(self, row: OrderRow) -> str:
        parts = [f"{row.number} · {row.buyer_code} {row.buyer_name} ← {row.seller_code} {row.seller_name}"]
        for line in row.lines:
            parts.append(
                f"{line.category_name} {line.description} · {formatting.number(line.quantity_entered)} "
                f"{label(line.unit_entered, Unit)} × {formatting.rupiah(line.unit_price)}"
                + (f" · {formatting.short_date(line.delivery_date)}" if line.delivery_date else "")
            )
        if row.payment_terms:
            parts.append(row.payment_terms)
        if row.cancel_reason:
            parts.append(_("Alasan batal: {reason}").format(reason=row.cancel_reason))
        return "\n".join(parts)


class OrderFilterProxy(QSortFilterProxyModel):
    """Filters by free text, buyer, seller, product category and status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._buyer: int | None = None
        self._seller: int | None = None
        self._category: int | None = None
        self._status: str | None = None
        self.setSortRole(SORT_ROLE)

    def set_filters(self, **filters: Any) -> None:
        self.beginFilterChange()
        for key, value in filters.items():
            if key == "text":
                self._text = (value or "").strip().lower()
            else:
                setattr(self, f"_{key}", value if value not in ("", None) else None)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, OrderTableModel):
            return True
        row = model.row_at(source_row)
        if self._buyer is not None and row.buyer_id != self._buyer:
            return False
        if self._seller is not None and row.seller_id != self._seller:
            return False
        if self._category is not None and self._category not in row.category_ids:
            return False
        if self._status is not None and row.status != self._status:
            return False
        if not self._text:
            return True
        haystack = " ".join(
            [row.number, row.buyer_code, row.buyer_name, row.seller_code, row.seller_name, row.payment_terms]
            + [f"{line.category_name} {line.description}" for line in row.lines]
        ).lower()
        return all(word in haystack for word in self._text.split())
