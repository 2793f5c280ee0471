"""The orders service: validation, create / edit / cancel, duplicates, meetings, capacity."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop.models import orders
from desktop.models.orders import capacity
from desktop.models.people import participants
from desktop.models.errors import ConflictError, DomainError, ValidationError
from desktop.models.orders import LineData, OrderData
from desktop.models.orm import AuditLog, Meeting, MeetingRequest, MeetingTable, Order, TimeSlot
from tests.order_helpers import category_id, maker

EVENT = dt.date(2020, 3, 6)


@pytest.fixture
def parties(demo_db, admin):  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        buyer = participants.list_participants(session, kind="buyer")[0]
        supplier = participants.list_participants(session, kind="supplier")[0]
        seller = maker(session, admin, "CV. Sepatu Lima Ribu", 5000)
        shoes = category_id(session, "sepatu_wanita")
        leather = category_id(session, "kulit_sapi")
    return {"buyer": buyer, "seller": seller, "supplier": supplier, "shoes": shoes, "leather": leather}


def shoe_order(p, quantity=100, unit="pasang", price=85000, delivery=dt.date(2020, 4, 30), **kw) -> OrderData:  # type: ignore[no-untyped-def]
    line = LineData(category_id=p["shoes"], quantity=quantity, unit=unit, unit_price=price,
                    description="Pantofel wanita 36–40, hitam", delivery_date=delivery, committed=kw.pop("committed", None))
    return OrderData(buyer_id=p["buyer"].id, seller_id=p["seller"].id, lines=[line], **kw)


def test_create_converts_units_and_keeps_rupiah_whole(demo_db, admin, parties) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        saved = orders.create_order(session, shoe_order(parties, 250, "kodi", status="confirmed",
                                                        payment_terms="  DP 30 %,  sisa saat kirim "), admin)
    row = saved.order
    assert row.number == f"#{row.id:04d}"
    line = row.lines[0]
    assert (line.quantity_entered, line.unit_entered, line.requested, line.stored_unit) == (250, "kodi", 5000, "pasang")
    assert line.committed == 5000 and row.value_rupiah == 5000 * 85000 and isinstance(row.value_rupiah, int)
    assert row.payment_terms == "DP 30 %, sisa saat kirim" and row.created_by == admin.name
    assert saved.warnings == ()  # the seller is checked in
    with demo_db.read() as session:
        entry = session.scalars(select(AuditLog).where(AuditLog.action == "order.create")).one()
        assert entry.entity_id == row.id and '"requested": 5000' in entry.after


def test_raw_material_in_sheets_is_priced_per_sheet(demo_db, admin, parties) -> None:  # type: ignore[no-untyped-def]
    data = OrderData(buyer_id=parties["seller"].id, seller_id=parties["supplier"].id, lines=[
        LineData(category_id=parties["leather"], quantity=40, unit="lembar", unit_price=650_000),
        LineData(category_id=parties["leather"], quantity=500, unit="kaki_persegi", unit_price=32_000),
    ])
    with demo_db.transaction() as session:
        row = orders.create_order(session, data, admin).order
    assert [(line.stored_unit, line.requested) for line in row.lines] == [("lembar", 40), ("kaki_persegi", 500)]
    assert row.requested_pairs == 0 and row.value_rupiah == 40 * 650_000 + 500 * 32_000


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (dict(quantity=0), "quantity", "lebih dari nol"),
        (dict(quantity=-5), "quantity", "lebih dari nol"),
        (dict(quantity=10**12), "quantity", "terlalu besar"),
        (dict(quantity=600_000, unit="kodi"), "quantity", "terlalu besar"),
        (dict(unit="lembar"), "unit", "lembar"),
        (dict(price=-1), "unit_price", "antara"),
        (dict(delivery=dt.date(2020, 3, 5)), "delivery_date", "sudah lewat"),
        (dict(committed=101), "committed", "melebihi"),
    ],
)
def test_bad_lines_are_refused_and_nothing_is_stored(demo_db, admin, parties, change, field, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info, demo_db.transaction() as session:
        orders.create_order(session, shoe_order(parties, **change), admin)
    assert info.value.field == field and words in info.value.message
    with demo_db.read() as session:
        assert session.scalars(select(Order)).all() == []


def test_buyer_ordering_from_itself_and_wrong_seller(demo_db, admin, parties) -> None:  # type: ignore[no-untyped-def]
    data = shoe_order(parties)
    data.buyer_id = data.seller_id
    with pytest.raises(ValidationError) as info, demo_db.read() as session:
        orders.create_order(session, data, admin)
    assert "dirinya sendiri" in info.value.problems["seller"]
    data = shoe_order(parties)
    data.seller_id = parties["buyer"].id
    data.buyer_id = parties["seller"].id
    with pytest.raises(ValidationError) as info, demo_db.read() as session:
        orders.create_order(session, data, admin)
    assert "IKM atau pemasok" in info.value.message
    with pytest.raises(ValidationError) as info, demo_db.read() as session:
        orders.create_order(session, OrderData(buyer_id=None, seller_id=None, lines=[]), admin)
    assert set(info.value.problems) == {"buyer", "seller", "lines"}


def test_seller_not_checked_in_is_allowed_with_a_warning(demo_db, admin, parties) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        absent = maker(session, admin, "UD. Belum Datang", 1000, present=False)
    data = shoe_order(parties)
    data.seller_id = absent.id
    with demo_db.read() as session:
        assert "belum check-in" in orders.preview(session, data).warnings[0]
    with demo_db.transaction() as session:
        saved = orders.create_order(session, data, admin)
    assert saved.order.id and "UD. Belum Datang belum check-in" in saved.warnings[0]


def test_duplicate_within_minutes_asks_then_allows(demo_db, admin, parties) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        first = orders.create_order(session, shoe_order(parties, 5, "kodi"), admin).order
    with pytest.raises(orders.DuplicateOrderError) as info, demo_db.transaction() as session:
        orders.create_order(session, shoe_order(parties, 100, "pasang"), admin)  # 5 kodi = 100 pairs
    assert info.value.duplicate_ids == [first.id] and first.number in info.value.message
    with demo_db.transaction() as session:
        orders.create_order(session, shoe_order(parties, 100), admin, allow_duplicate=True)
        orders.create_order(session, shoe_order(parties, 120), admin)  # another quantity: no question
    with demo_db.transaction() as session:
        for order in session.scalars(select(Order)):
            order.created_at -= dt.timedelta(minutes=10)
    with demo_db.transaction() as session:
        orders.create_order(session, shoe_order(parties, 100), admin)  # ten minutes later: no question


def test_edit_with_version_check_and_cancel_keeps_the_order(demo_db, admin, parties) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        row = orders.create_order(session, shoe_order(parties, status="confirmed"), admin).order
    data = row.to_data()
    data.lines[0].quantity = 150
    data.lines[0].committed = None
    with demo_db.transaction() as session:
        edited = orders.update_order(session, row.id, data, admin, expected_version=row.version).order
    assert edited.lines[0].requested == 150 and edited.version == row.version + 1
    with pytest.raises(ConflictError), demo_db.transaction() as session:
        orders.update_order(session, row.id, data, admin, expected_version=row.version)
    with pytest.raises(ValidationError) as info, demo_db.transaction() as session:
        orders.cancel_order(session, row.id, "   ", admin)
    assert "alasan" in info.value.message
    with demo_db.transaction() as session:
        cancelled = orders.cancel_order(session, row.id, "Pembeli membatalkan", admin).order
    assert cancelled.is_cancelled and cancelled.cancel_reason == "Pembeli membatalkan"
    with pytest.raises(DomainError) as info, demo_db.transaction() as session:
        orders.cancel_order(session, row.id, "lagi", admin)
    assert "sudah dibatalkan sebelumnya" in info.value.message and "Pembeli membatalkan" in info.value.message
    with pytest.raises(DomainError), demo_db.transaction() as session:
        orders.update_order(session, row.id, data, admin)
    with demo_db.read() as session:
        assert orders.get_order(session, row.id).lines[0].requested == 150  # kept, not deleted
        actions = [a.action for a in session.scalars(select(AuditLog).where(AuditLog.entity == "trade_order"))]
    assert actions == ["order.create", "order.update", "order.cancel"]


def _meeting(session, a_id: int, b_id: int, slot: int = 0) -> int:  # type: ignore[no-untyped-def]
    request = MeetingRequest(participant_a_id=a_id, participant_b_id=b_id, low_id=min(a_id, b_id), high_id=max(a_id, b_id))
    session.add(request)
    session.flush()
    meeting = Meeting(request_id=request.id, slot_id=session.scalars(select(TimeSlot.id).order_by(TimeSlot.ordinal)).all()[slot],
                      table_id=session.scalars(select(MeetingTable.id)).first())
    session.add(meeting)
    session.flush()
    return meeting.id


def test_meeting_gives_buyer_and_seller(demo_db, admin, parties) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        with_buyer = _meeting(session, parties["seller"].id, parties["buyer"].id)
        with_supplier = _meeting(session, parties["supplier"].id, parties["seller"].id, slot=1)
    with demo_db.read() as session:
        first = orders.meeting_parties(session, with_buyer)
        second = orders.meeting_parties(session, with_supplier)
    assert (first.buyer_id, first.seller_id) == (parties["buyer"].id, parties["seller"].id)
    # An IKM buys raw material from a supplier.
    assert (second.buyer_id, second.seller_id) == (parties["seller"].id, parties["supplier"].id)
    data = shoe_order(parties, meeting_id=with_buyer)
    with demo_db.transaction() as session:
        assert orders.create_order(session, data, admin).order.meeting_id == with_buyer


def test_capacity_rule_prorates_with_one_month_minimum() -> None:
    assert capacity.capacity_by(5000, EVENT, None) == 5000
    assert capacity.capacity_by(5000, EVENT, EVENT + dt.timedelta(days=7)) == 5000  # at least one month
    assert capacity.capacity_by(5000, EVENT, EVENT + dt.timedelta(days=45)) == 7500
    assert capacity.capacity_by(1000, EVENT, EVENT + dt.timedelta(days=31)) == 1033  # rounded down


def test_later_orders_limit_an_earlier_one() -> None:
    # 1000/month; 1500 already due in 60 days (capacity 2000 by then): only 500 more fits in month one.
    day30, day60 = EVENT + dt.timedelta(days=30), EVENT + dt.timedelta(days=60)
    assert capacity.available_pairs(1000, EVENT, day30, [(day60, 1500)]) == (500, 0)
    assert capacity.available_pairs(1000, EVENT, day60, [(day30, 800), (day60, 700)]) == (500, 1500)
    assert capacity.available_pairs(1000, EVENT, None, [(None, 1200)]) == (0, 1200)


def test_preview_counts_earlier_lines_of_the_same_order(demo_db, admin, parties) -> None:  # type: ignore[no-untyped-def]
    data = shoe_order(parties, 4000, delivery=None)
    data.lines.append(LineData(category_id=parties["shoes"], quantity=3000, delivery_date=None, unit_price=90000))
    with demo_db.read() as session:
        first, second = orders.preview(session, data).checks
    assert (first.fulfillable, first.shortfall) == (4000, 0)
    assert (second.capacity_by_date, second.already_committed, second.fulfillable, second.shortfall) == (5000, 4000, 1000, 2000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("30/4", dt.date(2020, 4, 30)),
        ("1/2", dt.date(2021, 2, 1)),  # before the event in 2020: next year
        ("30-4-2020", dt.date(2020, 4, 30)),
        ("30.04.20", dt.date(2020, 4, 30)),
        ("2020-4-30", dt.date(2020, 4, 30)),
        ("+30", dt.date(2020, 4, 5)),
        ("+ 45 hari", dt.date(2020, 4, 20)),
    ],
)
def test_delivery_dates_typed_quickly(text: str, expected: dt.date | None) -> None:
    assert orders.parse_delivery_date(text, EVENT) == expected


@pytest.mark.parametrize("text", ["31/2", "besok", "30/13/2020", "2020-02-30"])
def test_unreadable_delivery_dates(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        orders.parse_delivery_date(text, EVENT)
    assert info.value.field == "delivery_date" and text in info.value.message


def test_blank_commitment_takes_what_fits(demo_db, admin, parties) -> None:  # type: ignore[no-untyped-def]
    data = shoe_order(parties, 8000, delivery=None)
    data.lines.append(LineData(category_id=parties["leather"], quantity=10, unit="lembar", unit_price=1))
    with demo_db.read() as session:
        filled = orders.commit_what_fits(session, data)
    assert [line.committed for line in filled.lines] == [5000, None]  # leather: not a pairs capacity
    assert data.lines[0].committed is None  # the caller's data is left alone
