"""``new``, ``demo`` and ``info``: create an empty or the demo event, show what an event file holds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from desktop import formatting
from desktop.i18n import _
from desktop.models.event import event_setup
from desktop.models.reporting import overview
from desktop.cli.access import reading_event
from desktop.models.event.database import open_database
from desktop.models.event.demo import DEMO_SEED, create_demo_event
from desktop.models.event.demo_day import parse_time_of_day, play_day
from desktop.models.enums import ParticipantKind, label
from desktop.models.errors import DomainError
from desktop.models.event.event_setup import EventSettings
from desktop.models.event.new_event import building, create_event_file, parse_date


def register(subparsers: argparse._SubParsersAction) -> None:
    new = subparsers.add_parser("new", help=_("buat event baru yang kosong (sama seperti menu Event baru)"))
    new.add_argument("--db", required=True, help=_("berkas event baru (.sqlite); tidak boleh sudah ada"))
    new.add_argument("--name", required=True, help=_("nama event"))
    new.add_argument("--date", metavar="TTTT-BB-HH", help=_("tanggal event (bawaan: hari ini)"))
    new.add_argument("--venue", default="", help=_("tempat event"))
    new.set_defaults(handler=run_new)

    demo = subparsers.add_parser("demo", help=_("buat berkas event demo (Business Matching 2020)"))
    demo.add_argument("--db", required=True, help=_("berkas event yang dibuat"))
    demo.add_argument("--seed", type=int, default=DEMO_SEED, help=_("benih acak (hasil sama untuk benih sama)"))
    demo.add_argument("--force", action="store_true", help=_("timpa berkas yang sudah ada"))
    demo.add_argument("--at", metavar="JJ:MM", help=_("mainkan hari event sampai jam ini (mis. 11:00)"))
    demo.set_defaults(handler=run_demo)

    info = subparsers.add_parser("info", help=_("tampilkan ringkasan isi berkas event"))
    info.add_argument("--db", required=True, help=_("berkas event"))
    info.set_defaults(handler=run_info)


def make_demo_file(target: str, seed: int = DEMO_SEED, force: bool = False, at: str | None = None) -> None:
    """Create the demo event at ``target`` (a path or URL)."""
    if "://" not in target:
        path = Path(target)
        if path.exists() and not force:
            raise DomainError(_("Berkas {path} sudah ada. Pakai --force untuk menimpanya.").format(path=path))
        with building(path, replace=force) as partial:  # the old file stays until the new one is complete
            _fill_demo(str(partial), seed, at)
        return
    _fill_demo(target, seed, at)


def _fill_demo(target: str, seed: int, at: str | None) -> None:
    db = open_database(target)
    try:
        with db.transaction() as session:
            if event_setup.has_event(session):
                raise DomainError(_("Basis data ini sudah berisi event."))
            create_demo_event(session, seed)
        if at is not None:
            with db.transaction() as session:
                summary = play_day(session, parse_time_of_day(at), seed)
            print(
                _("Hari event dimainkan sampai {time}: {present} hadir (termasuk {walk_ins} datang langsung), "
                  "{held} pertemuan terlaksana, {missed} tidak hadir, {orders} pesanan.").format(
                    time=formatting.clock(summary.at), present=summary.checked_in, walk_ins=summary.walk_ins,
                    held=summary.meetings_held, missed=summary.meetings_no_show, orders=summary.orders,
                )
            )
    finally:
        db.close()


def run_demo(args: argparse.Namespace) -> int:
    if args.at is not None:
        parse_time_of_day(args.at)  # refuse a bad time before any file is written
    make_demo_file(args.db, args.seed, args.force, args.at)
    shown = make_url(args.db).render_as_string(hide_password=True) if "://" in args.db else args.db
    print(_("Event demo dibuat: {path}").format(path=shown))
    return 0


def run_new(args: argparse.Namespace) -> int:
    if "://" in args.db:
        raise DomainError(_("'new' membuat berkas event (.sqlite); untuk server pakai 'temudesk copy'."))
    settings = EventSettings(name=args.name, venue=args.venue, event_date=parse_date(args.date))
    path = create_event_file(args.db, settings)
    print(_("Event baru dibuat: {path}").format(path=path))
    return 0


def run_info(args: argparse.Namespace) -> int:
    with reading_event(args.db) as db, db.read() as session:
        event = event_setup.get_event(session)
        counts = overview.event_counts(session)
    out = sys.stdout
    print(f"{event.name} — {event.venue}", file=out)
    print(formatting.long_date(event.event_date), file=out)
    print(_("Peserta: {count}").format(count=counts.participants), file=out)
    for kind in ParticipantKind:
        print(f"  {label(kind)}: {counts.participants_by_kind[kind.value]}", file=out)
    print(_("Sesi: {count}").format(count=counts.slots), file=out)
    print(_("Meja: {count}").format(count=counts.tables), file=out)
    print(_("Permintaan pertemuan: {count}").format(count=counts.requests), file=out)
    print(_("Pertemuan terjadwal: {count}").format(count=counts.meetings), file=out)
    print(_("Pesanan: {count}").format(count=counts.orders), file=out)
    return 0
