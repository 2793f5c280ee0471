"""Qt models for the order list: a table of plain order rows and a filter proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from desktop import formatting
from desktop.i18n import N_, _
from desktop.models.enums import OrderStatus, Unit, label
from desktop.models.orders import LineRow, OrderRow, order_number

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex

COLUMNS = [
    ("number", N_("No.")),
    ("time", N_("Jam")),
    ("buyer", N_("Pembeli")),
    ("seller", N_("Penjual")),
    ("products", N_("Produk")),
    ("requested", N_("Diminta")),
    ("committed", N_("Disanggupi")),
    ("open", N_("Kurang")),
    ("value", N_("Nilai")),
    ("status", N_("Status")),
    ("link", N_("Terkait")),
]
NUMERIC = {"requested", "committed", "open", "value"}
STATUS_COLOURS = {
    OrderStatus.DRAFT.value: "#555555",
    OrderStatus.LETTER_OF_INTENT.value: "#8a6d00",
    OrderStatus.CONFIRMED.value: "#1f7a4d",
    OrderStatus.CANCELLED.value: "#999999",
}


def quantities(lines: tuple[LineRow, ...], attribute: str) -> str:
    """``40.000 pasang`` or ``40 lembar + 500 kaki persegi``: summed per stored unit."""
    totals: dict[str, int] = {}
    for line in lines:
        totals[line.stored_unit] = totals.get(line.stored_unit, 0) + getattr(line, attribute)
    return " + ".join(f"{formatting.number(total)} {label(unit, Unit)}" for unit, total in totals.items())


class OrderTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OrderRow] = []

    def set_rows(self, rows: list[OrderRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[OrderRow]:
        return list(self._rows)

    def row_at(self, row: int) -> OrderRow:
        return self._rows[row]

    def row_of_id(self, order_id: int) -> int | None:
        return next((position for position, row in enumerate(self._rows) if row.id == order_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section][1])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == SORT_ROLE:
            return self._sort_key(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.is_cancelled:
                return QColor("#999999")
            if key == "open" and row.open_shortfall_pairs:
                return QColor("#b00020")
            if key == "status":
                return QColor(STATUS_COLOURS.get(row.status, "#333333"))
        if role == Qt.ItemDataRole.FontRole and row.is_cancelled:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        return None

    @staticmethod
    def _display(row: OrderRow, key: str) -> str:
        if key == "number":
            return row.number
        if key == "time":
            return formatting.clock(row.created_at)
        if key == "buyer":
            return row.buyer_name
        if key == "seller":
            return row.seller_name
        if key == "products":
            return ", ".join(dict.fromkeys(line.category_name for line in row.lines))
        if key == "requested":
            return quantities(row.lines, "requested")
        if key == "committed":
            return quantities(row.lines, "committed")
        if key == "open":
            return formatting.number(row.open_shortfall_pairs) if row.open_shortfall_pairs else ""
        if key == "value":
            return formatting.rupiah(row.value_rupiah)
        if key == "status":
            return label(row.status, OrderStatus)
        if key == "link":
            if row.parent_order_id:
                return _("bagian dari {number}").format(number=order_number(row.parent_order_id))
            if row.linked_order_ids:
                return _("dibagi: {numbers}").format(numbers=", ".join(order_number(i) for i in row.linked_order_ids))
            return ""
        return ""

    def _sort_key(self, row: OrderRow, key: str) -> Any:
        numbers = {
            "number": row.id,
            "time": row.created_at.timestamp(),
            "requested": row.requested_pairs,
            "committed": row.committed_pairs,
            "open": row.open_shortfall_pairs,
            "value": row.value_rupiah,
        }
        if key in numbers:
            return numbers[key]
        return self._display(row, key).lower()

    @staticmethod
    def _tooltip(row: OrderRow) -> str:
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

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
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
