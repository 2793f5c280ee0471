"""Only TemuDesk files are touched; the command line signs operators in; PIN guessing is slow and seen."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import socket
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.models.access import operators
from desktop.models.access.actor import Actor
from desktop.models.event.database import open_database
from desktop.models.event.demo import create_demo_event
from desktop.models.errors import DatabaseOpenError, DomainError
from desktop.models.event.event_file import APPLICATION_ID
from desktop.models.orm import AuditLog, Meeting, Operator

ADMIN = Actor(name="Penguji", role="admin", desk="Meja Uji")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _foreign(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO contacts (name) VALUES ('Bu Ani')")
    connection.commit()
    connection.close()
    return path


# ---- 1. foreign files -----------------------------------------------------------------------------
@pytest.mark.parametrize("make", ["foreign", "empty", "text", "other_app", "schema_only"])
def test_a_file_that_is_not_a_temudesk_event_is_refused_and_left_byte_identical(tmp_path: Path, make: str,
                                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "berkas.sqlite"
    if make == "foreign":
        _foreign(path)
    elif make == "empty":
        path.write_bytes(b"")
    elif make == "text":
        path.write_text("nama,telepon\nAni,0812\n")
    elif make == "other_app":
        _foreign(path)
        connection = sqlite3.connect(path)
        connection.execute("PRAGMA application_id = 1196444487")  # GeoPackage
        connection.close()
    else:  # a database with no tables at all
        sqlite3.connect(path).execute("PRAGMA user_version = 3").connection.close()
    before = _digest(path)
    for command in (["info", "--db", str(path)], ["export", str(tmp_path / "x.xlsx"), "--db", str(path)],
                    ["schedule", "--db", str(path)], ["report", "attendance", "--db", str(path), "--out",
                                                        str(tmp_path / "x.pdf")]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("Galat: ") and "Traceback" not in err
    with pytest.raises(DatabaseOpenError):
        open_database(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["berkas.sqlite"]  # no -wal, -shm, .lock, x.pdf


def test_new_events_carry_the_application_id_and_schema_version(tmp_path: Path) -> None:
    assert main(["new", "--db", str(tmp_path / "acara.sqlite"), "--name", "Temu Bisnis 2026",
                 "--date", "2026-03-14", "--venue", "GMSC"]) == 0
    connection = sqlite3.connect(tmp_path / "acara.sqlite")
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert connection.execute("PRAGMA user_version").fetchone()[0] >= 2
    assert connection.execute("SELECT name, venue, event_date FROM event").fetchone() == (
        "Temu Bisnis 2026", "GMSC", "2026-03-14")
    connection.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acara.sqlite"]


def test_new_refuses_an_existing_file_and_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = _foreign(tmp_path / "ada.sqlite")
    before = _digest(existing)
    assert main(["new", "--db", str(existing), "--name", "X"]) == 1
    assert main(["new", "--db", str(tmp_path / "b.sqlite"), "--name", "X", "--date", "14/03/2026"]) == 1
    assert main(["new", "--db", str(tmp_path / "c.sqlite"), "--name", "   "]) == 1
    assert main(["new", "--db", str(tmp_path / "tidak-ada" / "d.sqlite"), "--name", "X"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 4 and all(line.startswith("Galat: ") for line in lines)
    assert _digest(existing) == before and sorted(p.name for p in tmp_path.iterdir()) == ["ada.sqlite"]


def test_an_event_made_before_the_stamp_still_opens_and_is_stamped(tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        create_demo_event(session)
    db.close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 0")
    connection.commit()
    connection.close()
    open_database(path, create=False).close()
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_demo_restore_and_copy_still_make_event_files(tmp_path: Path) -> None:
    demo = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(demo)]) == 0
    assert main(["backup", "--db", str(demo), "--to", str(tmp_path / "cadangan")]) == 0
    backup_file = next((tmp_path / "cadangan").glob("*.sqlite"))
    assert main(["restore", str(backup_file), "--to", str(tmp_path / "pulih.sqlite")]) == 0
    assert main(["copy", str(demo), str(tmp_path / "salinan.sqlite")]) == 0
    for name in ("demo.sqlite", "pulih.sqlite", "salinan.sqlite"):
        assert sqlite3.connect(tmp_path / name).execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert main(["info", "--db", str(tmp_path / name)]) == 0


def test_a_failed_restore_or_demo_leaves_no_file_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.models.event import backup

    demo = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(demo)]) == 0
    source = backup.make_backup(demo, tmp_path / "cadangan")

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "_copy", disk_full)
    assert main(["restore", str(source), "--to", str(tmp_path / "pulih.sqlite")]) == 1
    assert "Disk penuh" in capsys.readouterr().err
    assert not (tmp_path / "pulih.sqlite").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


# ---- 2. operators on the command line --------------------------------------------------------------
@pytest.fixture
def pinned_demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    db = open_database(path, create=False)
    with db.transaction() as session:
        admin = session.scalar(select(Operator).where(Operator.name == "Admin Disperindag"))
        assert admin is not None
        admin.pin_hash = operators.hash_pin("2468")
        sari = session.scalar(select(Operator).where(Operator.name == "Sari"))
        assert sari is not None
        sari.pin_hash = operators.hash_pin("1357")
    db.close()
    return path


def _count(path: Path, what: type) -> int:
    db = open_database(path, create=False)
    try:
        with db.read() as session:
            return int(session.scalar(select(func.count()).select_from(what)) or 0)
    finally:
        db.close()


def test_writing_commands_need_an_operator_once_pins_are_used(pinned_demo: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("TEMUDESK_PIN", raising=False)
    assert main(["schedule", "--db", str(pinned_demo), "--time-limit", "1"]) == 1
    assert "--operator" in capsys.readouterr().err
    monkeypatch.setenv("TEMUDESK_PIN", "0000")
    assert main(["schedule", "--db", str(pinned_demo), "--time-limit", "1", "--operator", "Admin Disperindag"]) == 1
    monkeypatch.setenv("TEMUDESK_PIN", "1357")  # a desk operator with the right PIN: not an admin's work
    assert main(["schedule", "--db", str(pinned_demo), "--time-limit", "1", "--operator", "Sari"]) == 1
    assert "Sari (petugas meja) tidak boleh" in capsys.readouterr().err
    assert _count(pinned_demo, Meeting) == 0
    monkeypatch.setenv("TEMUDESK_PIN", "2468")
    assert main(["schedule", "--db", str(pinned_demo), "--now", "08:00", "--time-limit", "1", "--operator", "Admin Disperindag"]) == 0
    assert _count(pinned_demo, Meeting) > 0
    db = open_database(pinned_demo, create=False)
    with db.read() as session:
        names = set(session.scalars(select(AuditLog.operator_name).where(AuditLog.action.like("schedule%"))))
        failed = session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "operator.sign_in_failed"))
    db.close()
    assert names == {"Admin Disperindag"} and failed == 1


def test_an_event_without_pins_says_who_the_command_acts_as(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    capsys.readouterr()
    assert main(["schedule", "--db", str(path), "--now", "08:00", "--time-limit", "1"]) == 0
    assert "Bertindak sebagai Admin Disperindag" in capsys.readouterr().err


def test_a_command_that_writes_is_refused_while_a_gui_holds_the_event(pinned_demo: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    now = dt.datetime.now().replace(microsecond=0).isoformat()
    lock = pinned_demo.with_name(pinned_demo.name + ".lock")
    lock.write_text(json.dumps({"host": socket.gethostname(), "pid": os.getppid(), "user": "sari",
                                "since": now, "heartbeat": now}))
    before = _digest(pinned_demo)
    assert main(["schedule", "--db", str(pinned_demo), "--operator", "Admin Disperindag", "--time-limit", "1"]) == 1
    err = capsys.readouterr().err
    assert "sedang dibuka oleh sari" in err and socket.gethostname() in err
    assert _digest(pinned_demo) == before and lock.exists()
    assert main(["info", "--db", str(pinned_demo)]) == 0  # looking is fine
    assert main(["schedule", "--db", str(pinned_demo), "--read-only"]) == 1


# ---- 3. PIN guessing ----------------------------------------------------------------------------------
def test_pin_guessing_waits_longer_then_locks_out_until_an_admin_lifts_it(pinned_demo: Path) -> None:
    db = open_database(pinned_demo, create=False)
    start = dt.datetime(2026, 3, 14, 9, 0)
    moment = start
    for attempt in range(1, operators.LOCK_AFTER + 1):
        with pytest.raises(DomainError):
            operators.sign_in(db, "Sari", "0000", desk="Meja 1", now=moment)
        wait = operators.wait_after(attempt)
        if attempt >= operators.FREE_TRIES and attempt < operators.LOCK_AFTER:
            # during the wait even the right PIN is not looked at
            with pytest.raises(DomainError, match="Tunggu"):
                operators.sign_in(db, "Sari", "1357", desk="Meja 1", now=moment + wait / 2)
        moment += wait
    waits = [operators.wait_after(n).total_seconds() for n in range(1, operators.LOCK_AFTER)]
    assert waits[:2] == [0, 0] and all(b > a for a, b in zip(waits[2:], waits[3:]))
    with pytest.raises(DomainError, match="dikunci"):  # locked: the right PIN, much later, is refused
        operators.sign_in(db, "Sari", "1357", now=moment + dt.timedelta(days=1))
    with db.transaction() as session:
        sari_id = session.scalar(select(Operator.id).where(Operator.name == "Sari"))
        with pytest.raises(DomainError):
            operators.unlock(session, sari_id, Actor(name="Budi", role="desk"))
    with db.transaction() as session:
        operators.unlock(session, sari_id, ADMIN)
    assert operators.sign_in(db, "Sari", "1357", desk="Meja 1", now=moment) == Actor("Sari", "desk", "Meja 1")
    with db.read() as session:
        actions = list(session.scalars(select(AuditLog.action).where(AuditLog.action.like("operator.%"))))
    db.close()
    assert actions.count("operator.sign_in_failed") == operators.LOCK_AFTER
    assert "operator.sign_in_refused" in actions and "operator.unlock" in actions


def test_a_new_name_at_the_sign_in_is_an_admins_act_once_pins_are_used(pinned_demo: Path) -> None:
    db = open_database(pinned_demo, create=False)
    nobody = Actor(name="", role="desk")
    with pytest.raises(DomainError, match="hanya dapat ditambahkan oleh admin"):
        operators.choose_operator(db, "Orang Baru", "Meja 1", nobody)
    assert operators.choose_operator(db, "Dewi", "Meja 2", ADMIN).role == "desk"
    with db.read() as session:
        names = set(session.scalars(select(Operator.name)))
    db.close()
    assert "Orang Baru" not in names and "Dewi" in names
