"""The fast engine: most-constrained-first construction with alternating-path swaps,
then local search for coverage, weight and breaks. Good schedules in well under a second.

Goal order is the default (must, coverage, weight, breaks); the exact engine handles
other orders on top of this start.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from desktop.scheduling.indexed import Indexed
from desktop.scheduling.timetable import FREE, Timetable


def fast_schedule(ix: Indexed, seed: int = 0, deadline: float | None = None, should_stop: Callable[[], bool] | None = None) -> Timetable:
    rng = random.Random(seed)
    table = Timetable(ix)
    out_of_time = _clock(deadline, should_stop)
    pressure = _pressure(ix)

    def tightness(r: int) -> tuple[float, ...]:
        # Fewest slots first, then the busiest sides; the random part breaks ties per seed.
        return (len(ix.allowed[r]), -max(pressure[ix.ra[r]], pressure[ix.rb[r]]), rng.random())

    candidates = [r for r in range(len(ix.request_ids)) if ix.allowed[r] and table.slot_of[r] == FREE]
    musts = sorted((r for r in candidates if ix.is_must(r)), key=tightness)
    for r in musts:
        table.insert(r)

    _cover_everybody(ix, table, pressure, out_of_time)

    rest = sorted((r for r in candidates if table.slot_of[r] == FREE), key=lambda r: (-ix.priority[r], *tightness(r)))
    deep = len(rest) <= 60_000
    for r in rest:
        table.insert(r, deep=deep and not out_of_time())
    if not out_of_time():
        _upgrade_weight(ix, table, out_of_time)
        _cover_everybody(ix, table, pressure, out_of_time)
    reduce_breaks(table, out_of_time)
    return table


def _clock(deadline: float | None, should_stop: Callable[[], bool] | None) -> Callable[[], bool]:
    def out_of_time() -> bool:
        if should_stop is not None and should_stop():
            return True
        return deadline is not None and time.monotonic() > deadline

    return out_of_time


def _pressure(ix: Indexed) -> list[float]:
    """Requests per usable slot: above 1 means the participant cannot meet everybody."""
    result = []
    for p, requests in enumerate(ix.requests_of):
        usable = {s for r in requests for s in ix.allowed[r]}
        room = min(ix.cap[p], len(usable)) or 1
        result.append(len(requests) / room)
    return result


def _cover_everybody(ix: Indexed, table: Timetable, pressure: list[float], out_of_time: Callable[[], bool]) -> None:
    """Give every participant without a meeting one, evicting a spare meeting if needed."""
    idle = [p for p in range(len(ix.participant_ids)) if table.load[p] == 0 and ix.requests_of[p]]
    idle.sort(key=lambda p: len({s for r in ix.requests_of[p] for s in ix.allowed[r]}))
    for p in idle:
        if table.load[p] or out_of_time():
            continue
        options = sorted(
            (r for r in ix.requests_of[p] if ix.allowed[r]),
            key=lambda r: (-ix.priority[r], pressure[ix.ra[r] if ix.rb[r] == p else ix.rb[r]]),
        )
        if any(table.insert(r) for r in options):
            continue
        for r in options:
            if _evict_for(ix, table, r, p):
                break


def _evict_for(ix: Indexed, table: Timetable, r: int, p: int) -> bool:
    """Place ``r`` (p's only hope) instead of a meeting whose loss costs nobody their last one."""
    other = ix.ra[r] if ix.rb[r] == p else ix.rb[r]
    if table.load[p] >= ix.cap[p]:
        return False
    best: tuple[int, int, int] | None = None
    for s in ix.allowed[r]:
        if table.busy[p][s] != FREE:
            continue
        victim = table.busy[other][s]
        if victim == FREE:
            if table.load[other] < ix.cap[other]:
                continue  # a pool-full slot; leave it to the regular insertion
            # ``other`` is at its cap: give up one of its meetings in any slot.
            for t in range(ix.slot_count):
                m = table.busy[other][t]
                if m != FREE and _spare(ix, table, m, other):
                    key = (ix.priority[m], t != s)
                    if best is None or key < best[:2]:
                        best = (*key, m)
            continue
        if _spare(ix, table, victim, other):
            key = (ix.priority[victim], 0)
            if best is None or key < best[:2]:
                best = (*key, victim)
    if best is None:
        return False
    victim = best[2]
    old = table.remove(victim)
    if table.insert(r, deep=False) or table.kempe_insert(r):
        table.insert(victim)  # back elsewhere if it fits, else on the standby list
        return True
    table.place(victim, old)
    return False


def _spare(ix: Indexed, table: Timetable, m: int, keeper: int) -> bool:
    """``m`` may go: not fixed, not a must, and its side other than ``keeper`` keeps another meeting."""
    if m in table.frozen or ix.is_must(m):
        return False
    other = ix.ra[m] if ix.rb[m] == keeper else ix.rb[m]
    return table.load[other] > 1


def _upgrade_weight(ix: Indexed, table: Timetable, out_of_time: Callable[[], bool]) -> None:
    """Swap a lower-priority meeting for a waiting higher-priority one of the same person."""
    waiting = sorted((r for r in range(len(ix.request_ids)) if table.slot_of[r] == FREE and ix.allowed[r] and ix.priority[r] > 1), key=lambda r: -ix.priority[r])
    for r in waiting:
        if out_of_time():
            return
        if table.slot_of[r] != FREE:
            continue
        a, b = ix.ra[r], ix.rb[r]
        for s in ix.allowed[r]:
            blockers = {table.busy[a][s], table.busy[b][s]} - {FREE}
            if len(blockers) != 1:
                continue
            (victim,) = blockers
            if victim in table.frozen or ix.priority[victim] >= ix.priority[r]:
                continue
            if any(table.load[q] == 1 for q in (ix.ra[victim], ix.rb[victim]) if q not in (a, b)):
                continue  # would cost somebody their only meeting
            old = table.remove(victim)
            if table.has_room(r) and table.slot_fits(r, s):
                table.place(r, s)
                table.insert(victim)  # back elsewhere if it fits, else it waits
                break
            table.place(victim, old)


def reduce_breaks(table: Timetable, out_of_time: Callable[[], bool], rounds: int = 8) -> None:
    """Move meetings to slots, or swap two meetings of one person, while breaks go down."""
    ix = table.ix
    for _round in range(rounds):
        improved = False
        for r in range(len(ix.request_ids)):
            if out_of_time():
                return
            s = table.slot_of[r]
            if s == FREE or r in table.frozen:
                continue
            a, b = ix.ra[r], ix.rb[r]
            if table.breaks(a) == 0 and table.breaks(b) == 0:
                continue
            if _move_better(table, r, s) or _swap_better(table, r, s):
                improved = True
        if not improved:
            return


def _move_better(table: Timetable, r: int, s: int) -> bool:
    ix = table.ix
    a, b = ix.ra[r], ix.rb[r]
    before = table.breaks(a) + table.breaks(b)
    best, best_after = FREE, before
    table.remove(r)
    for t in ix.allowed[r]:
        if t != s and table.slot_fits(r, t):
            after = table.breaks_with(a, add=t) + table.breaks_with(b, add=t)
            if after < best_after:
                best, best_after = t, after
    table.place(r, best if best != FREE else s)
    return best != FREE


def _swap_better(table: Timetable, r: int, s: int) -> bool:
    """Exchange the slots of ``r`` and another meeting of one of its sides."""
    ix = table.ix
    for person in (ix.ra[r], ix.rb[r]):
        for t, m in enumerate(table.busy[person]):
            if m == FREE or m == r or m in table.frozen or s not in ix.allowed[m] or t not in ix.allowed[r]:
                continue
            people = {ix.ra[r], ix.rb[r], ix.ra[m], ix.rb[m]}
            before = sum(table.breaks(q) for q in people)
            table.remove(r)
            table.remove(m)
            if table.slot_fits(r, t):
                table.place(r, t)
                if table.slot_fits(m, s):
                    table.place(m, s)
                    if sum(table.breaks(q) for q in people) < before:
                        return True
                    table.remove(m)
                table.remove(r)
            table.place(r, s)
            table.place(m, t)
    return False
