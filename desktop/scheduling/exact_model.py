"""The CP-SAT model of the whole problem, with one expression per goal (for exact.py's stages).

Per participant: busy-slot literals, run starts and ``breaks = starts - has a meeting``; in the
breaks stage also every participant's break floor (breaks_floor.py) and the spread rule's excess.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ortools.sat.python import cp_model

from desktop.scheduling.breaks_floor import floor_of_load
from desktop.scheduling.checker import figures_of
from desktop.scheduling.indexed import Indexed
from desktop.scheduling.model import Goal, Progress
from desktop.scheduling.timetable import FREE, Timetable


class GoalModel:
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


class Reporter(cp_model.CpSolverSolutionCallback):
    """Reports each solution better than the best so far (over the goals still open)."""

    def __init__(self, work: GoalModel, stage: str, began: float, progress: Callable[[Progress], None] | None,
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


class StopWatcher:
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
