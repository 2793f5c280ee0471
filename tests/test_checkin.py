"""The check-in desk's domain service: scans, bad input, undo, history, counters, two desks."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desktop.models.checkin import checkin
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.checkin.checkin import Outcome
from desktop.models.checkin.checkin_search import SearchIndex, fold
from desktop.models.event.database import Database, open_database
from desktop.models.errors import ConflictError, NotFoundError, ValidationError
from desktop.models.orm import AuditLog, CheckInEvent, FailedScan, Meeting, MeetingRequest, MeetingTable, TimeSlot

SARI = Actor(name="Sari", role="desk", desk="Meja Registrasi 1")
BUDI = Actor(name="Budi", role="desk", desk="Meja Registrasi 2")


def _events(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(CheckInEvent.id))) or 0


def _failed(db: Database) -> list[FailedScan]:
    with db.read() as session:
        return list(session.scalars(select(FailedScan).order_by(FailedScan.id)))


def _scan(db: Database, text: str | int, actor: Actor = SARI, **kwargs: object) -> checkin.CheckInResult:
    with db.transaction() as session:
        return checkin.check_in(session, text, actor, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("scanned", ["IKM001", "ikm001", "  IKM001 \n", "IKM-001", "]Q1IKM001", "*IKM001*\t", "IKM001\r\n"])
def test_scanner_variants_check_in_the_right_person(demo_db: Database, scanned: str) -> None:
    result = _scan(demo_db, scanned)
    assert result.outcome is Outcome.CHECKED_IN
    assert result.person is not None and result.person.code == "IKM001"
    assert (result.operator_name, result.desk) == ("Sari", "Meja Registrasi 1")
    with demo_db.read() as session:
        event = session.scalars(select(CheckInEvent)).one()
        audit_row = session.scalars(select(AuditLog).where(AuditLog.action == "checkin.check_in")).one()
    assert (event.operator_name, event.desk, event.action) == ("Sari", "Meja Registrasi 1", "check_in")
    assert len(event.nonce) == 32 and audit_row.entity_id == event.participant_id


def test_second_scan_says_when_and_by_whom_and_writes_nothing(demo_db: Database) -> None:
    first = _scan(demo_db, "IKM002", SARI)
    second = _scan(demo_db, "IKM002", BUDI)
    assert second.outcome is Outcome.ALREADY
    assert (second.operator_name, second.desk, second.at) == ("Sari", "Meja Registrasi 1", first.at)
    assert second.event_id == first.event_id
    assert _events(demo_db) == 1


def test_same_nonce_is_one_check_in(demo_db: Database) -> None:
    first = _scan(demo_db, "IKM003", nonce="n-1")
    again = _scan(demo_db, "IKM003", nonce="n-1")
    assert first.outcome is again.outcome is Outcome.CHECKED_IN
    assert again.event_id == first.event_id and _events(demo_db) == 1


@pytest.mark.parametrize("raw", ["", "   ", "\n\t"])
def test_empty_input_is_refused_with_a_message(demo_db: Database, raw: str) -> None:
    with pytest.raises(ValidationError, match="Pindai badge"):
        _scan(demo_db, raw)
    assert _events(demo_db) == 0 and _failed(demo_db) == []


def test_unknown_and_garbled_scans_are_logged(demo_db: Database) -> None:
    garbage = "".join(chr(33 + (i * 7919) % 90) for i in range(500)) + "ÄÖ'é" * 30
    assert _scan(demo_db, "IKM999").outcome is Outcome.UNKNOWN
    result = _scan(demo_db, garbage, BUDI)
    assert result.outcome is Outcome.UNKNOWN and result.message == "Kode tidak dikenal."
    logged = _failed(demo_db)
    assert [row.raw_input for row in logged][0] == "IKM999"
    assert len(logged[1].raw_input) == 600 and logged[1].operator_name == "Budi" and logged[1].desk == "Meja Registrasi 2"
    assert _events(demo_db) == 0
    with demo_db.read() as session:
        assert [row.raw_input for row in checkin.failed_scans(session)] == [logged[1].raw_input, "IKM999"]


def test_participant_deleted_meanwhile(demo_db: Database, admin: Actor) -> None:
    with demo_db.transaction() as session:
        target = participants.create_participant(session, participants.ParticipantData(business_name="UD. Hilang"), admin)
    with demo_db.transaction() as session:
        participants.delete_participant(session, target.id, admin)
    result = _scan(demo_db, target.id)
    assert result.outcome is Outcome.UNKNOWN and "dihapus" in result.message
    assert _scan(demo_db, target.code).outcome is Outcome.UNKNOWN
    with demo_db.transaction() as session, pytest.raises(NotFoundError):
        checkin.undo(session, target.id, SARI)
    assert _events(demo_db) == 0 and len(_failed(demo_db)) == 2


def test_undo_appends_an_event_and_history_tells_the_story(demo_db: Database) -> None:
    first = _scan(demo_db, "IKM004", SARI)
    assert first.person is not None
    with demo_db.transaction() as session:
        undone = checkin.undo(session, first.person.id, BUDI, event_id=first.event_id)
    assert undone.outcome is Outcome.UNDONE and undone.operator_name == "Budi"
    with demo_db.transaction() as session:
        nothing = checkin.undo(session, first.person.id, BUDI)
    assert nothing.outcome is Outcome.NOT_PRESENT and "belum check-in" in nothing.message
    again = _scan(demo_db, "IKM004", BUDI)
    assert again.outcome is Outcome.CHECKED_IN
    with demo_db.read() as session:
        state = checkin.status(session, first.person.id)
    assert state.present and state.operator_name == "Budi"
    assert [(h.action, h.operator_name) for h in state.history] == [
        ("check_in", "Sari"), ("undo", "Budi"), ("check_in", "Budi")
    ]
    assert _events(demo_db) == 3


def test_undo_refuses_when_another_desk_changed_it(demo_db: Database) -> None:
    first = _scan(demo_db, "IKM005", SARI)
    assert first.person is not None
    with demo_db.transaction() as session:
        checkin.undo(session, first.person.id, BUDI)
    second = _scan(demo_db, "IKM005", BUDI)
    with demo_db.transaction() as session, pytest.raises(ConflictError, match="meja lain"):
        checkin.undo(session, first.person.id, SARI, event_id=first.event_id)
    with demo_db.read() as session:
        assert checkin.status(session, first.person.id).present
    assert second.outcome is Outcome.CHECKED_IN and _events(demo_db) == 3


def test_desk_overview_counts_and_missing(demo_db: Database) -> None:
    _scan(demo_db, "IKM001")
    _scan(demo_db, "IKM002")
    _scan(demo_db, "BYR001")
    with demo_db.read() as session:
        overview = checkin.desk_overview(session)
    counts = {count.kind: (count.present, count.expected) for count in overview.counts}
    assert counts["ikm"] == (2, 70) and counts["buyer"] == (1, 7) and counts["supplier"] == (0, 4)
    assert (overview.present, overview.expected) == (3, 87)
    codes = [person.code for person in overview.missing]
    assert len(codes) == 84 and "IKM001" not in codes and "IKM003" in codes
    assert [person.kind for person in overview.missing][:68] == ["ikm"] * 68


def test_next_meeting_with_table_time_and_counterpart(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    with demo_db.transaction() as session:
        ikm = participants.find_by_code(session, "IKM001")
        assert ikm is not None
        request = session.scalars(
            select(MeetingRequest).where(
                (MeetingRequest.participant_a_id == ikm.id) | (MeetingRequest.participant_b_id == ikm.id)
            )
        ).first()
        assert request is not None
        slots = list(session.scalars(select(TimeSlot).order_by(TimeSlot.ordinal)))
        table = session.scalars(select(MeetingTable).where(MeetingTable.number == 7)).one()
        session.add(Meeting(request_id=request.id, slot_id=slots[1].id, table_id=table.id))
        counterpart_id = request.participant_a_id if request.participant_b_id == ikm.id else request.participant_b_id
        counterpart = participants.get_participant(session, counterpart_id)
    monkeypatch.setattr(checkin, "now", lambda: dt.datetime(2020, 3, 6, 8, 42))
    result = _scan(demo_db, "IKM001")
    meeting = result.next_meeting
    assert meeting is not None and meeting.is_first and meeting.total == 1
    assert (meeting.table_number, meeting.start, meeting.counterpart) == (7, dt.time(9, 20), counterpart.business_name)
    assert result.at == dt.datetime(2020, 3, 6, 8, 42)
    with demo_db.read() as session:
        assert checkin.next_meeting(session, ikm.id, dt.datetime(2020, 3, 6, 9, 45)) is None


def test_two_desks_on_one_file_never_check_in_twice(demo_path: Path) -> None:
    desks = [open_database(demo_path), open_database(demo_path)]
    barrier = threading.Barrier(2)
    results: list[Outcome] = []

    def desk(db: Database, actor: Actor) -> None:
        barrier.wait()
        for code in ("IKM010", "IKM011", "IKM012", "IKM013", "IKM014"):
            with db.transaction() as session:
                results.append(checkin.check_in(session, code, actor).outcome)

    threads = [threading.Thread(target=desk, args=(db, actor)) for db, actor in zip(desks, (SARI, BUDI), strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    try:
        assert sorted(results) == sorted([Outcome.ALREADY] * 5 + [Outcome.CHECKED_IN] * 5)
        with desks[0].read() as session:
            per_person = session.execute(
                select(CheckInEvent.participant_id, func.count()).group_by(CheckInEvent.participant_id)
            ).all()
        assert len(per_person) == 5 and all(count == 1 for _pid, count in per_person)
    finally:
        for db in desks:
            db.close()


def test_search_finds_names_with_apostrophes_accents_phones(demo_db: Database, admin: Actor) -> None:
    with demo_db.transaction() as session:
        created = participants.create_participant(
            session,
            participants.ParticipantData(
                business_name="UD. Sandal Ma'ruf Réné", contact_person="Bu Sri Wahyuni", phone="0857-1111-2222"
            ),
            admin,
        )
    with demo_db.read() as session:
        index = SearchIndex.load(session)
    for query in ("maruf", "Ma'ruf", "MA’RUF rene", "réné", "sri wah", "1111 2222", "0857111", "62857111"):
        assert created.id in [hit.person.id for hit in index.search(query)], query
    hits = index.search(created.code.lower())
    assert hits[0].person.id == created.id and hits[0].exact_code
    assert index.search("") == [] and index.search("   ") == []
    assert index.search("zzzz tidak ada") == []
    assert fold("CV. Sepatu  Jaya–Abadi") == "cv sepatu jaya abadi"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=80))
def test_search_and_code_parsing_never_crash(demo_db: Database, text: str) -> None:
    with demo_db.read() as session:
        index = _cached_index(demo_db, session)
    hits = index.search(text, limit=5)
    assert len(hits) <= 5
    checkin.code_candidates(text)
    checkin.looks_like_code(text)


_INDEXES: dict[str, SearchIndex] = {}


def _cached_index(db: Database, session) -> SearchIndex:  # type: ignore[no-untyped-def]
    return _INDEXES.setdefault(db.url, SearchIndex.load(session))
