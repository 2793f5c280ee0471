"""``demo --at``: the demo event as it stands at a time of the day, made through the desk's services."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.models.checkin import checkin
from desktop.models.reporting import tallies
from desktop.models.event.database import open_database
from desktop.models.event.demo_day import BIG_ORDER_PAIRS, BIG_ORDER_TARGET, parse_time_of_day, play_day
from desktop.models.errors import ValidationError
from desktop.models.orm import AuditLog, CheckInEvent, Meeting, Participant, TimeSlot


def test_day_at_eleven(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        summary = play_day(session, dt.time(11, 0))
    eleven = dt.datetime(2020, 3, 6, 11, 0)
    with demo_db.read() as session:
        times = session.scalars(select(CheckInEvent.at)).all()
        assert times and max(times) <= eleven and min(times) >= dt.datetime(2020, 3, 6, 7, 30)
        actions = session.scalars(select(CheckInEvent.action)).all()
        assert actions.count("undo") == 1
        assert {e.operator_name for e in session.scalars(select(CheckInEvent))} == {"Sari", "Budi"}
        walk_ins = session.scalar(select(func.count()).select_from(Participant).where(Participant.is_walk_in))
        assert walk_ins == summary.walk_ins == 3
        ikm_total = session.scalar(select(func.count()).select_from(Participant).where(Participant.kind == "ikm"))
        present = checkin.present_since(session)
        assert 0 < len(present) < ikm_total + 20  # some never came
        for meeting, slot in session.execute(select(Meeting, TimeSlot).join(TimeSlot, Meeting.slot_id == TimeSlot.id)):
            ended = dt.datetime.combine(dt.date(2020, 3, 6), slot.end) <= eleven
            assert (meeting.status in ("held", "no_show")) == ended
        tally = tallies.order_tally(session)
        assert session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "order.create")) >= 5
    assert summary.meetings_held > 0 and summary.meetings_no_show > 0
    # The 2020 story: 40,000 pairs asked, the makers present commit about half.
    assert tally.by_buyer[0].requested_pairs >= BIG_ORDER_PAIRS
    big = next(row for row in tally.by_buyer if row.requested_pairs >= BIG_ORDER_PAIRS)
    assert big.committed_pairs >= BIG_ORDER_TARGET * 0.9
    assert tally.unfulfilled_pairs >= BIG_ORDER_PAIRS - BIG_ORDER_TARGET


def test_day_before_anyone_came(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        summary = play_day(session, dt.time(7, 0))
    assert (summary.checked_in, summary.orders, summary.meetings_held) == (0, 0, 0)


def test_cli_demo_at(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(target), "--at", "11:00"]) == 0
    assert "sampai 11:00" in capsys.readouterr().out
    db = open_database(target)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(CheckInEvent)) > 50
    db.close()
    assert main(["demo", "--db", str(tmp_path / "x.sqlite"), "--at", "jam sebelas"]) == 1
    assert not (tmp_path / "x.sqlite").exists()


def test_time_parsing() -> None:
    assert parse_time_of_day(" 9:30 ") == dt.time(9, 30)
    for bad in ("", "11", "25:00", "aa:bb"):
        with pytest.raises(ValidationError):
            parse_time_of_day(bad)
