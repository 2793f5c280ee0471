"""Fewest breaks by incremental SAT: "at most K breaks?" for K rising from the proved floor.

The first K that is satisfiable is the optimum, proved by the unsatisfiable answers below it
(or by the floor itself). Beside the global count, every participant is capped at their floor
plus what the others' floors leave of K (implied: everybody has at least their floor) and, with
the spread rule, at ``spread``. (Measured on the real forums: the caps change little; clauses
stating "no break: the meetings in one window" were slightly slower and are not used.)

The search runs where ``breaks_prover.py`` puts it (a process of its own, or a thread) and
reports through callbacks: ``on_lower(k)`` after each "no", ``on_found(slots)`` for the optimum.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.scheduling.breaks_sat import BreaksModel, ITotalizer, Solver
from desktop.scheduling.indexed import Indexed
from desktop.scheduling.model import Goal

CONFLICTS_PER_CALL = 2000  # a fraction of a second: the deadline and a cancel are seen that often
PERSON_SLACK = 2  # without a spread rule: how far above their floor a participant's cap is stated


class BreaksSearch:
    def __init__(self, ix: Indexed, reached: list[tuple[Goal, int]], floors: list[list[int]], lower: int,
                 spread: int | None, solver_name: str, stopping: Callable[[], bool],
                 on_lower: Callable[[int], None], on_found: Callable[[dict[int, int]], None],
                 settled: Callable[[], bool] = lambda: False) -> None:
        self.ix, self.reached, self.floors, self.spread = ix, reached, floors, spread
        self.lower = max(0, lower)
        self.solver_name, self.stopping, self.settled = solver_name, stopping, settled
        self.on_lower, self.on_found = on_lower, on_found
        self.solver: Solver | None = None  # while solving: ``interrupt()`` ends a call at once

    def run(self) -> None:
        model = BreaksModel(self.ix, self.reached, self.floors, self.spread)
        lits = model.every_h
        if not lits or self.stopping():
            return
        total = ITotalizer(lits, ubound=min(len(lits), self.lower + 1), top_id=model.cnf.top)
        top = total.top_id
        per_person: dict[int, ITotalizer] = {}
        for p, ends in model.h.items():
            most = self.spread if self.spread is not None else model.floor_of.get(p, 0) + PERSON_SLACK
            per_person[p] = ITotalizer(ends, ubound=min(len(ends), most + 1), top_id=top)
            top = per_person[p].top_id
        with Solver(name=self.solver_name, bootstrap_with=model.cnf.clauses) as solver:
            solver.append_formula(total.cnf.clauses)
            for tot in per_person.values():
                solver.append_formula(tot.cnf.clauses)
            self.solver = solver
            try:
                self._ask(solver, model, total, per_person, top)
            finally:
                self.solver = None  # before the solver is deleted: nobody interrupts it any more

    def _ask(self, solver: Solver, model: BreaksModel, total: ITotalizer, per_person: dict[int, ITotalizer],
             top: int) -> None:
        lits = model.every_h
        least = model.least_with_meeting(self.reached)
        floor_sum = sum(model.floor_of.values())
        while not self.settled():
            if self.lower >= len(lits):
                return  # every break literal true: no "at most" left to ask
            if self.spread is not None and self.lower >= least:
                return  # the least of the breaks could be above 0: beyond this model's spread rule
            # With fewer breaks than participants with a meeting somebody has none, so the spread
            # rule is "nobody has more than ``spread``".
            assumptions = [-total.rhs[self.lower]]
            for p, tot in per_person.items():
                most = model.floor_of.get(p, 0) + self.lower - floor_sum
                if self.spread is not None:
                    most = min(most, self.spread)
                if 0 <= most < len(tot.rhs):
                    assumptions.append(-tot.rhs[most])
            answer = self._solve(solver, assumptions)
            if answer is None:
                return
            if answer:
                self.on_found(model.schedule(solver.get_model()))
                return
            self.lower += 1
            self.on_lower(self.lower)
            if self.lower >= len(total.rhs) and self.lower < len(lits):
                total.increase(ubound=self.lower + 1, top_id=top)
                top = max(top, total.top_id)
                solver.append_formula(total.cnf.clauses[-total.nof_new:])

    def _solve(self, solver: Solver, assumptions: list[int]) -> bool | None:
        """One question, in conflict-limited calls (short enough to notice the deadline)."""
        while not self.stopping():
            solver.conf_budget(CONFLICTS_PER_CALL)
            answer = solver.solve_limited(assumptions=assumptions, expect_interrupt=True)
            if answer is not None:
                return answer
        return None
