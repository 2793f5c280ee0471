"""Fewer breaks from a known schedule: large-neighbourhood search with small SAT questions.

"At most K breaks?" over the whole problem is hard near the optimum (tens of seconds on a
300-meeting forum), and even with most meetings held by assumptions the whole CNF
(breaks_sat.py) costs a tenth of a second per question just to propagate them (measured on
forum-14: 150-450 thousand propagations a call). So each step states only the neighbourhood:
its meetings are free, every other meeting stays in its slot and is a constant, and the
question is "the same meetings again, in slots with fewer breaks among the participants they
touch", with the spread rule on those participants. That CNF has a few thousand clauses: on
forum-14 a question takes about 15 ms to state and 15 ms to answer. Neighbourhoods: the meetings of a participant with breaks and, around
them, of their partners; the meetings of a few consecutive slots; meetings picked at random. A
"yes" is tightened on the same neighbourhood until "no"; the neighbourhood grows after "no"s
and shrinks after questions that ran out of budget.

The same meetings are kept (only slots change), so every earlier goal keeps its value. The
spread rule is kept as "nobody has more than ``spread``": that is the rule itself whenever
somebody has no break, as in any schedule with fewer breaks than participants.
The steps are deterministic given the seed (conflict budgets, never seconds); the caller
decides how many it takes.
"""

from __future__ import annotations

import random

from desktop.scheduling.indexed import Indexed

try:
    from pysat.card import CardEnc, EncType
    from pysat.solvers import Solver
except ImportError:  # without python-sat there is no SAT search at all (breaks_sat.sat_available)
    CardEnc = EncType = Solver = None  # type: ignore[assignment,misc]

STEP_CONFLICTS = 2000  # per question: most answers take far fewer
START_FREE = 30  # meetings freed per step at first
MOST_FREE_SHARE = 0.6  # of all meetings, at most, in one neighbourhood
# For the big cardinalities (the breaks total, a slot's pool): measured on forum-14 (10 s from the
# fast schedule) 16 breaks with mtotalizer, 18 kmtotalizer, 33 cardnetwrk, 36 seqcounter, 46 totalizer.
TOTAL_ENCODING = EncType.mtotalizer if EncType is not None else None
GROW, SHRINK = 1.1, 0.8
SIDEWAYS = 0.5  # after a "no": how often the neighbourhood is laid out again with as many breaks
# A fresh solver per question (a few thousand clauses): minisat22 gave the lowest breaks after the same
# time on forum-14 among glucose4, cadical195, maplesat and minisat22 (measured with whole-CNF
# questions, before they were made small; not compared again since).
LNS_SOLVER = "minisat22"


def breaks_per_person(ix: Indexed, slots: dict[int, int]) -> list[int]:
    busy: list[list[int]] = [[] for _p in ix.participant_ids]
    for r, s in slots.items():
        busy[ix.ra[r]].append(s)
        busy[ix.rb[r]].append(s)
    result = []
    for mine in busy:
        mine.sort()
        result.append(sum(1 for a, b in zip(mine, mine[1:]) if b - a > 1))
    return result


class _SubCnf:
    """A small CNF with constant folding: literal ``1`` is true (a unit clause), ``-1`` false."""

    def __init__(self) -> None:
        self.top = 1
        self.clauses: list[list[int]] = [[1]]

    def new(self) -> int:
        self.top += 1
        return self.top

    def any_of(self, lits: list[int]) -> int:
        if 1 in lits:
            return 1
        lits = [lit for lit in lits if lit != -1]
        if not lits:
            return -1
        if len(lits) == 1:
            return lits[0]
        out = self.new()
        self.clauses.append([-out] + lits)
        self.clauses.extend([-lit, out] for lit in lits)
        return out

    def all_of(self, lits: list[int]) -> int:
        return -self.any_of([-lit for lit in lits])

    def at_most(self, lits: list[int], bound: int, encoding: int | None = None) -> None:
        sure = lits.count(1)
        lits = [lit for lit in lits if lit not in (1, -1)]
        bound -= sure
        if bound < 0:
            self.clauses.append([-1])
        elif len(lits) > bound:
            encoded = CardEnc.atmost(lits, bound, top_id=self.top,
                                     encoding=EncType.seqcounter if encoding is None else encoding)
            self.top = max(self.top, encoded.nv)
            self.clauses.extend(encoded.clauses)


class BreaksLns:
    """Lowers the breaks of ``start`` (request -> slot, the scheduled meetings) step by step.
    ``current`` always holds the same meetings, every one in an allowed slot, with no clash."""

    def __init__(self, ix: Indexed, start: dict[int, int], spread: int | None, seed: int) -> None:
        self.ix, self.spread = ix, spread
        self.rng = random.Random(seed)
        self.current = dict(start)
        self.movable = sorted(r for r in start if r not in ix.fixed)
        self.person = breaks_per_person(ix, self.current)
        self.breaks = sum(self.person)
        self.size = float(min(START_FREE, len(self.movable)))
        self.work = 0  # propagations and clauses built so far: a measure of CPU that does not depend on timing

    @property
    def active(self) -> bool:
        """Whether a step can lower anything."""
        return bool(self.movable) and self.breaks > 0

    @property
    def spread_kept(self) -> bool:
        return self.spread is None or max(self.person, default=0) <= self.spread

    def step(self, conflicts: int = STEP_CONFLICTS) -> bool | None:
        """One neighbourhood: True when ``current`` got better (fewer breaks, or closer to the
        spread rule), False on "no", None when the budget ran out or nothing can be lowered."""
        if not self.active:
            return None
        free = self._neighbourhood(max(2, int(self.size)))
        improved = False
        while True:
            answer = self._ask(free, conflicts)
            if answer is None:
                self.size = max(2.0, self.size * SHRINK)
                return True if improved else None
            if not answer:
                if not improved:
                    self.size = min(MOST_FREE_SHARE * len(self.movable), self.size * GROW)
                    if self.spread_kept and self.rng.random() < SIDEWAYS:
                        self._ask(free, conflicts, fewer=0)  # as many breaks, laid out otherwise
                return improved
            improved = True
            if self.breaks == 0:
                return True

    def _ask(self, free: set[int], conflicts: int, fewer: int = 1) -> bool | None:
        """Same meetings, ``free`` re-slotted, fewer breaks among the participants they touch
        (or, while the spread rule is broken, less above it)."""
        ix = self.ix
        touched = sorted({p for r in free for p in (ix.ra[r], ix.rb[r])})
        cnf = _SubCnf()
        x: dict[tuple[int, int], int] = {}
        busy: dict[tuple[int, int], list[int]] = {}
        shared: dict[tuple[int, int], list[int]] = {}
        pool: dict[int, list[int]] = {}
        for r, s in self.current.items():  # the held meetings: constants
            if r in free:
                continue
            for p in (ix.ra[r], ix.rb[r]):
                busy.setdefault((p, s), []).append(1)
            table = ix.host_table[r]
            if table < 0:
                pool.setdefault(s, []).append(1)
            elif table in ix.shared_host_tables:
                shared.setdefault((table, s), []).append(1)
        held_busy, held_shared = set(busy), set(shared)
        full = {s for s, group in pool.items() if len(group) >= ix.pool_size}
        for r in sorted(free):
            lits = []
            table = ix.host_table[r]
            for s in ix.allowed[r]:
                if ((ix.ra[r], s) in held_busy or (ix.rb[r], s) in held_busy or (table, s) in held_shared
                        or (table < 0 and s in full)):
                    continue  # taken by a held meeting
                var = x[(r, s)] = cnf.new()
                lits.append(var)
                for p in (ix.ra[r], ix.rb[r]):
                    busy.setdefault((p, s), []).append(var)
                if table < 0:
                    pool.setdefault(s, []).append(var)
                elif table in ix.shared_host_tables:
                    shared.setdefault((table, s), []).append(var)
            cnf.clauses.append(lits)  # scheduled again (in exactly one slot: at most one below)
            cnf.at_most(lits, 1)
        for group in list(busy.values()) + list(shared.values()):
            cnf.at_most(group, 1)
        for group in pool.values():
            cnf.at_most(group, ix.pool_size, TOTAL_ENCODING)
        ends: dict[int, list[int]] = {}
        for p in touched:
            ends[p] = self._break_ends(cnf, [cnf.any_of(busy.get((p, s), [])) for s in range(ix.slot_count)])
        if self.spread_kept:
            cnf.at_most([lit for p in touched for lit in ends[p]], sum(self.person[p] for p in touched) - fewer,
                        TOTAL_ENCODING)
            for p in touched:
                if self.spread is not None:
                    cnf.at_most(ends[p], self.spread)
        else:  # first the spread rule: nobody touched gets further above it, and somebody gets closer
            worst = max(touched, key=lambda p: (self.person[p], -p))
            if self.spread is None or self.person[worst] <= self.spread:
                return False
            for p in touched:
                cnf.at_most(ends[p], max(self.spread, self.person[p]) - (p == worst))
        self.work += len(cnf.clauses)
        with Solver(name=LNS_SOLVER, bootstrap_with=cnf.clauses) as solver:
            if not fewer:  # a random layout among the equally good ones
                solver.set_phases([var if self.rng.random() < 0.5 else -var for var in x.values()])
            solver.conf_budget(conflicts)
            answer = solver.solve_limited()
            self.work += solver.accum_stats().get("propagations", 0)
            if not answer:
                return answer
            true = {lit for lit in solver.get_model() if lit > 0}
        for r in free:
            self.current[r] = next(s for s in ix.allowed[r] if x.get((r, s)) in true)
        self.person = breaks_per_person(ix, self.current)
        self.breaks = sum(self.person)
        return True

    @staticmethod
    def _break_ends(cnf: _SubCnf, y: list[int]) -> list[int]:
        """The literals "a break of this participant ends in slot s" (busy in s, idle in s-1,
        busy somewhere before), constants folded."""
        ends = []
        seen = -1  # busy in some slot up to s-2
        for s in range(2, len(y)):
            seen = cnf.any_of([seen, y[s - 2]])
            end = cnf.all_of([y[s], -y[s - 1], seen])
            if end != -1:
                ends.append(end)
        return ends

    def _neighbourhood(self, size: int) -> set[int]:
        """About ``size`` movable meetings, in one of three shapes (chosen at random)."""
        rng, ix = self.rng, self.ix
        movable = set(self.movable)
        broken = [p for p, n in enumerate(self.person) if n]
        if not self.spread_kept and self.spread is not None:
            broken = [p for p in broken if self.person[p] > self.spread]
        shape = rng.random()
        free: set[int] = set()
        if shape < 0.5 and broken:  # a participant with breaks and, around them, their partners
            frontier = [rng.choice(broken)]
            seen = set(frontier)
            while frontier and len(free) < size:
                p = frontier.pop(rng.randrange(len(frontier)))
                mine = [r for r in ix.requests_of[p] if r in movable]
                free.update(mine)
                for r in mine:
                    for q in (ix.ra[r], ix.rb[r]):
                        if q not in seen:
                            seen.add(q)
                            frontier.append(q)
        elif shape < 0.8:  # the meetings of some consecutive slots
            by_slot: dict[int, list[int]] = {}
            for r in self.movable:
                by_slot.setdefault(self.current[r], []).append(r)
            first = rng.randrange(ix.slot_count)
            for s in list(range(first, ix.slot_count)) + list(range(first)):
                if len(free) >= size:
                    break
                free.update(by_slot.get(s, []))
        else:  # random meetings, half of them of participants with breaks
            pool = sorted({r for p in broken for r in ix.requests_of[p] if r in movable})
            free.update(rng.sample(pool, min(len(pool), size // 2)))
            free.update(rng.sample(self.movable, min(len(self.movable), max(0, size - len(free)))))
        return free
