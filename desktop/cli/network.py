"""Several desks on one server: ``copy``, ``merge-checkins``, ``server check``, ``server prepare``."""

from __future__ import annotations

import argparse
import getpass
import sys

from desktop import formatting
from desktop.i18n import _
from desktop.cli.access import add_operator_argument, reading_event, signed_in, writing_event
from desktop.models.checkin.checkin_merge import MergePreview, Verdict, apply_merge, preview_merge
from desktop.models.errors import DomainError
from desktop.models.event.event_copy import copy_event_to
from desktop.models.event.network_event import ServerAddress, check_connection, prepare_server
from desktop.models.access.permissions import require_admin
from desktop.models.event.server_prepare import check_identifier

def register(subparsers: argparse._SubParsersAction) -> None:
    copy = subparsers.add_parser(
        "copy", help=_("salin seluruh event ke basis data kosong (berkas ↔ server), jumlah baris diperiksa"))
    copy.add_argument("source", metavar=_("SUMBER"), help=_("berkas event atau alamat server"))
    copy.add_argument("target", metavar=_("TUJUAN"), help=_("berkas baru atau alamat server yang kosong"))
    add_operator_argument(copy)
    copy.set_defaults(handler=run_copy)

    merge = subparsers.add_parser(
        "merge-checkins", help=_("gabungkan check-in dari berkas darurat ke server (menurut nonce)"))
    merge.add_argument("emergency", metavar=_("BERKAS_DARURAT"), help=_("berkas event darurat (.sqlite)"))
    merge.add_argument("--db", dest="merge_db", required=True, help=_("alamat server event"))
    merge.add_argument("--dry-run", action="store_true", help=_("hanya tampilkan pratinjau, tidak menyimpan"))
    add_operator_argument(merge)
    merge.set_defaults(handler=run_merge)

    server = subparsers.add_parser("server", help=_("server PostgreSQL untuk beberapa meja"))
    actions = server.add_subparsers(dest="server_command", metavar=_("AKSI"), required=True)
    check = actions.add_parser("check", help=_("uji sambungan ke server event"))
    check.add_argument("--db", dest="server_db", required=True, help=_("alamat server event"))
    check.set_defaults(handler=run_check)
    prepare = actions.add_parser("prepare", help=_("siapkan server di laptop server: pengguna meja dan basis data"))
    prepare.add_argument("--admin-url", required=True,
                         help=_("administrator server, mis. postgresql+psycopg://postgres:SANDI@127.0.0.1/postgres"))
    prepare.add_argument("--database", required=True, help=_("nama basis data event, mis. gmsc2020"))
    prepare.add_argument("--user", required=True, help=_("nama pengguna untuk meja, mis. meja"))
    prepare.add_argument("--password", help=_("kata sandi pengguna meja (ditanyakan bila kosong)"))
    prepare.add_argument("--owner", help=_("pemilik basis data untuk pekerjaan admin (bawaan: PENGGUNA_pemilik)"))
    prepare.add_argument("--owner-password", help=_("kata sandi pemilik (ditanyakan bila pemilik baru)"))
    prepare.add_argument("--local-only", action="store_true", help=_("jangan buka server ke jaringan aula"))
    prepare.set_defaults(handler=run_prepare)


def run_copy(args: argparse.Namespace) -> int:
    if args.read_only:
        raise DomainError(_("Perintah ini menulis ke tujuan, jadi tidak dijalankan dengan --read-only."))
    signed = signed_in(args.source, args.operator)  # the whole event leaves: an admin's act
    require_admin(signed, _("menyalin seluruh event"))
    with reading_event(args.source) as source:
        report = copy_event_to(source, args.target)
    for count in report.tables:
        mark = "ok" if count.source == count.target else _("BEDA")
        print(f"{count.table:<30} {formatting.number(count.source):>9} → {formatting.number(count.target):>9}  {mark}")
    if not report.verified:
        raise DomainError(_("Jumlah baris berbeda setelah disalin."))
    print(_("Tersalin dan terverifikasi: {rows} baris dari {source} ke {target}.").format(
        rows=formatting.number(report.rows), source=report.source, target=report.target))
    return 0


def print_preview(preview: MergePreview) -> None:
    labels = {
        Verdict.ADD: _("tambah"), Verdict.ALREADY: _("sudah ada"), Verdict.UNKNOWN: _("tak dikenal"),
        Verdict.UNDO_SKIPPED: _("dilewati"), Verdict.NOTHING: _("tidak ada"),
    }
    for item in preview.items:
        line = f"{labels[item.verdict]:<12} {item.code:<10} {item.name[:40]:<40} {item.at:%H:%M:%S}  {item.desk}"
        print(line + (f"  — {item.note}" if item.note else ""))
    print(_("Ditambahkan: {add}; sudah hadir di server: {already}; kode tak dikenal: {unknown}; "
            "pembatalan dilewati: {skipped}.").format(
        add=preview.count(Verdict.ADD), already=preview.count(Verdict.ALREADY),
        unknown=preview.count(Verdict.UNKNOWN), skipped=preview.count(Verdict.UNDO_SKIPPED)))


def run_merge(args: argparse.Namespace) -> int:
    with reading_event(args.emergency) as emergency, emergency.read() as reading:
        if args.dry_run:
            with reading_event(args.merge_db) as server, server.read() as session:
                preview = preview_merge(reading, session)
            print(_("Pratinjau (tidak ada yang disimpan):"))
        else:
            with writing_event(args, args.merge_db, admin_action=_("menggabungkan check-in darurat")) as (server, actor):
                with server.transaction() as session:
                    preview = apply_merge(reading, session, actor)
    print_preview(preview)
    return 0


def run_check(args: argparse.Namespace) -> int:
    result = check_connection(ServerAddress.from_url(args.server_db))
    print(result.message, file=sys.stdout if result.ok else sys.stderr)
    return 0 if result.ok else 1


def run_prepare(args: argparse.Namespace) -> int:
    owner = args.owner or f"{args.user}_pemilik"
    for name, what in ((args.database, _("Nama basis data")), (args.user, _("Nama pengguna meja")), (owner, _("Nama pemilik"))):
        check_identifier(name, what)  # before any password is asked
    password = args.password or _ask_secret(_("Kata sandi untuk pengguna meja: "))
    owner_password = args.owner_password or _ask_secret(_("Kata sandi untuk pemilik {owner} (kosong: tidak diubah): ").format(
        owner=owner), optional=True)
    report = prepare_server(args.admin_url, args.database, args.user, password, owner=owner,
                            owner_password=owner_password or None, open_to_network=not args.local_only)
    print(_("Pemilik {owner} untuk pekerjaan admin; pengguna meja {user} tidak dapat mengubah atau menghapus "
            "catatan audit.").format(owner=report.owner, user=args.user))
    print(_("Pengguna {user}: {state}.").format(user=args.user, state=_("dibuat") if report.created_role else _("kata sandi diperbarui")))
    print(_("Basis data {name}: {state}.").format(
        name=args.database, state=_("dibuat") if report.created_database else _("sudah ada")))
    if args.local_only:
        return 0
    if report.hba_written:
        print(_("Jaringan aula diizinkan di {path}.").format(path=report.hba_path))
    else:
        print(_("Tambahkan baris ini ke {path} (sebagai administrator), lalu muat ulang server:\n  {line}").format(
            path=report.hba_path, line=report.hba_line))
    if report.listen_changed:
        print(_("Server kini mendengarkan jaringan; mulai ulang layanan PostgreSQL sekali agar berlaku."))
    return 0


def _ask_secret(prompt: str, *, optional: bool = False) -> str:
    if not sys.stdin.isatty():
        if optional:
            return ""
        raise DomainError(_("Kata sandi tidak diisi: pakai --password, atau jalankan di terminal."))
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise DomainError(_("Kata sandi tidak diisi.")) from None
