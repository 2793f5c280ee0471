"""Co-fulfilment: other present makers take over the part of a demand one maker cannot fill.

The buyer keeps one order (the *parent*); each helper gets a linked order
(``parent_order_id``) whose single line carries the same position as the parent line it
helps fill, so "what is still open" is ``requested − committed − committed on linked lines``.
The tallies count the parent's demand once and every maker's commitment (see tallies.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop import formatting
from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.orders import capacity
from desktop.models.access.actor import Actor
from desktop.models.enums import ParticipantKind, Unit
from desktop.models.errors import DomainError, NotFoundError, ValidationError
from desktop.models.orders import (
    LineRow,
    OrderRow,
    check_version,
    load_order,
    audit_snapshot,
    get_order,
    order_number,
)
from desktop.models.orm import Order, OrderLine, Participant


@dataclass(frozen=True)
class CoFulfilmentPlan:
    order: OrderRow
    line: LineRow
    open_shortfall: int
    helpers: tuple[capacity.Helper, ...]

    @property
    def proposed_total(self) -> int:
        return sum(helper.proposed for helper in self.helpers)


def _line(order: OrderRow, position: int | None) -> LineRow:
    """The given line, or the first with a shortfall still open."""
    for line in order.lines:
        if (position is None and line.open_shortfall > 0) or line.position == position:
            return line
    raise DomainError(_("Pesanan {number} tidak punya kekurangan yang perlu dibagi.").format(number=order.number))


def plan(session: Session, order_id: int, position: int | None = None) -> CoFulfilmentPlan:
    """Helpers for a line's open shortfall: present IKM, same category, spare capacity, largest first."""
    order = get_order(session, order_id)
    if order.is_cancelled:
        raise DomainError(_("Pesanan {number} sudah dibatalkan.").format(number=order.number))
    if order.parent_order_id is not None:
        raise DomainError(
            _("Pesanan {number} sendiri sudah bagian dari pesanan {parent}; bagi kekurangan dari pesanan induknya.").format(
                number=order.number, parent=order_number(order.parent_order_id)
            )
        )
    line = _line(order, position)
    if line.stored_unit != Unit.PAIR.value or line.category_id is None:
        raise DomainError(_("Pembagian ke IKM lain hanya untuk barang yang dihitung per pasang."))
    excluded = {order.seller_id, order.buyer_id}
    helpers = capacity.suggest_helpers(session, line.category_id, line.delivery_date, line.open_shortfall, excluded)
    return CoFulfilmentPlan(order, line, line.open_shortfall, tuple(helpers))


def create_linked_orders(
    session: Session,
    order_id: int,
    position: int,
    allocations: list[tuple[int, int]],
    actor: Actor,
    *,
    expected_version: int | None = None,
) -> list[OrderRow]:
    """One linked order per (maker id, pairs); all or nothing."""
    parent = load_order(session, order_id)
    check_version(parent, expected_version)
    current = plan(session, order_id, position)
    if any(pairs < 0 for _maker, pairs in allocations):
        raise ValidationError(_("Jumlah pasang tidak boleh negatif."), field="allocations")
    wanted = [(maker, pairs) for maker, pairs in allocations if pairs > 0]
    if not wanted:
        raise ValidationError(_("Isi jumlah pasang untuk paling sedikit satu IKM."), field="allocations")
    if len({maker for maker, _pairs in wanted}) != len(wanted):
        raise ValidationError(_("Satu IKM hanya boleh muncul sekali dalam pembagian."), field="allocations")
    total = sum(pairs for _maker, pairs in wanted)
    if total > current.open_shortfall:
        raise ValidationError(
            _("Pembagian {total} pasang melebihi kekurangan yang masih terbuka ({open} pasang).").format(
                total=formatting.number(total), open=formatting.number(current.open_shortfall)
            ),
            field="allocations",
        )
    event_date = capacity.event_day(session)
    loads = capacity.committed_load(session, [maker for maker, _pairs in wanted])
    line = current.line
    created: list[OrderRow] = []
    for maker_id, pairs in wanted:
        maker = session.get(Participant, maker_id)
        if maker is None:
            raise NotFoundError(_("Peserta tidak ditemukan (mungkin sudah dihapus)."))
        if maker.id in (parent.seller_id, parent.buyer_id) or maker.kind != ParticipantKind.IKM.value:
            raise ValidationError(_("{name} tidak dapat menjadi pembuat pengganti untuk pesanan ini.").format(
                name=maker.business_name))
        spare = 0
        if maker.monthly_capacity:
            spare, _due = capacity.available_pairs(maker.monthly_capacity, event_date, line.delivery_date, loads[maker.id])
        if pairs > spare:
            raise ValidationError(
                _("{name} hanya masih sanggup {spare} pasang sampai tanggal kirim.").format(
                    name=maker.business_name, spare=formatting.number(spare)
                ),
                field="allocations",
            )
        child = Order(
            buyer_id=parent.buyer_id,
            seller_id=maker.id,
            meeting_id=None,
            parent_order_id=parent.id,
            status=parent.status,
            payment_terms=parent.payment_terms,
            note=_("Bagian dari pesanan {number} (kekurangan {seller}).").format(
                number=order_number(parent.id), seller=current.order.seller_name
            ),
            created_by=actor.name,
        )
        child.lines = [
            OrderLine(
                position=line.position,  # links the child line to the parent line it helps fill
                category_id=line.category_id,
                description=line.description,
                unit_entered=Unit.PAIR.value,
                quantity_entered=pairs,
                requested_quantity=pairs,
                committed_quantity=pairs,
                unit_price=line.unit_price,
                delivery_date=line.delivery_date,
            )
        ]
        session.add(child)
        session.flush()
        row = get_order(session, child.id)
        audit.record(session, actor, "order.cofulfil", "trade_order", child.id, after=audit_snapshot(row))
        created.append(row)
    return created
