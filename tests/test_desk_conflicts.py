"""Two desks changing the same thing: the second gets a clear conflict, never a silent overwrite."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.models import orders
from desktop.models.checkin import checkin
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database
from desktop.models.errors import ConflictError
from desktop.models.orm import Meeting, Order
from tests.event_activity import add_order, ids_of_kind, schedule, slot_id

DESK_2 = Actor(name="Rina", role="desk", desk="Meja 2")


def _order(db: Database) -> int:
    with db.transaction() as session:
        buyer, seller = ids_of_kind(session, "buyer")[0], ids_of_kind(session, "ikm")[0]
        return add_order(session, buyer, seller).id


def test_second_desk_checking_the_same_badge_is_told_who_has_it(demo_db: Database, admin: Actor) -> None:
    with demo_db.transaction() as session:
        first = checkin.check_in(session, "IKM001", admin)
    with demo_db.transaction() as session:
        second = checkin.check_in(session, "IKM001", DESK_2)
    assert first.outcome is checkin.Outcome.CHECKED_IN
    assert second.outcome is checkin.Outcome.ALREADY
    assert (second.desk, second.operator_name, second.at) == (admin.desk, admin.name, first.at)


def test_editing_an_order_another_desk_just_saved_is_refused(demo_db: Database, admin: Actor) -> None:
    order_id = _order(demo_db)
    with demo_db.read() as session:
        seen = orders.get_order(session, order_id)  # both desks opened version 1
    with demo_db.transaction() as session:
        orders.cancel_order(session, order_id, "Pembeli batal", admin, expected_version=seen.version)
    with pytest.raises(ConflictError, match="baru saja diubah"), demo_db.transaction() as session:
        orders.cancel_order(session, order_id, "Salah ketik", DESK_2, expected_version=seen.version)
    with demo_db.read() as session:
        assert orders.get_order(session, order_id).cancel_reason == "Pembeli batal"


@pytest.mark.postgresql_only
def test_order_race_inside_two_open_transactions_is_a_conflict(demo_db: Database, admin: Actor) -> None:
    """Both desks pass the version check before either commits: the row version still decides."""
    order_id = _order(demo_db)
    with pytest.raises(ConflictError, match="meja lain"), demo_db.transaction() as desk_two:
        stale = desk_two.get(Order, order_id)
        assert stale is not None and stale.version == 1
        with demo_db.transaction() as desk_one:
            orders.cancel_order(desk_one, order_id, "Pembeli batal", admin, expected_version=1)
        orders.cancel_order(desk_two, order_id, "Salah ketik", DESK_2, expected_version=1)
    with demo_db.read() as session:
        assert orders.get_order(session, order_id).cancel_reason == "Pembeli batal"


@pytest.mark.postgresql_only
def test_moving_a_meeting_another_desk_just_moved_is_a_conflict(demo_db: Database) -> None:
    with demo_db.transaction() as session:
        meeting_id = schedule(session, 1, 1)[0].id
    with pytest.raises(ConflictError, match="meja lain"), demo_db.transaction() as desk_two:
        mine = desk_two.get(Meeting, meeting_id)
        assert mine is not None
        with demo_db.transaction() as desk_one:
            theirs = desk_one.get(Meeting, meeting_id)
            assert theirs is not None
            theirs.slot_id = slot_id(desk_one, 2)
        mine.slot_id = slot_id(desk_two, 3)
        desk_two.flush()
    with demo_db.read() as session:
        moved = session.get(Meeting, meeting_id)
        assert moved is not None and (moved.slot_id, moved.version) == (slot_id(session, 2), 2)


def test_two_meetings_into_one_free_cell_second_is_a_conflict(demo_db: Database) -> None:
    with demo_db.transaction() as session:
        first, second = schedule(session, 1, 2)
        target_slot, target_table = slot_id(session, 5), first.table_id
        ids = first.id, second.id
    with demo_db.transaction() as session:
        meeting = session.get(Meeting, ids[0])
        assert meeting is not None
        meeting.slot_id = target_slot
    with pytest.raises(ConflictError, match="baru saja diisi"), demo_db.transaction() as session:
        meeting = session.get(Meeting, ids[1])
        assert meeting is not None
        meeting.slot_id, meeting.table_id = target_slot, target_table
    with demo_db.read() as session:
        assert session.scalars(
            select(Meeting.id).where(Meeting.slot_id == target_slot, Meeting.table_id == target_table)
        ).all() == [ids[0]]
