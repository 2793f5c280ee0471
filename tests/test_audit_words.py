"""The audit log in words with codes and names, searchable, exported with its technical columns."""

from __future__ import annotations

import csv

from desktop.models.access import audit
from desktop.models.access import audit_words
from desktop.models.checkin import checkin
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database

SARI = Actor(name="Sari", role="desk", desk="Meja 1")


def _check_in_and_undo(db: Database, code: str) -> participants.ParticipantRow:
    with db.transaction() as session:
        person = participants.find_by_code(session, code)
        checkin.check_in(session, code, SARI)
        checkin.undo(session, person.id, SARI)
    return person


def test_an_undone_check_in_reads_as_a_sentence_with_code_name_time_and_desk(demo_db) -> None:  # type: ignore[no-untyped-def]
    person = _check_in_and_undo(demo_db, "BYR007")
    with demo_db.read() as session:
        rows = audit_words.readable_audit(session)
    undo = rows[0]
    clock = undo.row.at.strftime("%H:%M")
    assert undo.text == f"Sari membatalkan check-in BYR007 {person.business_name}, {clock}, Meja 1"
    assert rows[1].text.startswith(f"Sari mencatat check-in BYR007 {person.business_name}")
    assert undo.kind == "membatalkan check-in" and "byr007" in undo.haystack()


def test_a_deleted_participant_is_still_named_from_the_snapshot(demo_db) -> None:  # type: ignore[no-untyped-def]
    admin = Actor(name="Admin", role="admin")
    with demo_db.transaction() as session:
        made = participants.create_participant(session, participants.ParticipantData(
            business_name="UD Hilang Sementara", contact_person="Bu Tini", phone="081233334444"), admin)
    with demo_db.transaction() as session:
        participants.delete_participant(session, made.id, admin)
    with demo_db.read() as session:
        newest = audit_words.readable_audit(session)[0]
    assert newest.text.startswith(f"Admin menghapus peserta {made.code} UD Hilang Sementara")


def test_every_demo_row_has_words_and_a_request_names_its_parties(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        rows = audit_words.readable_audit(session)
    assert rows and all(r.text and ":" not in r.text.split(",")[0] for r in rows), {
        r.row.action for r in rows if ":" in r.text.split(",")[0]}
    requests = [r for r in rows if r.row.action == "request.create"]
    assert requests and all(" – " in r.text and len(r.subjects.split()) >= 4 for r in requests)  # both parties


def test_csv_keeps_the_words_and_the_technical_columns(demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _check_in_and_undo(demo_db, "IKM001")
    with demo_db.read() as session:
        rows = audit_words.readable_audit(session)[:2]
    target = tmp_path / "audit.csv"
    audit.write_audit_csv([r.row for r in rows], str(target), [r.text for r in rows])
    with target.open(encoding="utf-8-sig") as handle:
        table = list(csv.reader(handle, delimiter=";"))
    assert table[0][:4] == ["id", "waktu", "uraian", "operator"]
    assert table[1][2].startswith("Sari membatalkan check-in IKM001") and table[1][4] == "checkin.undo"
    assert '"event_id"' in table[1][7] or "event_id" in table[1][7]
