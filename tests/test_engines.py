"""What differs between the engines and must not reach the desk: NUL bytes, a server that goes away."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from desktop.models.checkin import checkin
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database, open_database
from desktop.models.orm import FailedScan
from desktop.models.event.server_errors import ServerUnavailableError
from tests.pg_support import LoopbackProxy


def test_a_scan_with_a_nul_byte_is_logged_not_a_crash(demo_db: Database, admin: Actor) -> None:
    with demo_db.transaction() as session:
        result = checkin.check_in(session, "Q\x00ZZZ", admin)
    assert result.outcome is checkin.Outcome.UNKNOWN
    with demo_db.read() as session:
        assert session.scalar(select(FailedScan.raw_input)).replace("\x00", "") == "QZZZ"


@pytest.mark.postgresql_only
def test_check_in_while_the_server_is_gone_is_refused_plainly_and_nothing_is_lost(
    demo_db: Database, admin: Actor
) -> None:
    url = make_url(demo_db.url)
    proxy = LoopbackProxy(url.port or 5432)
    desk = open_database(url.set(port=proxy.port).render_as_string(hide_password=False))
    try:
        with desk.transaction() as session:
            assert checkin.check_in(session, "IKM001", admin).outcome is checkin.Outcome.CHECKED_IN
        proxy.cut()
        with pytest.raises(ServerUnavailableError) as info, desk.transaction() as session:
            checkin.check_in(session, "IKM002", admin)
        assert "TIDAK tersimpan" in info.value.message and "berkas darurat" in info.value.message
        with pytest.raises(ServerUnavailableError), desk.read() as session:
            checkin.present_since(session)
        proxy.restore()  # the server is back: the desk carries on, and the refused scan can be repeated
        with desk.transaction() as session:
            assert checkin.check_in(session, "IKM002", admin).outcome is checkin.Outcome.CHECKED_IN
        with demo_db.read() as session:
            assert len(checkin.present_since(session)) == 2
    finally:
        desk.close()
        proxy.close()
