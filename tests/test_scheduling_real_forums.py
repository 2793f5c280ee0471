"""The real forums of ../shared/b2b/: the paper's fewest breaks reached and proved.

Only the quick ones run here (the bench runs all ten). The time limit is generous because the
suite shares the machine; they stop as soon as the breaks are proved.
"""

from __future__ import annotations

import dataclasses

import pytest

from desktop.scheduling import check_schedule, solve
from desktop.scheduling.problem_io import read_problem
from tests.b2b_support import b2b_file, paper_optimum

QUICK = ["tic-12", "forumt-14", "tic-13", "forumt-14crafc", "tic-14crafc", "tic-13crafc"]


@pytest.mark.slow
@pytest.mark.parametrize("name", QUICK)
def test_the_papers_fewest_breaks_are_reached_and_proved(name: str) -> None:
    problem = read_problem(b2b_file(name))
    problem = dataclasses.replace(problem, options=dataclasses.replace(problem.options, time_limit_s=60))
    result = solve(problem)
    assert check_schedule(problem, result.meetings, result.unscheduled).ok
    stats = result.stats
    assert stats.scheduled == stats.requested  # every meeting placed
    assert stats.breaks_max - stats.breaks_min <= problem.options.break_spread
    assert stats.breaks_total == paper_optimum(name)
    assert stats.proved_optimal == {"a": True, "b": True, "c": True, "d": True}


def test_a_pair_that_meets_twice_is_scheduled_twice() -> None:
    problem = read_problem(b2b_file("forum-13crafb"))
    twice = [r for r in problem.requests if r.meetings == 2]
    assert twice, "the file asks for one pair twice"
    problem = dataclasses.replace(problem, options=dataclasses.replace(problem.options, time_limit_s=3))
    result = solve(problem)
    assert check_schedule(problem, result.meetings, result.unscheduled).ok
    assert result.stats.scheduled == result.stats.requested == sum(r.meetings for r in problem.requests)
    for request in twice:
        held = [m for m in result.meetings if m.request == request.id]
        assert len(held) == 2 and held[0].slot != held[1].slot
