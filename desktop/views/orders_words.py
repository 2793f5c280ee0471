"""What the Pesanan page allows for a row and says after a save, split or cancel (plain Python, no Qt)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop import formatting
from desktop.i18n import _
from desktop.models.orders.cofulfilment import CoFulfilmentPlan
from desktop.models.orders import OrderRow, SavedOrder


@dataclass(frozen=True)
class RowActions:
    """Which buttons work for the selected order."""

    edit: bool
    cancel: bool
    split: bool


def row_actions(row: OrderRow | None) -> RowActions:
    """A cancelled order is only looked at; only a main order with an open shortfall can be split."""
    live = row is not None and not row.is_cancelled
    split = live and row is not None and row.parent_order_id is None and row.open_shortfall_pairs > 0
    return RowActions(edit=live, cancel=live, split=split)


def needs_split(order: OrderRow) -> bool:
    """After a save: offer the present makers for what the seller cannot make."""
    return order.parent_order_id is None and order.open_shortfall_pairs > 0


def saved_message(saved: SavedOrder) -> str:
    order = saved.order
    text = _("Pesanan {number} tersimpan: {buyer} dari {seller}, {value}.").format(
        number=order.number, buyer=order.buyer_name, seller=order.seller_name,
        value=formatting.rupiah(order.value_rupiah),
    )
    return " ".join([text, *saved.warnings])


def no_helpers_message(plan: CoFulfilmentPlan) -> str:
    return _("Kekurangan {pairs} pada {number} tercatat sebagai belum terpenuhi: tidak ada IKM hadir "
             "dengan produk sama yang masih punya kapasitas.").format(
        pairs=formatting.pairs(plan.open_shortfall), number=plan.order.number)


def split_message(plan: CoFulfilmentPlan, rows: Sequence[OrderRow]) -> str:
    return _("Kekurangan {number} dibagi ke {makers}.").format(
        number=plan.order.number,
        makers=", ".join(f"{r.seller_name} ({formatting.pairs(r.committed_pairs)}, {r.number})" for r in rows),
    )


__all__ = ["RowActions", "needs_split", "no_helpers_message", "row_actions", "saved_message", "split_message"]
