"""The search from a known schedule (breaks_lns.py): every step keeps every rule and the same
meetings, and it lowers the breaks of a scattered schedule."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.scheduling import Options, Participant, Problem, Request, Table, check_schedule
from desktop.scheduling.breaks_lns import BreaksLns, breaks_per_person
from desktop.scheduling.checker import figures_of
from desktop.scheduling.indexed import index_problem
from desktop.scheduling.timetable import FREE, Timetable
from tests.scheduling_helpers import slots
from tests.test_scheduling_anneal import busy_problems, scattered_start


def _slots_of(table: Timetable) -> dict[int, int]:
    return {r: s for r, s in enumerate(table.slot_of) if s != FREE}


def _checked(problem: Problem, lns: BreaksLns, start: list) -> Timetable:  # noqa: ANN001 - meetings
    table = Timetable(lns.ix)
    table.load_meetings(lns.current)
    meetings = table.meetings()
    assert check_schedule(problem, meetings).ok
    assert sorted(m.request for m in meetings) == sorted(m.request for m in start)  # the same meetings
    for fixed in problem.fixed:
        assert any(m.request == fixed.request and m.slot == fixed.slot for m in meetings)
    assert figures_of(problem, meetings).breaks_total == lns.breaks == sum(breaks_per_person(lns.ix, lns.current))
    return table


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(busy_problems(), st.integers(0, 3), st.sampled_from([None, 0, 1, 2]))
def test_every_step_keeps_every_rule_the_meetings_and_the_spread(problem: Problem, seed: int, spread: int | None) -> None:
    table = scattered_start(problem, seed)
    start = table.meetings()
    lns = BreaksLns(table.ix, _slots_of(table), spread, seed)
    was_kept, breaks = lns.spread_kept, lns.breaks
    for _step in range(12):
        answer = lns.step()
        _checked(problem, lns, start)
        if was_kept:  # once kept, the spread rule stays kept and the breaks never rise
            assert lns.spread_kept and lns.breaks <= breaks
            assert (lns.breaks < breaks) == bool(answer)
        was_kept, breaks = lns.spread_kept, lns.breaks


def _forum(seed: int) -> Problem:
    """Twelve slots, four hosts with tables, twelve makers meeting them and each other."""
    import random

    rng = random.Random(seed)
    people = [Participant(f"h{i}", host_table=f"t{i}") for i in range(4)] + [Participant(f"m{i}") for i in range(12)]
    pairs = {(f"h{rng.randrange(4)}", f"m{rng.randrange(12)}") for _ in range(40)}
    pairs |= {tuple(sorted(rng.sample([f"m{i}" for i in range(12)], 2))) for _ in range(8)}
    requests = tuple(Request(f"r{i}", a, b) for i, (a, b) in enumerate(sorted(pairs)))
    tables = tuple(Table(f"t{i}") for i in range(7))
    return Problem(slots(12), tables, tuple(people), requests, (), Options(time_limit_s=1, workers=1))


def test_it_lowers_the_breaks_of_a_scattered_schedule_and_every_result_passes_the_checker() -> None:
    problem = _forum(7)
    ix = index_problem(problem)
    table = scattered_start(problem, 3)
    start = table.meetings()
    lns = BreaksLns(ix, _slots_of(table), 2, seed=1)
    first = lns.breaks
    assert first > 10 and not lns.spread_kept  # plenty to remove, and the spread rule to mend first
    results = []
    for _step in range(200):
        if lns.step():
            results.append(_checked(problem, lns, start))
        if lns.breaks == 0:
            break
    assert results and lns.spread_kept
    assert lns.breaks < first // 2
    assert figures_of(problem, results[-1].meetings()).breaks_spread <= 2


def test_the_same_seed_gives_the_same_steps() -> None:
    problem = _forum(11)
    table = scattered_start(problem, 5)
    runs = []
    for _run in range(2):
        lns = BreaksLns(index_problem(problem), _slots_of(table), 2, seed=4)
        runs.append([(lns.step(), lns.breaks) for _step in range(30)])
    assert runs[0] == runs[1]
