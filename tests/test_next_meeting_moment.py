"""The desk's answer line and the arrival card count the day the same way, also on an event whose
date is not today (a rehearsal the evening before, the 2020 demo played years later)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from desktop.models.checkin import arrival
from desktop.models.checkin import checkin
from desktop.models.schedule.board import event_moment
from desktop.models.event.database import Database
from desktop.models.orm import Event, Meeting, MeetingRequest, Participant
from tests.played_day import _played_template, played_db  # noqa: F401


def _busy_person(db: Database) -> int:
    """Somebody with scheduled meetings (the played demo day has many)."""
    with db.read() as session:
        return session.scalars(
            select(Participant.id).join(MeetingRequest, MeetingRequest.participant_a_id == Participant.id)
            .join(Meeting, Meeting.request_id == MeetingRequest.id).order_by(Participant.id).limit(1)).one()


@pytest.mark.parametrize("days_from_event, clock", [
    (-1, dt.time(23, 30)),   # the evening before the event: nothing is over yet
    (-30, dt.time(10, 10)),  # a month before
    (0, dt.time(8, 0)),      # the event day, before the first slot
    (0, dt.time(10, 10)),    # the event day, during the meetings
    (400, dt.time(10, 10)),  # an old event opened again: the time of day on the event date
    (400, dt.time(23, 30)),  # … late in the evening: the day is over
])
def test_answer_line_and_arrival_card_agree(played_db: Database, days_from_event: int, clock: dt.time) -> None:
    person = _busy_person(played_db)
    with played_db.read() as session:
        event_date = session.scalar(select(Event.event_date))
    at = dt.datetime.combine(event_date + dt.timedelta(days=days_from_event), clock)
    with played_db.read() as session:
        line = checkin.next_meeting(session, person, at)
        plan = arrival.arrival_plan(session, person, event_moment(event_date, at))
    if plan.remaining:  # the card lists meetings still to come: the line names one, never "none"
        assert line is not None
        assert line.start <= plan.remaining[0].start  # the running one, or the card's first
    if days_from_event < 0:
        assert line is not None and line.is_first and plan.remaining  # before the day: all still to come


def test_the_evening_before_a_moved_event_the_first_meeting_is_named(played_db: Database) -> None:
    """The case that was seen: the event's date is tomorrow and the desk rehearses tonight."""
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with played_db.transaction() as session:
        session.execute(update(Event).values(event_date=tomorrow))
    person = _busy_person(played_db)
    with played_db.read() as session:
        line = checkin.next_meeting(session, person, dt.datetime.combine(dt.date.today(), dt.time(23, 50)))
    assert line is not None and line.is_first
