"""Why a request stayed unscheduled, in words a desk person understands."""

from __future__ import annotations

from desktop.i18n import _
from desktop.scheduling.indexed import Indexed
from desktop.scheduling.model import SessionWish
from desktop.scheduling.timetable import FREE, Timetable


def _usable_slots(ix: Indexed, p: int) -> int:
    return len({s for r in ix.requests_of[p] for s in ix.allowed[r]})


def reason_for(ix: Indexed, table: Timetable, r: int) -> str:
    a, b = ix.ra[r], ix.rb[r]
    name_a, name_b = ix.name(a), ix.name(b)
    if ix.both_host[r]:
        return _("{a} dan {b} sama-sama punya meja sendiri, jadi tidak ada meja untuk pertemuan mereka.").format(
            a=name_a, b=name_b
        )
    if not ix.allowed[r]:
        wish = ix.unit_request[r].session
        if wish == SessionWish.ANY.value:
            return _("{a} dan {b} tidak punya sesi yang sama-sama bisa dihadiri.").format(a=name_a, b=name_b)
        return _("{a} dan {b} tidak punya sesi {session} yang sama-sama bisa dihadiri.").format(
            a=name_a, b=name_b, session=_("pagi") if wish == SessionWish.MORNING.value else _("siang")
        )
    for p in (a, b):
        if table.load[p] < ix.cap[p]:
            continue
        limit = ix.problem.participants[p].max_meetings
        if limit is not None and limit == ix.cap[p] and limit < _usable_slots(ix, p):
            return _("{name} dibatasi {limit} pertemuan dan sudah penuh.").format(name=ix.name(p), limit=limit)
        return _("{name} punya {requests} permintaan tetapi hanya {slots} sesi yang bisa diisi.").format(
            name=ix.name(p), requests=len(ix.requests_of[p]), slots=ix.cap[p]
        )
    for p in (a, b):
        usable = _usable_slots(ix, p)
        if len(ix.requests_of[p]) > usable:
            return _("{name} punya {requests} permintaan tetapi hanya {slots} sesi yang bisa diisi.").format(
                name=ix.name(p), requests=len(ix.requests_of[p]), slots=usable
            )
    both_free = [s for s in ix.allowed[r] if table.busy[a][s] == FREE and table.busy[b][s] == FREE]
    if both_free:
        return _("Semua meja sudah terpakai pada sesi saat {a} dan {b} sama-sama kosong.").format(a=name_a, b=name_b)
    return _("Tidak ada sesi saat {a} dan {b} sama-sama kosong; pertemuan lain lebih diutamakan.").format(
        a=name_a, b=name_b
    )
