"""Emergency files: local copies of a server event, taken while the server is there.

A desk on the server keeps a fresh copy every few minutes; when the server goes away mid-event
the desk opens the newest copy and goes on checking people in, and the check-ins are merged back
later (:mod:`desktop.models.checkin.checkin_merge`). A copy is written under a temporary name and renamed
when complete, and only the newest :data:`KEEP` are kept. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from desktop.models.event.database import Database
from desktop.models.event.event_copy import CopyReport, copy_event_to

KEEP = 3
STAMP = "%Y%m%d-%H%M%S"


def _slug(db: Database) -> str:
    name = db.engine.url.database or "event"
    return re.sub(r"[^0-9A-Za-z_-]+", "-", f"{db.engine.url.host or 'server'}-{name}").strip("-")


def take_copy(db: Database, folder: Path, at: dt.datetime | None = None) -> tuple[Path, CopyReport]:
    """Copy the server event into ``folder/<host>-<database>-darurat-<stamp>.sqlite``."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (at or dt.datetime.now()).strftime(STAMP)
    target = folder / f"{_slug(db)}-darurat-{stamp}.sqlite"
    partial = target.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    report = copy_event_to(db, partial)
    partial.replace(target)
    for old in copies(db, folder)[KEEP:]:
        old.unlink(missing_ok=True)
    return target, report


def copies(db: Database, folder: Path) -> list[Path]:
    """This server event's emergency files, newest first."""
    if not folder.exists():
        return []
    return sorted(folder.glob(f"{_slug(db)}-darurat-*.sqlite"), reverse=True)
