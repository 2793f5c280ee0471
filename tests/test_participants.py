import pytest
from sqlalchemy import func, select

from desktop.models.people import participants
from desktop.models.errors import ConflictError, DomainError, NotFoundError, ValidationError
from desktop.models.orm import AuditLog, CheckInEvent, MeetingRequest, Order
from desktop.models.people.participants import ParticipantData


def _data(**overrides: object) -> ParticipantData:
    base = dict(business_name="CV. Sepatu & Sandal <Jaya>", contact_person="Sri Rahayu", phone="0812-3456-7890",
                category_codes=["sepatu_wanita"], monthly_capacity=1500)
    base.update(overrides)
    return ParticipantData(**base)  # type: ignore[arg-type]


def test_create_assigns_next_code_and_normalises(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        row = participants.create_participant(session, _data(business_name="  UD   Baru  "), admin)
    assert row.code == "IKM071"
    assert row.business_name == "UD Baru"
    assert row.phone == "+6281234567890"
    assert row.category_names == ("Sepatu wanita",)
    with demo_db.read() as session:
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "participant.create")).all()
        assert audit[-1].entity_id == row.id and audit[-1].operator_name == admin.name


def test_codes_per_kind(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        buyer = participants.create_participant(session, _data(kind="buyer"), admin)
    assert buyer.code == "BYR008"


def test_validation_lists_every_problem(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    bad = _data(business_name=" ", phone="abc", monthly_capacity=-1, delegation_size=0)
    with pytest.raises(ValidationError) as info, demo_db.transaction() as session:
        participants.create_participant(session, bad, admin)
    assert set(info.value.problems) == {"business_name", "phone", "monthly_capacity", "delegation_size"}
    assert info.value.problems["business_name"] == "Nama usaha wajib diisi."


def test_special_characters_survive(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    name = "CV. Sepatu & Sandal <Jaya> \"Ma'ruf\" 👟"
    with demo_db.transaction() as session:
        row = participants.create_participant(session, _data(business_name=name), admin)
    with demo_db.read() as session:
        assert participants.get_participant(session, row.id).business_name == name


def test_update_detects_a_concurrent_change(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        row = participants.list_participants(session)[0]
    changed = row.to_data()
    changed.contact_person = "Pemilik Baru"
    with demo_db.transaction() as session:
        updated = participants.update_participant(session, row.id, changed, admin, expected_version=row.version)
    assert updated.version == row.version + 1 and updated.contact_person == "Pemilik Baru"
    with pytest.raises(ConflictError), demo_db.transaction() as session:
        participants.update_participant(session, row.id, row.to_data(), admin, expected_version=row.version)


def test_unknown_category_is_refused(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError), demo_db.transaction() as session:
        participants.create_participant(session, _data(category_codes=["roket"]), admin)


def test_delete_reports_and_removes_what_goes_with_it(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        row = participants.list_participants(session, kind="ikm")[0]
        session.add(CheckInEvent(participant_id=row.id, nonce="n1"))
    with demo_db.read() as session:
        impact = participants.deletion_impact(session, row.id)
    assert impact.requests >= 1 and impact.check_ins == 1 and not impact.blocked
    with demo_db.transaction() as session:
        participants.delete_participant(session, row.id, admin)
    with demo_db.read() as session:
        with pytest.raises(NotFoundError):
            participants.get_participant(session, row.id)
        left = session.scalar(
            select(func.count(MeetingRequest.id)).where(
                (MeetingRequest.participant_a_id == row.id) | (MeetingRequest.participant_b_id == row.id)
            )
        )
        assert left == 0


def test_delete_refused_when_orders_exist(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        buyer = participants.list_participants(session, kind="buyer")[0]
        maker = participants.list_participants(session, kind="ikm")[0]
        session.add(Order(buyer_id=buyer.id, seller_id=maker.id))
    with pytest.raises(DomainError) as info, demo_db.transaction() as session:
        participants.delete_participant(session, maker.id, admin)
    assert "pesanan" in info.value.message
    with demo_db.read() as session:
        assert participants.get_participant(session, maker.id).id == maker.id


def test_find_by_code_forgives_case_and_noise(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        assert participants.find_by_code(session, " ikm-001\n").code == "IKM001"
        assert participants.find_by_code(session, "XYZ999") is None


def test_delete_refused_when_a_meeting_was_held(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.orm import Meeting, MeetingTable, TimeSlot

    with demo_db.transaction() as session:
        request = session.query(MeetingRequest).first()
        slot, table = session.query(TimeSlot).first(), session.query(MeetingTable).first()
        session.add(Meeting(request_id=request.id, slot_id=slot.id, table_id=table.id, status="held"))
        maker = request.participant_b_id
    with pytest.raises(DomainError) as info, demo_db.transaction() as session:
        participants.delete_participant(session, maker, admin)
    assert "terlaksana" in info.value.message
