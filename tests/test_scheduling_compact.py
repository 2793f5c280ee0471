"""Relaying the same meetings: break-free search (zero breaks proves the breaks goal), annealing."""

from __future__ import annotations

from desktop.models.event.database import Database
from desktop.models.schedule.schedule_store import export_problem
from desktop.scheduling import Engine, FixedMeeting, Options, Participant, Problem, Request, Table, check_schedule, solve
from desktop.scheduling.checker import figures_of
from desktop.scheduling.anneal import anneal_breaks
from desktop.scheduling.compact import break_free
from desktop.scheduling.indexed import index_problem
from desktop.scheduling.timetable import Timetable
from tests.scheduling_helpers import slots


def _two_hosts(unavailable: frozenset[str] = frozenset(), fixed: tuple[FixedMeeting, ...] = ()) -> Problem:
    """Maker M meets hosts B1..B3; B1 also meets N. Four slots."""
    return Problem(
        slots=slots(4),
        tables=(Table("t1"), Table("t2"), Table("t3")),
        participants=(
            Participant("B1", host_table="t1"), Participant("B2", host_table="t2"), Participant("B3", host_table="t3"),
            Participant("M", unavailable=unavailable), Participant("N"),
        ),
        requests=(Request("r1", "B1", "M"), Request("r2", "B2", "M"), Request("r3", "B3", "M"), Request("r4", "B1", "N")),
        fixed=fixed,
        options=Options(time_limit_s=5, workers=2),
    )


def _timetable(problem: Problem, placed: dict[str, str]) -> Timetable:
    ix = index_problem(problem)
    table = Timetable(ix)
    table.load_meetings({ix.request_index[r]: ix.slot_index[s] for r, s in placed.items()})
    return table


def test_break_free_moves_the_same_meetings_together() -> None:
    problem = _two_hosts(fixed=(FixedMeeting("r4", "s2"),))
    # M meets at s1, s2 and s4 (one break); B1 meets N at the fixed s2, so B1 meets M elsewhere.
    table = _timetable(problem, {"r1": "s1", "r2": "s2", "r3": "s4"})
    assert figures_of(problem, table.meetings()).breaks_total == 1
    found = break_free(table.ix, table, seconds=5, workers=2, seed=0)
    assert found is not None
    moved = Timetable(table.ix)
    moved.load_meetings(found)
    meetings = moved.meetings()
    assert check_schedule(problem, meetings).ok
    assert sorted(m.request for m in meetings) == ["r1", "r2", "r3", "r4"]
    assert {m.request: m.slot for m in meetings}["r4"] == "s2"
    assert figures_of(problem, meetings).breaks_total == 0


def test_break_free_reports_none_when_a_break_is_forced() -> None:
    # M cannot attend s2, yet meets three hosts in four slots: a break is unavoidable.
    problem = _two_hosts(unavailable=frozenset({"s2"}))
    table = _timetable(problem, {"r1": "s1", "r2": "s3", "r3": "s4", "r4": "s2"})
    assert break_free(table.ix, table, seconds=5, workers=2, seed=0) is None


def test_demo_event_is_proved_optimal_on_every_goal(demo_db: Database) -> None:
    with demo_db.read() as session:
        problem = export_problem(session)
    result = solve(problem, engine=Engine.EXACT)
    assert check_schedule(problem, result.meetings, result.unscheduled).ok
    assert result.stats.breaks_total == 0
    assert result.stats.proved_optimal == {"a": True, "b": True, "c": True, "d": True}


def test_a_forced_break_is_proved_and_reported_as_the_lower_bound() -> None:
    problem = _two_hosts(unavailable=frozenset({"s2"}))
    result = solve(problem, engine=Engine.EXACT)
    assert check_schedule(problem, result.meetings, result.unscheduled).ok
    assert result.stats.scheduled == 4
    assert result.stats.proved_optimal["d"]
    assert result.stats.breaks_total == result.stats.breaks_lower_bound == 1


def test_the_lower_bound_never_exceeds_the_breaks_found() -> None:
    for seed in range(3):
        problem = _two_hosts(unavailable=frozenset({f"s{seed + 2}"}))
        for engine in Engine:
            stats = solve(problem, engine=engine).stats
            assert 0 <= stats.breaks_lower_bound <= stats.breaks_total


def _four_hosts() -> Problem:
    """Maker M meets hosts B1..B4 in six slots but cannot attend s3: one break is forced."""
    return Problem(
        slots=slots(6),
        tables=tuple(Table(f"t{i}") for i in range(1, 5)),
        participants=tuple(Participant(f"B{i}", host_table=f"t{i}") for i in range(1, 5))
        + (Participant("M", unavailable=frozenset({"s3"})),),
        requests=tuple(Request(f"r{i}", f"B{i}", "M") for i in range(1, 5)),
        options=Options(time_limit_s=5, workers=2),
    )


def test_annealing_closes_gaps_that_break_free_cannot() -> None:
    problem = _four_hosts()
    table = _timetable(problem, {"r1": "s1", "r2": "s2", "r3": "s4", "r4": "s6"})
    assert figures_of(problem, table.meetings()).breaks_total == 2
    assert break_free(table.ix, table, seconds=5, workers=2, seed=0) is None
    found = anneal_breaks(table.ix, table, seconds=1, seed=0)
    assert found is not None
    moved = Timetable(table.ix)
    moved.load_meetings(found)
    assert check_schedule(problem, moved.meetings()).ok
    assert sorted(m.request for m in moved.meetings()) == ["r1", "r2", "r3", "r4"]
    assert figures_of(problem, moved.meetings()).breaks_total == 1


def test_annealing_keeps_fixed_meetings_and_reports_nothing_when_it_cannot_improve() -> None:
    problem = _two_hosts(fixed=(FixedMeeting("r4", "s2"),))
    table = _timetable(problem, {"r1": "s1", "r2": "s3", "r3": "s4"})
    found = anneal_breaks(table.ix, table, seconds=0.5, seed=1)
    assert found is not None
    ix = table.ix
    assert found[ix.request_index["r4"]] == ix.slot_index["s2"]
    moved = Timetable(ix)
    moved.load_meetings(found)
    assert check_schedule(problem, moved.meetings()).ok
    assert figures_of(problem, moved.meetings()).breaks_total == 0
    # Already break-free: nothing better exists, and None says so.
    assert anneal_breaks(ix, moved, seconds=0.2, seed=1) is None
