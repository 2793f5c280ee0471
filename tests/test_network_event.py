"""Event on a server: connection test messages, preparing a server, copying an event both ways."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from desktop.cli import main
from desktop.models.checkin import checkin
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database, open_database
from desktop.models.event.demo import create_demo_event
from desktop.models.errors import DomainError
from desktop.models.event.event_copy import copy_event_to, table_counts
from desktop.models.event.network_event import ServerAddress, check_connection, prepare_server
from desktop.models.event.server_prepare import add_hba_line_checked, check_identifier
from desktop.models.errors import ValidationError
from desktop.models.orm import CheckInEvent, Participant
from desktop.models.event.server_errors import ServerProblem, classify
from tests.pg_support import PgServer


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# ---- connection test --------------------------------------------------------------------------
def test_a_running_server_with_an_event_names_it(pg_server: PgServer) -> None:
    with pg_server.database("demo") as url:
        result = check_connection(ServerAddress.from_url(url))
    assert result.ok and result.has_event and result.event_name == "Business Matching 2020"
    assert "Tersambung" in result.message and result.server_version


def test_an_empty_database_says_copy_the_event_there(pg_url: str) -> None:
    result = check_connection(ServerAddress.from_url(pg_url))
    assert result.ok and not result.has_event and not result.has_schema
    assert "salin event lokal ke server" in result.message


def test_wrong_password_is_named(pg_url: str) -> None:
    address = ServerAddress.from_url(pg_url)
    result = check_connection(ServerAddress(address.host, address.database, address.user, "salah", address.port))
    assert (result.ok, result.problem) == (False, ServerProblem.WRONG_PASSWORD)
    assert "kata sandi server salah" in result.message


def test_missing_database_is_named(pg_server: PgServer) -> None:
    address = ServerAddress.from_url(pg_server.url_of("belum_ada_event"))
    result = check_connection(address)
    assert (result.ok, result.problem) == (False, ServerProblem.NO_DATABASE)
    assert "belum ada" in result.message


def test_stopped_server_is_named() -> None:
    result = check_connection(ServerAddress("127.0.0.1", "gmsc", "meja", "x", _free_loopback_port()))
    assert (result.ok, result.problem) == (False, ServerProblem.SERVER_DOWN)
    assert "PostgreSQL di sana tidak berjalan" in result.message


@pytest.mark.parametrize("text, problem", [
    ('connection to server at "10.0.0.9", port 5432 failed: No route to host', ServerProblem.UNREACHABLE),
    ('connection to server at "10.0.0.9", port 5432 failed: timeout expired', ServerProblem.UNREACHABLE),
    ('could not translate host name "servr" to address: Name or service not known', ServerProblem.UNREACHABLE),
    ('FATAL:  no pg_hba.conf entry for host "10.0.0.7", user "meja"', ServerProblem.NOT_ALLOWED),
    ("server closed the connection unexpectedly", ServerProblem.LOST),
    ('FATAL:  role "mejaa" does not exist', ServerProblem.WRONG_PASSWORD),
])
def test_libpq_phrases_are_classified(text: str, problem: ServerProblem) -> None:
    assert classify(RuntimeError(text)) is problem


def test_address_fields_are_checked() -> None:
    with pytest.raises(DomainError) as info:
        ServerAddress("", "", "meja").validated()
    assert set(info.value.problems) == {"host", "database"}  # type: ignore[attr-defined]
    assert ServerAddress.from_url("postgresql+psycopg://meja:s%40ndi@192.168.1.10:5433/gmsc").password == "s@ndi"


# ---- preparing the server ----------------------------------------------------------------------
def _drop_roles(admin_url: str, *roles: str) -> None:
    with create_engine(admin_url, isolation_level="AUTOCOMMIT").connect() as connection:
        for role in roles:
            connection.execute(text(f'DROP OWNED BY "{role}"')) if connection.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() else None
            connection.execute(text(f'DROP ROLE IF EXISTS "{role}"'))


def test_prepare_creates_owner_desk_login_and_schema(pg_server: PgServer) -> None:
    admin_url = pg_server.url_of("postgres")
    try:
        first = prepare_server(admin_url, "td_prepared", "td_meja", "rahasia-1", owner_password="pemilik-1",
                               open_to_network=False)
        again = prepare_server(admin_url, "td_prepared", "td_meja", "rahasia-2", open_to_network=False)
        assert (first.created_role, first.created_database, first.owner) == (True, True, "td_meja_pemilik")
        assert (again.created_role, again.created_database) == (False, False)
        address = ServerAddress.from_url(pg_server.url_of("td_prepared"))
        as_desk = ServerAddress(address.host, "td_prepared", "td_meja", "rahasia-2", address.port)
        assert check_connection(as_desk).ok and check_connection(as_desk).has_schema
        with create_engine(admin_url).connect() as connection:
            owner = connection.execute(text(
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'td_prepared'")).scalar()
        assert owner == "td_meja_pemilik"  # the desk login owns nothing
    finally:
        pg_server.drop("td_prepared")
        _drop_roles(admin_url, "td_meja", "td_meja_pemilik")


def test_the_desk_login_adds_audit_rows_but_never_changes_or_deletes_them(pg_server: PgServer, tmp_path: Path) -> None:
    """Proved on the throw-away server: the desk password cannot rewrite the audit log."""
    admin_url = pg_server.url_of("postgres")
    try:
        prepare_server(admin_url, "td_audit", "td_desk", "meja-rahasia", open_to_network=False)
        address = ServerAddress.from_url(pg_server.url_of("td_audit"))
        desk_url = ServerAddress(address.host, "td_audit", "td_desk", "meja-rahasia", address.port).url()
        demo = open_database(tmp_path / "demo.sqlite")
        with demo.transaction() as session:
            create_demo_event(session)
        copy_event_to(demo, desk_url)  # the desks' login may fill the prepared, empty schema
        demo.close()
        db = open_database(desk_url, create=False)
        try:
            with db.transaction() as session:  # check-ins, orders and their audit rows: allowed
                checkin.check_in(session, "IKM001", Actor(name="Sari", role="desk", desk="Meja 1"))
            for statement in ("UPDATE audit_log SET operator_name = 'x'", "DELETE FROM audit_log",
                              "TRUNCATE audit_log", "DROP TABLE audit_log", "ALTER TABLE participant ADD COLUMN x int"):
                with pytest.raises(ProgrammingError, match="permission denied|must be owner"):
                    with db.engine.begin() as connection:
                        connection.exec_driver_sql(statement)
            with db.read() as session:
                assert session.scalar(text("SELECT count(*) FROM audit_log WHERE operator_name = 'x'")) == 0
        finally:
            db.close()
    finally:
        pg_server.drop("td_audit")
        _drop_roles(admin_url, "td_desk", "td_desk_pemilik")


@pytest.mark.parametrize("name", ["acara 2020", "Acara", "a;drop", "all", "pg_x", "", "x" * 64, 'a"b'])
def test_names_that_could_break_pg_hba_are_refused_before_anything_is_touched(name: str) -> None:
    with pytest.raises(ValidationError):
        check_identifier(name, "Nama basis data")
    with pytest.raises(ValidationError):  # refused before connecting: the admin URL is not even tried
        prepare_server("postgresql+psycopg://nobody@127.0.0.1:1/postgres", name, "meja", "x")


class _FakeServer:
    """pg_hba_file_rules answered from the file on disk: a rule with an unknown method is an error."""

    def __init__(self, path: Path) -> None:
        self.path, self.reloads = path, 0

    def execute(self, statement: str):  # type: ignore[no-untyped-def]
        class Rows:
            def __init__(self, rows):  # type: ignore[no-untyped-def]
                self.rows = rows

            def fetchall(self):  # type: ignore[no-untyped-def]
                return self.rows

            def fetchone(self):  # type: ignore[no-untyped-def]
                return self.rows[0]

        if "pg_hba_file_rules" in statement:
            lines = self.path.read_text().splitlines()
            return Rows([(number, "invalid authentication method") for number, line in enumerate(lines, 1)
                         if line.startswith("host") and not line.endswith(("scram-sha-256", "md5", "trust"))])
        self.reloads += 1
        return Rows([(True,)])


def test_hba_line_is_added_once_through_a_checked_copy(tmp_path: Path) -> None:
    hba = tmp_path / "pg_hba.conf"
    hba.write_text("local all all peer")
    server = _FakeServer(hba)
    assert add_hba_line_checked(server, hba, 'host "gmsc" "meja" samenet scram-sha-256')
    assert add_hba_line_checked(server, hba, 'host "gmsc" "meja" samenet scram-sha-256')
    assert hba.read_text().count("samenet") == 1 and hba.read_text().startswith("local all all peer\n")
    assert server.reloads == 1


def test_a_rule_postgresql_rejects_puts_the_original_back_byte_for_byte(tmp_path: Path) -> None:
    hba = tmp_path / "pg_hba.conf"
    original = b"# mine\r\nlocal all all peer\r\n"
    hba.write_bytes(original)
    server = _FakeServer(hba)
    with pytest.raises(DomainError, match="invalid authentication method"):
        add_hba_line_checked(server, hba, "host acara 2020 meja samenet scram-sha-256 extra")
    assert hba.read_bytes() == original and server.reloads == 0


def test_the_checked_copy_on_the_real_server_keeps_it_starting(pg_server: PgServer) -> None:
    """PostgreSQL's own parser judges the new pg_hba.conf before the reload; the original comes back."""
    import psycopg

    admin_url = pg_server.url_of("postgres")
    url = make_url(admin_url)
    with psycopg.connect(host=url.host, port=url.port, user=url.username, password=url.password,
                         dbname="postgres", autocommit=True) as connection:
        hba = Path(connection.execute("SHOW hba_file").fetchone()[0])
        original = hba.read_bytes()
        with pytest.raises(DomainError, match="pg_hba.conf tidak diubah"):
            add_hba_line_checked(connection, hba, "host acara 2020 meja samenet scram-sha-256")
        assert hba.read_bytes() == original
        assert connection.execute("SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL").fetchone()[0] == 0
        try:
            assert add_hba_line_checked(connection, hba, 'host "td_x" "td_y" samenet scram-sha-256')
            assert b'"td_x"' in hba.read_bytes()
        finally:
            hba.write_bytes(original)
            connection.execute("SELECT pg_reload_conf()")


# ---- copying an event ---------------------------------------------------------------------------
def _busy_day(db: Database, admin) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        for code in ("IKM001", "IKM002", "BYR001"):
            checkin.check_in(session, code, admin)


def test_copy_to_a_file_and_back_keeps_every_row_and_id(demo_db: Database, admin, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        request: pytest.FixtureRequest) -> None:
    _busy_day(demo_db, admin)
    archive = tmp_path / "arsip.sqlite"
    report = copy_event_to(demo_db, archive)
    assert report.verified and report.rows > 800
    assert {count.table: count.target for count in report.tables}["check_in_event"] == 3
    copy = open_database(archive)
    back_target = request.getfixturevalue("pg_url") if not demo_db.is_sqlite else tmp_path / "kembali.sqlite"
    back = copy_event_to(copy, back_target)
    copy.close()
    assert back.verified and back.rows == report.rows
    again = open_database(back_target)
    try:
        with again.read() as session, demo_db.read() as original:
            codes = lambda s: s.execute(select(Participant.id, Participant.code).order_by(Participant.id)).all()  # noqa: E731
            assert codes(session) == codes(original)
            assert session.scalars(select(CheckInEvent.nonce)).all() == original.scalars(select(CheckInEvent.nonce)).all()
        with again.transaction() as session:  # new rows continue after the copied ids (sequences reset)
            new = participants.create_participant(session, participants.ParticipantData(business_name="UD Baru"), admin)
        with again.read() as session:
            assert new.id == session.scalar(select(Participant.id).order_by(Participant.id.desc()).limit(1)) > 87
    finally:
        again.close()


def test_copy_refuses_a_target_that_holds_data(demo_db: Database, tmp_path: Path) -> None:
    other = tmp_path / "lain.sqlite"
    copy_event_to(demo_db, other)
    target = open_database(other)
    with pytest.raises(DomainError, match="sudah berisi data"):
        from desktop.models.event.event_copy import copy_event

        copy_event(demo_db, target)
    with target.read() as session:
        assert table_counts(session.connection())["participant"] == 87
    target.close()
    with pytest.raises(DomainError, match="sudah ada"):
        copy_event_to(demo_db, other)


def test_cli_copy_prints_every_table_verified(demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["copy", demo_db.url, str(tmp_path / "salinan.sqlite")]) == 0
    out = capsys.readouterr().out
    assert "participant" in out and "terverifikasi" in out and "BEDA" not in out
    assert "***" in out or demo_db.is_sqlite  # a server password is never printed


def test_emergency_copies_are_complete_files_and_only_the_newest_are_kept(demo_db: Database, tmp_path: Path) -> None:
    import datetime as dt

    from desktop.models.event import emergency

    folder = tmp_path / "darurat"
    made = [emergency.take_copy(demo_db, folder, dt.datetime(2020, 3, 6, 9, minute))[0] for minute in range(5)]
    assert emergency.copies(demo_db, folder) == made[::-1][: emergency.KEEP]
    assert not list(folder.glob("*.partial*"))
    newest = open_database(made[-1], create=False)
    with newest.read() as session:
        assert session.scalar(select(Participant.id).where(Participant.code == "IKM001")) is not None
    newest.close()
