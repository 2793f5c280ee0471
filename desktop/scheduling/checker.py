"""The independent checker: every hard rule, and the goal figures, recomputed from scratch.

Deliberately shares no code with the engines (not even the indexed form), so a bug in
an engine cannot hide behind the same bug here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.i18n import _
from desktop.scheduling.model import MUST_PRIORITY, Figures, Meeting, Problem, Unscheduled


@dataclass(frozen=True)
class CheckReport:
    violations: tuple[str, ...]
    figures: Figures

    @property
    def ok(self) -> bool:
        return not self.violations


def count_breaks(slot_positions: Sequence[int]) -> int:
    """Runs of idle slots between two meetings: positions 3 and 6 give one, 3 and 4 none."""
    ordered = sorted(slot_positions)
    return sum(1 for before, after in zip(ordered, ordered[1:]) if after - before > 1)


def figures_of(problem: Problem, meetings: Sequence[Meeting]) -> Figures:
    """Goal figures of ``meetings`` (assumed to name known requests and slots)."""
    requests = {r.id: r for r in problem.requests}
    position = {s.id: i for i, s in enumerate(problem.slots)}
    slots_of: dict[str, list[int]] = defaultdict(list)
    must = weighted = 0
    for meeting in meetings:
        request = requests.get(meeting.request)
        if request is not None:
            weighted += request.priority
            must += request.priority >= MUST_PRIORITY
        if meeting.slot in position:
            slots_of[meeting.a].append(position[meeting.slot])
            slots_of[meeting.b].append(position[meeting.slot])
    breaks = [count_breaks(positions) for positions in slots_of.values()]
    return Figures(
        requested=sum(r.meetings for r in problem.requests),
        scheduled=len(meetings),
        must_requested=sum(r.meetings for r in problem.requests if r.priority >= MUST_PRIORITY),
        must_scheduled=must,
        participants_with_meeting=len(slots_of),
        weighted=weighted,
        breaks_total=sum(breaks),
        breaks_max=max(breaks, default=0),
        breaks_min=min(breaks, default=0),
    )


def check_schedule(
    problem: Problem, meetings: Sequence[Meeting], unscheduled: Sequence[Unscheduled] | None = None
) -> CheckReport:
    """Every broken hard rule of ``meetings`` (in words), and the goal figures."""
    bad: list[str] = []
    requests = {r.id: r for r in problem.requests}
    participants = {p.id: p for p in problem.participants}
    slots = {s.id: s for s in problem.slots}
    tables = {t.id for t in problem.tables}
    owners: dict[str, set[str]] = defaultdict(set)
    for participant in problem.participants:
        if participant.host_table is not None:
            owners[participant.host_table].add(participant.id)

    seen_requests: Counter[str] = Counter()
    at: dict[tuple[str, str], list[str]] = defaultdict(list)  # (participant, slot) -> requests
    table_use: dict[tuple[str, str], list[str]] = defaultdict(list)
    per_slot: Counter[str] = Counter()
    load: Counter[str] = Counter()
    for meeting in meetings:
        request = requests.get(meeting.request)
        if request is None:
            bad.append(_("Pertemuan untuk permintaan {request} yang tidak dikenal.").format(request=meeting.request))
            continue
        seen_requests[meeting.request] += 1
        if {meeting.a, meeting.b} != {request.a, request.b}:
            bad.append(_("Pertemuan {request}: pesertanya tidak sesuai permintaan.").format(request=meeting.request))
        slot = slots.get(meeting.slot)
        if slot is None:
            bad.append(_("Pertemuan {request}: sesi {slot} tidak dikenal.").format(request=meeting.request, slot=meeting.slot))
            continue
        if meeting.table not in tables:
            bad.append(
                _("Pertemuan {request}: meja {table} tidak dikenal.").format(request=meeting.request, table=meeting.table)
            )
        per_slot[meeting.slot] += 1
        table_use[(meeting.table, meeting.slot)].append(meeting.request)
        if request.session != "any" and slot.session != request.session:
            bad.append(
                _("Pertemuan {request} pada sesi {slot} tidak sesuai pilihan sesi ({session}).").format(
                    request=meeting.request, slot=meeting.slot, session=request.session
                )
            )
        sides = {request.a, request.b}
        for side in sides:
            load[side] += 1
            at[(side, meeting.slot)].append(meeting.request)
            person = participants.get(side)
            if person is None:
                continue
            if meeting.slot in person.unavailable:
                bad.append(
                    _("Pertemuan {request}: {participant} tidak bisa hadir pada sesi {slot}.").format(
                        request=meeting.request, participant=side, slot=meeting.slot
                    )
                )
            if person.host_table is not None and meeting.table != person.host_table:
                bad.append(
                    _("Pertemuan {request} harus di meja {table} milik {participant}.").format(
                        request=meeting.request, table=person.host_table, participant=side
                    )
                )
        if meeting.table in owners and not owners[meeting.table] & sides:
            bad.append(
                _("Pertemuan {request} memakai meja {table} milik peserta lain.").format(
                    request=meeting.request, table=meeting.table
                )
            )

    for request_id, count in seen_requests.items():
        if count > requests[request_id].meetings:
            bad.append(_("Permintaan {request} dijadwalkan {count} kali.").format(request=request_id, count=count))
    for (participant, slot), held in sorted(at.items()):
        if len(held) > 1:
            bad.append(
                _("{participant} ada di dua pertemuan sekaligus pada sesi {slot}: {requests}.").format(
                    participant=participant, slot=slot, requests=", ".join(held)
                )
            )
    for (table, slot), held in sorted(table_use.items()):
        if len(held) > 1:
            bad.append(
                _("Meja {table} dipakai dua kali pada sesi {slot}: {requests}.").format(
                    table=table, slot=slot, requests=", ".join(held)
                )
            )
    for slot, count in sorted(per_slot.items()):
        if count > len(tables):
            bad.append(
                _("Sesi {slot} berisi {count} pertemuan, padahal hanya ada {tables} meja.").format(
                    slot=slot, count=count, tables=len(tables)
                )
            )
    for participant in problem.participants:
        if participant.max_meetings is not None and load[participant.id] > participant.max_meetings:
            bad.append(
                _("{participant} mendapat {count} pertemuan, melebihi batas {limit}.").format(
                    participant=participant.id, count=load[participant.id], limit=participant.max_meetings
                )
            )
    pair_slots: dict[str, list[str]] = defaultdict(list)
    for meeting in meetings:
        pair_slots[meeting.request].append(meeting.slot)
    for request_id, held in sorted(pair_slots.items()):
        if len(set(held)) < len(held):
            bad.append(_("Pertemuan-pertemuan permintaan {request} harus pada sesi yang berbeda.").format(request=request_id))
    placed = {(m.request, m.slot, m.table) for m in meetings}
    placed_slot = {(m.request, m.slot) for m in meetings}
    for fixed in problem.fixed:
        kept = (fixed.request, fixed.slot, fixed.table) in placed if fixed.table else (fixed.request, fixed.slot) in placed_slot
        if not kept:
            bad.append(_("Pertemuan tetap {request} tidak ada di tempatnya.").format(request=fixed.request))
    if unscheduled is not None:
        listed = Counter(u.request for u in unscheduled)
        for request_id in requests:
            wanted = requests[request_id].meetings
            if seen_requests[request_id] + listed[request_id] != wanted:
                bad.append(
                    _("Permintaan {request} harus tepat {count} kali: terjadwal atau tidak terjadwal.").format(
                        request=request_id, count=wanted
                    )
                )
    return CheckReport(violations=tuple(bad), figures=figures_of(problem, meetings))
