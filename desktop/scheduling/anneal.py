"""Fewer breaks by simulated annealing over alternating-path (Kempe chain) swaps and exchanges.

Every earlier goal keeps its value. A *swap* takes one meeting and a target slot and swaps
the two slots along the chain of meetings that share a participant (or a shared host table)
in those two slots, so nobody is ever double-booked; a chain that would put a meeting where
it is not allowed, or a slot over its table count, is skipped. An *exchange* drops a meeting
for an unscheduled request of the same priority that shares a participant with it (so the
must-meetings and the weight stay), when nobody loses their only meeting and caps hold.
Breaks are counted on bit masks of each participant's busy slots. Keeping the spread rule
weighs more than any break.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Iterable

from desktop.scheduling.indexed import Indexed
from desktop.scheduling.timetable import FREE, Timetable

MAX_CHAIN = 40  # meetings in one swap; longer chains are skipped (they rarely help)
START_TEMPERATURE = 1.5
END_TEMPERATURE = 0.05
CHECK_CLOCK_EVERY = 256  # moves between looks at the clock
EXCHANGE_SHARE = 0.2  # of the moves, when unscheduled requests exist


def _breaks_of(mask: int) -> int:
    """Runs of busy slots minus one (0 for nobody busy)."""
    return (mask & ~(mask << 1)).bit_count() - 1 if mask else 0


class _State:
    def __init__(self, ix: Indexed, start: Timetable, spread: int | None) -> None:
        self.ix = ix
        self.spread = spread
        participants = len(ix.participant_ids)
        shared = sorted(ix.shared_host_tables)
        shared_resource = {table: participants + i for i, table in enumerate(shared)}
        self.slot_of = list(start.slot_of)
        self.movable = _IndexedSet(r for r in start.scheduled() if r not in start.frozen)
        self.frozen = set(start.frozen)
        self.waiting = _IndexedSet(r for r in range(len(ix.request_ids))
                                   if start.slot_of[r] == FREE and ix.allowed[r] and r not in start.frozen)
        self.load = list(start.load)
        self.shared_resource = shared_resource
        self.resources: dict[int, tuple[int, ...]] = {}
        self.occupant = [[FREE] * ix.slot_count for _ in range(participants + len(shared))]
        self.mask = [0] * participants
        self.pool_count = [0] * ix.slot_count
        for r in range(len(ix.request_ids)):
            extra = (shared_resource[ix.host_table[r]],) if ix.host_table[r] in shared_resource else ()
            self.resources[r] = (ix.ra[r], ix.rb[r], *extra)
        for r in start.scheduled():
            s = self.slot_of[r]
            for resource in self.resources[r]:
                self.occupant[resource][s] = r
            self.mask[ix.ra[r]] |= 1 << s
            self.mask[ix.rb[r]] |= 1 << s
            if ix.host_table[r] < 0:
                self.pool_count[s] += 1
        self.allowed = [set(slots) for slots in ix.allowed]
        self.breaks = [_breaks_of(mask) for mask in self.mask]
        self.histogram = [0] * (ix.slot_count + 1)
        for p in range(participants):
            if self.mask[p]:
                self.histogram[self.breaks[p]] += 1
        self.total = sum(self.breaks)
        self.weight = participants * ix.slot_count + 1

    def excess(self, histogram: list[int]) -> int:
        if self.spread is None:
            return 0
        used = [b for b, count in enumerate(histogram) if count]
        return max(0, used[-1] - used[0] - self.spread) if used else 0

    def cost(self) -> int:
        return self.total + self.weight * self.excess(self.histogram)

    def chain(self, r: int, target: int) -> list[int] | None:
        """The meetings that swap slots when ``r`` moves to ``target`` (None when not possible)."""
        source = self.slot_of[r]
        members = [r]
        seen = {r}
        index = 0
        while index < len(members):
            m = members[index]
            index += 1
            other = target if self.slot_of[m] == source else source
            for resource in self.resources[m]:
                q = self.occupant[resource][other]
                if q == FREE or q in seen:
                    continue
                if q in self.frozen or len(members) >= MAX_CHAIN:
                    return None
                seen.add(q)
                members.append(q)
        for m in members:
            if (target if self.slot_of[m] == source else source) not in self.allowed[m]:
                return None
        return members

    def pool_fits(self, members: list[int], source: int, target: int) -> bool:
        shift = 0  # pool meetings going from source to target, minus the reverse
        for m in members:
            if self.ix.host_table[m] < 0:
                shift += 1 if self.slot_of[m] == source else -1
        size = self.ix.pool_size
        return self.pool_count[target] + shift <= size and self.pool_count[source] - shift <= size

    def new_masks(self, members: list[int], source: int, target: int) -> dict[int, int]:
        flip = (1 << source) | (1 << target)
        toggled: dict[int, int] = {}
        for m in members:
            for p in (self.ix.ra[m], self.ix.rb[m]):
                # A participant in two chain meetings keeps both slots busy: the flips cancel.
                toggled[p] = toggled.get(p, 0) ^ (1 << self.slot_of[m])
        masks = {}
        for p, bits in toggled.items():
            masks[p] = self.mask[p] if bits == flip else self.mask[p] ^ flip
        return masks

    def delta(self, masks: dict[int, int]) -> tuple[int, list[int], int]:
        """(cost change, histogram after, breaks total after)."""
        histogram = self.histogram
        changed = False
        total = self.total
        for p, mask in masks.items():
            after = _breaks_of(mask)
            before = self.breaks[p]
            had, has = self.mask[p] != 0, mask != 0
            if after != before or had != has:
                if not changed:
                    histogram = list(histogram)
                    changed = True
                # Only participants with a meeting count for the spread.
                histogram[before] -= had
                histogram[after] += has
                total += after - before
        cost_after = total + self.weight * self.excess(histogram)
        return cost_after - self.cost(), histogram, total

    def exchange(self, rng: random.Random) -> tuple[int, int, int] | None:
        """(dropped meeting, added request, its slot) for a random allowed exchange, or None."""
        ix = self.ix
        added = self.waiting.pick(rng)
        side = ix.ra[added] if rng.random() < 0.5 else ix.rb[added]
        same = [r for r in ix.requests_of[side] if r in self.movable and ix.priority[r] == ix.priority[added]]
        if not same:
            return None
        dropped = same[rng.randrange(len(same))]
        freed = self.slot_of[dropped]
        allowed = ix.allowed[added]
        slot = freed if freed in self.allowed[added] and rng.random() < 0.5 else allowed[rng.randrange(len(allowed))]
        for resource in self.resources[added]:
            if self.occupant[resource][slot] not in (FREE, dropped):
                return None
        if ix.host_table[added] < 0:
            room = self.pool_count[slot] - (ix.host_table[dropped] < 0 and freed == slot)
            if room >= ix.pool_size:
                return None
        gone = (ix.ra[dropped], ix.rb[dropped])
        for p in (ix.ra[added], ix.rb[added]):
            if self.load[p] - (p in gone) >= ix.cap[p]:
                return None
        for p in gone:
            # Nobody may lose their only meeting (the participants-with-a-meeting goal).
            if self.load[p] == 1 and p not in (ix.ra[added], ix.rb[added]):
                return None
        return dropped, added, slot

    def exchange_masks(self, dropped: int, added: int, slot: int) -> dict[int, int]:
        ix = self.ix
        masks: dict[int, int] = {}
        for p in (ix.ra[dropped], ix.rb[dropped]):
            masks[p] = self.mask[p] & ~(1 << self.slot_of[dropped])
        for p in (ix.ra[added], ix.rb[added]):
            masks[p] = masks.get(p, self.mask[p]) | (1 << slot)
        return masks

    def apply_exchange(self, dropped: int, added: int, slot: int, masks: dict[int, int],
                       histogram: list[int], total: int) -> None:
        ix = self.ix
        freed = self.slot_of[dropped]
        for resource in self.resources[dropped]:
            self.occupant[resource][freed] = FREE
        self.pool_count[freed] -= ix.host_table[dropped] < 0
        self.slot_of[dropped] = FREE
        for p in (ix.ra[dropped], ix.rb[dropped]):
            self.load[p] -= 1
        self.movable.remove(dropped)
        self.waiting.add(dropped)
        for resource in self.resources[added]:
            self.occupant[resource][slot] = added
        self.pool_count[slot] += ix.host_table[added] < 0
        self.slot_of[added] = slot
        for p in (ix.ra[added], ix.rb[added]):
            self.load[p] += 1
        self.waiting.remove(added)
        self.movable.add(added)
        self._commit(masks, histogram, total)

    def _commit(self, masks: dict[int, int], histogram: list[int], total: int) -> None:
        for p, mask in masks.items():
            self.mask[p] = mask
            self.breaks[p] = _breaks_of(mask)
        self.histogram = histogram
        self.total = total

    def apply(self, members: list[int], source: int, target: int, masks: dict[int, int],
              histogram: list[int], total: int) -> None:
        moves = [(m, self.slot_of[m]) for m in members]
        for m, s in moves:
            for resource in self.resources[m]:
                if self.occupant[resource][s] == m:
                    self.occupant[resource][s] = FREE
            if self.ix.host_table[m] < 0:
                self.pool_count[s] -= 1
        for m, s in moves:
            new = target if s == source else source
            self.slot_of[m] = new
            for resource in self.resources[m]:
                self.occupant[resource][new] = m
            if self.ix.host_table[m] < 0:
                self.pool_count[new] += 1
        self._commit(masks, histogram, total)


class _IndexedSet:
    """A set with O(1) add, remove and uniform random pick."""

    def __init__(self, items: Iterable[int] = ()) -> None:
        self.items: list[int] = []
        self.position: dict[int, int] = {}
        for item in items:
            self.add(item)

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, item: int) -> bool:
        return item in self.position

    def add(self, item: int) -> None:
        self.position[item] = len(self.items)
        self.items.append(item)

    def remove(self, item: int) -> None:
        index = self.position.pop(item)
        last = self.items.pop()
        if index < len(self.items):
            self.items[index] = last
            self.position[last] = index

    def pick(self, rng: random.Random) -> int:
        return self.items[rng.randrange(len(self.items))]


def anneal_breaks(ix: Indexed, start: Timetable, seconds: float, seed: int = 0,
                  spread: int | None = None, floor: int = 0,
                  should_stop: Callable[[], bool] | None = None) -> dict[int, int] | None:
    """Slots (request -> slot) for meetings as good as those of ``start`` for every other goal
    with fewer breaks (spread rule first), or None when nothing better was found within
    ``seconds``. Stops early at ``floor`` (a proved least number of breaks)."""
    state = _State(ix, start, spread)
    if not state.movable or state.cost() <= floor:
        return None
    rng = random.Random(seed)
    began = time.monotonic()
    start_cost = best_cost = cost = state.cost()
    best = list(state.slot_of)
    temperature = START_TEMPERATURE
    moves = 0
    while True:
        moves += 1
        if moves % CHECK_CLOCK_EVERY == 0:
            done = (time.monotonic() - began) / seconds
            if done >= 1 or (should_stop is not None and should_stop()):
                break
            temperature = START_TEMPERATURE * (END_TEMPERATURE / START_TEMPERATURE) ** done
        if state.waiting and rng.random() < EXCHANGE_SHARE:
            found = state.exchange(rng)
            if found is None:
                continue
            masks = state.exchange_masks(*found)
            change, histogram, total = state.delta(masks)
            if change > 0 and rng.random() >= math.exp(-change / temperature):
                continue
            state.apply_exchange(*found, masks, histogram, total)
        else:
            change = _swap(state, rng, temperature)
            if change is None:
                continue
        cost += change
        if cost < best_cost:
            best_cost, best = cost, list(state.slot_of)
            if best_cost <= floor:
                break
    if best_cost >= start_cost:
        return None
    return {r: s for r, s in enumerate(best) if s != FREE}


def _swap(state: _State, rng: random.Random, temperature: float) -> int | None:
    """One Kempe-chain swap move; its cost change when taken, None when not."""
    r = state.movable.pick(rng)
    allowed = state.ix.allowed[r]
    target = allowed[rng.randrange(len(allowed))]
    source = state.slot_of[r]
    if target == source:
        return None
    members = state.chain(r, target)
    if members is None or not state.pool_fits(members, source, target):
        return None
    masks = state.new_masks(members, source, target)
    change, histogram, total = state.delta(masks)
    if change > 0 and rng.random() >= math.exp(-change / temperature):
        return None
    state.apply(members, source, target, masks, histogram, total)
    return change
