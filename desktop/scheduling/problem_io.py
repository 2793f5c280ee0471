"""The problem and schedule files (JSON), read with errors that name the bad item."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from desktop.i18n import _
from desktop.scheduling.errors import ProblemError
from desktop.scheduling.indexed import index_problem
from desktop.scheduling.model import (
    DEFAULT_GOAL_ORDER,
    FixedMeeting,
    Goal,
    Meeting,
    Options,
    Participant,
    Problem,
    Request,
    ScheduleResult,
    Slot,
    Table,
    Unscheduled,
)


MAX_NUMBER_DIGITS = 30  # no count, seed or limit in a problem file is longer; Python refuses 4,300
MAX_SEED = 2**31 - 1  # the solvers' seeds are 32-bit
MAX_TIME_LIMIT_S = 24 * 3600.0
MAX_BREAK_SPREAD = 1000
MAX_WORKERS = 64


def _number(text: str) -> int | float:
    if len(text.lstrip("-").split(".")[0].split("e")[0].split("E")[0]) > MAX_NUMBER_DIGITS:
        raise ProblemError(_("Angka terlalu panjang di berkas: {start}…").format(start=text[:12]))
    return float(text) if any(c in text for c in ".eE") else int(text)


def _no_constant(name: str) -> Any:
    raise ProblemError(_("Nilai {value} tidak boleh dipakai di berkas masalah; tulis angka biasa.").format(value=name))


def _parse(text: str) -> Any:
    """JSON as the standard says: no NaN/Infinity, no numbers longer than anybody writes."""
    try:
        return json.loads(text, parse_int=_number, parse_float=_number, parse_constant=_no_constant)
    except RecursionError:
        raise ProblemError(_("Berkas terlalu dalam bersarang untuk berkas masalah.")) from None


def _load_json(path: Path) -> Any:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProblemError(_("Berkas tidak ditemukan: {path}").format(path=path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ProblemError(_("Berkas {path} tidak dapat dibaca: {reason}").format(path=path, reason=error)) from None
    try:
        return _parse(text)
    except json.JSONDecodeError as error:
        raise ProblemError(
            _("Berkas {path} bukan JSON yang sah (baris {line}, kolom {column}): {reason}").format(
                path=path, line=error.lineno, column=error.colno, reason=error.msg
            )
        ) from None


def _list(data: dict[str, Any], key: str, required: bool = True) -> list[Any]:
    value = data.get(key)
    if value is None and not required:
        return []
    if not isinstance(value, list):
        raise ProblemError(_("Bagian '{key}' harus berupa daftar.").format(key=key))
    return value


def _object(item: Any, where: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise ProblemError(_("{where}: harus berupa objek JSON.").format(where=where))
    return item


def _text(item: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = item.get(key, default)
    if value is None:
        raise ProblemError(_("{where}: '{key}' belum diisi.").format(where=where, key=key))
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise ProblemError(_("{where}: '{key}' harus berupa teks.").format(where=where, key=key))
    return str(value)


def _integer(item: dict[str, Any], key: str, where: str, default: int | None) -> int | None:
    value = item.get(key, default)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ProblemError(_("{where}: '{key}' harus berupa bilangan bulat.").format(where=where, key=key))
    return value


def problem_from_dict(data: Any) -> Problem:
    if not isinstance(data, dict):
        raise ProblemError(_("Berkas masalah harus berupa objek JSON dengan slots, tables, participants, requests."))
    slots = []
    for position, raw in enumerate(_list(data, "slots"), start=1):
        where = _("Sesi ke-{number}").format(number=position)
        item = _object(raw, where)
        slot_id = _text(item, "id", where)
        where = _("Sesi {id}").format(id=slot_id)
        slots.append(Slot(slot_id, _text(item, "start", where, ""), _text(item, "end", where, ""),
                          _text(item, "session", where, "morning")))
    tables = []
    for position, raw in enumerate(_list(data, "tables"), start=1):
        item = _object(raw, _("Meja ke-{number}").format(number=position))
        table_id = _text(item, "id", _("Meja ke-{number}").format(number=position))
        tables.append(Table(table_id, _text(item, "label", _("Meja {id}").format(id=table_id), table_id)))
    participants = []
    for position, raw in enumerate(_list(data, "participants"), start=1):
        item = _object(raw, _("Peserta ke-{number}").format(number=position))
        participant_id = _text(item, "id", _("Peserta ke-{number}").format(number=position))
        where = _("Peserta {id}").format(id=participant_id)
        unavailable = item.get("unavailable") or []
        if not isinstance(unavailable, list) or not all(isinstance(s, str) for s in unavailable):
            raise ProblemError(_("{where}: 'unavailable' harus berupa daftar kode sesi.").format(where=where))
        host = item.get("host_table")
        if host is not None and not isinstance(host, str):
            raise ProblemError(_("{where}: 'host_table' harus berupa kode meja atau null.").format(where=where))
        participants.append(
            Participant(
                id=participant_id,
                name=_text(item, "name", where, ""),
                kind=_text(item, "kind", where, ""),
                unavailable=frozenset(unavailable),
                host_table=host,
                max_meetings=_integer(item, "max_meetings", where, None),
            )
        )
    requests = []
    for position, raw in enumerate(_list(data, "requests"), start=1):
        item = _object(raw, _("Permintaan ke-{number}").format(number=position))
        request_id = _text(item, "id", _("Permintaan ke-{number}").format(number=position))
        where = _("Permintaan {id}").format(id=request_id)
        requests.append(
            Request(
                id=request_id,
                a=_text(item, "a", where),
                b=_text(item, "b", where),
                priority=_integer(item, "priority", where, 1) or 0,
                session=_text(item, "session", where, "any"),
                meetings=_integer(item, "meetings", where, 1) or 0,
            )
        )
    fixed = []
    for position, raw in enumerate(_list(data, "fixed", required=False), start=1):
        where = _("Pertemuan tetap ke-{number}").format(number=position)
        item = _object(raw, where)
        table = item.get("table")
        fixed.append(FixedMeeting(_text(item, "request", where), _text(item, "slot", where),
                                  None if table is None else _text(item, "table", where)))
    problem = Problem(tuple(slots), tuple(tables), tuple(participants), tuple(requests), tuple(fixed),
                      options_from_dict(data.get("options") or {}))
    index_problem(problem)  # every reference and every fixed meeting checked now
    return problem


def options_from_dict(data: Any) -> Options:
    item = _object(data, _("Bagian 'options'"))
    where = _("Bagian 'options'")
    limit = item.get("time_limit_s", 10)
    if (not isinstance(limit, (int, float)) or isinstance(limit, bool) or not math.isfinite(limit)
            or not 0 < limit <= MAX_TIME_LIMIT_S):
        raise ProblemError(
            _("{where}: 'time_limit_s' harus angka lebih dari 0 dan paling banyak {most}.").format(
                where=where, most=int(MAX_TIME_LIMIT_S)
            )
        )
    spread = _bounded(item, "break_spread", where, 2, 0, MAX_BREAK_SPREAD, nullable=True)
    order = item.get("goal_order", [g.value for g in DEFAULT_GOAL_ORDER])
    valid = {g.value for g in Goal}
    if (not isinstance(order, list) or not all(isinstance(g, str) for g in order)
            or sorted(order) != sorted(valid)):
        raise ProblemError(_("{where}: 'goal_order' harus memuat a, b, c, d masing-masing sekali.").format(where=where))
    return Options(
        time_limit_s=float(limit),
        break_spread=spread,
        seed=_bounded(item, "seed", where, 0, 0, MAX_SEED) or 0,
        goal_order=tuple(Goal(g) for g in order),
        workers=_bounded(item, "workers", where, Options.workers, 1, MAX_WORKERS) or Options.workers,
    )


def _bounded(item: dict[str, Any], key: str, where: str, default: int | None, least: int, most: int,
             nullable: bool = False) -> int | None:
    """An integer option within [least, most] (None only where the option may be switched off)."""
    if nullable and key in item and item[key] is None:
        return None
    value = _integer(item, key, where, default)
    if value is None or not least <= value <= most:
        raise ProblemError(
            _("{where}: '{key}' harus bilangan bulat {least} sampai {most}.").format(
                where=where, key=key, least=least, most=most
            )
        )
    return value


def read_problem(path: Path) -> Problem:
    return problem_from_dict(_load_json(path))


def problem_to_dict(problem: Problem) -> dict[str, Any]:
    options = problem.options
    return {
        "slots": [{"id": s.id, "start": s.start, "end": s.end, "session": s.session} for s in problem.slots],
        "tables": [{"id": t.id, "label": t.label} for t in problem.tables],
        "participants": [
            {"id": p.id, "name": p.name, "kind": p.kind, "unavailable": sorted(p.unavailable),
             "host_table": p.host_table, "max_meetings": p.max_meetings}
            for p in problem.participants
        ],
        "requests": [_request_dict(r) for r in problem.requests],
        "fixed": [{"request": f.request, "slot": f.slot, "table": f.table} for f in problem.fixed],
        "options": {"time_limit_s": options.time_limit_s, "break_spread": options.break_spread, "seed": options.seed,
                    "goal_order": [g.value for g in options.goal_order]},
    }


def _request_dict(request: Request) -> dict[str, Any]:
    item: dict[str, Any] = {"id": request.id, "a": request.a, "b": request.b, "priority": request.priority,
                            "session": request.session}
    if request.meetings != 1:
        item["meetings"] = request.meetings
    return item


def write_json(data: dict[str, Any], path: Path) -> None:
    try:
        Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as error:
        raise ProblemError(_("Berkas {path} tidak dapat ditulis: {reason}").format(path=path, reason=error)) from None


def result_to_dict(result: ScheduleResult) -> dict[str, Any]:
    stats = result.stats
    return {
        "meetings": [{"request": m.request, "a": m.a, "b": m.b, "slot": m.slot, "table": m.table} for m in result.meetings],
        "unscheduled": [{"request": u.request, "reason": u.reason} for u in result.unscheduled],
        "stats": {
            "requested": stats.requested,
            "scheduled": stats.scheduled,
            "upper_bound": stats.upper_bound,
            "participants_with_meeting": stats.participants_with_meeting,
            "breaks_total": stats.breaks_total,
            "breaks_max": stats.breaks_max,
            "breaks_min": stats.breaks_min,
            "breaks_lower_bound": stats.breaks_lower_bound,
            "proved_optimal": dict(stats.proved_optimal),
            "seconds": stats.seconds,
            "must_requested": stats.must_requested,
            "must_scheduled": stats.must_scheduled,
            "weighted": stats.weighted,
            "weighted_upper_bound": stats.weighted_upper_bound,
            "engine": stats.engine,
        },
    }


def read_schedule(path: Path) -> tuple[list[Meeting], list[Unscheduled] | None]:
    """Meetings and, when the file lists them, the unscheduled requests."""
    data = _load_json(path)
    if not isinstance(data, dict):
        raise ProblemError(_("Berkas jadwal harus berupa objek JSON dengan 'meetings'."))
    meetings = []
    for position, raw in enumerate(_list(data, "meetings"), start=1):
        where = _("Pertemuan ke-{number}").format(number=position)
        item = _object(raw, where)
        meetings.append(Meeting(_text(item, "request", where), _text(item, "a", where), _text(item, "b", where),
                                _text(item, "slot", where), _text(item, "table", where)))
    if "unscheduled" not in data:
        return meetings, None
    unscheduled = []
    for position, raw in enumerate(_list(data, "unscheduled"), start=1):
        where = _("Tidak terjadwal ke-{number}").format(number=position)
        item = _object(raw, where)
        unscheduled.append(Unscheduled(_text(item, "request", where), _text(item, "reason", where, "")))
    return meetings, unscheduled
