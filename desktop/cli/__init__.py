"""The ``temudesk`` / ``python main.py`` command line.

No arguments (or only ``--db``/``--demo``) opens the GUI; every sub-command is headless.
Each feature adds its sub-commands in its own module listed in ``COMMAND_MODULES``.
"""

from __future__ import annotations

import argparse
import importlib
import os
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
    "desktop.cli.operators",
]
# Commands whose module is enough on its own: ``temudesk schedule …`` imports only that module
# (the others pull in the database and report layers, seconds of start-up).
SOLE_MODULE = {"schedule": "desktop.cli.schedule"}


def _gui_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--db", help=_("berkas event (.sqlite) atau alamat SQLAlchemy"))
    parser.add_argument("--demo", action="store_true", help=_("buka GUI pada event demo yang baru"))
    parser.add_argument("--lang", choices=["id", "en"], help=_("bahasa antarmuka (id atau en)"))
    return parser


def _gui_only(args: list[str]) -> argparse.Namespace | None:
    """The options when ``args`` only open the GUI, else None. The sub-command modules (and the
    solver, ReportLab, openpyxl they import) are not loaded for the GUI: start-up time."""
    if any(arg in ("-h", "--help") for arg in args):
        return None
    parser = _gui_options(argparse.ArgumentParser(prog="temudesk", add_help=False))
    known, rest = parser.parse_known_args(args)
    return None if rest else known


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    parser = _gui_options(argparse.ArgumentParser(
        prog="temudesk",
        description=_("TemuDesk — aplikasi meja registrasi temu bisnis, tanpa internet."),
    ))
    parser.add_argument("--version", action="version", version=f"temudesk {package_version()}",
                        help=_("tampilkan versi TemuDesk lalu keluar"))
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
    gui = _gui_only(args_list)
    if gui is not None:
        from desktop.app import run_gui

        return run_gui(db=gui.db, demo=gui.demo, language=gui.lang)
    parser = build_parser(_command_from_args(args_list))
    args = parser.parse_args(args_list)
    if args.command is None:
        from desktop.app import run_gui

        return run_gui(db=args.db, demo=args.demo, language=args.lang)
    try:
        return int(args.handler(args) or 0)
    except DomainError as error:
        return _one_line(error.message)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `temudesk info … | head`: the reader left; stop quietly like other tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except OSError as error:
        from desktop.models.event.database import storage_message

        return _one_line(storage_message(error))
    except Exception as error:  # the promise is one line, never a traceback; the details go to the log
        if os.environ.get("TEMUDESK_DEBUG"):
            raise
        return _one_line(_("Kesalahan tak terduga ({kind}): {detail}").format(
            kind=type(error).__name__, detail=str(error).splitlines()[0][:200] if str(error) else "")
            + " " + _log_unexpected(args.command))


def _log_unexpected(command: str) -> str:
    """The traceback goes to the log file, where a developer can read it; the user gets its name."""
    import traceback

    from desktop import paths

    try:
        log = paths.log_dir() / "temudesk-cli.log"
        with log.open("a", encoding="utf-8", errors="replace") as handle:
            handle.write(f"--- {command}\n{traceback.format_exc()}\n")
        return _("(catatan teknis: {path})").format(path=log)
    except OSError:
        return ""


def _one_line(message: str) -> int:
    text = " ".join(str(message).split()) or _("Kesalahan tak dikenal.")
    print(_("Galat: {message}").format(message=text).encode("utf-8", "replace").decode("utf-8"), file=sys.stderr)
    return 1


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
