from collections import Counter

from sqlalchemy import select

from desktop.models.schedule import meeting_requests
from desktop.models.reporting import overview
from desktop.models.people import participants
from desktop.models.event.demo import create_demo_event
from desktop.models.orm import MeetingTable


def test_demo_event_has_the_article_shape(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        counts = overview.event_counts(session)
        rows = participants.list_participants(session)
        tables = session.scalars(select(MeetingTable)).all()
    assert counts.participants_by_kind["ikm"] == 70
    assert 6 <= counts.participants_by_kind["buyer"] <= 8
    assert counts.participants_by_kind["supplier"] == 4
    assert counts.participants_by_kind["bank"] == 3
    assert counts.slots == 15 and counts.tables == 15
    capacities = [r.monthly_capacity for r in rows if r.kind == "ikm"]
    assert sum(1 for c in capacities if c > 1500) in range(15, 18)
    assert all(200 <= c <= 5000 for c in capacities)
    assert {r.kecamatan for r in rows if r.kind == "ikm"} <= {"Prajurit Kulon", "Magersari", "Kranggan"}
    assert all(t.host_participant_id is not None for t in tables)
    names = [r.business_name for r in rows]
    assert len(names) == len(set(names))


def test_every_ikm_has_a_meeting_request(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.read() as session:
        requests = meeting_requests.list_requests(session)
        ikm = {r.id for r in participants.list_participants(session, kind="ikm")}
    requested = Counter()
    for request in requests:
        requested[request.participant_a_id] += 1
        requested[request.participant_b_id] += 1
    assert ikm <= set(requested)
    assert any(r.priority == 3 for r in requests)


def test_demo_is_deterministic(empty_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.event.database import open_database

    other = open_database(tmp_path / "other.sqlite")
    for db in (empty_db, other):
        with db.transaction() as session:
            create_demo_event(session, seed=7)
    with empty_db.read() as a, other.read() as b:
        assert participants.list_participants(a) == participants.list_participants(b)
        assert meeting_requests.list_requests(a) == meeting_requests.list_requests(b)
    other.close()
