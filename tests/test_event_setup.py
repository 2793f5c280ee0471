import datetime as dt

import pytest

from desktop.models.event import event_setup
from desktop.models.errors import DomainError, ValidationError
from desktop.models.event.event_setup import Break, SlotPlan, generate_slots


def test_demo_day_slots_skip_lunch() -> None:
    slots = generate_slots(SlotPlan(dt.time(9), dt.time(15), 20, [Break(dt.time(12), dt.time(13))]))
    assert len(slots) == 15
    assert slots[0] == (dt.time(9, 0), dt.time(9, 20), "pagi")
    assert slots[8] == (dt.time(11, 40), dt.time(12, 0), "pagi")
    assert slots[9] == (dt.time(13, 0), dt.time(13, 20), "siang")
    assert slots[-1][1] == dt.time(15, 0)


def test_a_slot_never_overlaps_a_break() -> None:
    slots = generate_slots(SlotPlan(dt.time(9), dt.time(12), 25, [Break(dt.time(10), dt.time(10, 30))]))
    for start, end, _session in slots:
        assert end <= dt.time(10) or start >= dt.time(10, 30)


@pytest.mark.parametrize(
    "plan",
    [
        SlotPlan(dt.time(12), dt.time(9), 20),
        SlotPlan(dt.time(9), dt.time(9, 10), 20),
        SlotPlan(dt.time(9), dt.time(12), 2),
        SlotPlan(dt.time(9), dt.time(12), 20, [Break(dt.time(11), dt.time(10))]),
    ],
)
def test_impossible_plans_are_refused(plan: SlotPlan) -> None:
    with pytest.raises(ValidationError):
        generate_slots(plan)


def test_table_count_grows_and_shrinks(empty_db, admin) -> None:  # type: ignore[no-untyped-def]
    with empty_db.transaction() as session:
        tables = event_setup.set_table_count(session, 5, admin)
        assert [t.label for t in tables] == [f"Meja {n}" for n in range(1, 6)]
        assert len(event_setup.set_table_count(session, 3, admin)) == 3
    with pytest.raises(ValidationError), empty_db.transaction() as session:
        event_setup.set_table_count(session, 0, admin)


def test_slots_cannot_be_replaced_once_meetings_exist(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.orm import Meeting, MeetingRequest, MeetingTable, TimeSlot

    with demo_db.transaction() as session:
        request = session.query(MeetingRequest).first()
        slot = session.query(TimeSlot).first()
        table = session.query(MeetingTable).first()
        session.add(Meeting(request_id=request.id, slot_id=slot.id, table_id=table.id))
    with pytest.raises(DomainError), demo_db.transaction() as session:
        event_setup.replace_slots(session, [(dt.time(9), dt.time(10), "pagi")], admin)
    with demo_db.read() as session:
        assert len(event_setup.list_slots(session)) == 15


def test_plan_from_slots_regenerates_the_same_day() -> None:
    plan = SlotPlan(dt.time(8, 30), dt.time(16), 30, [Break(dt.time(12), dt.time(13, 30))])
    slots = generate_slots(plan)
    rows = [event_setup.SlotRow(i, i, start, end, session) for i, (start, end, session) in enumerate(slots, 1)]
    again = event_setup.plan_from_slots(rows)
    assert generate_slots(again) == slots
