"""One TemuDesk per event file: a lock file beside the SQLite file says who has it open.

The lock holds host, process id, user and a heartbeat the owner refreshes. A lock is
stale (left by a crash) when its process is gone on this host, or its heartbeat is
older than ``STALE_AFTER``; a stale lock is cleared without asking.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

STALE_AFTER = dt.timedelta(minutes=2)
HEARTBEAT_EVERY = dt.timedelta(seconds=30)


@dataclass(frozen=True)
class LockOwner:
    host: str
    pid: int
    user: str
    since: dt.datetime
    heartbeat: dt.datetime


def lock_path_for(database_file: Path) -> Path:
    return database_file.with_name(database_file.name + ".lock")


def _me(since: dt.datetime | None = None) -> LockOwner:
    now = dt.datetime.now().replace(microsecond=0)
    try:
        user = getpass.getuser()
    except Exception:  # no user name in some service environments
        user = ""
    return LockOwner(socket.gethostname(), os.getpid(), user, since or now, now)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def read_owner(lock_file: Path) -> LockOwner | None:
    try:
        data = json.loads(lock_file.read_text(encoding="utf-8"))
        return LockOwner(
            host=str(data["host"]),
            pid=int(data["pid"]),
            user=str(data.get("user", "")),
            since=dt.datetime.fromisoformat(data["since"]),
            heartbeat=dt.datetime.fromisoformat(data["heartbeat"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(owner: LockOwner, now: dt.datetime | None = None) -> bool:
    now = now or dt.datetime.now()
    if owner.host == socket.gethostname() and not _pid_alive(owner.pid):
        return True
    return now - owner.heartbeat > STALE_AFTER


class InstanceLock:
    """Held while this process has the event file open for writing."""

    def __init__(self, database_file: Path) -> None:
        self.path = lock_path_for(database_file)
        self._owner: LockOwner | None = None

    def holder(self) -> LockOwner | None:
        """Who else holds a live lock on the file (``None`` when it is free or the lock is stale)."""
        owner = read_owner(self.path)
        if owner is None or is_stale(owner):
            return None
        if owner.host == socket.gethostname() and owner.pid == os.getpid():
            return None
        return owner

    def acquire(self) -> LockOwner | None:
        """Take the lock; return the other holder instead when someone has it."""
        other = self.holder()
        if other is not None:
            return other
        self.path.unlink(missing_ok=True)  # stale or unreadable: left by a crash
        me = _me()
        try:
            descriptor = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return read_owner(self.path) or _me()  # somebody won the race a moment ago
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(self._serialise(me))
        self._owner = me
        return None

    def heartbeat(self) -> None:
        if self._owner is None:
            return
        self._owner = _me(self._owner.since)
        temporary = self.path.with_suffix(".lock.tmp")
        temporary.write_text(self._serialise(self._owner), encoding="utf-8")
        os.replace(temporary, self.path)

    def release(self) -> None:
        if self._owner is None:
            return
        owner = read_owner(self.path)
        if owner is not None and owner.pid == os.getpid() and owner.host == socket.gethostname():
            self.path.unlink(missing_ok=True)
        self._owner = None

    @property
    def held(self) -> bool:
        return self._owner is not None

    @staticmethod
    def _serialise(owner: LockOwner) -> str:
        return json.dumps(
            {
                "host": owner.host,
                "pid": owner.pid,
                "user": owner.user,
                "since": owner.since.isoformat(),
                "heartbeat": owner.heartbeat.isoformat(),
            }
        )
