"""Orders as plain data: what the form hands in, the rows it gets back, and their names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.models.orders import capacity
from desktop.models.enums import OrderStatus, Unit
from desktop.models.errors import DomainError
from desktop.models.orders.units import is_pairs


def order_number(order_id: int) -> str:
    """How an order is named on screen and paper: ``#0012``."""
    return f"#{order_id:04d}"


@dataclass
class LineData:
    """One line as the form gives it; ``committed`` is in the stored unit (None = all requested)."""

    category_id: int | None
    quantity: int
    unit: str = Unit.PAIR.value
    unit_price: int = 0
    description: str = ""
    delivery_date: dt.date | None = None
    committed: int | None = None


@dataclass
class OrderData:
    buyer_id: int | None
    seller_id: int | None
    lines: list[LineData]
    status: str = OrderStatus.DRAFT.value
    payment_terms: str = ""
    note: str = ""
    meeting_id: int | None = None


@dataclass(frozen=True)
class LineRow:
    id: int
    position: int
    category_id: int | None
    category_code: str
    category_name: str
    description: str
    unit_entered: str
    quantity_entered: int
    stored_unit: str
    requested: int
    committed: int
    unit_price: int
    delivery_date: dt.date | None
    covered_by_linked: int = 0  # committed on co-fulfilment orders for this line

    @property
    def shortfall(self) -> int:
        return max(self.requested - self.committed, 0)

    @property
    def open_shortfall(self) -> int:
        """Demand nobody has taken yet (after linked orders)."""
        return max(self.requested - self.committed - self.covered_by_linked, 0)

    @property
    def value(self) -> int:
        return self.committed * self.unit_price

    def to_data(self) -> LineData:
        return LineData(
            category_id=self.category_id,
            quantity=self.quantity_entered,
            unit=self.unit_entered,
            unit_price=self.unit_price,
            description=self.description,
            delivery_date=self.delivery_date,
            committed=self.committed,
        )


@dataclass(frozen=True)
class OrderRow:
    id: int
    buyer_id: int
    buyer_code: str
    buyer_name: str
    seller_id: int
    seller_code: str
    seller_name: str
    seller_kind: str
    meeting_id: int | None
    parent_order_id: int | None
    status: str
    payment_terms: str
    note: str
    cancel_reason: str
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int
    lines: tuple[LineRow, ...]
    linked_order_ids: tuple[int, ...] = ()

    @property
    def number(self) -> str:
        return order_number(self.id)

    @property
    def is_cancelled(self) -> bool:
        return self.status == OrderStatus.CANCELLED.value

    @property
    def requested_pairs(self) -> int:
        return sum(line.requested for line in self.lines if is_pairs(line.stored_unit))

    @property
    def committed_pairs(self) -> int:
        return sum(line.committed for line in self.lines if is_pairs(line.stored_unit))

    @property
    def shortfall_pairs(self) -> int:
        return sum(line.shortfall for line in self.lines if is_pairs(line.stored_unit))

    @property
    def open_shortfall_pairs(self) -> int:
        return sum(line.open_shortfall for line in self.lines if is_pairs(line.stored_unit))

    @property
    def value_rupiah(self) -> int:
        return sum(line.value for line in self.lines)

    @property
    def category_ids(self) -> frozenset[int]:
        return frozenset(line.category_id for line in self.lines if line.category_id is not None)

    def to_data(self) -> OrderData:
        return OrderData(
            buyer_id=self.buyer_id,
            seller_id=self.seller_id,
            lines=[line.to_data() for line in self.lines],
            status=self.status,
            payment_terms=self.payment_terms,
            note=self.note,
            meeting_id=self.meeting_id,
        )


@dataclass(frozen=True)
class SavedOrder:
    order: OrderRow
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrderPreview:
    """What the form shows before saving: capacity per line and warnings."""

    checks: tuple[capacity.CapacityCheck | None, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class PartyOption:
    """A participant as a buyer/seller picker shows it."""

    id: int
    code: str
    business_name: str
    kind: str
    present: bool
    category_ids: tuple[int, ...]
    monthly_capacity: int | None


@dataclass(frozen=True)
class MeetingParties:
    meeting_id: int
    buyer_id: int
    seller_id: int


class DuplicateOrderError(DomainError):
    """The same order seems to have been recorded a moment ago; the user decides."""

    def __init__(self, message: str, duplicate_ids: list[int]) -> None:
        super().__init__(message)
        self.duplicate_ids = duplicate_ids


@dataclass(frozen=True)
class CancelResult:
    order: OrderRow
    also_cancelled: tuple[int, ...]  # linked co-fulfilment orders that went with it
