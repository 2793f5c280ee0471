"""The problem checked and turned into integer indices, the form every engine works on.

A request for ``meetings: N`` becomes N *units* (engine request indices) that share its id
and its pair; a participant is at one meeting at a time, so the units land in different slots
without a rule of their own.

Host tables are exclusive: a table that is somebody's ``host_table`` only serves that
host's meetings; all other meetings share the *pool* of the remaining tables. So a slot
holds at most ``pool_size`` meetings without a host, and a host is at one meeting at a time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from desktop.i18n import _
from desktop.scheduling.errors import ProblemError
from desktop.scheduling.model import MUST_PRIORITY, Problem, Request, SessionName, SessionWish

MAX_MEETINGS_PER_REQUEST = 50  # more than any day has slots; guards against typos like 1000

_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass
class Indexed:
    problem: Problem
    slot_ids: list[str]
    table_ids: list[str]
    participant_ids: list[str]
    request_ids: list[str]  # per unit: the id of its request (repeated for ``meetings: N``)
    slot_index: dict[str, int]
    table_index: dict[str, int]
    participant_index: dict[str, int]
    request_index: dict[str, int]  # request id -> its first unit
    units_of: dict[str, list[int]]  # request id -> all its units
    unit_request: list[Request]  # per unit: its request
    # per unit
    ra: list[int]
    rb: list[int]
    priority: list[int]
    host_table: list[int]  # table index, or -1 for a pool meeting
    allowed: list[list[int]]  # slots both can attend that fit the session wish
    both_host: list[bool]  # both sides own (different) tables: never schedulable
    # per participant
    cap: list[int]  # most meetings (max_meetings, else number of slots)
    requests_of: list[list[int]]
    # per table
    pool_tables: list[int]
    shared_host_tables: set[int]  # host tables owned by more than one participant
    # fixed meetings: request -> (slot, table or -1)
    fixed: dict[int, tuple[int, int]]

    @property
    def slot_count(self) -> int:
        return len(self.slot_ids)

    @property
    def pool_size(self) -> int:
        return len(self.pool_tables)

    def weight(self, r: int) -> int:
        return self.priority[r]

    def is_must(self, r: int) -> bool:
        return self.priority[r] >= MUST_PRIORITY

    def name(self, p: int) -> str:
        return self.problem.participants[p].display_name


def _duplicates(ids: list[str]) -> list[str]:
    return [item for item, count in Counter(ids).items() if count > 1]


def _check_unique(ids: list[str], what: str) -> None:
    duplicates = _duplicates(ids)
    if duplicates:
        raise ProblemError(_("Kode {what} ganda: {id}").format(what=what, id=duplicates[0]))
    for item in ids:
        if not item:
            raise ProblemError(_("Ada {what} tanpa kode.").format(what=what))


def _check_slots(problem: Problem) -> None:
    previous_end = ""
    for slot in problem.slots:
        if slot.session not in {s.value for s in SessionName}:
            raise ProblemError(
                _("Sesi {slot}: bagian hari '{session}' tidak dikenal (morning atau afternoon).").format(
                    slot=slot.id, session=slot.session
                )
            )
        if not slot.start and not slot.end:
            continue
        if not (_CLOCK.match(slot.start) and _CLOCK.match(slot.end)):
            raise ProblemError(_("Sesi {slot}: jam harus ditulis JJ:MM.").format(slot=slot.id))
        if slot.end <= slot.start:
            raise ProblemError(_("Sesi {slot}: jam selesai harus sesudah jam mulai.").format(slot=slot.id))
        if previous_end and slot.start < previous_end:
            raise ProblemError(
                _("Sesi {slot} tidak berurutan: mulai {start} sebelum sesi sebelumnya selesai ({end}).").format(
                    slot=slot.id, start=slot.start, end=previous_end
                )
            )
        previous_end = slot.end


def index_problem(problem: Problem) -> Indexed:
    """Check every reference of ``problem`` and build its indexed form (raises ProblemError)."""
    slot_ids = [s.id for s in problem.slots]
    table_ids = [t.id for t in problem.tables]
    participant_ids = [p.id for p in problem.participants]
    _check_unique(slot_ids, _("sesi"))
    _check_unique(table_ids, _("meja"))
    _check_unique(participant_ids, _("peserta"))
    _check_unique([r.id for r in problem.requests], _("permintaan"))
    if not slot_ids:
        raise ProblemError(_("Belum ada sesi (slot) waktu."))
    _check_slots(problem)
    slot_index = {s: i for i, s in enumerate(slot_ids)}
    table_index = {t: i for i, t in enumerate(table_ids)}
    participant_index = {p: i for i, p in enumerate(participant_ids)}
    slot_count = len(slot_ids)

    available: list[set[int]] = []
    owner_count: Counter[int] = Counter()
    host_of: list[int] = []
    cap: list[int] = []
    for participant in problem.participants:
        for slot in participant.unavailable:
            if slot not in slot_index:
                raise ProblemError(
                    _("Peserta {participant}: sesi {slot} tidak dikenal.").format(
                        participant=participant.id, slot=slot
                    )
                )
        available.append(set(range(slot_count)) - {slot_index[s] for s in participant.unavailable})
        if participant.host_table is not None:
            if participant.host_table not in table_index:
                raise ProblemError(
                    _("Peserta {participant}: meja {table} tidak dikenal.").format(
                        participant=participant.id, table=participant.host_table
                    )
                )
            host_of.append(table_index[participant.host_table])
            owner_count[table_index[participant.host_table]] += 1
        else:
            host_of.append(-1)
        if participant.max_meetings is not None and participant.max_meetings < 0:
            raise ProblemError(
                _("Peserta {participant}: batas pertemuan tidak boleh negatif.").format(participant=participant.id)
            )
        cap.append(slot_count if participant.max_meetings is None else min(slot_count, participant.max_meetings))

    sessions = [slot.session for slot in problem.slots]
    wishes = {w.value for w in SessionWish}
    ra: list[int] = []
    rb: list[int] = []
    priority: list[int] = []
    host_table: list[int] = []
    allowed: list[list[int]] = []
    both_host: list[bool] = []
    requests_of: list[list[int]] = [[] for _p in participant_ids]
    pairs: dict[tuple[int, int], str] = {}
    request_ids: list[str] = []
    unit_request: list[Request] = []
    units_of: dict[str, list[int]] = {}
    for request in problem.requests:
        for side in (request.a, request.b):
            if side not in participant_index:
                raise ProblemError(
                    _("Permintaan {request}: peserta {participant} tidak dikenal.").format(
                        request=request.id, participant=side
                    )
                )
        a, b = participant_index[request.a], participant_index[request.b]
        if a == b:
            raise ProblemError(
                _("Permintaan {request}: peserta {participant} tidak bisa bertemu dengan dirinya sendiri.").format(
                    request=request.id, participant=request.a
                )
            )
        pair = (min(a, b), max(a, b))
        if pair in pairs:
            raise ProblemError(
                _("Permintaan {request} dan {other} untuk pasangan yang sama; satu pasangan cukup satu permintaan "
                  "(untuk beberapa pertemuan isi 'meetings').").format(request=request.id, other=pairs[pair])
            )
        pairs[pair] = request.id
        if request.priority not in (1, 2, 3):
            raise ProblemError(
                _("Permintaan {request}: prioritas harus 1, 2 atau 3.").format(request=request.id)
            )
        if request.session not in wishes:
            raise ProblemError(
                _("Permintaan {request}: pilihan sesi '{session}' tidak dikenal (any, morning, afternoon).").format(
                    request=request.id, session=request.session
                )
            )
        if not isinstance(request.meetings, int) or not 1 <= request.meetings <= MAX_MEETINGS_PER_REQUEST:
            raise ProblemError(
                _("Permintaan {request}: jumlah pertemuan ('meetings') harus 1 sampai {most}.").format(
                    request=request.id, most=MAX_MEETINGS_PER_REQUEST
                )
            )
        ha, hb = host_of[a], host_of[b]
        conflict = ha >= 0 and hb >= 0 and ha != hb
        slots = available[a] & available[b]
        if request.session != SessionWish.ANY.value:
            slots = {s for s in slots if sessions[s] == request.session}
        usable = [] if conflict else sorted(slots)
        for _copy in range(request.meetings):
            r = len(request_ids)
            request_ids.append(request.id)
            unit_request.append(request)
            units_of.setdefault(request.id, []).append(r)
            ra.append(a)
            rb.append(b)
            priority.append(request.priority)
            host_table.append(ha if ha >= 0 else hb)
            both_host.append(conflict)
            allowed.append(list(usable))
            requests_of[a].append(r)
            requests_of[b].append(r)

    indexed = Indexed(
        problem=problem,
        slot_ids=slot_ids,
        table_ids=table_ids,
        participant_ids=participant_ids,
        request_ids=request_ids,
        slot_index=slot_index,
        table_index=table_index,
        participant_index=participant_index,
        request_index={request: units[0] for request, units in units_of.items()},
        units_of=units_of,
        unit_request=unit_request,
        ra=ra,
        rb=rb,
        priority=priority,
        host_table=host_table,
        allowed=allowed,
        both_host=both_host,
        cap=cap,
        requests_of=requests_of,
        pool_tables=[t for t in range(len(table_ids)) if owner_count[t] == 0],
        shared_host_tables={t for t, count in owner_count.items() if count > 1},
        fixed={},
    )
    _index_fixed(indexed)
    return indexed


def _index_fixed(ix: Indexed) -> None:
    """Fixed meetings must themselves keep every hard rule, or the problem is refused."""
    busy: dict[tuple[int, int], str] = {}  # (participant or -1-table, slot) -> request id
    pool_used: Counter[int] = Counter()
    pool_tables_used: set[tuple[int, int]] = set()
    load: Counter[int] = Counter()
    for fixed in ix.problem.fixed:
        if fixed.request not in ix.units_of:
            raise ProblemError(_("Pertemuan tetap: permintaan {request} tidak dikenal.").format(request=fixed.request))
        free_units = [u for u in ix.units_of[fixed.request] if u not in ix.fixed]
        if not free_units:
            raise ProblemError(_("Pertemuan tetap ganda untuk permintaan {request}.").format(request=fixed.request))
        r = free_units[0]
        if fixed.slot not in ix.slot_index:
            raise ProblemError(
                _("Pertemuan tetap {request}: sesi {slot} tidak dikenal.").format(request=fixed.request, slot=fixed.slot)
            )
        s = ix.slot_index[fixed.slot]
        table = -1
        if fixed.table is not None:
            if fixed.table not in ix.table_index:
                raise ProblemError(
                    _("Pertemuan tetap {request}: meja {table} tidak dikenal.").format(
                        request=fixed.request, table=fixed.table
                    )
                )
            table = ix.table_index[fixed.table]
        if ix.both_host[r]:
            raise ProblemError(
                _("Pertemuan tetap {request}: kedua peserta punya meja sendiri yang berbeda.").format(request=fixed.request)
            )
        if s not in ix.allowed[r]:
            raise ProblemError(
                _("Pertemuan tetap {request}: sesi {slot} tidak bisa dihadiri kedua peserta atau tidak sesuai pilihan sesi.").format(
                    request=fixed.request, slot=fixed.slot
                )
            )
        host = ix.host_table[r]
        if host >= 0:
            if table not in (-1, host):
                raise ProblemError(
                    _("Pertemuan tetap {request}: harus di meja tuan rumah {table}.").format(
                        request=fixed.request, table=ix.table_ids[host]
                    )
                )
            table = host
        elif table >= 0:
            if table not in ix.pool_tables:
                raise ProblemError(
                    _("Pertemuan tetap {request}: meja {table} adalah meja milik peserta lain.").format(
                        request=fixed.request, table=fixed.table
                    )
                )
            if (table, s) in pool_tables_used:
                raise ProblemError(
                    _("Pertemuan tetap {request}: meja {table} sudah dipakai pada sesi {slot}.").format(
                        request=fixed.request, table=fixed.table, slot=fixed.slot
                    )
                )
            pool_tables_used.add((table, s))
        resources = [ix.ra[r], ix.rb[r]]
        if host >= 0:
            resources.append(-1 - host)
        for resource in resources:
            other = busy.get((resource, s))
            if other is not None:
                what = ix.participant_ids[resource] if resource >= 0 else ix.table_ids[-1 - resource]
                raise ProblemError(
                    _("Pertemuan tetap {request} dan {other} bentrok: {what} pada sesi {slot}.").format(
                        request=fixed.request, other=other, what=what, slot=fixed.slot
                    )
                )
            busy[(resource, s)] = fixed.request
        if host < 0:
            pool_used[s] += 1
            if pool_used[s] > ix.pool_size:
                raise ProblemError(
                    _("Pertemuan tetap pada sesi {slot} lebih banyak dari meja yang tersedia.").format(slot=fixed.slot)
                )
        for p in (ix.ra[r], ix.rb[r]):
            load[p] += 1
            if load[p] > ix.cap[p]:
                raise ProblemError(
                    _("Pertemuan tetap melebihi batas pertemuan {participant}.").format(participant=ix.participant_ids[p])
                )
        ix.fixed[r] = (s, table)
