"""Per-participant break floors: exact on hand-made days, never above any schedule's breaks."""

from __future__ import annotations

from hypothesis import given, settings

from desktop.scheduling import Engine, Options, Participant, Problem, Request, Table, solve
from desktop.scheduling.breaks_floor import blocks_of, breaks_floor, breaks_floors, fewest_breaks_bound, floor_total
from desktop.scheduling.model import Goal
from desktop.scheduling.indexed import index_problem
from tests.scheduling_helpers import slots
from tests.test_scheduling_engines import problems


def _maker_with_hosts(unavailable: set[str], hosts: int, slot_count: int, host_away: dict[int, set[str]] | None = None) -> Problem:
    host_away = host_away or {}
    return Problem(
        slots=slots(slot_count),
        tables=tuple(Table(f"t{i}") for i in range(1, hosts + 1)),
        participants=tuple(Participant(f"B{i}", host_table=f"t{i}", unavailable=frozenset(host_away.get(i, set())))
                           for i in range(1, hosts + 1)) + (Participant("M", unavailable=frozenset(unavailable)),),
        requests=tuple(Request(f"r{i}", f"B{i}", "M") for i in range(1, hosts + 1)),
        options=Options(time_limit_s=2, workers=2),
    )


def test_blocks_are_runs_of_consecutive_slots() -> None:
    assert blocks_of({4, 0, 1, 5, 6, 9}) == [[0, 1], [4, 5, 6], [9]]
    assert blocks_of(set()) == []


def test_an_away_slot_splits_the_day() -> None:
    ix = index_problem(_maker_with_hosts({"s3"}, hosts=4, slot_count=6))
    maker = ix.participant_index["M"]
    # Blocks s1-s2 and s4-s6: three meetings fit in one block, four need both.
    assert breaks_floor(ix, maker) == [0, 0, 0, 0, 1]


def test_partners_away_count_too() -> None:
    # M is always there, but every host is away in s3: no request of M can use it.
    away = {i: {"s3"} for i in range(1, 5)}
    ix = index_problem(_maker_with_hosts(set(), hosts=4, slot_count=6, host_away=away))
    assert breaks_floor(ix, ix.participant_index["M"]) == [0, 0, 0, 0, 1]


def test_the_matching_matters_not_only_the_block_lengths() -> None:
    # M: s1-s2 | s4-s6. B1 and B2 can only meet at s1 or s4, B3 at s2, s5 or s6. The block
    # s4-s6 is long enough for three meetings, but B1 and B2 both need s4 there.
    away = {1: {"s2", "s5", "s6"}, 2: {"s2", "s5", "s6"}, 3: {"s1", "s4"}}
    ix = index_problem(_maker_with_hosts({"s3"}, hosts=3, slot_count=6, host_away=away))
    assert breaks_floor(ix, ix.participant_index["M"]) == [0, 0, 0, 1]
    result = solve(ix.problem, engine=Engine.EXACT)
    assert result.stats.scheduled == 3
    assert result.stats.breaks_total == result.stats.breaks_lower_bound == 1


@settings(max_examples=60, deadline=None)
@given(problems(max_people=6, max_slots=5))
def test_no_schedule_has_fewer_breaks_than_the_floors(problem: Problem) -> None:
    ix = index_problem(problem)
    floors = breaks_floors(ix)
    for engine in (Engine.GREEDY, Engine.FAST):
        result = solve(problem, engine=engine)
        loads = [0] * len(ix.participant_ids)
        for meeting in result.meetings:
            loads[ix.participant_index[meeting.a]] += 1
            loads[ix.participant_index[meeting.b]] += 1
        assert floor_total(floors, loads) <= result.stats.breaks_total


def test_the_bound_follows_the_goal_values_held() -> None:
    ix = index_problem(_maker_with_hosts({"s3"}, hosts=4, slot_count=6))
    floors = breaks_floors(ix)
    # All four meetings (weight 4) need both blocks of M's day: one break.
    assert fewest_breaks_bound(ix, floors, [(Goal.WEIGHT, 4)], 1, 1, 0) == 1
    # Three meetings fit in s4-s6: no break is forced.
    assert fewest_breaks_bound(ix, floors, [(Goal.WEIGHT, 3)], 1, 1, 0) == 0
    assert fewest_breaks_bound(ix, floors, [], 1, 1, 0) == 0


def test_floors_stop_at_the_most_meetings_that_can_be_seated() -> None:
    # M has three requests and three usable slots, but B1 and B2 both can only use s1: at most two meetings.
    away = {1: {"s2", "s3", "s4", "s5"}, 2: {"s2", "s3", "s4", "s5"}, 3: {"s1", "s2", "s3"}}
    ix = index_problem(_maker_with_hosts(set(), hosts=3, slot_count=5, host_away=away))
    assert breaks_floor(ix, ix.participant_index["M"]) == [0, 0, 1]
    result = solve(ix.problem, engine=Engine.EXACT)
    assert result.stats.scheduled == 2
    assert result.stats.proved_optimal == {"a": True, "b": True, "c": True, "d": True}


@settings(max_examples=300, deadline=None)
@given(problems(max_people=6, max_slots=6))
def test_floors_are_defined_up_to_the_most_meetings_and_never_fall(problem: Problem) -> None:
    ix = index_problem(problem)
    for p, floor in enumerate(breaks_floors(ix)):
        assert floor[:2] == [0, 0][: len(floor)]
        assert len(floor) - 1 <= min(ix.cap[p], len(ix.requests_of[p]), ix.slot_count)
        assert all(a <= b for a, b in zip(floor, floor[1:]))
