"""Orders agreed at the tables: validate, create, edit, cancel, list; plain rows out.

Quantities are stored in each line's stored unit (see :mod:`desktop.models.units`), money as
whole Rupiah. A confirmed order is never deleted: it is cancelled with a reason and stays in
the audit trail. Co-fulfilment (orders that take over part of a shortfall) lives in
:mod:`desktop.models.cofulfilment`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from desktop import formatting
from desktop.i18n import _
from desktop.models import audit, capacity, participants, presence
from desktop.models.actor import Actor
from desktop.models.base import now
from desktop.models.enums import OrderStatus, ParticipantKind, Unit, label
from desktop.models.errors import ConflictError, DomainError, NotFoundError, ValidationError
from desktop.models.orm import Meeting, MeetingRequest, Order, OrderLine, Participant, ProductCategory
from desktop.models.units import entry_units, is_pairs, stored_unit, to_stored

MAX_QUANTITY = 10_000_000  # per line, in the stored unit: a whole month of the largest factory
MAX_UNIT_PRICE = 100_000_000  # Rupiah per pair/piece/sheet
DUPLICATE_WINDOW = dt.timedelta(minutes=5)
SELLER_KINDS = (ParticipantKind.IKM.value, ParticipantKind.SUPPLIER.value)


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


@dataclass
class _Clean:
    data: OrderData
    lines: list[tuple[LineData, ProductCategory, int, str]] = field(default_factory=list)  # line, cat, qty, unit


# ---- validation ------------------------------------------------------------------------------
def _validate(session: Session, data: OrderData) -> _Clean:
    """Check everything and collect every problem; nothing is written here."""
    problems: dict[str, str] = {}
    cleaned = dataclasses.replace(
        data,
        payment_terms=re.sub(r"\s+", " ", (data.payment_terms or "").strip()),
        note=(data.note or "").strip(),
    )
    buyer = session.get(Participant, data.buyer_id) if data.buyer_id else None
    seller = session.get(Participant, data.seller_id) if data.seller_id else None
    if data.buyer_id is None:
        problems["buyer"] = _("Pilih pembeli.")
    elif buyer is None:
        problems["buyer"] = _("Pembeli tidak ditemukan (mungkin sudah dihapus).")
    if data.seller_id is None:
        problems["seller"] = _("Pilih penjual.")
    elif seller is None:
        problems["seller"] = _("Penjual tidak ditemukan (mungkin sudah dihapus).")
    elif seller.kind not in SELLER_KINDS:
        problems["seller"] = _("Penjual harus IKM atau pemasok; {name} adalah {kind}.").format(
            name=seller.business_name, kind=label(seller.kind, ParticipantKind)
        )
    if buyer is not None and seller is not None and buyer.id == seller.id:
        problems["seller"] = _("Pembeli dan penjual tidak boleh sama: {name} tidak dapat memesan dari dirinya sendiri.").format(
            name=buyer.business_name
        )
    if data.status not in {status.value for status in OrderStatus} or data.status == OrderStatus.CANCELLED.value:
        problems["status"] = _("Status pesanan tidak sah. Untuk membatalkan, pakai tombol Batalkan dengan alasan.")
    if len(cleaned.payment_terms) > 200:
        problems["payment_terms"] = _("Syarat bayar terlalu panjang (paling banyak 200 huruf).")
    if data.meeting_id is not None and session.get(Meeting, data.meeting_id) is None:
        problems["meeting"] = _("Pertemuan tidak ditemukan (mungkin sudah dihapus).")
    if not data.lines:
        problems["lines"] = _("Pesanan harus punya paling sedikit satu baris barang.")
    event_date = capacity.event_day(session)
    result = _Clean(cleaned)
    for position, line in enumerate(data.lines, start=1):
        prefix = _("Baris {n}: ").format(n=position) if len(data.lines) > 1 else ""
        checked = _check_line(session, line, event_date)
        if isinstance(checked, _LineProblem):
            problems.setdefault(checked.field, prefix + checked.message)
        else:
            result.lines.append(checked)
    if problems:
        raise ValidationError(next(iter(problems.values())), field=next(iter(problems)), problems=problems)
    return result


@dataclass(frozen=True)
class _LineProblem:
    field: str
    message: str


def _check_line(
    session: Session, line: LineData, event_date: dt.date
) -> _LineProblem | tuple[LineData, ProductCategory, int, str]:
    category = session.get(ProductCategory, line.category_id) if line.category_id else None
    if category is None:
        return _LineProblem("category", _("Pilih kategori produk."))
    description = re.sub(r"\s+", " ", (line.description or "").strip())
    if len(description) > 300:
        return _LineProblem("description", _("Keterangan barang terlalu panjang (paling banyak 300 huruf)."))
    if line.quantity <= 0:
        return _LineProblem("quantity", _("Jumlah harus lebih dari nol."))
    try:
        quantity = to_stored(line.quantity, line.unit, category.base_unit)
    except ValidationError as error:
        return _LineProblem("unit", error.message)
    unit = stored_unit(line.unit, category.base_unit)
    if quantity > MAX_QUANTITY:
        message = _("Jumlah {quantity} {unit} terlalu besar: paling banyak {max} per baris.").format(
            quantity=formatting.number(quantity), unit=label(unit, Unit), max=formatting.number(MAX_QUANTITY)
        )
        return _LineProblem("quantity", message)
    if not 0 <= line.unit_price <= MAX_UNIT_PRICE:
        message = _("Harga per {unit} harus antara Rp 0 dan {max}.").format(
            unit=label(unit, Unit), max=formatting.rupiah(MAX_UNIT_PRICE)
        )
        return _LineProblem("unit_price", message)
    if line.delivery_date is not None and line.delivery_date < event_date:
        message = _("Tanggal kirim {date} sudah lewat (sebelum hari event {event}).").format(
            date=formatting.short_date(line.delivery_date), event=formatting.short_date(event_date)
        )
        return _LineProblem("delivery_date", message)
    committed = quantity if line.committed is None else line.committed
    if committed < 0:
        return _LineProblem("committed", _("Jumlah yang disanggupi tidak boleh negatif."))
    if committed > quantity:
        message = _("Yang disanggupi ({committed}) tidak boleh melebihi yang diminta ({requested}).").format(
            committed=formatting.number(committed), requested=formatting.number(quantity)
        )
        return _LineProblem("committed", message)
    cleaned = dataclasses.replace(line, description=description, committed=committed)
    return cleaned, category, quantity, unit


def _warnings(session: Session, seller_id: int | None) -> list[str]:
    seller = session.get(Participant, seller_id) if seller_id else None
    if seller is not None and seller.id not in presence.present_ids(session):
        return [_("{name} belum check-in hari ini. Pesanan tetap dapat dicatat.").format(name=seller.business_name)]
    return []


# ---- reading ---------------------------------------------------------------------------------
def _rows(session: Session, orders: list[Order]) -> list[OrderRow]:
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


def _query():  # type: ignore[no-untyped-def]
    return select(Order).options(
        selectinload(Order.lines).selectinload(OrderLine.category),
        selectinload(Order.buyer),
        selectinload(Order.seller),
    )


def list_orders(session: Session) -> list[OrderRow]:
    return _rows(session, list(session.scalars(_query().order_by(Order.id))))


def get_order(session: Session, order_id: int) -> OrderRow:
    return _rows(session, [load_order(session, order_id)])[0]


def load_order(session: Session, order_id: int) -> Order:
    order = session.scalar(_query().where(Order.id == order_id))
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


# ---- checks before saving --------------------------------------------------------------------
def parse_delivery_date(text: str, event_date: dt.date) -> dt.date | None:
    """``30/4``, ``30-4-2020``, ``30.04.20``, ``2020-04-30`` or ``+30`` (days after the event); blank = none.

    A day and month without a year fall in the event's year, or the next one if that date
    would be before the event.
    """
    raw = (text or "").strip().lower()
    if not raw:
        return None
    try:
        relative = re.fullmatch(r"\+\s*(\d{1,4})(\s*(hari|h))?", raw)
        if relative:
            return event_date + dt.timedelta(days=int(relative[1]))
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", raw):
            return dt.date.fromisoformat("-".join(part.zfill(2) for part in raw.split("-")))
        parts = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?", raw)
        if parts:
            day, month = int(parts[1]), int(parts[2])
            if parts[3]:
                year = int(parts[3]) + (2000 if len(parts[3]) == 2 else 0)
                return dt.date(year, month, day)
            candidate = dt.date(event_date.year, month, day)
            return candidate if candidate >= event_date else dt.date(event_date.year + 1, month, day)
    except ValueError:
        pass
    raise ValidationError(
        _("Tanggal \"{text}\" tidak dapat dibaca. Tulis mis. 30/4/2020, 30/4 atau +30 (hari setelah event).").format(
            text=text.strip()
        ),
        field="delivery_date",
    )


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
    return OrderPreview(tuple(checks), tuple(_warnings(session, data.seller_id)))


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
    query = _query().where(
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


# ---- writing ---------------------------------------------------------------------------------
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


def _apply(order: Order, clean: _Clean) -> None:
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
    clean = _validate(session, data)
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
    return SavedOrder(row, tuple(_warnings(session, data.seller_id)))


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
    clean = _validate(session, data)
    _apply(order, clean)
    session.flush()
    row = get_order(session, order_id)
    audit.record(session, actor, "order.update", "trade_order", order_id, before=before, after=audit_snapshot(row))
    return SavedOrder(row, tuple(_warnings(session, data.seller_id)))


@dataclass(frozen=True)
class CancelResult:
    order: OrderRow
    also_cancelled: tuple[int, ...]  # linked co-fulfilment orders that went with it


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


__all__ = [
    "CancelResult",
    "DuplicateOrderError",
    "LineData",
    "LineRow",
    "MeetingParties",
    "OrderData",
    "OrderPreview",
    "OrderRow",
    "PartyOption",
    "SavedOrder",
    "cancel_order",
    "commit_what_fits",
    "create_order",
    "find_duplicates",
    "get_order",
    "list_orders",
    "list_parties",
    "meeting_parties",
    "parse_delivery_date",
    "preview",
    "update_order",
]
