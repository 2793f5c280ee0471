"""A mutable timetable over the indexed problem: who is busy when, and the moves engines use.

``place``/``remove`` keep every hard rule as an invariant (callers ask ``can_place`` first);
``kempe_insert`` is the alternating-path swap of König's edge-colouring argument: when ``a``
is free in slot s1 and ``b`` in s2, the s1/s2 path starting at ``b`` swaps colours so that
both become free in s1.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.scheduling.indexed import Indexed
from desktop.scheduling.model import Meeting

FREE = -1


class Timetable:
    def __init__(self, ix: Indexed) -> None:
        self.ix = ix
        slots = ix.slot_count
        self.slot_of: list[int] = [FREE] * len(ix.request_ids)
        self.busy: list[list[int]] = [[FREE] * slots for _p in ix.participant_ids]
        self.load: list[int] = [0] * len(ix.participant_ids)
        self.pool_count: list[int] = [0] * slots
        self.shared_busy: dict[tuple[int, int], int] = {}
        self.frozen: set[int] = set()  # requests whose meeting may not move or go
        self.table_of: dict[int, int] = {}  # fixed pool tables chosen by the user
        for r, (s, table) in ix.fixed.items():
            self.place(r, s)
            self.frozen.add(r)
            if table >= 0 and ix.host_table[r] < 0:
                self.table_of[r] = table

    # ----- queries
    def scheduled(self) -> list[int]:
        return [r for r, s in enumerate(self.slot_of) if s != FREE]

    def slot_fits(self, r: int, s: int) -> bool:
        """Both sides and the table are free in ``s`` (caps not considered)."""
        ix = self.ix
        if self.busy[ix.ra[r]][s] != FREE or self.busy[ix.rb[r]][s] != FREE:
            return False
        table = ix.host_table[r]
        if table < 0:
            return self.pool_count[s] < ix.pool_size
        return table not in ix.shared_host_tables or (table, s) not in self.shared_busy

    def has_room(self, r: int) -> bool:
        ix = self.ix
        return self.load[ix.ra[r]] < ix.cap[ix.ra[r]] and self.load[ix.rb[r]] < ix.cap[ix.rb[r]]

    def can_place(self, r: int, s: int) -> bool:
        return self.slot_of[r] == FREE and self.has_room(r) and self.slot_fits(r, s)

    def free_slots(self, r: int) -> list[int]:
        return [s for s in self.ix.allowed[r] if self.slot_fits(r, s)]

    def breaks(self, p: int) -> int:
        count = 0
        last = FREE
        for s, r in enumerate(self.busy[p]):
            if r != FREE:
                if last != FREE and s - last > 1:
                    count += 1
                last = s
        return count

    def breaks_with(self, p: int, add: int = FREE, drop: int = FREE) -> int:
        """Breaks of ``p`` if slot ``add`` were taken and slot ``drop`` freed."""
        count = 0
        last = FREE
        for s, r in enumerate(self.busy[p]):
            if (r != FREE and s != drop) or s == add:
                if last != FREE and s - last > 1:
                    count += 1
                last = s
        return count

    def placement_cost(self, r: int, s: int) -> int:
        ix = self.ix
        a, b = ix.ra[r], ix.rb[r]
        return (self.breaks_with(a, add=s) - self.breaks(a)) + (self.breaks_with(b, add=s) - self.breaks(b))

    # ----- changes
    def place(self, r: int, s: int) -> None:
        ix = self.ix
        a, b = ix.ra[r], ix.rb[r]
        self.slot_of[r] = s
        self.busy[a][s] = r
        self.busy[b][s] = r
        self.load[a] += 1
        self.load[b] += 1
        table = ix.host_table[r]
        if table < 0:
            self.pool_count[s] += 1
        elif table in ix.shared_host_tables:
            self.shared_busy[(table, s)] = r

    def remove(self, r: int) -> int:
        ix = self.ix
        s = self.slot_of[r]
        a, b = ix.ra[r], ix.rb[r]
        self.slot_of[r] = FREE
        self.busy[a][s] = FREE
        self.busy[b][s] = FREE
        self.load[a] -= 1
        self.load[b] -= 1
        table = ix.host_table[r]
        if table < 0:
            self.pool_count[s] -= 1
        elif table in ix.shared_host_tables:
            del self.shared_busy[(table, s)]
        return s

    def best_free_slot(self, r: int, candidates: Iterable[int] | None = None) -> int:
        """The free slot adding the fewest breaks (then the emptiest, then the earliest)."""
        best, best_key = FREE, None
        for s in self.ix.allowed[r] if candidates is None else candidates:
            if self.slot_fits(r, s):
                key = (self.placement_cost(r, s), self.pool_count[s] if self.ix.host_table[r] < 0 else 0, s)
                if best_key is None or key < best_key:
                    best, best_key = s, key
        return best

    # ----- alternating paths
    def _kempe_path(self, start: int, s1: int, s2: int, avoid: int, limit: int = 400) -> list[int] | None:
        """Meetings on the s1/s2 path from participant ``start`` (busy in s1), or None if not swappable."""
        ix = self.ix
        path: list[int] = []
        person, colour, other = start, s1, s2
        while True:
            r = self.busy[person][colour]
            if r == FREE:
                return path
            if r in self.frozen or len(path) >= limit or ix.host_table[r] in ix.shared_host_tables:
                return None
            allowed = ix.allowed[r]
            if other not in allowed:
                return None
            path.append(r)
            person = ix.rb[r] if ix.ra[r] == person else ix.ra[r]
            if person == avoid:
                return None
            colour, other = other, colour

    def _swap_path(self, path: list[int], s1: int, s2: int) -> None:
        moves = [(r, self.slot_of[r]) for r in path]
        for r, _s in moves:
            self.remove(r)
        for r, s in moves:
            self.place(r, s2 if s == s1 else s1)

    def _pool_ok_after(self, path: list[int], s1: int, s2: int, extra_at_s1: int) -> bool:
        ix = self.ix
        shift = 0  # pool meetings moving from s1 to s2, minus the reverse
        for r in path:
            if ix.host_table[r] < 0:
                shift += 1 if self.slot_of[r] == s1 else -1
        return (
            self.pool_count[s1] - shift + extra_at_s1 <= ix.pool_size
            and self.pool_count[s2] + shift <= ix.pool_size
        )

    def kempe_insert(self, r: int, slots: list[int] | None = None, tries: int = 60) -> bool:
        """Place ``r`` by swapping an alternating path; True when it worked."""
        ix = self.ix
        a, b = ix.ra[r], ix.rb[r]
        allowed = ix.allowed[r] if slots is None else slots
        free_a = [s for s in allowed if self.busy[a][s] == FREE]
        free_b = [s for s in allowed if self.busy[b][s] == FREE]
        attempts = 0
        extra = 1 if ix.host_table[r] < 0 else 0
        for first, second, free_first, free_second in ((a, b, free_a, free_b), (b, a, free_b, free_a)):
            for s1 in free_first:  # ``first`` is free here; clear ``second`` out of s1
                if self.busy[second][s1] == FREE:
                    continue
                for s2 in free_second:
                    if s2 == s1:
                        continue
                    attempts += 1
                    if attempts > tries:
                        return False
                    path = self._kempe_path(second, s1, s2, avoid=first)
                    if path is None or not self._pool_ok_after(path, s1, s2, extra):
                        continue
                    self._swap_path(path, s1, s2)
                    if self.slot_fits(r, s1):
                        self.place(r, s1)
                        return True
                    self._swap_path(path, s1, s2)  # undo (table clash elsewhere)
        return False

    def relocate_insert(self, r: int, slots: list[int] | None = None) -> bool:
        """Place ``r`` in a slot after moving each blocking meeting to another free slot."""
        ix = self.ix
        a, b = ix.ra[r], ix.rb[r]
        for s in ix.allowed[r] if slots is None else slots:
            blockers = {self.busy[a][s], self.busy[b][s]} - {FREE}
            if any(m in self.frozen for m in blockers):
                continue
            pool_short = ix.host_table[r] < 0 and self.pool_count[s] >= ix.pool_size
            if pool_short and not blockers:
                blockers = self._pool_blocker(s)
            if not blockers or len(blockers) > 2:
                continue
            removed = [(m, self.remove(m)) for m in blockers]
            if not self.slot_fits(r, s):
                for m, old in removed:
                    self.place(m, old)
                continue
            self.place(r, s)
            moved = []
            for m, _old in removed:
                target = self.best_free_slot(m, [t for t in ix.allowed[m] if t != s])
                if target == FREE:
                    break
                self.place(m, target)
                moved.append(m)
            if len(moved) == len(removed):
                return True
            for m in moved:
                self.remove(m)
            self.remove(r)
            for m, old in removed:
                self.place(m, old)
        return False

    def _pool_blocker(self, s: int) -> set[int]:
        """One movable pool meeting in slot ``s`` that fits somewhere else."""
        ix = self.ix
        seen: set[int] = set()
        for row in self.busy:
            m = row[s]
            if m == FREE or m in seen or m in self.frozen or ix.host_table[m] >= 0:
                continue
            seen.add(m)
            for t in ix.allowed[m]:
                if t != s and self.busy[ix.ra[m]][t] == FREE and self.busy[ix.rb[m]][t] == FREE and self.pool_count[t] < ix.pool_size:
                    return {m}
        return set()

    def insert(self, r: int, deep: bool = True) -> bool:
        """Place ``r`` directly, else by a swap or by moving blockers."""
        if self.slot_of[r] != FREE or not self.has_room(r) or not self.ix.allowed[r]:
            return False
        s = self.best_free_slot(r)
        if s != FREE:
            self.place(r, s)
            return True
        if not deep:
            return False
        return self.kempe_insert(r) or self.relocate_insert(r)

    # ----- output
    def meetings(self) -> list[Meeting]:
        ix = self.ix
        by_slot: dict[int, list[int]] = {}
        for r, s in enumerate(self.slot_of):
            if s != FREE:
                by_slot.setdefault(s, []).append(r)
        meetings: list[Meeting] = []
        for s, held in sorted(by_slot.items()):
            taken = {self.table_of[r] for r in held if r in self.table_of}
            spare = iter(t for t in ix.pool_tables if t not in taken)
            for r in sorted(held):
                table = ix.host_table[r]
                if table < 0:
                    table = self.table_of[r] if r in self.table_of else next(spare)
                request = ix.unit_request[r]
                meetings.append(Meeting(request.id, request.a, request.b, ix.slot_ids[s], ix.table_ids[table]))
        return meetings

    def load_meetings(self, slots: dict[int, int]) -> None:
        """Replace the non-fixed meetings by ``slots`` (request -> slot), e.g. a solver's answer."""
        for r in self.scheduled():
            if r not in self.frozen:
                self.remove(r)
        for r, s in slots.items():
            if r not in self.frozen:
                self.place(r, s)
