"""Writing orders: create, update and cancel, each audited, with a version check against a second desk.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.access.actor import Actor
from desktop.models.base import now
from desktop.models.enums import OrderStatus
from desktop.models.errors import ConflictError, DomainError, ValidationError
from desktop.models.orders.checks import find_duplicates
from desktop.models.orders.queries import get_order, load_order
from desktop.models.orders.rows import (
    CancelResult,
    DuplicateOrderError,
    OrderData,
    OrderRow,
    SavedOrder,
    order_number,
)
from desktop.models.orders.validation import CleanOrder, seller_warnings, validate
from desktop.models.orm import Order, OrderLine


def audit_snapshot(row: OrderRow) -> dict[str, object]:
    return {
        "buyer_id": row.buyer_id,
        "seller_id": row.seller_id,
        "meeting_id": row.meeting_id,
        "parent_order_id": row.parent_order_id,
        "status": row.status,
        "payment_terms": row.payment_terms,
        "note": row.note,
        "cancel_reason": row.cancel_reason,
        "lines": [
            {
                "category": line.category_code,
                "description": line.description,
                "unit_entered": line.unit_entered,
                "quantity_entered": line.quantity_entered,
                "requested": line.requested,
                "committed": line.committed,
                "unit_price": line.unit_price,
                "delivery_date": line.delivery_date,
            }
            for line in row.lines
        ],
    }


def _apply(order: Order, clean: CleanOrder) -> None:
    data = clean.data
    assert data.buyer_id is not None and data.seller_id is not None
    order.buyer_id = data.buyer_id
    order.seller_id = data.seller_id
    order.meeting_id = data.meeting_id
    order.status = data.status
    order.payment_terms = data.payment_terms
    order.note = data.note
    order.updated_at = now()
    flag_modified(order, "updated_at")  # an UPDATE (and a new version) even when only lines change
    order.lines = [
        OrderLine(
            position=position,
            category_id=category.id,
            description=line.description,
            unit_entered=line.unit,
            quantity_entered=line.quantity,
            requested_quantity=quantity,
            committed_quantity=line.committed if line.committed is not None else quantity,
            unit_price=line.unit_price,
            delivery_date=line.delivery_date,
        )
        for position, (line, category, quantity, _unit) in enumerate(clean.lines, start=1)
    ]


def create_order(
    session: Session, data: OrderData, actor: Actor, *, allow_duplicate: bool = False
) -> SavedOrder:
    clean = validate(session, data)
    if not allow_duplicate:
        duplicates = find_duplicates(session, data)
        if duplicates:
            raise DuplicateOrderError(
                _("Pesanan yang sama (pembeli, penjual, produk dan jumlah) baru saja dicatat sebagai {numbers}. "
                  "Simpan lagi sebagai pesanan baru?").format(numbers=", ".join(order_number(i) for i in duplicates)),
                duplicates,
            )
    order = Order(created_by=actor.name)
    _apply(order, clean)
    session.add(order)
    session.flush()
    row = get_order(session, order.id)
    audit.record(session, actor, "order.create", "trade_order", row.id, after=audit_snapshot(row))
    return SavedOrder(row, tuple(seller_warnings(session, data.seller_id)))


def check_version(order: Order, expected_version: int | None) -> None:
    if expected_version is not None and order.version != expected_version:
        raise ConflictError(
            _("Pesanan {number} baru saja diubah orang lain. Buka lagi lalu ulangi perubahan.").format(
                number=order_number(order.id)
            )
        )


def update_order(
    session: Session, order_id: int, data: OrderData, actor: Actor, *, expected_version: int | None = None
) -> SavedOrder:
    order = load_order(session, order_id)
    check_version(order, expected_version)
    if order.status == OrderStatus.CANCELLED.value:
        raise DomainError(_("Pesanan {number} sudah dibatalkan dan tidak dapat diubah.").format(number=order_number(order_id)))
    before = audit_snapshot(get_order(session, order_id))
    clean = validate(session, data)
    _apply(order, clean)
    session.flush()
    row = get_order(session, order_id)
    audit.record(session, actor, "order.update", "trade_order", order_id, before=before, after=audit_snapshot(row))
    return SavedOrder(row, tuple(seller_warnings(session, data.seller_id)))


def cancel_order(
    session: Session, order_id: int, reason: str, actor: Actor, *, expected_version: int | None = None
) -> CancelResult:
    """Cancel with a reason (kept, never deleted); a buyer's cancelled order takes its linked orders along."""
    order = load_order(session, order_id)
    check_version(order, expected_version)
    if order.status == OrderStatus.CANCELLED.value:
        raise DomainError(
            _("Pesanan {number} sudah dibatalkan sebelumnya (alasan: {reason}).").format(
                number=order_number(order_id), reason=order.cancel_reason
            )
        )
    text = re.sub(r"\s+", " ", (reason or "").strip())
    if not text:
        raise ValidationError(_("Tulis alasan pembatalan."), field="reason")
    if len(text) > 500:
        raise ValidationError(_("Alasan terlalu panjang (paling banyak 500 huruf)."), field="reason")
    also: list[int] = []
    for target, why in [(order, text)] + [
        (child, _("Ikut dibatalkan bersama pesanan {number}: {reason}").format(number=order_number(order_id), reason=text))
        for child in session.scalars(
            select(Order).where(Order.parent_order_id == order_id, Order.status != OrderStatus.CANCELLED.value)
        )
    ]:
        before = {"status": target.status}
        target.status = OrderStatus.CANCELLED.value
        target.cancel_reason = why
        target.updated_at = now()
        if target is not order:
            also.append(target.id)
        session.flush()
        audit.record(session, actor, "order.cancel", "trade_order", target.id, before=before,
                     after={"status": target.status, "cancel_reason": why})
    return CancelResult(get_order(session, order_id), tuple(also))
