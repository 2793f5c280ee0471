"""``operator list|add|pin|unlock``: the event's operators on the command line (admin work)."""

from __future__ import annotations

import argparse

from sqlalchemy import select

from desktop.cli.access import PIN_VARIABLE, add_operator_argument, reading_event, writing_event
from desktop.i18n import _
from desktop.models.access import operators
from desktop.models.enums import OperatorRole, label
from desktop.models.errors import DomainError
from desktop.models.orm import Operator

NEW_PIN_VARIABLE = "TEMUDESK_NEW_PIN"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("operator", help=_("operator event: daftar, tambah, PIN, buka kunci"))
    actions = parser.add_subparsers(dest="operator_command", metavar=_("AKSI"), required=True)
    listing = actions.add_parser("list", help=_("daftar operator"))
    listing.add_argument("--db", required=True, help=_("berkas event"))
    listing.set_defaults(handler=run_list)
    for name, help_text, handler in (
        ("add", _("tambah operator"), run_add),
        ("pin", _("ganti PIN operator"), run_pin),
        ("unlock", _("buka kunci operator setelah PIN salah berkali-kali"), run_unlock),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("name", metavar=_("NAMA_OPERATOR"))
        action.add_argument("--db", required=True, help=_("berkas event"))
        if name == "add":
            action.add_argument("--role", choices=[role.value for role in OperatorRole], default=OperatorRole.DESK.value)
        add_operator_argument(action)
        action.set_defaults(handler=handler)


def _new_pin(args: argparse.Namespace) -> str:
    import getpass
    import os
    import sys

    if NEW_PIN_VARIABLE in os.environ:
        return os.environ[NEW_PIN_VARIABLE]
    if not sys.stdin.isatty():
        raise DomainError(_("PIN baru: ketik di terminal, atau isi {variable}.").format(variable=NEW_PIN_VARIABLE))
    first = getpass.getpass(_("PIN baru untuk {name}: ").format(name=args.name))
    if getpass.getpass(_("Ulangi PIN baru: ")) != first:
        raise DomainError(_("Kedua PIN tidak sama; tidak ada yang diubah."))
    return first


def _operator_id(session, name: str) -> int:  # type: ignore[no-untyped-def]
    found = session.scalar(select(Operator.id).where(Operator.name == name))
    if found is None:
        raise DomainError(_("Operator {name} tidak dikenal.").format(name=name))
    return int(found)


def run_list(args: argparse.Namespace) -> int:
    with reading_event(args.db) as db, db.read() as session:
        rows = list(session.scalars(select(Operator).order_by(Operator.name)))
    for row in rows:
        state = _("dikunci") if row.locked_out else (_("PIN") if row.pin_hash else _("tanpa PIN"))
        print(f"{row.name:<30} {label(OperatorRole(row.role)):<14} {state}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    pin = _new_pin(args)
    with writing_event(args, args.db) as (db, actor), db.transaction() as session:
        operators.create_operator(session, args.name, args.role, pin, actor)
    print(_("Operator {name} ditambahkan.").format(name=args.name))
    return 0


def run_pin(args: argparse.Namespace) -> int:
    pin = _new_pin(args)
    with writing_event(args, args.db) as (db, actor), db.transaction() as session:
        operators.set_pin(session, _operator_id(session, args.name), pin, actor)
    print(_("PIN {name} diganti.").format(name=args.name))
    return 0


def run_unlock(args: argparse.Namespace) -> int:
    with writing_event(args, args.db, admin_action=_("membuka kunci operator")) as (db, actor), db.transaction() as session:
        operators.unlock(session, _operator_id(session, args.name), actor)
    print(_("Kunci {name} dibuka.").format(name=args.name))
    return 0


__all__ = ["PIN_VARIABLE", "register"]
