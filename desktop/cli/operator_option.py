"""The ``--operator``/``--read-only`` options of writing commands, without the database layer:
``temudesk schedule --help`` and problem-file runs must not load SQLAlchemy to describe them."""

from __future__ import annotations

import argparse

from desktop.i18n import _


def add_operator_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--operator", metavar=_("NAMA"),
                        help=_("operator yang bertindak (PIN ditanyakan tanpa tampil, atau dari TEMUDESK_PIN)"))
    parser.add_argument("--read-only", action="store_true",
                        help=_("hanya-baca: tolak perintah ini bila ia mengubah event"))
