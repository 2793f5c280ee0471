"""The ``temudesk`` / ``python main.py`` command line.

No arguments (or only ``--db``/``--demo``) opens the GUI; every sub-command is headless.
Each feature adds its sub-commands in its own module listed in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop.i18n import _
from desktop.models.errors import DomainError
from desktop.version import package_version

COMMAND_MODULES = [
    "desktop.cli.basic",
    "desktop.cli.schedule",
    "desktop.cli.spreadsheet",
    "desktop.cli.reports",
    "desktop.cli.network",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="temudesk",
        description=_("TemuDesk — aplikasi meja registrasi temu bisnis, tanpa internet."),
    )
    parser.add_argument("--db", help=_("berkas event (.sqlite) atau alamat SQLAlchemy"))
    parser.add_argument("--demo", action="store_true", help=_("buka GUI pada event demo yang baru"))
    parser.add_argument("--lang", choices=["id", "en"], help=_("bahasa antarmuka (id atau en)"))
    parser.add_argument("--version", action="version", version=f"temudesk {package_version()}",
                        help=_("tampilkan versi TemuDesk lalu keluar"))
    subparsers = parser.add_subparsers(dest="command", metavar=_("PERINTAH"))
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    from desktop import i18n

    language = _language_from_args(args_list)
    if language:
        i18n.set_language(language)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(db=args.db, demo=args.demo, language=args.lang)
    try:
        return int(args.handler(args) or 0)
    except DomainError as error:
        print(_("Galat: {message}").format(message=error.message), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _language_from_args(args: list[str]) -> str | None:
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None
