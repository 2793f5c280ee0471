"""Reading orders: plain rows (with what linked co-fulfilment orders cover), parties, a meeting's sides.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.i18n import _
from desktop.models.people import participants
from desktop.models.checkin import presence
from desktop.models.enums import OrderStatus, ParticipantKind, Unit
from desktop.models.errors import NotFoundError
from desktop.models.orders.rows import LineRow, MeetingParties, OrderRow, PartyOption, order_number
from desktop.models.orm import Meeting, MeetingRequest, Order, OrderLine
from desktop.models.orders.units import stored_unit


def rows_of(session: Session, orders: list[Order]) -> list[OrderRow]:
    if not orders:
        return []
    ids = [order.id for order in orders]
    children = session.scalars(
        select(Order)
        .where(Order.parent_order_id.in_(ids), Order.status != OrderStatus.CANCELLED.value)
        .options(selectinload(Order.lines))
    ).all()
    covered: dict[tuple[int, int], int] = {}
    linked: dict[int, list[int]] = {}
    for child in children:
        assert child.parent_order_id is not None
        linked.setdefault(child.parent_order_id, []).append(child.id)
        for line in child.lines:
            key = (child.parent_order_id, line.position)
            covered[key] = covered.get(key, 0) + line.committed_quantity
    return [_to_row(order, covered, tuple(sorted(linked.get(order.id, [])))) for order in orders]


def _to_row(order: Order, covered: dict[tuple[int, int], int], linked: tuple[int, ...]) -> OrderRow:
    lines = tuple(
        LineRow(
            id=line.id,
            position=line.position,
            category_id=line.category_id,
            category_code=line.category.code if line.category else "",
            category_name=line.category.name if line.category else "—",
            description=line.description,
            unit_entered=line.unit_entered,
            quantity_entered=line.quantity_entered,
            stored_unit=stored_unit(line.unit_entered, line.category.base_unit if line.category else Unit.PAIR.value),
            requested=line.requested_quantity,
            committed=line.committed_quantity,
            unit_price=line.unit_price,
            delivery_date=line.delivery_date,
            covered_by_linked=covered.get((order.id, line.position), 0),
        )
        for line in order.lines
    )
    return OrderRow(
        id=order.id,
        buyer_id=order.buyer_id,
        buyer_code=order.buyer.code,
        buyer_name=order.buyer.business_name,
        seller_id=order.seller_id,
        seller_code=order.seller.code,
        seller_name=order.seller.business_name,
        seller_kind=order.seller.kind,
        meeting_id=order.meeting_id,
        parent_order_id=order.parent_order_id,
        status=order.status,
        payment_terms=order.payment_terms,
        note=order.note,
        cancel_reason=order.cancel_reason,
        created_by=order.created_by,
        created_at=order.created_at,
        updated_at=order.updated_at,
        version=order.version,
        lines=lines,
        linked_order_ids=linked,
    )


def orders_query():  # type: ignore[no-untyped-def]
    return select(Order).options(
        selectinload(Order.lines).selectinload(OrderLine.category),
        selectinload(Order.buyer),
        selectinload(Order.seller),
    )


def list_orders(session: Session) -> list[OrderRow]:
    return rows_of(session, list(session.scalars(orders_query().order_by(Order.id))))


def get_order(session: Session, order_id: int) -> OrderRow:
    return rows_of(session, [load_order(session, order_id)])[0]


def load_order(session: Session, order_id: int) -> Order:
    order = session.scalar(orders_query().where(Order.id == order_id))
    if order is None:
        raise NotFoundError(_("Pesanan {number} tidak ditemukan.").format(number=order_number(order_id)))
    return order


def list_parties(session: Session) -> list[PartyOption]:
    """Everyone who can appear on an order, with presence, for the pickers."""
    here = presence.present_ids(session)
    category_ids = {category.code: category.id for category in participants.list_categories(session)}
    return [
        PartyOption(
            id=row.id,
            code=row.code,
            business_name=row.business_name,
            kind=row.kind,
            present=row.id in here,
            category_ids=tuple(category_ids[code] for code in row.category_codes),
            monthly_capacity=row.monthly_capacity,
        )
        for row in participants.list_participants(session)
    ]


def meeting_parties(session: Session, meeting_id: int) -> MeetingParties:
    """Buyer and seller of an order agreed in a meeting.

    The maker (IKM) sells, the other side buys — except a supplier, who sells to the IKM.
    """
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(_("Pertemuan tidak ditemukan (mungkin sudah dihapus)."))
    request = session.get(MeetingRequest, meeting.request_id)
    assert request is not None
    a, b = request.participant_a, request.participant_b
    ikm = ParticipantKind.IKM.value
    if a.kind == ikm and b.kind != ikm:
        maker, other = a, b
    elif b.kind == ikm and a.kind != ikm:
        maker, other = b, a
    else:
        return MeetingParties(meeting_id, buyer_id=a.id, seller_id=b.id)
    if other.kind == ParticipantKind.SUPPLIER.value:
        return MeetingParties(meeting_id, buyer_id=maker.id, seller_id=other.id)
    return MeetingParties(meeting_id, buyer_id=other.id, seller_id=maker.id)
