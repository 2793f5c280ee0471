"""Check-ins made in the emergency file come back to the server by nonce, previewed first."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli import main
from desktop.models.checkin import checkin
from desktop.models.access.actor import Actor
from desktop.models.checkin.checkin_merge import Verdict, apply_merge, preview_merge
from desktop.models.event.database import Database, open_database
from desktop.models.event.event_copy import copy_event_to
from desktop.models.orm import CheckInEvent, Participant

OFFLINE = Actor(name="Dewi", role="desk", desk="Meja 3 (darurat)")
ONLINE = Actor(name="Rina", role="desk", desk="Meja 2")


@pytest.fixture
def emergency(demo_db: Database, admin: Actor, tmp_path: Path) -> Database:
    """The server was copied to a file before it went away; then both sides went on."""
    with demo_db.transaction() as session:
        checkin.check_in(session, "IKM001", admin)  # before the outage: in both
    copy_event_to(demo_db, tmp_path / "darurat.sqlite")
    file = open_database(tmp_path / "darurat.sqlite")
    with file.transaction() as session:
        for code in ("IKM002", "IKM003", "BYR001", "IKM004"):
            checkin.check_in(session, code, OFFLINE)
        undo_id = session.scalar(select(Participant.id).where(Participant.code == "IKM004"))
        checkin.undo(session, undo_id, OFFLINE)  # checked in and undone offline
        walk_in = Participant(code="OTH901", kind="other", business_name="Tamu Walk-in Darurat")
        session.add(walk_in)
        session.flush()
        checkin.check_in(session, walk_in.id, OFFLINE)
        first = session.scalar(select(Participant.id).where(Participant.code == "IKM001"))
        checkin.undo(session, first, OFFLINE)  # an undo of a check-in the server has
    with demo_db.transaction() as session:
        checkin.check_in(session, "IKM003", ONLINE)  # meanwhile a desk still on the server
    yield file
    file.close()


def _verdicts(preview) -> dict[str, Verdict]:  # type: ignore[no-untyped-def]
    return {item.code: item.verdict for item in preview.items}


def test_preview_says_what_would_be_added_and_why_not(demo_db: Database, emergency: Database) -> None:
    with emergency.read() as offline, demo_db.read() as server:
        preview = preview_merge(offline, server)
    assert _verdicts(preview) == {
        "IKM002": Verdict.ADD, "BYR001": Verdict.ADD, "IKM003": Verdict.ALREADY, "IKM004": Verdict.NOTHING,
        "OTH901": Verdict.UNKNOWN, "IKM001": Verdict.UNDO_SKIPPED,
    }
    already = next(item for item in preview.items if item.code == "IKM003")
    assert "Meja 2" in already.note and "Rina" in already.note
    with demo_db.read() as server:
        assert server.scalar(select(func.count()).select_from(CheckInEvent)) == 2  # nothing written


def test_apply_adds_the_offline_check_ins_with_their_own_time_and_desk(
    demo_db: Database, emergency: Database, admin: Actor
) -> None:
    with emergency.read() as offline, demo_db.transaction() as server:
        applied = apply_merge(offline, server, admin)
    assert [item.code for item in applied.to_add] == ["IKM002", "BYR001"]
    with emergency.read() as offline:
        originals = {row.nonce: row for row in offline.scalars(select(CheckInEvent))}
    with demo_db.read() as server:
        present = checkin.present_since(server)
        codes = dict(server.execute(select(Participant.id, Participant.code)).all())
        merged = server.scalars(select(CheckInEvent).where(CheckInEvent.desk == OFFLINE.desk)).all()
    assert sorted(codes[pid] for pid in present) == ["BYR001", "IKM001", "IKM002", "IKM003"]
    assert len(merged) == 2
    for event in merged:
        original = originals[event.nonce]
        assert (event.at, event.operator_name) == (original.at, original.operator_name)
    # The same file again adds nothing.
    with emergency.read() as offline, demo_db.transaction() as server:
        assert apply_merge(offline, server, admin).to_add == ()


def test_cli_dry_run_previews_then_merge_applies(demo_db: Database, emergency: Database,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["merge-checkins", emergency.url, "--db", demo_db.url, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Pratinjau" in out and "Ditambahkan: 2" in out and "OTH901" in out
    with demo_db.read() as server:
        assert server.scalar(select(func.count()).select_from(CheckInEvent)) == 2
    assert main(["merge-checkins", emergency.url, "--db", demo_db.url]) == 0
    assert "Ditambahkan: 2" in capsys.readouterr().out
    with demo_db.read() as server:
        assert server.scalar(select(func.count()).select_from(CheckInEvent)) == 4
