import datetime as dt

from desktop.models.people import participants
from desktop.models.checkin import presence
from desktop.models.reporting import tallies
from desktop.models.orm import CheckInEvent, Order, OrderLine, ProductCategory


def test_latest_event_decides_presence(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        a, b = participants.list_participants(session, kind="ikm")[:2]
        t = dt.datetime(2020, 3, 6, 8, 42)
        session.add_all([
            CheckInEvent(participant_id=a.id, action="check_in", at=t, nonce="1", operator_name="Sari", desk="Meja 1"),
            CheckInEvent(participant_id=b.id, action="check_in", at=t, nonce="2"),
            CheckInEvent(participant_id=b.id, action="undo", at=t + dt.timedelta(minutes=1), nonce="3"),
        ])
    with demo_db.read() as session:
        state = presence.presence_map(session)
        assert presence.present_ids(session) == {a.id}
    assert state[a.id].operator_name == "Sari" and state[a.id].first_check_in_at == t
    assert not state[b.id].present and state[b.id].first_check_in_at is None  # undone: no time stands


def test_the_check_in_that_stands_is_the_first_after_the_last_undo(demo_db) -> None:  # type: ignore[no-untyped-def]
    """08:20 undone as a mistake, 09:01 again (and a second scan at 09:30): 09:01 counts everywhere."""
    from desktop.models.checkin import checkin
    from desktop.models.reporting import figures
    from desktop.models.reporting import report_data

    day = dt.date(2020, 3, 6)
    times = [dt.datetime.combine(day, dt.time(h, m)) for h, m in ((8, 20), (8, 25), (9, 1), (9, 30))]
    with demo_db.transaction() as session:
        person = participants.list_participants(session, kind="ikm")[0]
        session.add_all([
            CheckInEvent(participant_id=person.id, action=action, at=at, nonce=str(i))
            for i, (action, at) in enumerate(zip(("check_in", "undo", "check_in", "check_in"), times))
        ])
    with demo_db.read() as session:
        assert presence.standing_check_ins(session)[person.id] == times[2]
        assert presence.presence_map(session)[person.id].first_check_in_at == times[2]
        assert checkin.present_since(session)[person.id] == times[2]
        assert checkin.status(session, person.id).at == times[2]
        row = next(r for r in report_data.attendance_data(session).rows if r.person.code == person.code)
        assert row.checked_in_at == times[2]
        arrivals = figures.event_figures(session, times[3]).arrivals
        assert [(step.at, step.arrived) for step in arrivals] == [(dt.time(9, 1), 1)]
    from tests.conftest import ADMIN

    with demo_db.transaction() as session:  # a further scan: "already checked in at 09:01"
        again = checkin.check_in(session, person.id, ADMIN)
    assert again.outcome is checkin.Outcome.ALREADY and again.at == times[2]


def test_tally_counts_the_40000_vs_20000_case(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        buyer = participants.list_participants(session, kind="buyer")[0]
        maker, helper, _x = participants.list_participants(session, kind="ikm")[:3]
        shoes = session.query(ProductCategory).filter_by(code="sepatu_wanita").one()
        parent = Order(buyer_id=buyer.id, seller_id=maker.id, status="confirmed")
        parent.lines = [OrderLine(category_id=shoes.id, unit_entered="pasang", quantity_entered=40000,
                                  requested_quantity=40000, committed_quantity=20000, unit_price=85000)]
        session.add(parent)
        session.flush()
        child = Order(buyer_id=buyer.id, seller_id=helper.id, status="confirmed", parent_order_id=parent.id)
        child.lines = [OrderLine(category_id=shoes.id, unit_entered="kodi", quantity_entered=250,
                                 requested_quantity=5000, committed_quantity=5000, unit_price=85000)]
        cancelled = Order(buyer_id=buyer.id, seller_id=maker.id, status="cancelled")
        cancelled.lines = [OrderLine(category_id=shoes.id, quantity_entered=1, requested_quantity=1,
                                     committed_quantity=1, unit_price=1)]
        session.add_all([child, cancelled])
    with demo_db.read() as session:
        tally = tallies.order_tally(session)
    assert (tally.orders, tally.confirmed_orders, tally.transacting_ikm) == (2, 2, 2)
    assert tally.requested_pairs == 40000
    assert tally.committed_pairs == 25000
    assert tally.unfulfilled_pairs == 15000
    assert tally.value_rupiah == 25000 * 85000
    assert tally.by_buyer[0].requested_pairs == 40000 and tally.by_buyer[0].orders == 2
    assert [row.committed_pairs for row in tally.by_ikm] == [20000, 5000]
    # The helper took over 5,000 of the demand: the makers' rows add up to the buyer's 40,000.
    assert [row.requested_pairs for row in tally.by_ikm] == [35000, 5000]
    assert [row.unfulfilled_pairs for row in tally.by_ikm] == [15000, 0]
    assert tally.by_category[0].name == "Sepatu wanita"
