"""Scans the database could not take: kept on this computer, recorded later at the scan's own time."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from desktop.models.access.actor import Actor
from desktop.models.checkin import checkin, pending_scans
from desktop.models.checkin.checkin import Outcome
from desktop.models.checkin.pending_scans import PendingScanJournal, new_pending
from desktop.models.errors import ConflictError, ValidationError
from desktop.models.event import database as database_module
from desktop.models.event.database import ReadOnlyError, open_database
from desktop.models.event.server_errors import ServerUnavailableError
from desktop.models.orm import CheckInEvent, Participant

DESK = Actor(name="Sari", role="desk", desk="Meja 1")


def _first_code(db) -> str:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return session.scalars(select(Participant.code).order_by(Participant.id)).first()


def test_only_passing_troubles_keep_a_scan_waiting() -> None:
    assert pending_scans.can_wait(ServerUnavailableError("server mati"))
    assert pending_scans.can_wait(ConflictError("terkunci terlalu lama"))
    assert not pending_scans.can_wait(ReadOnlyError("hanya-baca"))
    assert not pending_scans.can_wait(ValidationError("kosong"))
    assert not pending_scans.can_wait(RuntimeError("bug"))


def test_a_locked_file_keeps_the_scan_and_it_is_recorded_later_at_its_own_time(demo_path: Path, tmp_path: Path,
                                                                              monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 50)  # another desk holds the file; give up fast
    db = open_database(demo_path)
    code = _first_code(db)
    other_desk = sqlite3.connect(demo_path)
    other_desk.execute("BEGIN EXCLUSIVE")
    nonce, scanned = checkin.new_nonce(), dt.datetime(2026, 3, 6, 9, 5, 12)
    with pytest.raises(DBAPIError) as refused:
        with db.transaction() as session:
            checkin.check_in(session, code, DESK, nonce=nonce)
    assert pending_scans.can_wait(refused.value)
    journal = PendingScanJournal(tmp_path / "jurnal" / pending_scans.JOURNAL_NAME)
    journal.add(new_pending(db.display_name, code, nonce, DESK, scanned))
    other_desk.rollback()
    other_desk.close()

    waiting = PendingScanJournal(journal.path).waiting(db.display_name)  # as after a restart
    assert [scan.target for scan in waiting] == [code]
    for _attempt in range(2):  # a retry that did reach the database counts once
        with db.transaction() as session:
            result = pending_scans.record(session, waiting[0])
    assert result.outcome is Outcome.CHECKED_IN and result.person.code == code
    journal.remove(nonce)
    assert journal.waiting(db.display_name) == []
    with db.read() as session:
        events = session.execute(select(CheckInEvent.at, CheckInEvent.operator_name, CheckInEvent.desk)).all()
    assert events == [(scanned, "Sari", "Meja 1")]
    db.close()


def test_the_journal_keeps_each_event_apart_and_sets_a_damaged_file_aside(tmp_path: Path) -> None:
    journal = PendingScanJournal(tmp_path / pending_scans.JOURNAL_NAME)
    at = dt.datetime(2026, 3, 6, 9, 0)
    journal.add(new_pending("/acara/a.sqlite", "IKM001", "n1", DESK, at))
    journal.add(new_pending("/acara/b.sqlite", "IKM002", "n2", DESK, at))
    journal.add(new_pending("/acara/a.sqlite", "IKM001", "n1", DESK, at))  # the same scan twice: kept once
    journal.add(new_pending("/acara/a.sqlite", 17, "n3", DESK, at))
    assert [scan.target for scan in journal.waiting("/acara/a.sqlite")] == ["IKM001", 17]
    assert json.loads(journal.path.read_text(encoding="utf-8"))[1]["target"] == "IKM002"
    assert not journal.path.with_suffix(".partial").exists()

    journal.path.write_text("[{\"target\": ", encoding="utf-8")  # cut off mid-write by something else
    assert journal.waiting("/acara/a.sqlite") == []
    assert journal.path.with_suffix(".rusak.json").read_text(encoding="utf-8").startswith("[{")
    journal.add(new_pending("/acara/a.sqlite", "IKM009", "n9", DESK, at))
    assert [scan.target for scan in journal.waiting("/acara/a.sqlite")] == ["IKM009"]
