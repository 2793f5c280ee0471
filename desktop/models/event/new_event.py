"""Creating an event file: the one service behind ``temudesk new`` and the GUI's *Event baru*.

The file is built under a temporary name in the target folder and renamed only when it is
complete, so a full disk or an error leaves no half-made file (and a retry is not refused
with "already exists"). An existing file is never touched. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.i18n import _
from desktop.models.event import event_setup
from desktop.models.access.actor import Actor
from desktop.models.event.database import open_database, storage_message
from desktop.models.errors import DomainError
from desktop.models.event.event_setup import Break, EventSettings, SlotPlan

# The day the set-up dialog proposes too: 09:00–15:00 in 20-minute slots, lunch 12:00–13:00.
DEFAULT_PLAN = SlotPlan(dt.time(9, 0), dt.time(15, 0), 20, [Break(dt.time(12, 0), dt.time(13, 0))])
DEFAULT_TABLES = 15
SETUP_ACTOR = Actor(name="Admin")
_SIDE_FILES = ("-wal", "-shm", "-journal")


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def partial_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.part")


@contextmanager
def building(target: Path | str, *, replace: bool = False) -> Iterator[Path]:
    """Yield a temporary path to build an event file in; it becomes ``target`` only on success."""
    target = Path(target).expanduser()
    if target.exists() and not replace:
        raise DomainError(_("Berkas {path} sudah ada. Pilih nama lain agar data lama tidak tertimpa.").format(path=target))
    if not target.parent.is_dir():
        raise DomainError(_("Folder tidak ditemukan: {path}").format(path=target.parent))
    partial = partial_path(target)
    _remove_with_side_files(partial)
    try:
        yield partial
        if replace:
            _remove_with_side_files(target)
        os.replace(partial, target)
    except DomainError:
        _remove_with_side_files(partial)
        raise
    except (OSError, sqlite3.Error) as error:
        _remove_with_side_files(partial)
        raise DomainError(storage_message(error)) from None
    except BaseException:
        _remove_with_side_files(partial)
        raise


def create_event_file(
    target: Path | str,
    settings: EventSettings,
    plan: SlotPlan = DEFAULT_PLAN,
    tables: int = DEFAULT_TABLES,
    actor: Actor = SETUP_ACTOR,
) -> Path:
    """A new, empty event at ``target`` (which must not exist yet), complete or not at all."""
    target = Path(target).expanduser()
    with building(target) as partial:
        db = open_database(partial)
        try:
            with db.transaction() as session:
                event_setup.apply_setup(session, settings, plan, tables, actor)
        finally:
            db.close()
    return target


def parse_date(text: str | None) -> dt.date:
    """``YYYY-MM-DD`` (today when empty); a bad date is one clear line."""
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise DomainError(_("Tanggal tidak dikenal: {text} (tulis TTTT-BB-HH, mis. 2026-03-14).").format(text=text)) from None
