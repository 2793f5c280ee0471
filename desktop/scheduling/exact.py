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
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from desktop.scheduling.bounds import Bounds
from desktop.scheduling.checker import figures_of
from desktop.scheduling.anneal import anneal_breaks
from desktop.scheduling.breaks_floor import breaks_floors, fewest_breaks_bound, floor_of_load, floor_total
from desktop.scheduling.breaks_sat import BreaksProver, sat_available
from desktop.scheduling.compact import break_free
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


class _Model:
    """The CP-SAT model of the whole problem with one expression per goal."""

    def __init__(self, ix: Indexed, floors: list[list[int]] | None = None) -> None:
        self.ix = ix
        model = self.model = cp_model.CpModel()
        slots = ix.slot_count
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        by_person_slot: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        by_shared_table: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        pool_by_slot: list[list[cp_model.IntVar]] = [[] for _s in range(slots)]
        self.scheduled: list[cp_model.LinearExprT] = []
        for r, allowed in enumerate(ix.allowed):
            variables = []
            for s in allowed:
                var = model.new_bool_var(f"x{r}_{s}")
                self.x[(r, s)] = var
                variables.append(var)
                for p in (ix.ra[r], ix.rb[r]):
                    by_person_slot.setdefault((p, s), []).append(var)
                table = ix.host_table[r]
                if table < 0:
                    pool_by_slot[s].append(var)
                elif table in ix.shared_host_tables:
                    by_shared_table.setdefault((table, s), []).append(var)
            if len(variables) > 1:
                model.add_at_most_one(variables)
            self.scheduled.append(sum(variables) if variables else 0)
            if r in ix.fixed:
                model.add(self.x[(r, ix.fixed[r][0])] == 1)
        for group in list(by_person_slot.values()) + list(by_shared_table.values()):
            if len(group) > 1:
                model.add_at_most_one(group)
        for group in pool_by_slot:
            if len(group) > ix.pool_size:
                model.add(sum(group) <= ix.pool_size)
        for p, requests in enumerate(ix.requests_of):
            if sum(len(ix.allowed[r]) > 0 for r in requests) > ix.cap[p]:
                model.add(sum(self.scheduled[r] for r in requests) <= ix.cap[p])

        self.has: dict[int, cp_model.IntVar] = {}
        self.busy: dict[tuple[int, int], cp_model.IntVar] = {}
        self.start: dict[tuple[int, int], cp_model.IntVar] = {}
        self.load_at_least: dict[tuple[int, int], cp_model.IntVar] = {}
        self.breaks: dict[int, cp_model.LinearExprT] = {}
        for p in range(len(ix.participant_ids)):
            cells = {s: by_person_slot[(p, s)] for s in range(slots) if (p, s) in by_person_slot}
            if not cells:
                continue
            has = self.has[p] = model.new_bool_var(f"has{p}")
            every = [v for group in cells.values() for v in group]
            model.add(sum(every) >= has)
            for v in every:
                model.add_implication(v, has)
            if sum(1 for r in ix.requests_of[p] if ix.allowed[r]) < 2 or ix.cap[p] < 2:
                continue  # at most one meeting: never a break
            busy = {}
            for s in range(slots):
                if s in cells:
                    var = model.new_bool_var(f"y{p}_{s}")
                    model.add(sum(cells[s]) == var)
                    busy[s] = var
            starts = []
            for s, var in busy.items():
                start = model.new_bool_var(f"st{p}_{s}")
                model.add_implication(start, var)
                previous = busy.get(s - 1)
                if previous is not None:
                    model.add_implication(start, previous.Not())
                    model.add_bool_or([start, previous, var.Not()])
                    # The same as a linear row: clauses do not reach CP-SAT's LP relaxation.
                    model.add(start >= var - previous)
                else:
                    model.add(start == var)
                starts.append(start)
                self.busy[(p, s)] = var
                self.start[(p, s)] = start
            model.add(sum(starts) >= has)  # redundant, but keeps the bound on breaks at 0, not below
            self.breaks[p] = sum(starts) - has
            if floors is not None:
                self._add_floor(p, floors[p], sum(self.scheduled[r] for r in ix.requests_of[p]))

        self.excess: cp_model.IntVar | None = None
        self.goal_expr: dict[Goal, cp_model.LinearExprT] = {
            Goal.MUST: sum(self.scheduled[r] for r in range(len(ix.request_ids)) if ix.is_must(r)),
            Goal.COVERAGE: sum(self.has.values()),
            Goal.WEIGHT: sum(ix.weight(r) * self.scheduled[r] for r in range(len(ix.request_ids))),
            Goal.BREAKS: -sum(self.breaks.values()) if self.breaks else 0,
        }

    def _add_floor(self, p: int, floor: list[int], load: cp_model.LinearExprT) -> None:
        """breaks(p) >= floor[load(p)]; the order encoding lets the floors raise the proved bound
        from the first LP on."""
        if not any(floor):
            return
        steps, at_least = floor_of_load(self.model, f"load{p}", floor, load)
        self.model.add(self.breaks[p] >= steps)
        for k, var in enumerate(at_least, start=1):
            self.load_at_least[(p, k)] = var

    def add_spread(self, spread: int) -> None:
        """``excess``: how far the breaks spread goes beyond ``spread`` (0 when the rule holds)."""
        if not self.breaks:
            return
        model, slots = self.model, self.ix.slot_count
        most = model.new_int_var(0, slots, "breaks_max")
        least = model.new_int_var(0, slots, "breaks_min")
        for p in self.has:
            breaks = self.breaks.get(p, 0)
            model.add(most >= breaks)
            # Only participants with a meeting count for the least.
            model.add(least <= breaks).only_enforce_if(self.has[p])
        self.excess = model.new_int_var(0, slots, "spread_excess")
        model.add(self.excess >= most - least - spread)

    def objective(self, goal: Goal) -> cp_model.LinearExprT:
        if goal is Goal.BREAKS and self.excess is not None:
            # Keeping the spread comes before the number of breaks ("where possible").
            weight = len(self.breaks) * self.ix.slot_count + 1
            return self.goal_expr[goal] - weight * self.excess
        return self.goal_expr[goal]

    def hint(self, table: Timetable) -> None:
        model = self.model
        model.clear_hints()
        for (r, s), var in self.x.items():
            model.add_hint(var, table.slot_of[r] == s)
        for p, var in self.has.items():
            model.add_hint(var, table.load[p] > 0)
        for (p, s), var in self.busy.items():
            model.add_hint(var, table.busy[p][s] != FREE)
        for (p, s), var in self.start.items():
            model.add_hint(var, table.busy[p][s] != FREE and (s == 0 or table.busy[p][s - 1] == FREE))
        for (p, k), var in self.load_at_least.items():
            model.add_hint(var, table.load[p] >= k)

    def read(self, value: Callable[[cp_model.IntVar], int]) -> dict[int, int]:
        return {r: s for (r, s), var in self.x.items() if value(var)}


class _Reporter(cp_model.CpSolverSolutionCallback):
    """Reports each solution better than the best so far (over the goals still open)."""

    def __init__(self, work: _Model, stage: str, began: float, progress: Callable[[Progress], None] | None,
                 should_stop: Callable[[], bool] | None, rank: Callable[[Timetable], tuple[int, ...]],
                 best_rank: tuple[int, ...]) -> None:
        super().__init__()
        self.work, self.stage, self.began = work, stage, began
        self.progress, self.should_stop = progress, should_stop
        self.rank, self.best_rank = rank, best_rank

    def on_solution_callback(self) -> None:
        if self.should_stop is not None and self.should_stop():
            self.stop_search()
            return
        if self.progress is None:
            return
        table = Timetable(self.work.ix)
        table.load_meetings(self.work.read(self.boolean_value))
        rank = self.rank(table)
        if rank <= self.best_rank:
            return
        self.best_rank = rank
        meetings = tuple(table.meetings())
        self.progress(Progress(self.stage, figures_of(self.work.ix.problem, meetings), meetings, time.monotonic() - self.began))


def solve_exact(
    ix: Indexed,
    start: Timetable,
    bounds: Bounds,
    options: Options,
    deadline: float,
    progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    began: float | None = None,
) -> tuple[Timetable, ExactOutcome]:
    """Improve ``start`` stage by stage until ``deadline``; ``start`` is never made worse."""
    began = time.monotonic() if began is None else began
    stages = _Stages(ix, bounds, options, deadline, progress, should_stop, began)
    try:
        return stages.run(start)
    finally:
        if stages.prover is not None:
            stages.prover.stop()


class _Stages:
    def __init__(self, ix: Indexed, bounds: Bounds, options: Options, deadline: float,
                 progress: Callable[[Progress], None] | None, should_stop: Callable[[], bool] | None,
                 began: float) -> None:
        self.ix, self.bounds, self.options, self.deadline = ix, bounds, options, deadline
        self.progress, self.should_stop, self.began = progress, should_stop, began
        self.floors = breaks_floors(ix)
        self.reached: list[tuple[Goal, int]] = []
        self.prover: BreaksProver | None = None
        self.halt = should_stop  # the user's cancel, and (in the breaks stage) the SAT search settling it

    def build(self, goal: Goal) -> _Model:
        work = _Model(self.ix, self.floors if goal is Goal.BREAKS else None)
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
                best = _relaid(ix, best, self.floors, floor_bound, options, deadline, self.progress, self.halt,
                               self.began, anneal=False)
                # The SAT search starts after the break-free attempt (which needs both cores for CP-SAT)
                # and beside the annealing (one core).
                if proved_so_far and figures_of(ix.problem, best.meetings()).breaks_total > 0:
                    self._start_prover(best, floor_bound)
                best = _relaid(ix, best, self.floors, floor_bound, options, deadline, self.progress, self.halt,
                               self.began, anneal=True)
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
            budget = remaining if position == len(order) - 1 else remaining / (len(order) - position)
            later = order[position:]

            def rank(table: Timetable, later: list[Goal] = later) -> tuple[int, ...]:
                return _stage_key(ix, table, later, options)

            status, solution, objective_bound = _run_stage(self.build(goal), goal, best, options, budget,
                                                           self.progress, self.halt, self.began, rank)
            if solution is not None:
                candidate = Timetable(ix)
                candidate.load_meetings(solution)
                if rank(candidate) > rank(best):
                    best = candidate
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

    def _start_prover(self, best: Timetable, floor_bound: int) -> None:
        """The SAT search from below, beside the annealing and CP-SAT from above."""
        if not sat_available():
            return
        ix, spread = self.ix, self.options.break_spread
        figures = figures_of(ix.problem, best.meetings())
        kept = spread is None or figures.breaks_spread <= spread
        upper = figures.breaks_total if kept else ix.slot_count * len(ix.participant_ids)
        # Where the floor is far below the optimum the SAT search rarely closes the gap, and its core
        # is then missed by the search from above: it gets a share of the time left, not all of it.
        now = time.monotonic()
        until = now + PROVER_SHARE * max(0.0, self.deadline - now)
        self.prover = BreaksProver(ix, list(self.reached), self.floors, floor_bound, spread, upper, until,
                                   self.should_stop)
        self.prover.start()
        prover, should_stop = self.prover, self.should_stop
        self.halt = lambda: (should_stop is not None and should_stop()) or prover.settled

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
ANNEAL_SHARE = 0.5  # of the time left then for annealing; the slot-indexed stage gets the rest
PROVER_SHARE = 0.6  # of the time left at the breaks stage, at most, for the SAT search from below


def _relaid(ix: Indexed, best: Timetable, floors: list[list[int]], floor_bound: int, options: Options, deadline: float,
            progress: Callable[[Progress], None] | None, should_stop: Callable[[], bool] | None,
            began: float, anneal: bool) -> Timetable:
    """``best`` laid out again: the same meetings break-free when that is possible (zero breaks
    cannot be beaten; ``anneal`` False), otherwise with fewer breaks found by annealing (which
    may also exchange meetings for equally good ones)."""
    order = list(options.goal_order)
    if anneal:
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
    return break_free(ix, best, seconds, options.workers, options.seed)


def _annealed(ix: Indexed, best: Timetable, seconds: float, options: Options, floor: int,
              should_stop: Callable[[], bool] | None) -> dict[int, int] | None:
    return anneal_breaks(ix, best, seconds, options.seed, options.break_spread, floor, should_stop)


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


def _run_stage(work: _Model, goal: Goal, best: Timetable, options: Options, budget: float,
               progress: Callable[[Progress], None] | None, should_stop: Callable[[], bool] | None,
               began: float, rank: Callable[[Timetable], tuple[int, ...]]
               ) -> tuple[int, dict[int, int] | None, float | None]:
    work.hint(best)
    work.model.maximize(work.objective(goal))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, budget)
    solver.parameters.num_workers = max(1, options.workers)
    solver.parameters.random_seed = options.seed
    reporter = _Reporter(work, goal.value, began, progress, should_stop, rank, rank(best))
    watcher = _StopWatcher(solver, should_stop)
    watcher.start()
    try:
        status = solver.solve(work.model, reporter)
    finally:
        watcher.finish()
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    solution = work.read(solver.boolean_value) if found else None
    return status, solution, solver.best_objective_bound if found else None


class _StopWatcher:
    """Polls ``should_stop`` while CP-SAT proves (no new solutions means no callbacks)."""

    def __init__(self, solver: cp_model.CpSolver, should_stop: Callable[[], bool] | None) -> None:
        self.solver, self.should_stop = solver, should_stop
        self.done = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        if self.should_stop is not None:
            self.thread = threading.Thread(target=self._watch, daemon=True)
            self.thread.start()

    def _watch(self) -> None:
        assert self.should_stop is not None
        while not self.done.wait(0.05):
            if self.should_stop():
                self.solver.stop_search()
                return

    def finish(self) -> None:
        self.done.set()
        if self.thread is not None:
            self.thread.join()
