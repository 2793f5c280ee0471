"""The exact engine: CP-SAT, solved goal by goal (lexicographically).

Each stage optimises one goal with the earlier goals held at the values already reached,
warm-started (hinted) by the best schedule so far. A stage whose goal already meets its
upper bound (bounds.py) is not solved at all. The spread rule on breaks weighs more than
any number of breaks in the breaks stage, so it is kept wherever it can be. The breaks stage
first lays out the same meetings again: break-free (compact.py) when that is possible, which
proves d at once, else annealed (anneal.py). The LP relaxation of this slot-indexed model sees
no breaks at all, so the breaks stage adds every participant's break floor (breaks_floor.py)
as a bound on their breaks given their number of meetings.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ortools.sat.python import cp_model

from desktop.scheduling.bounds import Bounds
from desktop.scheduling.checker import figures_of
from desktop.scheduling.anneal import anneal_breaks
from desktop.scheduling.breaks_lns import BreaksLns
from desktop.scheduling.breaks_floor import breaks_floors, fewest_breaks_bound, floor_total
from desktop.scheduling.breaks_prover import BreaksProver, SatWorker
from desktop.scheduling.breaks_sat import sat_available
from desktop.scheduling.compact import break_free
from desktop.scheduling.exact_model import GoalModel, Reporter, StopWatcher
from desktop.scheduling.indexed import Indexed
from desktop.scheduling.model import Goal, Options, Progress
from desktop.scheduling.timetable import FREE, Timetable

MAX_EXACT_VARIABLES = 60_000  # beyond this the fast engine's schedule is the answer


@dataclass
class ExactOutcome:
    proved: dict[Goal, bool] = field(default_factory=dict)
    stopped: bool = False
    # Fewest breaks any schedule optimal for the earlier goals can have (0 when unknown).
    breaks_lower_bound: int = 0


def exact_too_large(ix: Indexed) -> bool:
    return sum(len(a) for a in ix.allowed) > MAX_EXACT_VARIABLES


def solve_exact(
    ix: Indexed,
    start: Timetable,
    bounds: Bounds,
    options: Options,
    deadline: float,
    progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    began: float | None = None,
    worker: SatWorker | None = None,
) -> tuple[Timetable, ExactOutcome]:
    """Improve ``start`` stage by stage until ``deadline``; ``start`` is never made worse.
    ``worker``, a process started for the SAT search of the breaks stage, is closed here."""
    began = time.monotonic() if began is None else began
    stages = _Stages(ix, bounds, options, deadline, progress, should_stop, began, worker)
    try:
        return stages.run(start)
    finally:
        if stages.prover is not None:
            stages.prover.stop()
        if worker is not None:
            worker.close()


class _Stages:
    def __init__(self, ix: Indexed, bounds: Bounds, options: Options, deadline: float,
                 progress: Callable[[Progress], None] | None, should_stop: Callable[[], bool] | None,
                 began: float, worker: SatWorker | None = None) -> None:
        self.ix, self.bounds, self.options, self.deadline = ix, bounds, options, deadline
        self.worker = worker
        self.progress, self.should_stop, self.began = progress, should_stop, began
        self.floors = breaks_floors(ix)
        self.reached: list[tuple[Goal, int]] = []
        self.prover: BreaksProver | None = None
        self.halt = should_stop  # the user's cancel, and (in the breaks stage) the SAT search settling it

    def build(self, goal: Goal) -> GoalModel:
        work = GoalModel(self.ix, self.floors if goal is Goal.BREAKS else None)
        for earlier, value in self.reached:
            work.model.add(work.goal_expr[earlier] >= value)
        if goal is Goal.BREAKS and self.options.break_spread is not None:
            work.add_spread(self.options.break_spread)
        return work

    def run(self, best: Timetable) -> tuple[Timetable, ExactOutcome]:
        ix, options, should_stop = self.ix, self.options, self.should_stop
        deadline, reached = self.deadline, self.reached
        outcome = ExactOutcome()
        proved_so_far = True
        order = list(options.goal_order)
        floor_bound = 0  # least total breaks proved (floors, then the SAT search) for the earlier goals' values
        for position, goal in enumerate(order):
            value = figures_of(ix.problem, best.meetings()).goal_value(goal)
            if goal is Goal.BREAKS and value < 0:
                if proved_so_far:
                    seconds = min(FLOOR_BOUND_SECONDS, FLOOR_BOUND_SHARE * (deadline - time.monotonic()))
                    floor_bound = fewest_breaks_bound(ix, self.floors, reached, seconds, options.workers, options.seed)
                    outcome.breaks_lower_bound = floor_bound
                # In a process of its own the SAT search starts at once, beside the break-free attempt
                # (CP-SAT, one worker: measured on forum-13 it finds zero breaks in 2-3 s that way,
                # 6-7 s with the 8-worker portfolio on two cores); in a thread, after it.
                if proved_so_far and self.worker is not None:
                    self._start_prover(best, floor_bound)
                best = _relaid(ix, best, self.floors, floor_bound, self.cp_options(), deadline, self.progress,
                               self.halt, self.began, anneal=False)
                if proved_so_far and self.prover is None and figures_of(ix.problem, best.meetings()).breaks_total > 0:
                    self._start_prover(best, floor_bound)
                best = _relaid(ix, best, self.floors, floor_bound, options, deadline, self.progress, self.halt,
                               self.began, anneal=True)
                best = _relaid(ix, best, self.floors, self._proved_breaks(floor_bound), options, deadline,
                               self.progress, self.halt, self.began, anneal=True, neighbourhoods=True)
                best, floor_bound = self._with_prover(best, floor_bound)
                value = figures_of(ix.problem, best.meetings()).goal_value(goal)
                if proved_so_far:
                    outcome.breaks_lower_bound = max(outcome.breaks_lower_bound, floor_bound)
            if _meets_bound(goal, value, self.bounds) or (goal is Goal.BREAKS and _at_floor(ix, best, options, floor_bound)):
                outcome.proved[goal] = proved_so_far
                reached.append((goal, value))
                if goal is Goal.BREAKS and proved_so_far:
                    outcome.breaks_lower_bound = -value
                continue
            stopping = should_stop is not None and should_stop()
            remaining = deadline - time.monotonic()
            if stopping or remaining <= 0.05:
                outcome.stopped = outcome.stopped or stopping
                for later in order[position:]:
                    outcome.proved[later] = False
                break
            later = order[position:]

            def rank(table: Timetable, later: list[Goal] = later) -> tuple[int, ...]:
                return _stage_key(ix, table, later, options)

            work = self.build(goal)
            # The budget is what is left once the model is built (building the breaks stage's model
            # takes about half a second on a 300-meeting forum), less CP-SAT's own overrun at its end.
            remaining = deadline - time.monotonic() - CP_SAT_OVERRUN_S
            budget = remaining if position == len(order) - 1 else remaining / (len(order) - position)
            status, best, objective_bound = self._cp_stage(work, goal, best, budget, rank)
            if goal is Goal.BREAKS:
                best, floor_bound = self._with_prover(best, floor_bound)
            if goal is Goal.BREAKS and proved_so_far:
                cp_bound = _breaks_lower_bound(ix, best, options, objective_bound) if objective_bound is not None else 0
                outcome.breaks_lower_bound = max(floor_bound, cp_bound)
            at_floor = goal is Goal.BREAKS and _at_floor(ix, best, options, floor_bound)
            proved_so_far = proved_so_far and (status == cp_model.OPTIMAL or at_floor)
            outcome.proved[goal] = proved_so_far
            reached.append((goal, figures_of(ix.problem, best.meetings()).goal_value(goal)))
            if should_stop is not None and should_stop():
                outcome.stopped = True
        return best, outcome

    def _cp_stage(self, work: GoalModel, goal: Goal, best: Timetable, budget: float,
                  rank: Callable[[Timetable], tuple[int, ...]]) -> tuple[int, Timetable, float | None]:
        """One CP-SAT stage. While the SAT process still searches, CP-SAT runs with one worker
        until the SAT search's share is over, then (unless that settled it) again with all of them:
        where the SAT search cannot close the gap (the generated forums) the portfolio is missed."""
        end = time.monotonic() + budget
        prover = self.prover
        if prover is not None and self.worker is not None and prover.running and prover.deadline < end - 0.5:
            status, solution, bound = _run_stage(work, goal, best, self.cp_options(), prover.deadline - time.monotonic(),
                                                 self.progress, self.halt, self.began, rank)
            best = _better(self.ix, best, solution, rank)
            if status == cp_model.OPTIMAL or prover.settled or (self.should_stop is not None and self.should_stop()):
                return status, best, bound
            prover.stop()  # its share is over; what it proved stays in prover.lower
        status, solution, bound = _run_stage(work, goal, best, self.cp_options(), end - time.monotonic(),
                                             self.progress, self.halt, self.began, rank)
        return status, _better(self.ix, best, solution, rank), bound

    def cp_options(self) -> Options:
        """The options for a CP-SAT run now: one worker while the SAT process has the other core
        (CP-SAT's portfolio would otherwise take both and starve it)."""
        if self.prover is not None and self.worker is not None and self.prover.running:
            return replace(self.options, workers=1)
        return self.options

    def _start_prover(self, best: Timetable, floor_bound: int) -> None:
        """The SAT search from below, beside the annealing and CP-SAT from above."""
        if not sat_available():
            return
        ix, spread = self.ix, self.options.break_spread
        figures = figures_of(ix.problem, best.meetings())
        kept = spread is None or figures.breaks_spread <= spread
        upper = figures.breaks_total if kept else ix.slot_count * len(ix.participant_ids)
        # Where the floor is far below the optimum the SAT search rarely closes the gap, and takes
        # CPU (a thread) or CP-SAT's portfolio (a process) from the search from above: it gets a
        # share of the time left, not all of it.
        now = time.monotonic()
        share = PROCESS_PROVER_SHARE if self.worker is not None else PROVER_SHARE
        until = now + share * max(0.0, self.deadline - now)
        self.prover = BreaksProver(ix, list(self.reached), self.floors, floor_bound, spread, upper, until,
                                   self.should_stop, self.worker)
        self.prover.start()
        prover, should_stop = self.prover, self.should_stop
        self.halt = lambda: (should_stop is not None and should_stop()) or prover.settled

    def _proved_breaks(self, floor_bound: int) -> int:
        return max(floor_bound, self.prover.lower) if self.prover is not None else floor_bound

    def _with_prover(self, best: Timetable, floor_bound: int) -> tuple[Timetable, int]:
        """``best`` or the SAT search's optimal schedule, and the proved least breaks so far."""
        prover = self.prover
        if prover is None:
            return best, floor_bound
        figures = figures_of(self.ix.problem, best.meetings())
        spread = self.options.break_spread
        if spread is None or figures.breaks_spread <= spread:
            prover.offer(figures.breaks_total)
        if prover.found is not None:
            candidate = Timetable(self.ix)
            candidate.load_meetings(prover.found)
            order = list(self.options.goal_order)
            if _stage_key(self.ix, candidate, order, self.options) > _stage_key(self.ix, best, order, self.options):
                best = candidate
                if self.progress is not None:
                    meetings = tuple(best.meetings())
                    self.progress(Progress(Goal.BREAKS.value, figures_of(self.ix.problem, meetings), meetings,
                                           time.monotonic() - self.began))
        return best, max(floor_bound, prover.lower)


FLOOR_BOUND_SECONDS = 1.0  # at most, for the least total break floor (usually a few ms)
FLOOR_BOUND_SHARE = 0.1  # of the time left, at most, for it
BREAK_FREE_SHARE = 0.5  # of the time left, at most, for looking for a break-free timetable
ANNEAL_SHARE = 0.5  # of the time left then for annealing
LNS_SHARE = 0.5  # of the time left after it for the neighbourhood search; the slot-indexed stage gets the rest
CP_SAT_OVERRUN_S = 0.15  # measured: a stopped CP-SAT run returns up to ~0.1 s after its limit
PROCESS_PROVER_SHARE = 0.7  # in a process of its own (CP-SAT has one worker meanwhile)
PROVER_SHARE = 0.6  # of the time left at the breaks stage, at most, for the SAT search in a thread


def _relaid(ix: Indexed, best: Timetable, floors: list[list[int]], floor_bound: int, options: Options, deadline: float,
            progress: Callable[[Progress], None] | None, should_stop: Callable[[], bool] | None,
            began: float, anneal: bool, neighbourhoods: bool = False) -> Timetable:
    """``best`` laid out again: the same meetings break-free when that is possible (zero breaks
    cannot be beaten; ``anneal`` False), otherwise with fewer breaks found by annealing (which
    may also exchange meetings for equally good ones) or, after it, by small SAT questions over
    neighbourhoods (``neighbourhoods``: breaks_lns.py)."""
    order = list(options.goal_order)
    if neighbourhoods:
        search, share = _neighbourhoods, LNS_SHARE
    elif anneal:
        search, share = _annealed, ANNEAL_SHARE
    elif floor_total(floors, best.load) == 0:
        search, share = _break_free, BREAK_FREE_SHARE
    else:
        return best
    remaining = deadline - time.monotonic()
    if remaining <= 0.1 or (should_stop is not None and should_stop()):
        return best
    slots = search(ix, best, share * remaining, options, floor_bound, should_stop)
    if slots is None:
        return best
    candidate = Timetable(ix)
    candidate.load_meetings(slots)
    if _stage_key(ix, candidate, order, options) <= _stage_key(ix, best, order, options):
        return best
    if progress is not None:
        meetings = tuple(candidate.meetings())
        progress(Progress(Goal.BREAKS.value, figures_of(ix.problem, meetings), meetings, time.monotonic() - began))
    return candidate


def _break_free(ix: Indexed, best: Timetable, seconds: float, options: Options, floor: int,
                should_stop: Callable[[], bool] | None) -> dict[int, int] | None:
    return break_free(ix, best, seconds, options.workers, options.seed, should_stop)


def _annealed(ix: Indexed, best: Timetable, seconds: float, options: Options, floor: int,
              should_stop: Callable[[], bool] | None) -> dict[int, int] | None:
    return anneal_breaks(ix, best, seconds, options.seed, options.break_spread, floor, should_stop)


def _neighbourhoods(ix: Indexed, best: Timetable, seconds: float, options: Options, floor: int,
                    should_stop: Callable[[], bool] | None) -> dict[int, int] | None:
    """Measured on the real forums after 4 s of annealing: 4 s of these steps went from 18 to 13
    breaks (forum-14), 7 to 3 and 9 to 6 (forum-13crafc), 14 to 13 (forum-13crafb); 4 s of annealing
    alone did about as well as 1 s of it and 3 s of these steps."""
    if not sat_available():
        return None
    lns = BreaksLns(ix, {r: slot for r, slot in enumerate(best.slot_of) if slot != FREE}, options.break_spread,
                    options.seed)
    if not lns.spread_kept:
        # Somebody has more than the spread: where the floors make everybody break (generated forums,
        # e.g. 63 breaks, 1-3 each) mending that takes more breaks, which CP-SAT's model weighs
        # (measured: the steps found nothing in 4 s on forum-3 and forum-5 of bench/instances.py).
        return None
    end = time.monotonic() + seconds
    improved = False
    while lns.active and time.monotonic() < end and not (should_stop is not None and should_stop()):
        if lns.spread_kept and lns.breaks <= floor:
            break
        improved = bool(lns.step()) or improved
    return dict(lns.current) if improved else None


def _better(ix: Indexed, best: Timetable, solution: dict[int, int] | None,
            rank: Callable[[Timetable], tuple[int, ...]]) -> Timetable:
    if solution is None:
        return best
    candidate = Timetable(ix)
    candidate.load_meetings(solution)
    return candidate if rank(candidate) > rank(best) else best


def _at_floor(ix: Indexed, best: Timetable, options: Options, floor_bound: int) -> bool:
    """``best`` has no more breaks than the proved floor bound and keeps the spread rule: then no
    schedule is better for the breaks goal (the floor holds for every schedule, and one that
    keeps the spread rule exists, so the optimum keeps it too)."""
    figures = figures_of(ix.problem, best.meetings())
    spread_kept = options.break_spread is None or figures.breaks_spread <= options.break_spread
    return floor_bound > 0 and spread_kept and figures.breaks_total <= floor_bound


def _breaks_lower_bound(ix: Indexed, best: Timetable, options: Options, objective_bound: float) -> int:
    """Breaks the lexicographic optimum has at least, from the breaks stage's proved objective bound.

    Valid only when the earlier goals are proved (the optimum then meets the stage's constraints)
    and ``best`` keeps the spread rule (so does the optimum; its objective is then -breaks)."""
    figures = figures_of(ix.problem, best.meetings())
    if options.break_spread is not None and figures.breaks_spread > options.break_spread:
        return 0
    return min(figures.breaks_total, max(0, math.ceil(-objective_bound - 1e-6)))


def _stage_key(ix: Indexed, table: Timetable, goals: list[Goal], options: Options) -> tuple[int, ...]:
    """How good ``table`` is for ``goals`` in order (larger is better); keeping the spread counts
    just before the number of breaks."""
    figures = figures_of(ix.problem, table.meetings())
    key: list[int] = []
    for goal in goals:
        if goal is Goal.BREAKS and options.break_spread is not None:
            key.append(int(figures.breaks_spread <= options.break_spread))
        key.append(figures.goal_value(goal))
    return tuple(key)


def _meets_bound(goal: Goal, value: int, bounds: Bounds) -> bool:
    limit = {Goal.MUST: bounds.must, Goal.COVERAGE: bounds.coverage, Goal.WEIGHT: bounds.weighted, Goal.BREAKS: 0}[goal]
    return value >= limit


def _run_stage(work: GoalModel, goal: Goal, best: Timetable, options: Options, budget: float,
               progress: Callable[[Progress], None] | None, should_stop: Callable[[], bool] | None,
               began: float, rank: Callable[[Timetable], tuple[int, ...]]
               ) -> tuple[int, dict[int, int] | None, float | None]:
    work.hint(best)
    work.model.maximize(work.objective(goal))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, budget)
    solver.parameters.num_workers = max(1, options.workers)
    solver.parameters.random_seed = options.seed
    reporter = Reporter(work, goal.value, began, progress, should_stop, rank, rank(best))
    watcher = StopWatcher(solver, should_stop)
    watcher.start()
    try:
        status = solver.solve(work.model, reporter)
    finally:
        watcher.finish()
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    solution = work.read(solver.boolean_value) if found else None
    return status, solution, solver.best_objective_bound if found else None
