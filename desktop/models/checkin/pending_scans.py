"""Scans the database could not take yet: kept on this computer and recorded when it can.

A check-in that fails because the event server is out of reach, SQLite stayed locked, or the disk
refused the write would otherwise be gone: the person walked on, the badge was scanned once. Such a
scan is written to a small journal file (one per computer, each line tagged with the event it
belongs to) with its nonce and the time of the scan; it is tried again in order until the database
takes it. The nonce makes a retry that did reach the database count once; the scan keeps its own
time. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from desktop.models.access.actor import Actor
from desktop.models.checkin import checkin
from desktop.models.checkin.checkin import CheckInResult
from desktop.models.errors import ConflictError, DomainError
from desktop.models.event.database import Database, StorageError
from desktop.models.event.server_errors import ServerUnavailableError

JOURNAL_NAME = "scan-tertunda.json"


@dataclass(frozen=True)
class PendingScan:
    event_key: str  # which event file or server database the scan belongs to
    target: str | int  # the scanned or typed code, or a chosen participant's id
    nonce: str
    scanned_at: str  # ISO time of the scan (the arrival), not of the recording
    operator_name: str
    role: str
    desk: str

    @property
    def scanned_time(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.scanned_at)


def new_pending(event_key: str, target: str | int, nonce: str, actor: Actor, at: dt.datetime) -> PendingScan:
    return PendingScan(event_key, target, nonce, at.isoformat(timespec="seconds"), actor.name, actor.role, actor.desk)


def can_wait(error: BaseException) -> bool:
    """Did the write fail for a reason that passes (server away, lock, full disk), not the scan's?"""
    if isinstance(error, (ServerUnavailableError, StorageError, ConflictError)):
        return True  # ConflictError: a lock held too long, or a twin of this very nonce (replayed on retry)
    if isinstance(error, DomainError):
        return False  # read-only desk, a refused input: trying again gives the same answer
    return isinstance(error, DBAPIError) and "locked" in str(error.orig).lower()


@dataclass(frozen=True)
class StillAway:
    """The database could not take the write just now, for a reason that passes (see :func:`can_wait`)."""

    error: Exception


def attempt(db: Database, write: Callable[[Session], CheckInResult]) -> CheckInResult | StillAway:
    """``write`` in one transaction; a failure that passes is returned, any other is raised."""
    try:
        with db.transaction() as session:
            return write(session)
    except Exception as error:
        if can_wait(error):
            return StillAway(error)
        raise


def record(session: Session, scan: PendingScan) -> CheckInResult:
    """The check-in as it would have been recorded at the time of the scan."""
    actor = Actor(name=scan.operator_name, role=scan.role, desk=scan.desk)
    return checkin.check_in(session, scan.target, actor, nonce=scan.nonce, at=scan.scanned_time)


class PendingScanJournal:
    """The journal file: rewritten whole (it holds a handful of lines) under a temporary name,
    then renamed, so a crash leaves the old or the new list, never half of one."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _all(self) -> list[PendingScan]:
        try:
            rows = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except ValueError:
            # Damaged: set aside for a person to look at (never overwritten), a fresh list from here.
            self.path.replace(self.path.with_suffix(".rusak.json"))
            return []
        scans = []
        for row in rows if isinstance(rows, list) else []:
            try:
                scans.append(PendingScan(**row))
            except TypeError:
                continue
        return scans

    def _write(self, scans: list[PendingScan]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps([asdict(scan) for scan in scans], ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(partial, self.path)

    def waiting(self, event_key: str) -> list[PendingScan]:
        return [scan for scan in self._all() if scan.event_key == event_key]

    def add(self, scan: PendingScan) -> None:
        scans = self._all()
        if all(kept.nonce != scan.nonce for kept in scans):
            self._write([*scans, scan])

    def remove(self, nonce: str) -> None:
        scans = self._all()
        kept = [scan for scan in scans if scan.nonce != nonce]
        if len(kept) != len(scans):
            self._write(kept)
