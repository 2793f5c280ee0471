"""Order figures: totals and breakdowns by IKM, by buyer and by category.

One place computes them, so the Pesanan page, the Dasbor and the printed tally agree.

Semantics
- Cancelled orders count nowhere; drafts are left out unless asked for.
- ``requested`` is demand: only lines of *top-level* orders count (a co-fulfilment order,
  ``parent_order_id`` set, takes over part of a demand that its parent already counts).
- ``committed`` is what makers agreed to deliver: every line counts, children included.
- ``unfulfilled = requested - committed`` (never below zero) — the 40,000 vs 20,000 figure.
- Per IKM, a co-fulfilment order moves its share of the demand from the first maker to the
  helper (the child line carries the parent line's position), so the makers' rows add up to
  the buyer's demand and nobody looks short for pairs another maker took over.
- Pairs count only lines traded in pairs (footwear, soles); Rupiah counts every line
  as ``committed × unit_price``.
- Quantities of different units are never added: :attr:`OrderTally.units` gives requested,
  committed and unfulfilled per base unit (pairs, square feet, sheets, pieces), with the
  same demand rule (a split order's demand counted once, at its top-level order).
- :attr:`OrderTally.shortfalls` lists each demand (a top-level order line) that its maker
  and the co-fulfilling makers together could not fill; the makers are named together,
  so no maker is credited with pairs another maker took over.
Every paper and screen that shows these figures (rekap PDF, event report, the export's
Ringkasan, the Dasbor) reads them from :func:`order_tally`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.models.enums import OrderStatus, ParticipantKind, Unit
from desktop.models.orm import Order, OrderLine, Participant, ProductCategory

COUNTED_STATUSES = (OrderStatus.CONFIRMED.value, OrderStatus.LETTER_OF_INTENT.value)


@dataclass
class TallyRow:
    key: int | str
    name: str
    orders: int = 0
    requested_pairs: int = 0
    committed_pairs: int = 0
    value_rupiah: int = 0
    _order_ids: set[int] = field(default_factory=set, repr=False, compare=False)

    @property
    def unfulfilled_pairs(self) -> int:
        return max(self.requested_pairs - self.committed_pairs, 0)


@dataclass(frozen=True)
class UnitQuantities:
    """One base unit's figures: never added to another unit's."""

    unit: str  # Unit value: pasang, kaki_persegi, lembar, buah
    requested: int
    committed: int
    requested_rupiah: int  # requested × price of the demand lines
    committed_rupiah: int

    @property
    def unfulfilled(self) -> int:
        return max(self.requested - self.committed, 0)


@dataclass(frozen=True)
class Shortfall:
    """One demand (a top-level order line) the makers together could not fill."""

    buyer: str
    makers: str  # the order's maker first, then every co-fulfilling maker
    product: str
    unit: str
    requested: int
    committed: int  # by all those makers together

    @property
    def unfulfilled(self) -> int:
        return max(self.requested - self.committed, 0)


@dataclass
class OrderTally:
    orders: int
    confirmed_orders: int
    transacting_ikm: int
    requested_pairs: int
    committed_pairs: int
    value_rupiah: int
    by_ikm: list[TallyRow]
    by_buyer: list[TallyRow]
    by_category: list[TallyRow]
    units: tuple[UnitQuantities, ...] = ()
    shortfalls: tuple[Shortfall, ...] = ()

    @property
    def unfulfilled_pairs(self) -> int:
        return max(self.requested_pairs - self.committed_pairs, 0)

    def unit(self, unit: str) -> UnitQuantities:
        return next((row for row in self.units if row.unit == unit), UnitQuantities(unit, 0, 0, 0, 0))


def line_unit(unit_entered: str, base_unit: str | None) -> str:
    """The unit a line's stored quantities are in (kodi and lusin are stored as pairs)."""
    if base_unit:
        return base_unit
    return Unit.PAIR.value if unit_entered in (Unit.PAIR.value, Unit.KODI.value, Unit.LUSIN.value) else unit_entered


def _add(row: TallyRow, order_id: int, requested: int, committed: int, value: int) -> None:
    row._order_ids.add(order_id)
    row.orders = len(row._order_ids)
    row.requested_pairs += requested
    row.committed_pairs += committed
    row.value_rupiah += value


def order_tally(session: Session, statuses: Iterable[str] = COUNTED_STATUSES) -> OrderTally:
    buyer, seller = aliased(Participant), aliased(Participant)
    # Plain columns, not ORM objects: this runs on every dashboard refresh.
    query = (
        select(
            Order.id,
            Order.status,
            Order.parent_order_id,
            OrderLine.position,
            OrderLine.unit_entered,
            OrderLine.requested_quantity,
            OrderLine.committed_quantity,
            OrderLine.unit_price,
            buyer.id,
            buyer.business_name,
            seller.id,
            seller.business_name,
            seller.kind,
            ProductCategory.code,
            ProductCategory.name,
            ProductCategory.base_unit,
        )
        .join(OrderLine, OrderLine.order_id == Order.id)
        .join(buyer, Order.buyer_id == buyer.id)
        .join(seller, Order.seller_id == seller.id)
        .outerjoin(ProductCategory, OrderLine.category_id == ProductCategory.id)
        .where(Order.status.in_(list(statuses)))
        .order_by(Order.id, OrderLine.position)
    )
    by_ikm: dict[int, TallyRow] = {}
    by_buyer: dict[int, TallyRow] = {}
    by_category: dict[str, TallyRow] = {}
    order_ids: set[int] = set()
    confirmed: set[int] = set()
    totals = defaultdict(int)
    records = session.execute(query).all()
    taken_over: defaultdict[tuple[int, int], int] = defaultdict(int)
    for record in records:
        if record[2] is not None:
            taken_over[(record[2], record[3])] += record[5]
    per_unit: dict[str, list[int]] = {}  # unit -> [requested, committed, requested Rp, committed Rp]
    # demand (order id, position) -> [buyer, makers, product, unit, requested, committed]
    demands: dict[tuple[int, int], list[Any]] = {}
    for (order_id, status, parent_id, position, unit_entered, requested_quantity, committed_quantity, unit_price,
         buyer_id, buyer_name, seller_id, seller_name, seller_kind, category_code, category_name, base_unit) in records:
        order_ids.add(order_id)
        if status == OrderStatus.CONFIRMED.value:
            confirmed.add(order_id)
        in_pairs = unit_entered in (Unit.PAIR.value, Unit.KODI.value, Unit.LUSIN.value) and (
            category_code is None or base_unit == Unit.PAIR.value
        )
        requested = requested_quantity if (in_pairs and parent_id is None) else 0
        committed = committed_quantity if in_pairs else 0
        value = committed_quantity * unit_price
        unit = line_unit(unit_entered, base_unit)
        figures = per_unit.setdefault(unit, [0, 0, 0, 0])
        if parent_id is None:
            figures[0] += requested_quantity
            figures[2] += requested_quantity * unit_price
            demands[(order_id, position)] = [buyer_name, [seller_name], category_name or "", unit,
                                             requested_quantity, committed_quantity]
        figures[1] += committed_quantity
        figures[3] += value
        if parent_id is not None and (parent_id, position) in demands:
            demand = demands[(parent_id, position)]
            demand[5] += committed_quantity
            if seller_name not in demand[1]:
                demand[1].append(seller_name)
        totals["requested"] += requested
        totals["committed"] += committed
        totals["value"] += value
        category_key = category_code or ""
        rows = [
            by_buyer.setdefault(buyer_id, TallyRow(buyer_id, buyer_name)),
            by_category.setdefault(category_key, TallyRow(category_key, category_name or "—")),
        ]
        for row in rows:
            _add(row, order_id, requested, committed, value)
        if seller_kind == ParticipantKind.IKM.value:
            maker = by_ikm.setdefault(seller_id, TallyRow(seller_id, seller_name))
            if not in_pairs:
                share = 0
            elif parent_id is None:
                share = max(requested_quantity - taken_over[(order_id, position)], 0)
            else:
                share = requested_quantity
            _add(maker, order_id, share, committed, value)
    # A maker who only took over part of a demand still "transacted".
    transacting = sum(1 for row in by_ikm.values() if row.committed_pairs > 0 or row.value_rupiah > 0)

    def ranked(rows: dict) -> list[TallyRow]:  # type: ignore[type-arg]
        return sorted(rows.values(), key=lambda r: (-r.value_rupiah, -r.committed_pairs, str(r.name)))

    return OrderTally(
        orders=len(order_ids),
        confirmed_orders=len(confirmed),
        transacting_ikm=transacting,
        requested_pairs=totals["requested"],
        committed_pairs=totals["committed"],
        value_rupiah=totals["value"],
        by_ikm=ranked(by_ikm),
        by_buyer=ranked(by_buyer),
        by_category=ranked(by_category),
        units=tuple(UnitQuantities(unit, *figures) for unit, figures in sorted(per_unit.items(), key=_unit_order)),
        shortfalls=tuple(
            Shortfall(buyer, ", ".join(makers), product, unit, requested, committed)
            for buyer, makers, product, unit, requested, committed in demands.values() if requested > committed
        ),
    )


def _unit_order(item: tuple[str, list[int]]) -> int:
    order = [unit.value for unit in Unit]
    return order.index(item[0]) if item[0] in order else len(order)
