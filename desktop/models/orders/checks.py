"""Looks before saving: capacity per line, what the maker can commit, the same order recorded twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from desktop.models.orders import capacity
from desktop.models.base import now
from desktop.models.enums import OrderStatus
from desktop.models.errors import ValidationError
from desktop.models.orders.queries import orders_query
from desktop.models.orders.rows import OrderData, OrderPreview
from desktop.models.orders.validation import seller_warnings
from desktop.models.orm import Order, ProductCategory
from desktop.models.orders.units import entry_units, stored_unit, to_stored

DUPLICATE_WINDOW = dt.timedelta(minutes=5)


def commit_what_fits(session: Session, data: OrderData, *, exclude_order_id: int | None = None) -> OrderData:
    """A copy of ``data`` where each line left without a committed quantity gets what the maker can make."""
    checks = preview(session, data, exclude_order_id=exclude_order_id).checks
    lines = [
        dataclasses.replace(line, committed=check.fulfillable)
        if line.committed is None and check is not None and check.applies
        else line
        for line, check in zip(data.lines, checks, strict=True)
    ]
    return dataclasses.replace(data, lines=lines)


def preview(session: Session, data: OrderData, *, exclude_order_id: int | None = None) -> OrderPreview:
    """Capacity per line (None where a line is incomplete) and warnings; never raises on bad lines."""
    checks: list[capacity.CapacityCheck | None] = []
    earlier: list[tuple[dt.date | None, int]] = []
    for line in data.lines:
        category = session.get(ProductCategory, line.category_id) if line.category_id else None
        if data.seller_id is None or category is None or line.quantity <= 0:
            checks.append(None)
            continue
        try:
            quantity = to_stored(line.quantity, line.unit, category.base_unit)
        except ValidationError:
            checks.append(None)
            continue
        unit = stored_unit(line.unit, category.base_unit)
        check = capacity.check_line(
            session, data.seller_id, unit, quantity, line.delivery_date,
            exclude_order_id=exclude_order_id, extra_load=earlier,
        )
        checks.append(check)
        if check.applies:
            committed = check.fulfillable if line.committed is None else line.committed
            earlier.append((line.delivery_date, committed))
    return OrderPreview(tuple(checks), tuple(seller_warnings(session, data.seller_id)))


def find_duplicates(
    session: Session, data: OrderData, *, exclude_order_id: int | None = None, at: dt.datetime | None = None
) -> list[int]:
    """Live orders with the same buyer, seller, product and quantity recorded in the last minutes."""
    since = (at or now()) - DUPLICATE_WINDOW
    wanted: set[tuple[int | None, int]] = set()
    for line in data.lines:
        category = session.get(ProductCategory, line.category_id) if line.category_id else None
        if category is not None and line.unit in entry_units(category.base_unit):
            wanted.add((category.id, to_stored(line.quantity, line.unit, category.base_unit)))
    query = orders_query().where(
        Order.buyer_id == data.buyer_id,
        Order.seller_id == data.seller_id,
        Order.status != OrderStatus.CANCELLED.value,
        Order.created_at >= since,
    )
    if exclude_order_id is not None:
        query = query.where(Order.id != exclude_order_id)
    found = []
    for order in session.scalars(query):
        if any((line.category_id, line.requested_quantity) in wanted for line in order.lines):
            found.append(order.id)
    return found
