"""The CNF of the breaks stage (fewest breaks, proved by incremental SAT: breaks_search.py).

The model is the MaxSAT model of Bofill et al. (JAIR, "Constraint solving approaches to the
business-to-business meeting scheduling problem") with its break variables: ``y[p][s]`` (p is
in a meeting in slot s), ``z[p][s]`` (p had a meeting in slot s or before) and ``h[p][s]`` (a
break of p ends in slot s: a meeting in s, none in s-1, one before that). Every one is defined
both ways, so a participant's ``h`` literals count exactly their breaks. Its implied
constraints are kept: a slot holds at most twice as many busy participants as it has tables,
and a participant whose meetings are all certain is busy in exactly that many slots and has at
least their break floor (breaks_floor.py).

The earlier goals stay at the values already reached (cardinality constraints over the
meetings; weights as repeated literals), the spread rule ("any two participants' breaks differ
by at most ``spread``") is a hard constraint here, and the total number of breaks gets one
totalizer whose outputs are assumed false to ask "at most K breaks?" (breaks_search.py).
"""

from __future__ import annotations

try:
    from pysat.card import CardEnc, EncType, ITotalizer
    from pysat.solvers import Solver
except ImportError:  # an install without python-sat: the breaks stage runs on CP-SAT alone
    CardEnc = EncType = ITotalizer = Solver = None  # type: ignore[assignment,misc]

from desktop.scheduling.indexed import Indexed
from desktop.scheduling.model import Goal
from desktop.scheduling.timetable import Timetable



def sat_available() -> bool:
    return Solver is not None


class _Cnf:
    def __init__(self) -> None:
        self.top = 0
        self.clauses: list[list[int]] = []

    def new(self) -> int:
        self.top += 1
        return self.top

    def add(self, clause: list[int]) -> None:
        self.clauses.append(clause)

    def card(self, encoded) -> None:  # noqa: ANN001 - a pysat CNFPlus
        self.top = max(self.top, encoded.nv)
        self.clauses.extend(encoded.clauses)

    def at_most(self, lits: list[int], bound: int) -> None:
        if len(lits) <= bound:
            return
        if bound < 0:  # more is certain than allowed: no schedule
            never = self.new()
            self.add([never])
            self.add([-never])
            return
        if bound == 1:
            self.card(CardEnc.atmost(lits, 1, top_id=self.top, encoding=EncType.seqcounter))
        else:
            self.card(CardEnc.atmost(lits, bound, top_id=self.top, encoding=EncType.seqcounter))

    def at_least(self, lits: list[int], bound: int) -> None:
        if bound <= 0:
            return
        if bound >= len(lits):
            for lit in lits:
                self.add([lit])
            return
        if bound == 1:
            self.add(list(lits))
            return
        self.card(CardEnc.atleast(lits, bound, top_id=self.top, encoding=EncType.seqcounter))

    def copy_of(self, lit: int) -> int:
        """A fresh literal equal to ``lit`` (a weight is a literal repeated, each copy distinct)."""
        copy = self.new()
        self.add([-copy, lit])
        self.add([copy, -lit])
        return copy


class BreaksModel:
    """The CNF of the breaks stage for ``ix`` with the earlier goals held at ``reached``."""

    def __init__(self, ix: Indexed, reached: list[tuple[Goal, int]], floors: list[list[int]], spread: int | None) -> None:
        self.ix, self.spread = ix, spread
        cnf = self.cnf = _Cnf()
        slots = ix.slot_count
        units = [r for r in range(len(ix.request_ids)) if ix.allowed[r] and not ix.both_host[r]]
        self.x: dict[tuple[int, int], int] = {}
        self.scheduled: dict[int, int] = {}
        self.has: dict[int, int] = {}
        forced = _forced_requests(ix, units, reached)
        by_person_slot: dict[tuple[int, int], list[int]] = {}
        by_shared_table: dict[tuple[int, int], list[int]] = {}
        pool_by_slot: list[list[int]] = [[] for _s in range(slots)]
        for r in units:
            lits = []
            for s in ix.allowed[r]:
                var = self.x[(r, s)] = cnf.new()
                lits.append(var)
                for p in (ix.ra[r], ix.rb[r]):
                    by_person_slot.setdefault((p, s), []).append(var)
                table = ix.host_table[r]
                if table < 0:
                    pool_by_slot[s].append(var)
                elif table in ix.shared_host_tables:
                    by_shared_table.setdefault((table, s), []).append(var)
            cnf.at_most(lits, 1)
            if r in forced:
                cnf.add(lits)
                self.scheduled[r] = 0  # always true; never used as a literal
            else:
                done = self.scheduled[r] = cnf.new()
                cnf.add([-done] + lits)
                for var in lits:
                    cnf.add([-var, done])
            if r in ix.fixed:
                cnf.add([self.x[(r, ix.fixed[r][0])]])
        self.forced = forced
        for group in list(by_person_slot.values()) + list(by_shared_table.values()):
            cnf.at_most(group, 1)
        for group in pool_by_slot:
            cnf.at_most(group, ix.pool_size)
        self._order_repeats(units)
        self._earlier_goals(units, reached)
        self.y: dict[tuple[int, int], int] = {}
        for (p, s), group in by_person_slot.items():
            busy = self.y[(p, s)] = cnf.new()
            cnf.add([-busy] + group)
            for var in group:
                cnf.add([-var, busy])
        self._implied()
        self.h: dict[int, list[int]] = {}
        self.floor_of: dict[int, int] = {}  # the proved least breaks of p, where their meetings are certain
        for p in range(len(ix.participant_ids)):
            mine = [r for r in ix.requests_of[p] if r in self.scheduled]
            if len(mine) < 2 or ix.cap[p] < 2:
                continue
            self.h[p] = self._breaks_of(p)
            floor = floors[p]
            if all(r in forced for r in mine) and floor:
                least = self.floor_of[p] = floor[min(len(mine), ix.cap[p], len(floor) - 1)]
                cnf.at_least(self.h[p], least)
        self.every_h = [lit for lits in self.h.values() for lit in lits]

    # ----- building blocks
    def _unit_lit(self, r: int) -> int | None:
        """The literal 'request r is scheduled', None when it always is."""
        return None if r in self.forced else self.scheduled[r]

    def _has_lit(self, p: int) -> int | None:
        """'p has a meeting', None when that is sure."""
        mine = [r for r in self.ix.requests_of[p] if r in self.scheduled]
        if any(r in self.forced for r in mine):
            return None
        if p not in self.has:
            has = self.has[p] = self.cnf.new()
            self.cnf.add([-has] + [self.scheduled[r] for r in mine])
            for r in mine:
                self.cnf.add([-self.scheduled[r], has])
        return self.has[p]

    def _order_repeats(self, units: list[int]) -> None:
        """Meetings of one request are interchangeable: the k-th is in an earlier slot than the
        (k+1)-th (and scheduled whenever that one is), which removes the copies' symmetry."""
        ix = self.ix
        previous: dict[str, int] = {}
        for r in units:
            request = ix.request_ids[r]  # the copies of a request share its id
            before = previous.get(request)
            previous[request] = r
            if before is None or before in ix.fixed or r in ix.fixed:
                continue
            mine, theirs = self._unit_lit(r), self._unit_lit(before)
            if theirs is not None:
                self.cnf.add([theirs] if mine is None else [-mine, theirs])
            earlier: list[int] = []
            for s in ix.allowed[r]:
                self.cnf.add([-self.x[(r, s)]] + earlier)
                if (before, s) in self.x:
                    earlier.append(self.x[(before, s)])

    def _earlier_goals(self, units: list[int], reached: list[tuple[Goal, int]]) -> None:
        ix, cnf = self.ix, self.cnf
        for goal, value in reached:
            if goal is Goal.MUST:
                lits = [self._unit_lit(r) for r in units if ix.is_must(r)]
            elif goal is Goal.WEIGHT:
                lits = [lit for r in units for lit in [self._unit_lit(r)] * ix.weight(r)]
            elif goal is Goal.COVERAGE:
                people = {p for r in units for p in (ix.ra[r], ix.rb[r])}
                lits = [self._has_lit(p) for p in sorted(people)]
            else:
                continue
            sure = sum(1 for lit in lits if lit is None)
            open_lits = [lit for lit in lits if lit is not None]
            if len(set(open_lits)) != len(open_lits):
                seen: set[int] = set()
                distinct = []
                for lit in open_lits:
                    distinct.append(cnf.copy_of(lit) if lit in seen else lit)
                    seen.add(lit)
                open_lits = distinct
            cnf.at_least(open_lits, value - sure)
        for p, requests in enumerate(ix.requests_of):
            lits = [self._unit_lit(r) for r in requests if r in self.scheduled]
            sure = sum(1 for lit in lits if lit is None)
            cnf.at_most([lit for lit in lits if lit is not None], ix.cap[p] - sure)

    def _implied(self) -> None:
        ix, cnf = self.ix, self.cnf
        for p in range(len(ix.participant_ids)):
            mine = [r for r in ix.requests_of[p] if r in self.scheduled]
            if mine and all(r in self.forced for r in mine):
                busy = [self.y[(p, s)] for s in range(ix.slot_count) if (p, s) in self.y]
                cnf.at_least(busy, len(mine))
                cnf.at_most(busy, len(mine))
        # Two participants a meeting: a slot holds at most twice as many busy participants as it
        # has tables (pool and host). The same count as the table rule, but over ``y``, where the
        # break literals are: measured, it is what lets the solver refute few breaks quickly.
        tables = ix.pool_size + len({ix.host_table[r] for r in self.scheduled if ix.host_table[r] >= 0})
        for s in range(ix.slot_count):
            cnf.at_most([self.y[(p, s)] for p in range(len(ix.participant_ids)) if (p, s) in self.y], 2 * tables)

    def _breaks_of(self, p: int) -> list[int]:
        """The exact break-end literals of ``p`` (see the module text)."""
        cnf, y = self.cnf, self.y
        before: int | None = None  # z[p][s-2]
        seen: int | None = None  # z[p][s-1]
        ends: list[int] = []
        for s in range(self.ix.slot_count):
            busy = y.get((p, s))
            previous = y.get((p, s - 1))
            if busy is not None and before is not None:
                end = cnf.new()
                cnf.add([-end, busy])
                cnf.add([-end, before])
                if previous is not None:
                    cnf.add([-end, -previous])
                    cnf.add([-busy, previous, -before, end])
                else:
                    cnf.add([-busy, -before, end])
                ends.append(end)
            now = seen
            if busy is not None:
                now = cnf.new()
                cnf.add([-busy, now])
                if seen is not None:
                    cnf.add([-seen, now])
                    cnf.add([-now, busy, seen])
                else:
                    cnf.add([-now, busy])
            before, seen = seen, now
        return ends

    def least_with_meeting(self, reached: list[tuple[Goal, int]]) -> int:
        """Fewest participants with a meeting in any schedule this model allows."""
        coverage = [value for goal, value in reached if goal is Goal.COVERAGE]
        sure = {p for r in self.forced for p in (self.ix.ra[r], self.ix.rb[r])}
        return max([len(sure)] + coverage)

    def schedule(self, model: list[int]) -> dict[int, int]:
        true = {lit for lit in model if lit > 0}
        return {r: s for (r, s), var in self.x.items() if var in true}

    def phases_of(self, table: Timetable) -> list[int]:
        return [var if table.slot_of[r] == s else -var for (r, s), var in self.x.items()]


def _forced_requests(ix: Indexed, units: list[int], reached: list[tuple[Goal, int]]) -> set[int]:
    """Requests every schedule reaching ``reached`` has: all of them when the reached weight
    (or number of must-meetings) is the total."""
    forced = set(ix.fixed)
    for goal, value in reached:
        if goal is Goal.WEIGHT and value >= sum(ix.weight(r) for r in units):
            forced.update(units)
        if goal is Goal.MUST:
            must = [r for r in units if ix.is_must(r)]
            if value >= len(must):
                forced.update(must)
    return forced
