"""An order as typed, checked whole before anything is written: every problem at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from desktop import formatting
from desktop.i18n import _
from desktop.models.orders import capacity
from desktop.models.checkin import presence
from desktop.models.enums import OrderStatus, ParticipantKind, Unit, label
from desktop.models.errors import ValidationError
from desktop.models.orders.rows import LineData, OrderData
from desktop.models.orm import Meeting, Participant, ProductCategory
from desktop.models.orders.units import stored_unit, to_stored

MAX_QUANTITY = 10_000_000  # per line, in the stored unit: a whole month of the largest factory
MAX_UNIT_PRICE = 100_000_000  # Rupiah per pair/piece/sheet
SELLER_KINDS = (ParticipantKind.IKM.value, ParticipantKind.SUPPLIER.value)


@dataclass
class CleanOrder:
    data: OrderData
    lines: list[tuple[LineData, ProductCategory, int, str]] = field(default_factory=list)  # line, cat, qty, unit


def validate(session: Session, data: OrderData) -> CleanOrder:
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
    result = CleanOrder(cleaned)
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


def seller_warnings(session: Session, seller_id: int | None) -> list[str]:
    seller = session.get(Participant, seller_id) if seller_id else None
    if seller is not None and seller.id not in presence.present_ids(session):
        return [_("{name} belum check-in hari ini. Pesanan tetap dapat dicatat.").format(name=seller.business_name)]
    return []


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
