"""Who acts on the command line, and whether the event is free: one wrapper for every command.

Commands that write open the event through :func:`writing_event`: they take the same
instance lock as the GUI (refused, naming who has it, while another TemuDesk holds the file),
sign the operator in through the same service as the GUI (``--operator NAME``, the PIN typed
on the terminal without echo or taken from ``TEMUDESK_PIN``), follow the same roles and audit
under that operator. An event whose operators have no PIN keeps the old convenience and says
who it acts as. Commands that only read open the event read-only, without the lock.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop import formatting
from desktop.i18n import _
from desktop.cli.operator_option import add_operator_argument  # noqa: F401  (re-exported for the commands)
from desktop.models.access import operators
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database, ReadOnlyError, open_database
from desktop.models.enums import OperatorRole, label
from desktop.models.errors import DomainError
from desktop.models.event.instance_lock import InstanceLock
from desktop.models.access.permissions import require_admin

CLI_DESK = "Baris perintah"
PIN_VARIABLE = "TEMUDESK_PIN"


def _sqlite_file(target: str) -> Path | None:
    if target.startswith("sqlite:///"):
        return Path(target.removeprefix("sqlite:///"))
    return None if "://" in target else Path(target)


def _read_pin(name: str) -> str:
    from_environment = os.environ.get(PIN_VARIABLE)
    if from_environment is not None:
        return from_environment
    if not sys.stdin.isatty():
        raise DomainError(_("Operator {name} memakai PIN: ketik di terminal, atau isi {variable} untuk skrip.").format(
            name=name, variable=PIN_VARIABLE))
    try:
        return getpass.getpass(_("PIN untuk {name}: ").format(name=name))
    except EOFError:
        raise DomainError(_("PIN tidak diisi.")) from None


def acting_operator(db: Database, name: str | None) -> Actor:
    """The operator a command acts as, signed in through the same service as the GUI."""
    with db.read() as session:
        pins = operators.uses_pins(session)
        fallback = operators.startup_actor(session, "", CLI_DESK)
        needs_pin = bool(name) and operators.has_pin(session, name or "")
    if name:
        return operators.sign_in(db, name, _read_pin(name) if needs_pin else "", desk=CLI_DESK)
    if pins or fallback is None:
        raise DomainError(_("Event ini memakai PIN operator: sebutkan --operator NAMA."))
    print(_("Bertindak sebagai {name} ({role}): operator event ini belum memakai PIN.").format(
        name=fallback.name, role=label(OperatorRole(fallback.role))), file=sys.stderr)
    return fallback


def refuse_if_held(target: str) -> InstanceLock | None:
    """Take the event file's instance lock, or refuse naming who holds it (``None`` for servers)."""
    path = _sqlite_file(target)
    if path is None or not path.is_file():  # a folder or a missing file: open_database names it
        return None
    lock = InstanceLock(path.resolve())
    other = lock.acquire()
    if other is not None:
        raise DomainError(_(
            "Event ini sedang dibuka oleh {user} di komputer {host} sejak {since}. Tutup dulu di sana; "
            "perintah yang hanya membaca (info, export, report) tetap bisa dipakai."
        ).format(user=other.user or "?", host=other.host, since=formatting.date_time(other.since)))
    return lock


@contextmanager
def writing_event(args: argparse.Namespace, target: str, *, admin_action: str | None = None,
                  ) -> Iterator[tuple[Database, Actor]]:
    """The event opened for a command that writes, with the lock held and the operator signed in."""
    if getattr(args, "read_only", False):
        raise ReadOnlyError(_("Perintah ini mengubah event, jadi tidak dijalankan dengan --read-only."))
    lock = refuse_if_held(target)
    try:
        db = open_database(target, create=False)
        try:
            if db.read_only:
                raise ReadOnlyError(db.read_only_reason)
            actor = acting_operator(db, getattr(args, "operator", None))
            if admin_action:
                require_admin(actor, admin_action)
            yield db, actor
        finally:
            db.close()
    finally:
        if lock is not None:
            lock.release()


def signed_in(target: str, name: str | None) -> Actor:
    """Sign in on the event without taking its lock (for work that only reads it, like a backup).

    Opened writable when it can be, so wrong PINs are counted and audited like everywhere else.
    """
    db = open_database(target, create=False)
    try:
        return acting_operator(db, name)
    finally:
        db.close()


@contextmanager
def reading_event(target: str) -> Iterator[Database]:
    """The event opened only to look (no lock: the GUI may keep working)."""
    db = open_database(target, create=False, read_only=True)
    try:
        yield db
    finally:
        db.close()
