"""The event figures: one domain function for the Dasbor and the event report."""

from __future__ import annotations

import datetime as dt

from desktop.models.checkin import presence
from desktop.models.reporting import tallies
from desktop.models.reporting.figures import MeetingCounts, change_stamp, event_figures
from desktop.models.orm import Meeting, Participant
from tests.event_activity import add_order, at, check_in, ids_of_kind, schedule


def test_attendance_follows_the_latest_check_in_event(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        ikm = ids_of_kind(session, "ikm")
        buyer = ids_of_kind(session, "buyer")[0]
        check_in(session, ikm[0], at(8, 30, 5))
        check_in(session, ikm[1], at(8, 30, 40))
        check_in(session, ikm[2], at(8, 47))
        check_in(session, buyer, at(9, 2))
        check_in(session, ikm[2], at(9, 5), action="undo")
        check_in(session, ikm[0], at(9, 10))  # a second scan: not a second arrival
    with demo_db.read() as session:
        figures = event_figures(session, at(9, 30))
        assert figures.present == len(presence.present_ids(session)) == 3
    # ikm[2]'s check-in was undone as a mistake: only check-ins that stand are arrivals.
    assert (figures.expected, figures.arrived) == (87, 3)
    kinds = {row.kind: (row.present, row.expected) for row in figures.by_kind}
    assert kinds["ikm"] == (2, 70) and kinds["buyer"] == (1, 7) and kinds["bank"] == (0, 3)
    assert [(step.at, step.arrived) for step in figures.arrivals] == [
        (dt.time(8, 30), 2), (dt.time(9, 2), 3)
    ]


def test_current_next_and_focus_slot_follow_the_clock(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        morning = event_figures(session, at(10, 25))
        lunch = event_figures(session, at(12, 30))
        early = event_figures(session, at(7, 0))
        late = event_figures(session, at(16, 0))
        other_day = event_figures(session, dt.datetime(2026, 11, 27, 10, 25))
    assert morning.is_event_day and morning.current_slot.ordinal == 5 and morning.next_slot.ordinal == 6
    assert morning.focus_slot == morning.current_slot
    assert lunch.current_slot is None and lunch.next_slot.ordinal == 10 and lunch.focus_slot.ordinal == 10
    assert early.focus_slot.ordinal == 1
    assert late.current_slot is None and late.next_slot is None and late.focus_slot is None
    assert not other_day.is_event_day and other_day.moment == at(10, 25)
    assert other_day.current_slot == morning.current_slot


def test_meetings_are_counted_per_slot_and_for_the_day(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        schedule(session, 4, 3, status="held")
        schedule(session, 4, 1, status="no_show")
        schedule(session, 4, 1, status="cancelled")
        schedule(session, 5, 4)
        held_now = schedule(session, 5, 2, status="held")
    with demo_db.read() as session:
        figures = event_figures(session, at(10, 25))
    assert figures.meetings_in(figures.slots[3].slot) == MeetingCounts(planned=4, held=3, no_show=1, open=0, cancelled=1)
    assert figures.current_meetings == MeetingCounts(planned=6, held=2, no_show=0, open=4, cancelled=0)
    assert figures.day_meetings == MeetingCounts(planned=10, held=5, no_show=1, open=4, cancelled=1)
    assert len(held_now) == 2 and figures.slots[0].counts == MeetingCounts()


def test_tables_with_a_missing_host_or_visitor_in_the_slot_in_focus(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        both, host_only, nobody = schedule(session, 5, 3)
        schedule(session, 5, 1, status="held")  # already marked: not an alert
        schedule(session, 6, 2)  # another slot: not in focus
        requests = {m.id: (m.request.participant_a_id, m.request.participant_b_id) for m in (both, host_only, nobody)}
        for pid in (*requests[both.id], requests[host_only.id][0]):
            check_in(session, pid, at(9, 0))
        table_numbers = [m.table.number for m in (host_only, nobody)]
    with demo_db.read() as session:
        figures = event_figures(session, at(10, 30))
    alerts = figures.table_alerts
    assert [alert.table_number for alert in alerts] == table_numbers
    assert alerts[0].host.present and not alerts[0].visitor.present
    assert alerts[0].host.participant_id == requests[host_only.id][0]
    assert alerts[0].visitor.code.startswith("IKM")
    assert not alerts[1].host.present and not alerts[1].visitor.present


def test_order_figures_are_the_shared_tally(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        buyers = ids_of_kind(session, "buyer")
        ikm = ids_of_kind(session, "ikm")
        for index in range(12):
            add_order(session, buyers[index % len(buyers)], ikm[index], requested=1000, committed=600 + index,
                      price=50_000 + 1000 * index, category=("sandal", "sepatu_pria")[index % 2])
        add_order(session, buyers[0], ikm[20], status="cancelled", requested=9999, committed=9999)
        add_order(session, buyers[1], ikm[21], status="loi", requested=40, committed=0)
    with demo_db.read() as session:
        figures = event_figures(session, at(11, 0), top=5)
        tally = tallies.order_tally(session)
    orders = figures.orders
    assert (orders.orders, orders.confirmed_orders) == (13, 12)
    assert orders.committed_pairs == tally.committed_pairs == sum(600 + i for i in range(12))
    assert orders.requested_pairs == 12_040 and orders.unfulfilled_pairs == tally.unfulfilled_pairs
    assert orders.value_rupiah == tally.value_rupiah
    assert len(orders.top_buyers) == 5 and orders.top_buyers[0].name == tally.by_buyer[0].name
    assert [row.name for row in orders.top_categories] == ["Sepatu pria", "Sandal", "Sepatu wanita"]


def test_change_stamp_moves_the_part_that_changed(demo_db) -> None:  # type: ignore[no-untyped-def]
    def stamp():  # type: ignore[no-untyped-def]
        with demo_db.read() as session:
            return change_stamp(session)

    def moved(before, after) -> set[str]:  # type: ignore[no-untyped-def]
        return {part for part in ("attendance", "meetings", "orders") if getattr(before, part) != getattr(after, part)}

    steps = []
    before = stamp()
    assert stamp() == before
    with demo_db.transaction() as session:
        check_in(session, ids_of_kind(session, "ikm")[0], at(9, 0))
    steps.append(moved(before, before := stamp()))
    with demo_db.transaction() as session:
        meeting = schedule(session, 1, 1)[0]
    steps.append(moved(before, before := stamp()))
    with demo_db.transaction() as session:
        session.get(Meeting, meeting.id).status = "held"
    steps.append(moved(before, before := stamp()))
    with demo_db.transaction() as session:
        order = add_order(session, ids_of_kind(session, "buyer")[0], ids_of_kind(session, "ikm")[1])
    steps.append(moved(before, before := stamp()))
    with demo_db.transaction() as session:
        session.get(type(order), order.id).status = "cancelled"
    steps.append(moved(before, before := stamp()))
    with demo_db.transaction() as session:
        session.get(Participant, ids_of_kind(session, "buyer")[0]).business_name = "PT Nama Baru"
    steps.append(moved(before, before := stamp()))
    assert steps == [{"attendance"}, {"meetings"}, {"meetings"}, {"orders"}, {"orders"}, {"attendance", "orders"}]


def test_order_figures_can_be_reused_when_orders_did_not_change(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        add_order(session, ids_of_kind(session, "buyer")[0], ids_of_kind(session, "ikm")[0])
    with demo_db.read() as session:
        first = event_figures(session, at(10, 0))
    with demo_db.transaction() as session:
        check_in(session, ids_of_kind(session, "ikm")[0], at(10, 1))
    with demo_db.read() as session:
        reused = event_figures(session, at(10, 2), orders=first.orders)
        fresh = event_figures(session, at(10, 2))
    assert reused == fresh and reused.present == 1 and reused.orders.orders == 1
