"""Backups of an event file with SQLite's online backup API, and restoring one as a new file.

The online backup copies a consistent snapshot even while the desks keep writing (WAL), so
it is safe to run during the event. A backup is written under a temporary name and renamed
when complete: a half-written copy never looks like a backup. Only the newest
:data:`KEEP` backups of an event are kept. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop.i18n import _
from desktop.models.errors import DomainError

KEEP = 20
FOLDER_SUFFIX = "-cadangan"
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime
    size: int


def backup_folder(event_file: Path | str) -> Path:
    """``…/pameran.sqlite`` → ``…/pameran-cadangan/``: the event's own backup folder, next to it."""
    event_file = Path(event_file)
    return event_file.with_name(event_file.stem + FOLDER_SUFFIX)


def _sqlite_path(target: Path | str) -> Path:
    text = str(target)
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite:///")
    elif "://" in text:
        raise DomainError(_("Cadangan otomatis hanya untuk berkas event SQLite; basis data server dicadangkan oleh servernya."))
    return Path(text)


def _copy(source: Path, destination: Path) -> None:
    """SQLite's online backup from ``source`` into ``destination`` (a file SQLite writes itself)."""
    source_connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        destination_connection = sqlite3.connect(destination)
        try:
            source_connection.backup(destination_connection, pages=4096)
            # A self-contained file: no -wal next to it to be forgotten when copying to a flash drive.
            destination_connection.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination_connection.close()
    finally:
        source_connection.close()


def check_backup_file(path: Path) -> None:
    """Refuse a file that is not a TemuDesk event with data (a backup must be one)."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            has_event = "event" in tables and connection.execute("SELECT count(*) FROM event").fetchone()[0] > 0
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        has_event = False
    if not has_event:
        raise DomainError(_("{name} bukan berkas event TemuDesk (atau rusak).").format(name=path.name))


def make_backup(event_file: Path | str, folder: Path | str | None = None, *, keep: int = KEEP,
                now: dt.datetime | None = None) -> Path:
    """Back ``event_file`` up into ``folder`` (default: its backup folder); keep the newest ``keep``."""
    source = _sqlite_path(event_file)
    if not source.is_file():
        raise DomainError(_("Berkas event tidak ditemukan: {path}").format(path=source))
    target_folder = Path(folder) if folder is not None else backup_folder(source)
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DomainError(
            _("Folder cadangan tidak dapat dibuat: {reason}").format(reason=error.strerror or error)
        ) from None
    stamp = (now or dt.datetime.now()).strftime(STAMP)
    target = target_folder / f"{source.stem}-{stamp}.sqlite"
    counter = 1
    while target.exists():
        counter += 1
        target = target_folder / f"{source.stem}-{stamp}-{counter}.sqlite"
    partial = target.with_name(target.name + ".part")
    try:
        _copy(source, partial)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise DomainError(_("Pencadangan gagal: {reason}").format(reason=error)) from None
    prune(target_folder, source.stem, keep)
    return target


def list_backups(folder: Path | str, stem: str | None = None) -> list[BackupInfo]:
    """Backups in ``folder`` (of the event ``stem`` when given), newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"{stem}-*.sqlite" if stem else "*.sqlite"):
        stat = path.stat()
        found.append(BackupInfo(path, dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0), stat.st_size))
    return sorted(found, key=lambda info: (info.path.name, info.taken_at), reverse=True)


def prune(folder: Path, stem: str, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``stem``; the names sort by time."""
    removed = []
    for info in list_backups(folder, stem)[keep:]:
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def restore_backup(backup: Path | str, target: Path | str, *, overwrite: bool = False) -> Path:
    """Copy ``backup`` into a new event file ``target``; an existing ``target`` only with ``overwrite``.

    The copy goes through SQLite, so overwriting a file that has a ``-wal`` beside it
    replaces its content properly instead of mixing old and new pages.
    """
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise DomainError(_("Berkas cadangan tidak ditemukan: {path}").format(path=backup))
    check_backup_file(backup)
    if target.exists() and not overwrite:
        raise DomainError(
            _("{name} sudah ada. Pilih nama lain agar data yang ada tidak tertimpa.").format(name=target.name)
        )
    if backup.resolve() == target.resolve():
        raise DomainError(_("Cadangan tidak dapat dipulihkan ke berkas itu sendiri."))
    from desktop.models.event.new_event import building  # the event file is complete or not there at all

    try:
        with building(target, replace=overwrite) as partial:
            _copy(backup, partial)
    except DomainError as error:
        raise DomainError(_("Pemulihan gagal: {reason}").format(reason=error.message)) from None
    return target
