"""The fewest breaks a participant can have with a given number of meetings, on their own.

A slot in which none of a participant's requests can happen (they or every partner are
away, or the session wish excludes it) is idle for them in every schedule, so it splits the
day into *blocks*, and a run of meetings never crosses from one block to the next. With k
meetings a participant touches at least as many blocks as it takes to seat k of their
requests in different slots (a bipartite matching of requests to the blocks' slots), and
has at least one break fewer than that. These floors hold whatever the others do, so their
sum over everybody is a lower bound on the breaks goal; the exact engine adds them to its
model, whose own linear relaxation sees no breaks at all.
"""

from __future__ import annotations

import math
from itertools import combinations

from ortools.graph.python import max_flow
from ortools.sat.python import cp_model

from desktop.scheduling.indexed import Indexed
from desktop.scheduling.model import Goal

MAX_BLOCKS_ENUMERATED = 8  # 2**8 block subsets, a matching each; beyond that block lengths only


def blocks_of(slots: set[int]) -> list[list[int]]:
    """``slots`` as maximal runs of consecutive slots, in order."""
    blocks: list[list[int]] = []
    for s in sorted(slots):
        if blocks and blocks[-1][-1] == s - 1:
            blocks[-1].append(s)
        else:
            blocks.append([s])
    return blocks


def breaks_floor(ix: Indexed, p: int) -> list[int]:
    """``floor[k]``: the fewest breaks ``p`` has with ``k`` meetings, for k up to the most they can have."""
    requests = [r for r in ix.requests_of[p] if ix.allowed[r]]
    blocks = blocks_of({s for r in requests for s in ix.allowed[r]})
    most = min(ix.cap[p], len(requests), sum(len(block) for block in blocks))
    if most < 2 or len(blocks) < 2:
        return [0] * (most + 1)
    seated = _seated_by_subset(ix, requests, blocks) if len(blocks) <= MAX_BLOCKS_ENUMERATED else _seated_by_length(blocks)
    # All blocks together seat the most meetings ``p`` can have at all (a matching may seat fewer
    # than there are requests and slots).
    most = min(most, max(can_seat for _size, can_seat in seated))
    return [0] + [min(size for size, can_seat in seated if can_seat >= k) - 1 for k in range(1, most + 1)]


def _seated_by_subset(ix: Indexed, requests: list[int], blocks: list[list[int]]) -> list[tuple[int, int]]:
    """(number of blocks, most requests seated in their slots) for every subset of blocks."""
    result = []
    for size in range(1, len(blocks) + 1):
        for chosen in combinations(blocks, size):
            slots = {s for block in chosen for s in block}
            result.append((size, _most_seated(ix, requests, slots)))
    return result


def _seated_by_length(blocks: list[list[int]]) -> list[tuple[int, int]]:
    """A weaker bound for very fragmented days: j blocks hold at most the j longest blocks' slots."""
    lengths = sorted((len(block) for block in blocks), reverse=True)
    return [(j, sum(lengths[:j])) for j in range(1, len(lengths) + 1)]


def _most_seated(ix: Indexed, requests: list[int], slots: set[int]) -> int:
    """Most of ``requests`` that can be given different slots among ``slots``."""
    flow = max_flow.SimpleMaxFlow()
    source, sink = 0, 1
    slot_node = {s: 2 + i for i, s in enumerate(sorted(slots))}
    first_request = 2 + len(slot_node)
    for i, r in enumerate(requests):
        node = first_request + i
        flow.add_arc_with_capacity(source, node, 1)
        for s in ix.allowed[r]:
            if s in slot_node:
                flow.add_arc_with_capacity(node, slot_node[s], 1)
    for node in slot_node.values():
        flow.add_arc_with_capacity(node, sink, 1)
    if flow.solve(source, sink) != flow.OPTIMAL:
        return 0
    return flow.optimal_flow()


def breaks_floors(ix: Indexed) -> list[list[int]]:
    """``breaks_floor`` of every participant."""
    return [breaks_floor(ix, p) for p in range(len(ix.participant_ids))]


def floor_total(floors: list[list[int]], loads: list[int]) -> int:
    """The fewest breaks any timetable of meetings with these per-participant ``loads`` has."""
    return sum(floor[min(load, len(floor) - 1)] for floor, load in zip(floors, loads))


def fewest_breaks_bound(ix: Indexed, floors: list[list[int]], reached: list[tuple[Goal, int]],
                        seconds: float, workers: int, seed: int) -> int:
    """A lower bound on the breaks of every schedule that reaches the ``reached`` goal values.

    Only *which* meetings happen is decided here, not when: each participant gets their floor
    for their number of meetings, within what their usable slots and caps allow, and all pool
    meetings fit in slots × pool tables. That relaxes every timetabling rule, so the least
    total floor is a bound (the proved bound when CP-SAT stops early)."""
    model = cp_model.CpModel()
    chosen = {r: model.new_bool_var(f"z{r}") for r in range(len(ix.request_ids)) if ix.allowed[r]}
    for r in ix.fixed:
        model.add(chosen[r] == 1)
    total_floor: list[cp_model.LinearExprT] = []
    has = []
    for p, floor in enumerate(floors):
        mine = [chosen[r] for r in ix.requests_of[p] if r in chosen]
        if not mine:
            continue
        load = sum(mine)
        model.add(load <= len(floor) - 1)
        met = model.new_bool_var(f"has{p}")
        model.add(load >= met)
        has.append(met)
        if any(floor):
            total_floor.append(floor_of_load(model, f"p{p}", floor, load)[0])
    pool = [var for r, var in chosen.items() if ix.host_table[r] < 0]
    if len(pool) > ix.pool_size * ix.slot_count:
        model.add(sum(pool) <= ix.pool_size * ix.slot_count)
    value_of = {
        Goal.MUST: sum(var for r, var in chosen.items() if ix.is_must(r)),
        Goal.COVERAGE: sum(has),
        Goal.WEIGHT: sum(ix.weight(r) * var for r, var in chosen.items()),
    }
    for goal, value in reached:
        if goal in value_of:
            model.add(value_of[goal] >= value)
    if not total_floor:
        return 0
    model.minimize(sum(total_floor))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, seconds)
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    if status == cp_model.OPTIMAL:
        return round(solver.objective_value)
    if status == cp_model.FEASIBLE:
        return max(0, math.ceil(solver.best_objective_bound - 1e-6))
    return 0


def floor_of_load(model: cp_model.CpModel, name: str, floor: list[int],
                  load: cp_model.LinearExprT) -> tuple[cp_model.LinearExprT, list[cp_model.IntVar]]:
    """floor[load] as a linear expression over the order encoding of ``load`` (literal k-1: at
    least k meetings; the literals descend and sum to the load, which LP relaxations follow),
    and those literals."""
    at_least = [model.new_bool_var(f"{name}_ge{k}") for k in range(1, len(floor))]
    for higher, lower in zip(at_least[1:], at_least):
        model.add_implication(higher, lower)
    model.add(sum(at_least) == load)
    steps = sum((floor[k] - floor[k - 1]) * at_least[k - 1] for k in range(1, len(floor)) if floor[k] > floor[k - 1])
    return steps, at_least
