"""The print log (which slip/badge was printed, audited) and the kiosk's admin PIN rules."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.models.checkin import kiosk
from desktop.models.access import operators
from desktop.models.reporting import print_log
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database
from desktop.models.errors import DomainError, NotFoundError, ValidationError
from desktop.models.orm import AuditLog, Participant, PrintLogEntry

DESK = Actor(name="Sari", role="desk", desk="Meja 2")


def _first_id(db: Database) -> int:
    with db.read() as session:
        return session.scalars(select(Participant.id).order_by(Participant.id)).first()


def test_nothing_printed_yet(demo_db: Database) -> None:
    pid = _first_id(demo_db)
    with demo_db.read() as session:
        summary = print_log.summary(session, pid)
    assert summary.slip.count == 0 and summary.badge.count == 0
    assert summary.describe() == "Slip jadwal: belum dicetak · Badge: belum dicetak"


def test_prints_and_reprints_are_logged_and_audited(demo_db: Database) -> None:
    pid = _first_id(demo_db)
    with demo_db.transaction() as session:
        first = print_log.record_print(session, pid, "slip", "62x100", DESK, printer="Brother QL-800")
    with demo_db.transaction() as session:
        print_log.record_print(session, pid, "slip", "a6", DESK)
        print_log.record_print(session, pid, "badge", "102x152", DESK)
    with demo_db.read() as session:
        summary = print_log.summary(session, pid)
        rows = print_log.history(session, pid)
        audits = list(session.scalars(select(AuditLog).where(AuditLog.action.like("print.%")).order_by(AuditLog.id)))
    assert [r.document for r in rows] == ["slip", "slip", "badge"]
    assert rows[0] == first and first.paper == "62x100" and first.printer == "Brother QL-800"
    assert summary.slip.count == 2 and summary.slip.last_desk == "Meja 2"
    assert summary.badge.count == 1
    clock = summary.slip.last_at.strftime("%H:%M")
    assert summary.describe().startswith(f"Slip jadwal: dicetak {clock} (2×) · Badge: dicetak ")
    assert [a.action for a in audits] == ["print.slip", "print.slip", "print.badge"]
    assert all(a.entity_id == pid and a.operator_name == "Sari" for a in audits)


def test_bad_print_records_write_nothing(demo_db: Database) -> None:
    pid = _first_id(demo_db)
    for document, paper, participant, error in (
        ("poster", "a4", pid, ValidationError),
        ("slip", "", pid, ValidationError),
        ("slip", "x" * 17, pid, ValidationError),
        ("slip", "a4", 10**9, NotFoundError),
    ):
        with pytest.raises(error):
            with demo_db.transaction() as session:
                print_log.record_print(session, participant, document, paper, DESK)
    with demo_db.read() as session:
        assert session.scalars(select(PrintLogEntry)).all() == []
        assert session.scalars(select(AuditLog).where(AuditLog.action.like("print.%"))).all() == []


def test_the_log_goes_with_a_deleted_participant(demo_db: Database) -> None:
    pid = _first_id(demo_db)
    with demo_db.transaction() as session:
        print_log.record_print(session, pid, "badge", "a4", DESK)
    with demo_db.transaction() as session:
        session.delete(session.get(Participant, pid))
    with demo_db.read() as session:
        assert session.scalars(select(PrintLogEntry)).all() == []


# ---- kiosk ----------------------------------------------------------------------------------
def test_kiosk_needs_an_admin_with_a_pin(empty_event: Database, admin: Actor) -> None:
    with empty_event.transaction() as session:
        assert not kiosk.can_lock(session)
        operators.create_operator(session, "Admin", "admin", "", admin)
        operators.create_operator(session, "Sari", "desk", "4321", admin)
    with empty_event.read() as session:
        assert not kiosk.can_lock(session)  # a desk PIN does not lock the kiosk
    with pytest.raises(DomainError, match="PIN admin"):
        with empty_event.transaction() as session:
            kiosk.start(session, admin)


def test_only_an_active_admins_pin_opens_the_kiosk(empty_event: Database, admin: Actor) -> None:
    with empty_event.transaction() as session:
        operators.create_operator(session, "Admin", "admin", "2468", admin)
        operators.create_operator(session, "Sari", "desk", "4321", admin)
        kiosk.start(session, admin)
    for wrong in ("4321", "", "0000", "2468 9", "24681"):
        with pytest.raises(DomainError, match="PIN admin salah"):
            with empty_event.transaction() as session:
                kiosk.unlock(session, wrong, kiosk.kiosk_actor(DESK))
    with empty_event.transaction() as session:
        unlocked_by = kiosk.unlock(session, " 2468 ", kiosk.kiosk_actor(DESK))
    assert unlocked_by.name == "Admin" and unlocked_by.is_admin
    with empty_event.read() as session:
        actions = [a.action for a in session.scalars(select(AuditLog).where(AuditLog.entity == "kiosk"))]
    assert actions == ["kiosk.start", "kiosk.exit"]


def test_kiosk_check_ins_are_recorded_at_the_kiosk_desk() -> None:
    actor = kiosk.kiosk_actor(Actor(name="Admin", role="admin", desk="Meja 1"))
    assert (actor.name, actor.desk, actor.is_admin) == ("Admin", "Kiosk · Meja 1", False)
    assert kiosk.kiosk_actor(Actor(name="Admin", desk="")).desk == "Kiosk"


def _result(outcome, meeting=None):  # type: ignore[no-untyped-def]
    import datetime as dt

    from desktop.models.checkin.checkin import CheckInResult, Person

    person = Person(7, "IKM007", "ikm", "CV. Sepatu Jaya", "Bu Siti", "0812", False)
    return CheckInResult(outcome, person if outcome.value != "unknown" else None, dt.datetime(2020, 3, 6, 8, 42),
                         "Admin", "Kiosk", next_meeting=meeting, raw_input="XYZ")


def test_the_visitor_reads_name_first_meeting_and_what_to_do() -> None:
    import datetime as dt

    from desktop.models.checkin.checkin import NextMeeting, Outcome

    meeting = NextMeeting(dt.time(9, 0), dt.time(9, 20), 3, "Meja 3", "PT Pembeli Nusantara", True, 4)
    answer = kiosk.visitor_answer(_result(Outcome.CHECKED_IN, meeting))
    assert answer.ok and answer.name == "CV. Sepatu Jaya"
    assert answer.meeting == "Pertemuan pertama Anda: pukul 09:00, Meja 3, dengan PT Pembeli Nusantara."
    assert answer.todo == "Silakan ambil slip jadwal Anda."
    later = NextMeeting(dt.time(13, 0), dt.time(13, 20), 5, "", "UD. Kulit", False, 4)
    assert kiosk.visitor_answer(_result(Outcome.CHECKED_IN, later)).meeting.startswith(
        "Pertemuan berikutnya: pukul 13:00, Meja 5, dengan UD. Kulit")
    assert "Belum ada pertemuan" in kiosk.visitor_answer(_result(Outcome.CHECKED_IN)).meeting


def test_unknown_or_used_codes_send_the_visitor_to_the_desk_and_show_nobody() -> None:
    from desktop.models.checkin.checkin import Outcome

    for result in (_result(Outcome.ALREADY), _result(Outcome.UNKNOWN), None):
        answer = kiosk.visitor_answer(result)
        assert not answer.ok and answer.name == "" and answer.meeting == ""
        assert answer.todo == "Silakan menuju meja registrasi. Petugas kami akan membantu Anda."
        assert "CV. Sepatu Jaya" not in answer.headline + answer.todo
    assert kiosk.visitor_answer(_result(Outcome.ALREADY)).headline == "Badge ini sudah dipakai untuk check-in."
