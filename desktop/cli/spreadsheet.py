"""``import participants|requests``, ``export`` and ``backup``/``restore`` on the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from desktop import formatting
from desktop.i18n import _
from desktop.models.event import backup
from desktop.models.event import event_setup
from desktop.cli.access import acting_operator, add_operator_argument, reading_event, signed_in, writing_event
from desktop.models.event.database import Database
from desktop.models.access.permissions import require_admin
from desktop.models.errors import DomainError
from desktop.models.spreadsheet import columns, reader
from desktop.models.spreadsheet.export import export_event
from desktop.models.spreadsheet.participant_import import (
    PARTICIPANT_FIELDS,
    guess_participant_columns,
    import_participants,
)
from desktop.models.spreadsheet.preview import ImportResult, status_label
from desktop.models.spreadsheet.request_import import REQUEST_FIELDS, import_requests


def register(subparsers: argparse._SubParsersAction) -> None:
    importing = subparsers.add_parser("import", help=_("impor peserta atau permintaan pertemuan dari .xlsx/.xls/.ods/.csv"))
    what = importing.add_subparsers(dest="what", metavar=_("JENIS"), required=True)
    for name, help_text, handler in (
        ("participants", _("impor daftar peserta"), run_import_participants),
        ("requests", _("impor permintaan pertemuan (pasangan peserta)"), run_import_requests),
    ):
        sub = what.add_parser(name, help=help_text)
        sub.add_argument("file", metavar=_("BERKAS"), help=_("berkas .xlsx, .xls, .ods atau .csv"))
        sub.add_argument("--db", required=True, help=_("berkas event"))
        sub.add_argument("--sheet", help=_("nama lembar (bawaan: lembar pertama, atau yang cocok)"))
        sub.add_argument("--dry-run", action="store_true", help=_("periksa saja, jangan simpan apa pun"))
        add_operator_argument(sub)
        if name == "participants":
            sub.add_argument("--same", default="", metavar=_("BARIS"),
                             help=_("baris (mis. 5,9) yang memang sama dengan peserta yang \"mungkin sama\""))
            sub.add_argument("--new", default="", metavar=_("BARIS"),
                             help=_("baris (mis. 7) yang peserta baru walau \"mungkin sama\" dengan yang ada"))
        sub.set_defaults(handler=handler)

    export = subparsers.add_parser("export", help=_("ekspor seluruh event ke satu berkas .xlsx"))
    export.add_argument("file", metavar=_("BERKAS.xlsx"))
    export.add_argument("--db", required=True, help=_("berkas event"))
    export.set_defaults(handler=run_export)

    backup_parser = subparsers.add_parser("backup", help=_("cadangkan berkas event (aman saat event berjalan)"))
    backup_parser.add_argument("--db", required=True, help=_("berkas event"))
    backup_parser.add_argument("--to", help=_("folder cadangan (bawaan: folder cadangan event)"))
    backup_parser.add_argument("--keep", type=int, default=backup.KEEP, help=_("jumlah cadangan terbaru yang disimpan"))
    add_operator_argument(backup_parser)
    backup_parser.set_defaults(handler=run_backup)

    restore = subparsers.add_parser("restore", help=_("pulihkan cadangan sebagai berkas event baru"))
    restore.add_argument("backup", metavar=_("CADANGAN"), help=_("berkas cadangan .sqlite"))
    restore.add_argument("--to", required=True, help=_("berkas event baru"))
    add_operator_argument(restore)
    restore.set_defaults(handler=run_restore)


def _require_event(db: Database) -> None:
    with db.read() as session:
        if not event_setup.has_event(session):
            raise DomainError(_("Berkas ini bukan berkas event TemuDesk (belum berisi data event)."))


def _pick_sheet(path: Path, wanted: str | None, preferred: tuple[str, ...]) -> str | None:
    info = reader.inspect_file(path)
    if wanted is not None:
        if info.kind == "csv":
            raise DomainError(_("{name} adalah CSV (satu lembar saja); hapus --sheet.").format(name=path.name))
        if wanted not in info.sheets:
            raise DomainError(_("Lembar {sheet} tidak ada di {name}. Lembar yang ada: {sheets}").format(
                sheet=wanted, name=path.name, sheets=", ".join(info.sheets)))
        return wanted
    for name in preferred:
        if name in info.sheets:
            return name
    return None


def _run_import(
    args: argparse.Namespace,
    fields: tuple[columns.Field, ...],
    preferred_sheets: tuple[str, ...],
    run: Callable[..., ImportResult],
    admin_action: str,
    guess: Callable[[tuple[str, ...]], columns.ColumnGuess],
    **options: object,
) -> int:
    path = Path(args.file)
    sheet = _pick_sheet(path, args.sheet, preferred_sheets)
    table = reader.read_table(path, sheet, columns.header_score(fields))
    mapping = guess(table.headers).mapping
    missing = columns.missing_required(mapping, fields)
    if missing:
        raise DomainError(
            _("Kolom wajib tidak ditemukan: {columns}. Judul kolom yang terbaca (baris {row}): {headers}").format(
                columns=", ".join(_(field.caption) for field in missing),
                row=table.header_row,
                headers=", ".join(h for h in table.headers if h),
            )
        )
    with writing_event(args, args.db, admin_action=admin_action) as (db, actor):
        _require_event(db)
        with db.transaction() as session:
            result = run(session, table, mapping, actor, dry_run=args.dry_run, **options)
    _print_report(result)
    return 0 if result.imported else 1


def _print_report(result: ImportResult) -> None:
    preview = result.preview
    out = sys.stdout
    print(_("Berkas {file}, lembar {sheet}, judul kolom di baris {row}").format(
        file=preview.file_name, sheet=preview.sheet, row=preview.header_row), file=out)
    for note in preview.notes:
        print(note, file=out)
    print(_("Kolom: {pairs}").format(pairs="; ".join(f"{field} ← {header}" for field, header in preview.mapped_columns)), file=out)
    for field, why in preview.guessed_columns:
        print(_("Tebakan kolom {field}: {why}. Periksa hasilnya.").format(field=field, why=why), file=out)
    row_word = _("Baris")
    for row in preview.rows:
        print(f"{row_word} {row.number:>5}  {status_label(row.status):<10}  {row.code:<14} {row.name}"
              + (f"  — {row.reason}" if row.messages else ""), file=out)
    likely = [row for row in preview.rows if row.maybe_same and row.importable]
    if likely:
        print(_("{count} baris mungkin sama dengan peserta yang ada (lihat \"Mungkin sama\" di atas): pakai "
                "--same BARIS atau --new BARIS untuk memutuskan.").format(count=len(likely)), file=out)
    prefix = _("Uji coba, tidak ada yang disimpan: ") if result.dry_run else ""
    print(prefix + result.summary(), file=out)
    if not result.imported:
        print(_("Tidak ada baris yang dapat diimpor."), file=sys.stderr)


def _row_numbers(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise DomainError(_("--same/--new berisi nomor baris dipisah koma, mis. 5,9; bukan \"{text}\".").format(
            text=text)) from None


def run_import_participants(args: argparse.Namespace) -> int:
    decisions = {number: True for number in _row_numbers(args.same)}
    decisions.update({number: False for number in _row_numbers(args.new)})
    return _run_import(args, PARTICIPANT_FIELDS, ("Peserta", "Participants"), import_participants,
                       _("mengimpor peserta"), guess_participant_columns, decisions=decisions)


def run_import_requests(args: argparse.Namespace) -> int:
    return _run_import(args, REQUEST_FIELDS, ("Permintaan", "Requests"), import_requests,
                       _("mengimpor permintaan pertemuan"),
                       lambda headers: columns.guess_columns(headers, REQUEST_FIELDS))


def run_export(args: argparse.Namespace) -> int:
    with reading_event(args.db) as db:
        _require_event(db)
        with db.read() as session:
            summary = export_event(session, args.file)
    print(_("Diekspor ke {path}: {participants} peserta, {requests} permintaan, {check_ins} catatan kehadiran, "
            "{meetings} pertemuan, {lines} baris pesanan.").format(
        path=summary.path, participants=summary.participants, requests=summary.requests,
        check_ins=summary.check_ins, meetings=summary.meetings, lines=summary.order_lines))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    source = Path(args.db)
    if not source.is_file():
        raise DomainError(_("Berkas event tidak ditemukan: {path}").format(path=source))
    if args.keep < 1:
        raise DomainError(_("--keep harus paling sedikit 1."))
    # A backup only reads the event (safe while the GUI works, so no lock), but it carries
    # everyone's data: the operator signs in first.
    signed_in(args.db, args.operator)
    path = backup.make_backup(source, args.to, keep=args.keep)
    size = formatting.number(round(path.stat().st_size / 1024))
    print(_("Cadangan dibuat: {path} ({size} KB)").format(path=path, size=size))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    if getattr(args, "read_only", False):
        raise DomainError(_("Perintah ini menulis berkas event baru, jadi tidak dijalankan dengan --read-only."))
    backup.check_backup_file(Path(args.backup))
    with reading_event(args.backup) as db:  # the backup's own operators decide who may restore it
        require_admin(acting_operator(db, args.operator), _("memulihkan cadangan"))
    path = backup.restore_backup(args.backup, args.to)
    print(_("Cadangan dipulihkan sebagai event baru: {path}").format(path=path))
    return 0
