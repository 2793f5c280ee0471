"""On-site repair: absent people's meetings of the coming slot go, freed seats are refilled.

Only what cannot happen is cancelled: the meetings of the slot about to start whose side
has not come. An absent person's later meetings stay exactly where they are (a late arrival
keeps their day); the next repair, before the next slot, cancels that slot's if they still
have not come. Past and running meetings and locked (fixed) ones never move; other future meetings move
only when that lets a waiting request in (at most two moves per new meeting, and direct
placements are tried first for everybody). The answer lists exactly what changed, so only
the people concerned get a new slip.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.i18n import _
from desktop.scheduling.errors import ProblemError
from desktop.scheduling.indexed import index_problem
from desktop.scheduling.model import FixedMeeting, Meeting, Participant, Problem, Request
from desktop.scheduling.timetable import FREE, Timetable


@dataclass(frozen=True)
class Move:
    before: Meeting
    after: Meeting


@dataclass(frozen=True)
class RepairResult:
    meetings: tuple[Meeting, ...]  # the whole schedule after the repair
    cancelled: tuple[Meeting, ...]
    added: tuple[Meeting, ...]
    moved: tuple[Move, ...]

    @property
    def changed_participants(self) -> frozenset[str]:
        """Everybody who needs a new personal schedule slip."""
        people: set[str] = set()
        for meeting in (*self.cancelled, *self.added, *(m.after for m in self.moved)):
            people.update((meeting.a, meeting.b))
        return frozenset(people)


def repair(
    problem: Problem,
    meetings: Sequence[Meeting],
    current_slot: str | None,
    absent: Iterable[str],
    walk_ins: Sequence[Participant] = (),
    new_requests: Sequence[Request] = (),
) -> RepairResult:
    """Repair ``meetings`` while ``current_slot`` runs (None: before the first slot)."""
    absent = set(absent)
    position = {slot.id: i for i, slot in enumerate(problem.slots)}
    if current_slot is not None and current_slot not in position:
        raise ProblemError(_("Sesi {slot} tidak dikenal.").format(slot=current_slot))
    now = -1 if current_slot is None else position[current_slot]
    for person in absent:
        if person not in {p.id for p in problem.participants} | {p.id for p in walk_ins}:
            raise ProblemError(_("Peserta {participant} tidak dikenal.").format(participant=person))
    locked = {fixed.request for fixed in problem.fixed}
    for meeting in meetings:
        if meeting.slot not in position:
            raise ProblemError(_("Pertemuan {request}: sesi {slot} tidak dikenal.").format(
                request=meeting.request, slot=meeting.slot))

    coming = now + 1  # the slot about to start

    def cancelled(meeting: Meeting) -> bool:
        return position[meeting.slot] == coming and bool({meeting.a, meeting.b} & absent)

    def waits_for_absent(meeting: Meeting) -> bool:  # later: stays put, the person may still come
        return position[meeting.slot] > coming and bool({meeting.a, meeting.b} & absent)

    frozen = [m for m in meetings if position[m.slot] <= now or waits_for_absent(m)
              or (m.request in locked and not cancelled(m))]
    movable = [m for m in meetings if m not in frozen and not cancelled(m)]
    grown = dataclasses.replace(
        problem,
        participants=problem.participants + tuple(walk_ins),
        requests=problem.requests + tuple(new_requests),
        fixed=tuple(FixedMeeting(m.request, m.slot, m.table) for m in frozen),
    )
    ix = index_problem(grown)
    for r in range(len(ix.request_ids)):
        if r not in ix.fixed:  # the future only, and only for people who are here
            here = ix.participant_ids[ix.ra[r]] not in absent and ix.participant_ids[ix.rb[r]] not in absent
            ix.allowed[r] = [s for s in ix.allowed[r] if s > now] if here else []
    table = Timetable(ix)
    for meeting in movable:
        # the next unit of the request still free (a pair asking for ``meetings: N`` has N)
        r = next(u for u in ix.units_of[meeting.request] if table.slot_of[u] == FREE and u not in ix.fixed)
        table.place(r, ix.slot_index[meeting.slot])
        if ix.host_table[r] < 0:
            table.table_of[r] = ix.table_index[meeting.table]
    before = {r: table.slot_of[r] for r in range(len(ix.request_ids))}

    lost = {p for m in meetings if cancelled(m) for p in (m.a, m.b)} - absent
    waiting = [r for r in range(len(ix.request_ids)) if table.slot_of[r] == FREE and ix.allowed[r]]
    waiting.sort(key=lambda r: (
        -(ix.participant_ids[ix.ra[r]] in lost or ix.participant_ids[ix.rb[r]] in lost),
        -ix.priority[r], len(ix.allowed[r]), r,
    ))
    for r in waiting:  # first everything that fits without moving anybody
        table.insert(r, deep=False)
    for r in waiting:
        if table.slot_of[r] == FREE and table.has_room(r):
            table.relocate_insert(r)

    for r, s in before.items():  # moved pool meetings get a fresh table
        if s != table.slot_of[r]:
            table.table_of.pop(r, None)
    after = table.meetings()
    cancelled: list[Meeting] = []
    added: list[Meeting] = []
    moved: list[Move] = []
    for request in dict.fromkeys([m.request for m in meetings] + [m.request for m in after]):
        olds = [m for m in meetings if m.request == request]
        news = [m for m in after if m.request == request]
        for m in list(olds):  # a meeting where it was is neither moved nor new
            same = next((n for n in news if (n.slot, n.table) == (m.slot, m.table)), None)
            if same is not None:
                olds.remove(m)
                news.remove(same)
        moved.extend(Move(m, n) for m, n in zip(olds, news))
        cancelled.extend(olds[len(news):])
        added.extend(news[len(olds):])
    return RepairResult(meetings=tuple(after), cancelled=tuple(cancelled), added=tuple(added), moved=tuple(moved))
