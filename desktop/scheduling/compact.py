"""A break-free timetable that keeps the meetings of a schedule.

Zero breaks is the least any schedule can have, so a break-free schedule that keeps exactly
the meetings of ``best`` (hence every earlier goal's value) is optimal for the breaks goal.
The slot-indexed model of exact.py has a weak LP bound on breaks and rarely closes that
gap; here every participant's slots are integers, pairwise different, within a window as
long as their number of meetings. CP-SAT propagates that strongly: it finds a break-free
timetable, or proves there is none for this set of meetings, in seconds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from ortools.sat.python import cp_model

from desktop.scheduling.exact_model import StopWatcher
from desktop.scheduling.indexed import Indexed
from desktop.scheduling.timetable import Timetable


def break_free(ix: Indexed, best: Timetable, seconds: float, workers: int, seed: int,
               should_stop: Callable[[], bool] | None = None) -> dict[int, int] | None:
    """Slots (request -> slot) for the meetings of ``best`` with nobody idle between two
    meetings, or None when there is none (or none was found within ``seconds``)."""
    held = best.scheduled()
    model = cp_model.CpModel()
    slot: dict[int, cp_model.IntVar] = {}
    for r in held:
        if r in ix.fixed:
            slot[r] = model.new_constant(ix.fixed[r][0])
        else:
            slot[r] = model.new_int_var_from_domain(cp_model.Domain.from_values(ix.allowed[r]), f"t{r}")
            model.add_hint(slot[r], best.slot_of[r])
    by_person: dict[int, list[int]] = defaultdict(list)
    by_shared_table: dict[int, list[int]] = defaultdict(list)
    pool: list[int] = []
    for r in held:
        by_person[ix.ra[r]].append(r)
        by_person[ix.rb[r]].append(r)
        table = ix.host_table[r]
        if table < 0:
            pool.append(r)
        elif table in ix.shared_host_tables:
            by_shared_table[table].append(r)
    for p, requests in by_person.items():
        if len(requests) < 2:
            continue
        model.add_all_different([slot[r] for r in requests])
        first = model.new_int_var(0, ix.slot_count - len(requests), f"first{p}")
        for r in requests:
            model.add(slot[r] >= first)
            model.add(slot[r] <= first + len(requests) - 1)
    for requests in by_shared_table.values():
        if len(requests) > 1:
            model.add_all_different([slot[r] for r in requests])
    if len(pool) > ix.pool_size:
        intervals = [model.new_fixed_size_interval_var(slot[r], 1, f"i{r}") for r in pool]
        model.add_cumulative(intervals, [1] * len(intervals), ix.pool_size)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    watcher = StopWatcher(solver, should_stop)  # e.g. the SAT search settled the breaks meanwhile
    watcher.start()
    try:
        status = solver.solve(model)
    finally:
        watcher.finish()
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return {r: solver.value(var) for r, var in slot.items()}
