from __future__ import annotations

import dataclasses

from desktop.models.event.database import Database
from desktop.models.schedule.schedule_store import export_problem
from desktop.scheduling import Engine, FixedMeeting, Meeting, Participant, Request, check_schedule, solve
from desktop.scheduling.repair import repair
from tests.scheduling_helpers import slots, small_problem


def test_absent_people_free_seats_that_others_take() -> None:
    problem = dataclasses.replace(
        small_problem(),
        slots=slots(4),
        requests=(Request("r1", "B1", "M1", 1), Request("r2", "B1", "M2", 1), Request("r3", "B1", "M3", 1)),
    )
    before = (
        Meeting("r1", "B1", "M1", "s1", "t1"),  # past
        Meeting("r2", "B1", "M2", "s3", "t1"),  # M2 is absent
    )
    result = repair(problem, before, current_slot="s2", absent={"M2"})
    assert [m.request for m in result.cancelled] == ["r2"]
    assert [m.request for m in result.added] == ["r3"] and result.added[0].slot in {"s3", "s4"}
    assert not result.moved
    assert result.changed_participants == {"B1", "M2", "M3"}
    assert check_schedule(problem, result.meetings).ok


def test_past_running_and_locked_meetings_never_move() -> None:
    people = tuple(Participant(f"p{i}") for i in range(5))
    problem = dataclasses.replace(
        small_problem(),
        slots=slots(4),
        participants=people,
        requests=(Request("a", "p0", "p1"), Request("b", "p0", "p2"), Request("c", "p0", "p3"),
                  Request("d", "p1", "p2"), Request("w", "p0", "p4", 3)),
        fixed=(FixedMeeting("c", "s4", "t2"),),
    )
    before = (
        Meeting("a", "p0", "p1", "s1", "t2"),
        Meeting("b", "p0", "p2", "s2", "t2"),  # running
        Meeting("d", "p1", "p2", "s3", "t2"),
        Meeting("c", "p0", "p3", "s4", "t2"),  # locked
    )
    result = repair(problem, before, current_slot="s2", absent=set())
    kept = {m.request: m for m in result.meetings}
    for meeting in before:
        assert kept[meeting.request] == meeting
    assert [m.request for m in result.added] == ["w"] and result.added[0].slot == "s3"
    assert check_schedule(problem, result.meetings).ok


def test_walk_in_gets_a_free_seat() -> None:
    problem = small_problem()
    walk_in = Participant("W1", "Pendatang", "ikm")
    result = repair(problem, (Meeting("r1", "B1", "M1", "s1", "t1"),), None, set(), [walk_in],
                    [Request("w1", "W1", "B1", 2)])
    assert any(m.request == "w1" for m in result.added)


def test_demo_event_repair_is_valid(demo_db: Database) -> None:
    with demo_db.read() as session:
        problem = export_problem(session)
    schedule = solve(problem, engine=Engine.FAST).meetings
    absent = {m.b for m in schedule if m.slot == "s6"}  # everybody's partner in slot 6 stays away
    result = repair(problem, schedule, "s5", absent)
    assert result.cancelled and all({m.a, m.b} & absent for m in result.cancelled)
    assert all(int(m.slot[1:]) > 5 for m in (*result.cancelled, *result.added, *(x.after for x in result.moved)))
    assert check_schedule(problem, result.meetings).ok
