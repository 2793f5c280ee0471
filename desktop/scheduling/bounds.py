"""Upper bounds that prove quality when the exact engine stops early.

A flow relaxation forgets *when* meetings happen and keeps *how many* each participant can
have (their cap, and at most the slots in which any of their requests can happen), and that
all slots together hold at most slots × tables meetings. When the request graph is bipartite
(buyers ↔ makers) this is one flow network; otherwise the bipartite double cover (every
participant on both sides) carries twice any schedule, so half its optimum is a bound.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import max_flow, min_cost_flow

from desktop.scheduling.indexed import Indexed


@dataclass(frozen=True)
class Bounds:
    must: int  # most must-meetings
    coverage: int  # most participants with a meeting
    meetings: int  # most meetings
    weighted: int  # most priority-weighted meetings


def _two_colouring(ix: Indexed, requests: list[int]) -> list[int] | None:
    colour = [-1] * len(ix.participant_ids)
    neighbours: list[list[int]] = [[] for _p in ix.participant_ids]
    for r in requests:
        neighbours[ix.ra[r]].append(ix.rb[r])
        neighbours[ix.rb[r]].append(ix.ra[r])
    for start in range(len(colour)):
        if colour[start] != -1 or not neighbours[start]:
            continue
        colour[start] = 0
        stack = [start]
        while stack:
            p = stack.pop()
            for q in neighbours[p]:
                if colour[q] == -1:
                    colour[q] = 1 - colour[p]
                    stack.append(q)
                elif colour[q] == colour[p]:
                    return None
    return colour


def _participant_room(ix: Indexed, requests: list[int]) -> list[int]:
    usable: list[set[int]] = [set() for _p in ix.participant_ids]
    for r in requests:
        usable[ix.ra[r]].update(ix.allowed[r])
        usable[ix.rb[r]].update(ix.allowed[r])
    return [min(ix.cap[p], len(usable[p])) for p in range(len(usable))]


def flow_bound(ix: Indexed, requests: list[int], weighted: bool) -> int:
    """Most meetings (or most priority weight) the relaxation allows among ``requests``."""
    requests = [r for r in requests if ix.allowed[r]]
    if not requests:
        return 0
    room = _participant_room(ix, requests)
    colour = _two_colouring(ix, requests)
    n = len(ix.participant_ids)
    source, gate, sink = 2 * n, 2 * n + 1, 2 * n + 2
    total_seats = ix.slot_count * len(ix.table_ids)
    tails: list[int] = [source]
    heads: list[int] = [gate]
    caps: list[int] = [total_seats * (1 if colour is not None else 2)]
    costs: list[int] = [0]
    for p in range(n):
        if room[p] and (colour is None or colour[p] == 0):
            tails.append(gate); heads.append(p); caps.append(room[p]); costs.append(0)  # noqa: E702
        if room[p] and (colour is None or colour[p] == 1):
            tails.append(n + p); heads.append(sink); caps.append(room[p]); costs.append(0)  # noqa: E702
    for r in requests:
        a, b = ix.ra[r], ix.rb[r]
        arcs = [(a, b), (b, a)] if colour is None else [(a, b) if colour[a] == 0 else (b, a)]
        for left, right in arcs:
            tails.append(left); heads.append(n + right); caps.append(1); costs.append(-ix.weight(r))  # noqa: E702
    divisor = 1 if colour is not None else 2
    if not weighted:
        network = max_flow.SimpleMaxFlow()
        network.add_arcs_with_capacity(np.array(tails), np.array(heads), np.array(caps))
        network.solve(source, sink)
        return network.optimal_flow() // divisor
    supply = caps[0]
    tails.append(source); heads.append(sink); caps.append(supply); costs.append(0)  # noqa: E702
    network = min_cost_flow.SimpleMinCostFlow()
    network.add_arcs_with_capacity_and_unit_cost(np.array(tails), np.array(heads), np.array(caps), np.array(costs))
    supplies = [0] * (2 * n + 3)
    supplies[source], supplies[sink] = supply, -supply
    network.set_nodes_supplies(np.arange(len(supplies)), np.array(supplies))
    network.solve()
    return (-network.optimal_cost()) // divisor


def compute_bounds(ix: Indexed) -> Bounds:
    everything = list(range(len(ix.request_ids)))
    musts = [r for r in everything if ix.is_must(r)]
    reachable = {p for r in everything if ix.allowed[r] for p in (ix.ra[r], ix.rb[r])}
    return Bounds(
        must=flow_bound(ix, musts, weighted=False),
        coverage=len(reachable),
        meetings=flow_bound(ix, everything, weighted=False),
        weighted=flow_bound(ix, everything, weighted=True),
    )
