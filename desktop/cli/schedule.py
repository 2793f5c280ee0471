"""``schedule``: the meeting scheduler on the command line.

    schedule PROBLEM.json [--out SCHEDULE.json] [--time-limit S] [--progress]
    schedule --db DB [--now HH:MM] [--time-limit S] [--progress]
    schedule check PROBLEM.json SCHEDULE.json
    schedule export-problem --db DB --out PROBLEM.json

argparse cannot tell a verb from a file name in one positional, so the positionals are
collected as a list and the first word decides the form.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path

from typing import TYPE_CHECKING

from desktop.i18n import _
from desktop.cli.operator_option import add_operator_argument
from desktop.models.errors import DomainError, scheduler_errors

# The solvers (OR-Tools, PySAT) and the database layer load when a command needs them, so
# ``schedule --help`` and reading a problem file start at once.
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.scheduling import Options, Progress, ScheduleResult

CHECK, EXPORT = "check", "export-problem"
# ``--time-limit`` bounds the whole run: start-up (counted from ``register``, which each command
# line's parser calls first) and writing the schedule come out of it.
_started_at = time.monotonic()
WRITE_RESERVE_S = 0.5  # the interpreter before this module, writing the output and the exit (measured: ~0.5 s)


def register(subparsers: argparse._SubParsersAction) -> None:
    global _started_at
    _started_at = time.monotonic()
    parser = subparsers.add_parser(
        "schedule",
        help=_("jadwalkan pertemuan (berkas masalah JSON atau berkas event), periksa jadwal, ekspor masalah"),
        description=_(
            "schedule MASALAH.json --out JADWAL.json | schedule --db EVENT | "
            "schedule check MASALAH.json JADWAL.json | schedule export-problem --db EVENT --out MASALAH.json"
        ),
    )
    parser.add_argument("items", nargs="*", metavar=_("ARGUMEN"),
                        help=_("MASALAH.json, atau check MASALAH.json JADWAL.json, atau export-problem"))
    parser.add_argument("--db", dest="schedule_db", help=_("berkas event (.sqlite) atau alamat SQLAlchemy"))
    parser.add_argument("--out", help=_("berkas JSON yang ditulis"))
    parser.add_argument("--time-limit", type=float, help=_("batas waktu dalam detik (bawaan 10)"))
    parser.add_argument("--progress", action="store_true", help=_("tampilkan jadwal terbaik sejauh ini selama mencari"))
    add_operator_argument(parser)
    parser.add_argument("--now", metavar=_("JJ:MM"), help=_(
        "jam acuan pada hari event: sesi yang sudah dimulai tidak diubah (bawaan: saat ini, seperti di Dasbor)"))
    parser.set_defaults(handler=run_schedule)


def run_schedule(args: argparse.Namespace) -> int:
    with scheduler_errors():  # a bad problem file is refused in one line like any other input
        return _run_schedule(args)


def _run_schedule(args: argparse.Namespace) -> int:
    items: list[str] = list(args.items)
    db = args.schedule_db or getattr(args, "db", None)
    if items and items[0] == CHECK:
        if len(items) != 3:
            raise DomainError(_("Pemakaian: schedule check MASALAH.json JADWAL.json"))
        return _check(Path(items[1]), Path(items[2]))
    if items and items[0] == EXPORT:
        if len(items) != 1 or not db or not args.out:
            raise DomainError(_("Pemakaian: schedule export-problem --db EVENT --out MASALAH.json"))
        return _export(db, Path(args.out), args.time_limit)
    if len(items) == 1:
        if db:
            raise DomainError(_("Pilih salah satu: berkas masalah atau --db, tidak keduanya."))
        return _solve_file(Path(items[0]), args.out, args.time_limit, args.progress)
    if not items and db:
        return _solve_database(args, db, args.time_limit, args.progress, args.now)
    raise DomainError(
        _("Pemakaian: schedule MASALAH.json --out JADWAL.json, schedule --db EVENT, "
          "schedule check MASALAH.json JADWAL.json, atau schedule export-problem --db EVENT --out MASALAH.json")
    )


def _options(base: Options, time_limit: float | None) -> Options:
    if time_limit is None:
        return base
    if time_limit <= 0:
        raise DomainError(_("Batas waktu harus lebih dari 0 detik."))
    return dataclasses.replace(base, time_limit_s=time_limit)


def _print_progress(progress: Progress) -> None:
    figures = progress.figures
    print(
        _("[{stage}] {seconds:.1f} dtk: {scheduled} pertemuan, {people} peserta, bobot {weighted}, jeda {breaks}").format(
            stage=progress.stage, seconds=progress.seconds, scheduled=figures.scheduled,
            people=figures.participants_with_meeting, weighted=figures.weighted, breaks=figures.breaks_total,
        ),
        file=sys.stderr,
        flush=True,
    )


def _summary(result: ScheduleResult) -> None:
    stats = result.stats
    proved = [goal for goal, ok in stats.proved_optimal.items() if ok]
    print(_("Terjadwal {scheduled} dari {requested} permintaan (batas atas {bound}).").format(
        scheduled=stats.scheduled, requested=stats.requested, bound=stats.upper_bound))
    print(_("Pertemuan wajib: {done} dari {total}.").format(done=stats.must_scheduled, total=stats.must_requested))
    print(_("Peserta yang mendapat pertemuan: {count}.").format(count=stats.participants_with_meeting))
    print(_("Bobot prioritas: {weighted} (batas atas {bound}).").format(weighted=stats.weighted, bound=stats.weighted_upper_bound))
    print(_("Jeda: {total} (terbanyak {most}, tersedikit {least} per peserta).").format(
        total=stats.breaks_total, most=stats.breaks_max, least=stats.breaks_min))
    if not stats.proved_optimal.get("d", False) and stats.breaks_lower_bound > 0:
        print(_("Jeda paling sedikit yang mungkin (terbukti): {bound}; jadwal ini {gap} di atasnya.").format(
            bound=stats.breaks_lower_bound, gap=stats.breaks_total - stats.breaks_lower_bound))
    if len(proved) == len(stats.proved_optimal):
        print(_("Terbukti optimal untuk semua tujuan (a, b, c, d)."))
    else:
        print(_("Terbukti optimal: {goals}.").format(goals=", ".join(proved) if proved else _("belum ada")))
    print(_("Waktu: {seconds:.1f} detik.").format(seconds=stats.seconds))


def _solve_file(problem_path: Path, out: str | None, time_limit: float | None, progress: bool) -> int:
    from desktop.scheduling.problem_io import read_problem, result_to_dict, write_json
    from desktop.scheduling.solver import solve

    problem = read_problem(problem_path)
    options = _options(problem.options, time_limit)
    left = options.time_limit_s - (time.monotonic() - _started_at) - WRITE_RESERVE_S
    options = dataclasses.replace(options, time_limit_s=max(0.1 * options.time_limit_s, left))
    result = solve(problem, options, _print_progress if progress else None)
    data = result_to_dict(result)
    if out:
        write_json(data, Path(out))
        _summary(result)
    else:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    return 0


def _event_moment(session: Session, now_text: str | None) -> dt.datetime:
    """``--now HH:MM`` on the event date, else the event's current moment (``board.event_moment``)."""
    from desktop.models.schedule.board import event_moment
    from desktop.models.event.demo_day import parse_time_of_day
    from desktop.models.event.event_setup import get_event

    event_date = get_event(session).event_date
    if now_text is None:
        return event_moment(event_date, dt.datetime.now().replace(microsecond=0))
    return dt.datetime.combine(event_date, parse_time_of_day(now_text))


def _solve_database(args: argparse.Namespace, target: str, time_limit: float | None, progress: bool,
                    now_text: str | None = None) -> int:
    from desktop.cli.access import writing_event
    from desktop.models.schedule.schedule_store import export_problem, store_schedule
    from desktop.scheduling.solver import solve

    with writing_event(args, target, admin_action=_("menyimpan jadwal pertemuan")) as (db, actor):
        with db.read() as session:
            moment = _event_moment(session, now_text)
            problem = export_problem(session, moment=moment)
        result = solve(problem, _options(problem.options, time_limit), _print_progress if progress else None)
        with db.transaction() as session:
            summary = store_schedule(session, result, actor, moment=moment)
    _summary(result)
    print(_("Disimpan: {added} pertemuan baru, {kept} dipertahankan, {removed} jadwal lama diganti.").format(
        added=summary.added, kept=summary.kept, removed=summary.removed))
    print(_("Jam acuan {time}: {count} pertemuan di sesi yang sudah dimulai dibekukan (tidak diubah).").format(
        time=moment.strftime("%H:%M"), count=summary.frozen))
    return 0


def _export(target: str, out: Path, time_limit: float | None) -> int:
    from desktop.cli.access import reading_event
    from desktop.models.schedule.schedule_store import export_problem
    from desktop.scheduling.problem_io import problem_to_dict, write_json

    with reading_event(target) as db:
        with db.read() as session:
            problem = export_problem(session)
    problem = dataclasses.replace(problem, options=_options(problem.options, time_limit))
    write_json(problem_to_dict(problem), out)
    print(_("Masalah penjadwalan ditulis: {path} ({requests} permintaan).").format(path=out, requests=len(problem.requests)))
    return 0


def _check(problem_path: Path, schedule_path: Path) -> int:
    from desktop.scheduling.checker import check_schedule
    from desktop.scheduling.problem_io import read_problem, read_schedule

    problem = read_problem(problem_path)
    meetings, unscheduled = read_schedule(schedule_path)
    report = check_schedule(problem, meetings, unscheduled)
    for violation in report.violations:
        print(_("PELANGGARAN: {violation}").format(violation=violation))
    figures = report.figures
    print(_("Terjadwal {scheduled} dari {requested} permintaan; wajib {must} dari {must_total}.").format(
        scheduled=figures.scheduled, requested=figures.requested, must=figures.must_scheduled,
        must_total=figures.must_requested))
    print(_("Peserta yang mendapat pertemuan: {count}.").format(count=figures.participants_with_meeting))
    print(_("Bobot prioritas: {weighted}.").format(weighted=figures.weighted))
    print(_("Jeda: {total} (terbanyak {most}, tersedikit {least} per peserta).").format(
        total=figures.breaks_total, most=figures.breaks_max, least=figures.breaks_min))
    if report.ok:
        print(_("Jadwal sah: semua aturan terpenuhi."))
        return 0
    print(_("Jadwal tidak sah: {count} pelanggaran.").format(count=len(report.violations)))
    return 1
