import pytest

from desktop.models.schedule import meeting_requests
from desktop.models.people import participants
from desktop.models.schedule import suggestions
from desktop.models.access.actor import Actor
from desktop.models.errors import DomainError, ValidationError
from desktop.models.orm import Meeting, MeetingTable, TimeSlot
from desktop.models.access.permissions import PermissionDenied

DESK = Actor("Sari", "desk")


def test_duplicate_and_self_requests_are_refused(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        existing = meeting_requests.list_requests(session)[0]
    with pytest.raises(ValidationError), demo_db.transaction() as session:
        meeting_requests.create_request(session, existing.participant_b_id, existing.participant_a_id, admin)
    with pytest.raises(ValidationError), demo_db.transaction() as session:
        meeting_requests.create_request(session, existing.participant_a_id, existing.participant_a_id, admin)


def test_update_and_delete_request(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        request = meeting_requests.list_requests(session)[0]
    with demo_db.transaction() as session:
        row = meeting_requests.update_request(session, request.id, admin, priority=3, session_wish="siang")
    assert (row.priority, row.session_wish) == (3, "siang")
    with pytest.raises(PermissionDenied), demo_db.transaction() as session:
        meeting_requests.delete_request(session, request.id, DESK)
    with demo_db.transaction() as session:
        meeting_requests.delete_request(session, request.id, admin)
    with demo_db.read() as session:
        assert request.id not in {r.id for r in meeting_requests.list_requests(session)}


def test_held_meeting_keeps_its_request(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    with demo_db.transaction() as session:
        request = meeting_requests.list_requests(session)[0]
        slot = session.query(TimeSlot).first()
        table = session.query(MeetingTable).first()
        session.add(Meeting(request_id=request.id, slot_id=slot.id, table_id=table.id, status="held"))
    with pytest.raises(DomainError), demo_db.transaction() as session:
        meeting_requests.delete_request(session, request.id, admin)


def test_suggestions_match_products_and_needs(demo_db, admin) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        found = suggestions.suggest_pairs(session)
        rows = {r.id: r for r in participants.list_participants(session)}
        existing = {(r.participant_a_id, r.participant_b_id) for r in meeting_requests.list_requests(session)}
    assert found
    for suggestion in found:
        host, maker = rows[suggestion.host_id], rows[suggestion.ikm_id]
        assert (host.id, maker.id) not in existing and (maker.id, host.id) not in existing
        if host.kind == "buyer":
            assert set(host.category_codes) & set(maker.category_codes)
        if host.kind == "bank":
            assert "permodalan" in maker.problems or maker.kur_interest
    first_buyer = next(s.host_id for s in found if s.host_kind == "buyer")
    scores = [s.score for s in found if s.host_id == first_buyer]
    assert scores == sorted(scores, reverse=True)
    with demo_db.transaction() as session:
        added = suggestions.accept_suggestions(session, found[:5], admin)
        again = suggestions.accept_suggestions(session, found[:5], admin)
    assert (added, again) == (5, 0)


def test_oversubscribed_hosts_are_named_with_numbers(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        loads = suggestions.host_loads(session)
    worst = loads[0]
    assert worst.oversubscribed and worst.slots == 15 and worst.requests > 15
    assert worst.describe() == f"{worst.name}: {worst.requests} permintaan, 15 sesi"
