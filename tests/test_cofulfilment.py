"""The 2020 case: 40,000 pairs asked, the maker can make 20,000; two present makers fill the rest."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.models import orders
from desktop.models.orders import capacity
from desktop.models.orders import cofulfilment
from desktop.models.people import participants
from desktop.models.reporting import tallies
from desktop.models.errors import DomainError, ValidationError
from desktop.models.orders import LineData, OrderData
from tests.order_helpers import category_id, maker

DELIVERY = dt.date(2020, 7, 4)  # 120 days after the event: four months of capacity


@pytest.fixture
def case(demo_db, admin):  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        buyer = participants.list_participants(session, kind="buyer")[0]
        main = maker(session, admin, "CV. Pembuat Utama", 5000)  # 20,000 by the delivery date
        big = maker(session, admin, "UD. Pembantu Besar", 3000)  # 12,000
        small = maker(session, admin, "UD. Pembantu Kecil", 2500)  # 10,000
        maker(session, admin, "CV. Tidak Hadir", 9000, present=False)
        maker(session, admin, "UD. Sandal Saja", 9000, codes=("sandal",))
        shoes = category_id(session, "sepatu_wanita")
        data = OrderData(buyer_id=buyer.id, seller_id=main.id, status="confirmed", lines=[
            LineData(category_id=shoes, quantity=40_000, unit_price=85_000, delivery_date=DELIVERY,
                     description="Sepatu wanita, model pantofel")
        ])
        check = orders.preview(session, data).checks[0]
        data.lines[0].committed = check.fulfillable
        parent = orders.create_order(session, data, admin).order
    return {"buyer": buyer, "main": main, "big": big, "small": small, "parent": parent, "check": check}


def test_capacity_shows_requested_vs_fulfillable(case) -> None:  # type: ignore[no-untyped-def]
    check = case["check"]
    assert (check.requested, check.capacity_by_date, check.fulfillable, check.shortfall) == (40_000, 20_000, 20_000, 20_000)
    line = case["parent"].lines[0]
    assert (line.requested, line.committed, line.open_shortfall) == (40_000, 20_000, 20_000)


def test_suggests_present_makers_largest_spare_first(demo_db, case) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        plan = cofulfilment.plan(session, case["parent"].id)
    assert plan.open_shortfall == 20_000
    named = [(h.business_name, h.spare, h.proposed) for h in plan.helpers]
    # Demo IKM are not checked in, the absent maker and the sandal maker are left out.
    assert named == [("UD. Pembantu Besar", 12_000, 12_000), ("UD. Pembantu Kecil", 10_000, 8_000)]
    assert plan.proposed_total == 20_000


def test_linked_orders_fill_the_gap_and_tallies_show_both_views(demo_db, admin, case) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        before = tallies.order_tally(session)
    assert (before.requested_pairs, before.committed_pairs, before.unfulfilled_pairs) == (40_000, 20_000, 20_000)
    parent = case["parent"]
    with demo_db.read() as session:
        plan = cofulfilment.plan(session, parent.id)
    with demo_db.transaction() as session:
        children = cofulfilment.create_linked_orders(
            session, parent.id, 1, [(h.participant_id, h.proposed) for h in plan.helpers], admin,
            expected_version=parent.version,
        )
    assert [(c.seller_name, c.lines[0].committed, c.parent_order_id, c.status) for c in children] == [
        ("UD. Pembantu Besar", 12_000, parent.id, "confirmed"), ("UD. Pembantu Kecil", 8_000, parent.id, "confirmed")]
    assert all(c.buyer_id == parent.buyer_id and c.lines[0].unit_price == 85_000 for c in children)
    with demo_db.read() as session:
        tally = tallies.order_tally(session)
        updated = orders.get_order(session, parent.id)
    assert (tally.requested_pairs, tally.committed_pairs, tally.unfulfilled_pairs) == (40_000, 40_000, 0)
    assert tally.value_rupiah == 40_000 * 85_000
    buyer_row = next(r for r in tally.by_buyer if r.key == case["buyer"].id)
    assert (buyer_row.orders, buyer_row.requested_pairs, buyer_row.committed_pairs) == (3, 40_000, 40_000)
    assert {r.name: r.committed_pairs for r in tally.by_ikm} == {
        "CV. Pembuat Utama": 20_000, "UD. Pembantu Besar": 12_000, "UD. Pembantu Kecil": 8_000}
    assert updated.open_shortfall_pairs == 0 and updated.linked_order_ids == tuple(c.id for c in children)
    with pytest.raises(DomainError), demo_db.read() as session:
        cofulfilment.plan(session, parent.id)  # nothing left to split

    # One maker drops out: its share is unfulfilled again, and can be split anew.
    with demo_db.transaction() as session:
        orders.cancel_order(session, children[1].id, "Kapasitas dipakai pesanan lain", admin)
    with demo_db.read() as session:
        tally = tallies.order_tally(session)
        plan = cofulfilment.plan(session, parent.id)
    assert tally.unfulfilled_pairs == 8_000 and plan.open_shortfall == 8_000
    # The big helper has no spare left; the small one has all of its 10,000 again.
    assert [(h.business_name, h.spare, h.proposed) for h in plan.helpers] == [("UD. Pembantu Kecil", 10_000, 8_000)]


def test_bad_splits_are_refused_whole(demo_db, admin, case) -> None:  # type: ignore[no-untyped-def]
    parent, big, small = case["parent"], case["big"], case["small"]
    for allocations, words in [
        ([(big.id, 12_000), (small.id, 9_000)], "melebihi kekurangan"),
        ([(small.id, 10_001)], "hanya masih sanggup"),
        ([(case["main"].id, 100)], "tidak dapat menjadi"),
        ([(big.id, 0)], "paling sedikit satu"),
        ([(big.id, -5)], "negatif"),
        ([(big.id, 5), (big.id, 5)], "sekali"),
    ]:
        with pytest.raises(ValidationError) as info, demo_db.transaction() as session:
            cofulfilment.create_linked_orders(session, parent.id, 1, allocations, admin)
        assert words in info.value.message
    with demo_db.read() as session:
        assert orders.get_order(session, parent.id).linked_order_ids == ()


def test_cancelling_the_buyers_order_cancels_its_linked_orders(demo_db, admin, case) -> None:  # type: ignore[no-untyped-def]
    parent = case["parent"]
    with demo_db.transaction() as session:
        child = cofulfilment.create_linked_orders(session, parent.id, 1, [(case["big"].id, 5_000)], admin)[0]
    with demo_db.transaction() as session:
        result = orders.cancel_order(session, parent.id, "Pembeli batal", admin)
    assert result.also_cancelled == (child.id,)
    with demo_db.read() as session:
        cancelled_child = orders.get_order(session, child.id)
        assert tallies.order_tally(session).orders == 0
    assert cancelled_child.is_cancelled and parent.number in cancelled_child.cancel_reason


def test_capacity_line_of_a_maker_just_given_a_split_adds_up(demo_db, admin, case) -> None:  # type: ignore[no-untyped-def]
    """A helper given its whole four months by a split has nothing left this month either, and the
    sentence says so with the figures that limit it (not "capacity 3.000, committed 0")."""
    big = case["big"]
    with demo_db.transaction() as session:
        cofulfilment.create_linked_orders(session, case["parent"].id, 1, [(big.id, 12_000)], admin)
    data = OrderData(buyer_id=case["buyer"].id, seller_id=big.id, lines=[
        LineData(category_id=case["parent"].lines[0].category_id, quantity=500, unit_price=85_000)])
    with demo_db.read() as session:
        check = orders.preview(session, data).checks[0]
    assert (check.fulfillable, check.shortfall) == (0, 500)
    assert check.limited_later and check.limit_date == DELIVERY
    assert (check.limit_capacity, check.limit_committed) == (12_000, 12_000)
    assert check.limit_capacity - check.limit_committed == check.available
    sentence = capacity.describe_check(check)
    assert capacity.describe_check(check, emphasis=lambda f: f"<b>{f}</b>").startswith("Sanggup <b>0</b> dari")
    assert "Sanggup 0 dari 500 pasang" in sentence and "12.000" in sentence and "4 Jul 2020" in sentence


def test_capacity_line_for_own_date_names_that_date(demo_db, admin, case) -> None:  # type: ignore[no-untyped-def]
    small = case["small"]  # 2,500 a month, nothing committed
    data = OrderData(buyer_id=case["buyer"].id, seller_id=small.id, lines=[
        LineData(category_id=case["parent"].lines[0].category_id, quantity=3_000, unit_price=85_000,
                 delivery_date=DELIVERY)])
    with demo_db.read() as session:
        check = orders.preview(session, data).checks[0]
    assert not check.limited_later
    assert (check.limit_capacity, check.limit_committed, check.fulfillable) == (10_000, 0, 3_000)
    assert capacity.describe_check(check).startswith("Sanggup sampai 4 Jul 2020: 3.000 dari 3.000")
