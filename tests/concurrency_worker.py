"""One desk in a separate process, checking in a list of codes as fast as it can (see test_concurrency)."""

from __future__ import annotations

from multiprocessing.synchronize import Event

from desktop.models.checkin import checkin
from desktop.models.access.actor import Actor
from desktop.models.event.database import open_database


def make_codes(count: int) -> list[str]:
    return [f"IKM{number:05d}" for number in range(1, count + 1)]


def desk(url: str, desk_name: str, codes: list[str], go: Event) -> list[tuple[str, str, str, str]]:
    """Check in ``codes`` one transaction each; returns (code, outcome, desk that holds it, nonce or '')."""
    db = open_database(url)
    actor = Actor(name=f"Operator {desk_name}", role="desk", desk=desk_name)
    results: list[tuple[str, str, str, str]] = []
    try:
        go.wait(60)
        for code in codes:
            nonce = checkin.new_nonce()
            with db.transaction() as session:
                result = checkin.check_in(session, code, actor, nonce=nonce)
            mine = nonce if result.outcome is checkin.Outcome.CHECKED_IN else ""
            results.append((code, result.outcome.value, result.desk, mine))
    finally:
        db.close()
    return results
