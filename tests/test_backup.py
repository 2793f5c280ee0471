"""Backups with SQLite's online backup API, pruning, and restore as a new event file."""

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop.models.event import backup
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database, open_database
from desktop.models.errors import DomainError
from desktop.models.people.participants import ParticipantData


def test_backup_is_a_complete_event_file_even_while_open(demo_db: Database, demo_path: Path, admin: Actor) -> None:
    with demo_db.transaction() as session:  # lives in the -wal file until a checkpoint
        participants.create_participant(session, ParticipantData("Usaha Terbaru"), admin)
    made = backup.make_backup(demo_path)
    assert made.parent == backup.backup_folder(demo_path) and made.parent.name == "demo-cadangan"
    assert not Path(f"{made}-wal").exists()
    copy = open_database(made, create=False)
    try:
        with copy.read() as session:
            assert "Usaha Terbaru" in {row.business_name for row in participants.list_participants(session)}
    finally:
        copy.close()


def test_only_the_newest_twenty_are_kept(demo_path: Path, tmp_path: Path) -> None:
    start = dt.datetime(2020, 3, 6, 7, 0)
    for minutes in range(0, 5 * 25, 5):
        backup.make_backup(demo_path, tmp_path / "bk", now=start + dt.timedelta(minutes=minutes))
    kept = backup.list_backups(tmp_path / "bk", "demo")
    assert len(kept) == backup.KEEP
    assert kept[0].path.name == "demo-20200306-090000.sqlite"
    assert kept[-1].path.name == "demo-20200306-072500.sqlite"


def test_restore_makes_a_new_file_and_never_overwrites_silently(demo_path: Path, tmp_path: Path) -> None:
    made = backup.make_backup(demo_path, tmp_path / "bk")
    target = tmp_path / "pulih.sqlite"
    backup.restore_backup(made, target)
    restored = open_database(target, create=False)
    with restored.read() as session:
        assert len(participants.list_participants(session)) == 87
    restored.close()
    with pytest.raises(DomainError, match="sudah ada"):
        backup.restore_backup(made, demo_path)
    backup.restore_backup(made, target, overwrite=True)


def test_restore_refuses_what_is_not_an_event(tmp_path: Path, empty_db: Database) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all")
    with pytest.raises(DomainError, match="bukan berkas event"):
        backup.restore_backup(junk, tmp_path / "x.sqlite")
    connection = sqlite3.connect(tmp_path / "other.sqlite")
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    with pytest.raises(DomainError, match="bukan berkas event"):
        backup.restore_backup(tmp_path / "other.sqlite", tmp_path / "y.sqlite")
    with pytest.raises(DomainError, match="tidak ditemukan"):
        backup.make_backup(tmp_path / "none.sqlite")
