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

COMMAND_MODULES = [
    "desktop.cli.basic",
    "desktop.cli.schedule",
    "desktop.cli.spreadsheet",
    "desktop.cli.reports",
    "desktop.cli.network",
]
# Commands whose module is enough on its own: ``temudesk schedule …`` imports only that module
# (the others pull in the database and report layers, seconds of start-up).
SOLE_MODULE = {"schedule": "desktop.cli.schedule"}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="temudesk",
        description=_("TemuDesk — aplikasi meja registrasi temu bisnis, tanpa internet."),
    )
    parser.add_argument("--db", help=_("berkas event (.sqlite) atau alamat SQLAlchemy"))
    parser.add_argument("--demo", action="store_true", help=_("buka GUI pada event demo yang baru"))
    parser.add_argument("--lang", choices=["id", "en"], help=_("bahasa antarmuka (id atau en)"))
    subparsers = parser.add_subparsers(dest="command", metavar=_("PERINTAH"))
    modules = [SOLE_MODULE[command]] if command in SOLE_MODULE else COMMAND_MODULES
    for module_name in modules:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    from desktop import i18n

    language = _language_from_args(args_list)
    if language:
        i18n.set_language(language)
    parser = build_parser(_command_from_args(args_list))
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


def _command_from_args(args: list[str]) -> str | None:
    """The sub-command word, when it comes first after the global options."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in ("--db", "--lang"):
            index += 2
            continue
        if arg.startswith("-"):
            index += 1
            continue
        return arg
    return None


def _language_from_args(args: list[str]) -> str | None:
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None
