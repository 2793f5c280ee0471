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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

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

    @property
    def unfulfilled_pairs(self) -> int:
        return max(self.requested_pairs - self.committed_pairs, 0)


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
    )
