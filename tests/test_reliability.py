"""Roles enforced in services, PINs, the single-instance lock, read-only mode, integrity checks."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.models.checkin import checkin
from desktop.models.event import event_setup
from desktop.models.access import operators
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.event.database import ReadOnlyError, integrity_problem, open_database
from desktop.models.errors import DomainError
from desktop.models.event.instance_lock import InstanceLock, lock_path_for
from desktop.models.access.permissions import PermissionDenied

DESK = Actor(name="Sari", role="desk", desk="Meja 1")


def test_desk_role_cannot_delete_or_change_the_event(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        row = participants.list_participants(session)[0]
    with pytest.raises(PermissionDenied) as info, demo_db.transaction() as session:
        participants.delete_participant(session, row.id, DESK)
    assert "Sari" in str(info.value) and "admin" in str(info.value)
    with pytest.raises(PermissionDenied), demo_db.transaction() as session:
        event_setup.set_table_count(session, 3, DESK)
    with demo_db.read() as session:
        assert participants.get_participant(session, row.id)
        assert len(event_setup.list_tables(session)) == 15


def test_desk_role_may_add_participants(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        row = participants.create_participant(session, participants.ParticipantData(business_name="Walk-in"), DESK)
    assert row.code.startswith("IKM")


def test_pins_are_hashed_and_checked(empty_db, admin) -> None:  # type: ignore[no-untyped-def]
    with empty_db.transaction() as session:
        operators.create_operator(session, "Admin", "admin", "1234", admin)
        operators.create_operator(session, "Sari", "desk", "4321", admin)
    with empty_db.read() as session:
        stored = session.execute(__import__("sqlalchemy").text("SELECT pin_hash FROM operator WHERE name='Sari'")).scalar()
        assert stored.startswith("scrypt$") and "4321" not in stored
    actor = operators.sign_in(empty_db, "Sari", "4321", desk="Meja 2")
    assert actor == Actor("Sari", "desk", "Meja 2")
    with pytest.raises(DomainError):
        operators.sign_in(empty_db, "Sari", "0000")
    with pytest.raises(PermissionDenied), empty_db.transaction() as session:
        operators.create_operator(session, "Budi", "admin", "1111", DESK)
    with pytest.raises(DomainError), empty_db.transaction() as session:
        operators.create_operator(session, "Budi", "desk", "12", admin)


def test_second_instance_is_told_who_holds_the_file(tmp_path: Path) -> None:
    event_file = tmp_path / "event.sqlite"
    event_file.write_bytes(b"")
    holder = subprocess.Popen(
        [sys.executable, "-c", (
            "import sys, time; sys.path.insert(0, %r);"
            "from pathlib import Path; from desktop.models.event.instance_lock import InstanceLock;"
            "lock = InstanceLock(Path(%r)); assert lock.acquire() is None; print('held', flush=True); time.sleep(30)"
        ) % (str(Path(__file__).resolve().parent.parent), str(event_file))],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        mine = InstanceLock(event_file)
        other = mine.acquire()
        assert other is not None and other.pid == holder.pid and other.host == socket.gethostname()
        assert not mine.held
    finally:
        holder.kill()
        holder.wait()
    # The holder died without releasing: its lock is stale and cleared.
    assert lock_path_for(event_file).exists()
    mine = InstanceLock(event_file)
    assert mine.acquire() is None and mine.held
    mine.release()
    assert not lock_path_for(event_file).exists()


def test_lock_with_an_old_heartbeat_is_stale(tmp_path: Path) -> None:
    event_file = tmp_path / "event.sqlite"
    old = (dt.datetime.now() - dt.timedelta(hours=1)).isoformat()
    lock_path_for(event_file).write_text(json.dumps(
        {"host": "laptop-lain", "pid": 1, "user": "budi", "since": old, "heartbeat": old}))
    assert InstanceLock(event_file).acquire() is None


def test_read_only_database_refuses_writes(demo_path: Path, admin) -> None:  # type: ignore[no-untyped-def]
    db = open_database(demo_path, read_only=True)
    with db.read() as session:
        assert len(participants.list_participants(session)) == 87
    with pytest.raises(ReadOnlyError), db.transaction() as session:
        participants.create_participant(session, participants.ParticipantData(business_name="X"), admin)
    db.close()


def test_integrity_check_reports_a_damaged_file(demo_path: Path) -> None:
    db = open_database(demo_path)
    assert integrity_problem(db) is None
    db.close()
    connection = sqlite3.connect(demo_path)
    connection.execute("PRAGMA journal_mode=DELETE")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    with open(demo_path, "r+b") as handle:  # scribble over a few index/table pages
        for page in (5, 9, 14):
            handle.seek(page * page_size + 20)
            handle.write(os.urandom(400))
    try:
        damaged = open_database(demo_path)
    except DomainError:
        return  # refused at open: also a clear answer
    assert integrity_problem(damaged) is not None
    damaged.close()


def test_audit_log_lists_changes_with_before_and_after(demo_db, admin, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.access import audit

    with demo_db.read() as session:
        row = participants.list_participants(session)[0]
    data = row.to_data()
    data.contact_person = "=cmd|' /C calc'!A0"
    with demo_db.transaction() as session:
        participants.update_participant(session, row.id, data, admin)
    with demo_db.read() as session:
        newest = audit.list_audit(session, operator=admin.name)[0]
    assert newest.action == "participant.update" and newest.entity_id == row.id
    assert row.contact_person in newest.before and "cmd" in newest.after
    target = tmp_path / "audit.csv"
    audit.write_audit_csv([newest], str(target))
    text = target.read_text(encoding="utf-8-sig")
    assert "participant.update" in text and ";=" not in text


def test_audit_dialog_filters_by_operator(qtbot, demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    from desktop.views.audit_dialog import AuditDialog
    from tests.gui_helpers import make_context, settle

    with demo_db.transaction() as session:
        row = participants.list_participants(session)[0]
        participants.update_participant(session, row.id, row.to_data(), DESK)
        data = row.to_data()
        data.notes = "diubah Sari"
        participants.update_participant(session, row.id, data, DESK)
    context = make_context(demo_db)
    dialog = AuditDialog(context)
    qtbot.addWidget(dialog)
    settle(qtbot, context)
    assert dialog.model.rowCount() > 100
    dialog.operator_combo.setCurrentIndex(dialog.operator_combo.findData("Sari"))
    assert dialog.proxy.rowCount() == 1
    dialog.table.selectRow(0)
    assert "diubah Sari" in dialog.after_view.toPlainText()


def test_startup_operator_rules(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.orm import Operator

    with demo_db.read() as session:
        # Demo: no PINs, nobody remembered → the event's first admin.
        assert operators.startup_actor(session, "", "Meja 1") == Actor("Admin Disperindag", "admin", "Meja 1")
        assert operators.startup_actor(session, "Sari", "Meja 2") == Actor("Sari", "desk", "Meja 2")
    with demo_db.transaction() as session:
        session.query(Operator).filter_by(name="Sari").one().pin_hash = operators.hash_pin("1357")
    with demo_db.read() as session:
        assert operators.startup_actor(session, "Sari", "Meja 2") is None  # must sign in with her PIN
        assert operators.startup_actor(session, "", "Meja 2") is None
        assert operators.startup_actor(session, "Budi", "Meja 3") == Actor("Budi", "desk", "Meja 3")


def test_no_operators_yet_means_set_up_as_admin(empty_db) -> None:  # type: ignore[no-untyped-def]
    with empty_db.read() as session:
        assert operators.startup_actor(session, "", "") == Actor("Admin", "admin", "")


def test_desk_role_cannot_import_or_store_a_schedule(demo_db) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.spreadsheet import participant_import
    from desktop.models.schedule.schedule_store import store_schedule
    from desktop.models.spreadsheet.reader import SheetTable

    with pytest.raises(PermissionDenied), demo_db.transaction() as session:
        participant_import.import_participants(session, SheetTable.__new__(SheetTable), {}, DESK)  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied), demo_db.transaction() as session:
        store_schedule(session, None, DESK, moment=None)  # type: ignore[arg-type]


def test_audit_dialog_search_by_code_finds_the_undo(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from desktop.views.audit_dialog import AuditDialog
    from tests.gui_helpers import make_context, settle

    sari = Actor(name="Sari", role="desk", desk="Meja 1")
    with demo_db.transaction() as session:
        person = participants.find_by_code(session, "BYR007")
        checkin.check_in(session, "BYR007", sari)
        checkin.undo(session, person.id, sari)
    context = make_context(demo_db)
    dialog = AuditDialog(context)
    qtbot.addWidget(dialog)
    settle(qtbot, context)
    qtbot.keyClicks(dialog.search_edit, "byr007")
    texts = [dialog.proxy.index(i, 1).data() for i in range(dialog.proxy.rowCount())]
    assert any(t.startswith(f"Sari membatalkan check-in BYR007 {person.business_name}") for t in texts), texts
    dialog.search_edit.setText(person.business_name.split()[-1] + " membatalkan")  # by name and kind of action
    assert dialog.proxy.rowCount() == 1
    dialog.search_edit.clear()
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("checkin.undo"))
    assert dialog.proxy.rowCount() == 1 and "membatalkan" in dialog.action_combo.currentText()
    dialog.table.selectRow(0)
    assert "checkin.undo" in dialog.technical_label.text() and "event_id" in dialog.after_view.toPlainText()
