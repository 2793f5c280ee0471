"""``report KIND --db DB --out FILE.pdf [--participant CODE] [--paper a4|f4]``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.i18n import _
from desktop.models.reporting import report_data
from desktop.cli.access import reading_event
from desktop.models.event.database import storage_message
from desktop.models.errors import DomainError
from desktop.reports import ReportKind, render, report_info


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help=_("cetak laporan ke PDF (badge, jadwal, daftar hadir, rekap …)"))
    parser.add_argument("kind", choices=[kind.value for kind in ReportKind], metavar=_("JENIS"),
                        help=_("salah satu dari: {kinds}").format(kinds=", ".join(k.value for k in ReportKind)))
    parser.add_argument("--db", required=True, help=_("berkas event"))
    parser.add_argument("--out", required=True, help=_("berkas PDF yang ditulis"))
    parser.add_argument("--participant", metavar=_("KODE"),
                        help=_("hanya satu peserta (badge dan jadwal pribadi)"))
    parser.add_argument("--paper", choices=["a4", "f4"], help=_("ukuran kertas (bawaan: pengaturan event)"))
    parser.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    info = report_info(args.kind)
    if args.participant and not info.per_participant:
        raise DomainError(_("{report} tidak dibuat per peserta; hapus --participant.").format(report=info.title))
    out = Path(args.out)
    if not out.parent.exists():
        raise DomainError(_("Folder {folder} tidak ada.").format(folder=out.parent))
    with reading_event(args.db) as db, db.read() as session:
        data = report_data.gather(session, args.kind, code=args.participant, paper=args.paper)
    partial = out.with_name(f".{out.name}.{os.getpid()}.part")  # renamed only when the PDF is complete
    try:
        pages = render(args.kind, data, partial)
        os.replace(partial, out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise DomainError(storage_message(error, _("PDF tidak dapat ditulis: {reason}"))) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    print(_("{report}: {pages} halaman → {path}").format(report=info.title, pages=pages, path=out))
    return 0
