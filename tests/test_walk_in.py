"""Walk-ins and desk operators."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop.models.access import operators
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.checkin.checkin import Outcome
from desktop.models.event.database import Database
from desktop.models.errors import ValidationError
from desktop.models.orm import CheckInEvent, Operator, Participant
from desktop.models.people.participants import ParticipantData
from desktop.models.checkin.walk_in import DuplicateSuspected, core_name, find_duplicates, register_walk_in

SARI = Actor(name="Sari", role="desk", desk="Meja Registrasi 1")


def _count(db: Database, model: type) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_walk_in_is_saved_and_checked_in_once(demo_db: Database) -> None:
    data = ParticipantData(business_name="UD. Sepatu Baru Datang", contact_person="Pak Jum'at", phone="0813 9999 0000",
                           category_codes=["sandal"])
    with demo_db.transaction() as session:
        result = register_walk_in(session, data, SARI, nonce="walk-1")
    with demo_db.transaction() as session:
        again = register_walk_in(session, data, SARI, nonce="walk-1")  # a retry of the same form
    assert result.outcome is Outcome.CHECKED_IN and result.person is not None
    assert result.person.is_walk_in and result.person.code == "IKM071"
    assert again.event_id == result.event_id
    assert _count(demo_db, Participant) == 88 and _count(demo_db, CheckInEvent) == 1


def test_same_phone_or_similar_name_is_a_suspected_duplicate(demo_db: Database) -> None:
    with demo_db.read() as session:
        known = participants.find_by_code(session, "IKM002")
        other = participants.find_by_code(session, "IKM003")
    assert known is not None and other is not None
    with demo_db.transaction() as session, pytest.raises(DuplicateSuspected) as caught:
        register_walk_in(session, ParticipantData(business_name="Usaha lain sama sekali", phone=known.phone), SARI)
    assert caught.value.candidates[0].person.id == known.id and caught.value.candidates[0].same_phone
    name = other.business_name.upper().replace(".", "") + "!"  # "CV. Surya" typed as "CV SURYA…!"
    with demo_db.read() as session:
        similar = find_duplicates(session, name, "")
    assert similar and similar[0].person.id == other.id and similar[0].name_similarity >= 0.82
    assert _count(demo_db, Participant) == 87
    with demo_db.transaction() as session:
        forced = register_walk_in(session, ParticipantData(business_name=name), SARI, allow_duplicates=True)
    assert forced.outcome is Outcome.CHECKED_IN and _count(demo_db, Participant) == 88


def test_walk_in_with_bad_data_writes_nothing(demo_db: Database) -> None:
    with demo_db.transaction() as session, pytest.raises(ValidationError) as caught:
        register_walk_in(session, ParticipantData(business_name="  ", phone="bukan nomor"), SARI)
    assert set(caught.value.problems) == {"business_name", "phone"}
    assert _count(demo_db, Participant) == 87 and _count(demo_db, CheckInEvent) == 0


def test_core_name_ignores_legal_forms_and_punctuation() -> None:
    assert core_name("CV. Sepatu Ma'ruf — Jaya") == core_name("sepatu maruf jaya") == "sepatu maruf jaya"


def test_choose_operator_known_new_and_invalid(demo_db: Database, admin: Actor) -> None:
    with demo_db.read() as session:
        assert [row.name for row in operators.list_operators(session)] == ["Admin Disperindag", "Budi", "Sari"]
    sari = operators.choose_operator(demo_db, "  Sari ", "Meja Registrasi 2", admin)
    new = operators.choose_operator(demo_db, "Dewi Anggraini", "Meja 3", admin)
    assert sari == Actor(name="Sari", role="desk", desk="Meja Registrasi 2")
    assert new.role == "desk" and _count(demo_db, Operator) == 4
    for name, desk, field in (("", "Meja 1", "operator"), ("Sari", " ", "desk"), ("x" * 121, "Meja 1", "operator")):
        with pytest.raises(ValidationError) as caught:
            operators.choose_operator(demo_db, name, desk, admin)
        assert caught.value.field == field
