"""The entry point: ``solve(problem) -> ScheduleResult`` (fast start, then exact stages).

Cancellation: ``should_stop()`` returning True ends the work early and the best schedule
found so far is returned. ``progress_callback`` receives each better schedule.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum

from desktop.scheduling.bounds import Bounds, compute_bounds
from desktop.scheduling.breaks_prover import SatWorker, start_worker
from desktop.scheduling.breaks_sat import sat_available
from desktop.scheduling.checker import figures_of
from desktop.scheduling.exact import exact_too_large, solve_exact
from desktop.scheduling.fast import fast_schedule
from desktop.scheduling.greedy import greedy_first_free
from desktop.scheduling.indexed import Indexed, index_problem
from desktop.scheduling.model import (
    Figures,
    Goal,
    Options,
    Problem,
    Progress,
    ScheduleResult,
    Stats,
    Unscheduled,
)
from desktop.scheduling.reasons import reason_for
from desktop.scheduling.timetable import FREE, Timetable

FAST_SHARE = 0.3  # at most this share of the time limit (and never above 1 s) for the fast start


class Engine(StrEnum):
    GREEDY = "greedy"  # the baseline: first free slot, in input order
    FAST = "fast"
    EXACT = "exact"


def solve(
    problem: Problem,
    options: Options | None = None,
    progress_callback: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    engine: Engine = Engine.EXACT,
) -> ScheduleResult:
    began = time.monotonic()
    options = options or problem.options
    ix = index_problem(problem)
    bounds = compute_bounds(ix)
    deadline = began + options.time_limit_s
    # The SAT search of the breaks stage gets a process of its own, started now so that its
    # start-up overlaps with the fast engine's work (breaks_prover.py).
    exact = engine is Engine.EXACT and not exact_too_large(ix)
    worker = start_worker(ix) if exact and sat_available() else None
    try:
        return _solve(problem, ix, bounds, options, began, deadline, progress_callback, should_stop, engine, worker)
    finally:
        if worker is not None:
            worker.close()


def _solve(problem: Problem, ix: Indexed, bounds: Bounds, options: Options, began: float, deadline: float,
           progress_callback: Callable[[Progress], None] | None, should_stop: Callable[[], bool] | None,
           engine: Engine, worker: SatWorker | None) -> ScheduleResult:
    if engine is Engine.GREEDY:
        table = greedy_first_free(ix)
    else:
        # The fast engine gets all the time when it is the answer, a short start otherwise.
        alone = engine is Engine.FAST or exact_too_large(ix)
        # (a fifth is kept for bounds, reasons and output on very large problems).
        fast_deadline = began + 0.8 * options.time_limit_s if alone else began + min(1.0, options.time_limit_s * FAST_SHARE)
        table = fast_schedule(ix, seed=options.seed, deadline=fast_deadline, should_stop=should_stop)
    if progress_callback is not None:
        meetings = tuple(table.meetings())
        progress_callback(Progress("fast", figures_of(problem, meetings), meetings, time.monotonic() - began))
    proved = _proved_by_bounds(figures_of(problem, table.meetings()), bounds, options)
    used = engine.value
    breaks_floor = _breaks_floor(table, proved)
    if engine is Engine.EXACT and not exact_too_large(ix) and not all(proved.values()):
        table, outcome = solve_exact(ix, table, bounds, options, deadline, progress_callback, should_stop, began,
                                     worker)
        proved = {goal: outcome.proved.get(goal, False) for goal in options.goal_order}
        breaks_floor = outcome.breaks_lower_bound
    elif engine is Engine.EXACT and exact_too_large(ix):
        used = Engine.FAST.value
    return build_result(ix, table, bounds, proved, time.monotonic() - began, used, breaks_floor)


def _breaks_floor(table: Timetable, proved: dict[Goal, bool]) -> int:
    """The proved least number of breaks: known only when the breaks goal itself is proved."""
    if not proved.get(Goal.BREAKS, False):
        return 0
    return sum(table.breaks(p) for p in range(len(table.ix.participant_ids)))


def _proved_by_bounds(figures: Figures, bounds: Bounds, options: Options) -> dict[Goal, bool]:
    """Goals whose value already equals its upper bound (in order: a later proof needs the earlier)."""
    limits = {
        Goal.MUST: bounds.must,
        Goal.COVERAGE: bounds.coverage,
        Goal.WEIGHT: bounds.weighted,
        Goal.BREAKS: 0,
    }
    proved: dict[Goal, bool] = {}
    so_far = True
    for goal in options.goal_order:
        so_far = so_far and figures.goal_value(goal) >= (limits[goal] if goal is not Goal.BREAKS else 0)
        proved[goal] = so_far
    return proved


def build_result(
    ix: Indexed, table: Timetable, bounds: Bounds, proved: dict[Goal, bool], seconds: float, engine: str,
    breaks_lower_bound: int = 0,
) -> ScheduleResult:
    meetings = tuple(table.meetings())
    figures = figures_of(ix.problem, meetings)
    unscheduled = tuple(
        Unscheduled(ix.request_ids[r], reason_for(ix, table, r))
        for r in range(len(ix.request_ids))
        if table.slot_of[r] == FREE
    )
    stats = Stats(
        requested=figures.requested,
        scheduled=figures.scheduled,
        upper_bound=bounds.meetings,
        participants_with_meeting=figures.participants_with_meeting,
        breaks_total=figures.breaks_total,
        breaks_max=figures.breaks_max,
        breaks_min=figures.breaks_min,
        proved_optimal={goal.value: proved.get(goal, False) for goal in Goal},
        seconds=round(seconds, 3),
        must_requested=figures.must_requested,
        must_scheduled=figures.must_scheduled,
        weighted=figures.weighted,
        weighted_upper_bound=bounds.weighted,
        engine=engine,
        breaks_lower_bound=breaks_lower_bound,
    )
    return ScheduleResult(meetings=meetings, unscheduled=unscheduled, stats=stats)
