"""An event on the hall's PostgreSQL server: its address, a connection test, preparing the server.

No Qt here: the "Event di jaringan" dialog and ``temudesk server …`` both use these.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import NullPool, create_engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from desktop.i18n import _
from desktop.models.database import PG_CONNECT_ARGS, head_revision
from desktop.models.errors import ValidationError
from desktop.models.server_errors import ServerProblem, classify, message_for

DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"


@dataclass(frozen=True)
class ServerAddress:
    host: str
    database: str
    user: str
    password: str = ""
    port: int = DEFAULT_PORT

    def url(self) -> str:
        return URL.create(
            DRIVER, username=self.user, password=self.password or None, host=self.host, port=self.port,
            database=self.database,
        ).render_as_string(hide_password=False)

    def display(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise ValidationError(_("Alamat server tidak dikenal."), field="host") from None
        return cls(host=parsed.host or "", database=parsed.database or "", user=parsed.username or "",
                   password=parsed.password or "", port=parsed.port or DEFAULT_PORT)

    def validated(self) -> ServerAddress:
        problems: dict[str, str] = {}
        if not self.host.strip():
            problems["host"] = _("Isi alamat laptop server (mis. 192.168.1.10).")
        if not 0 < self.port < 65536:
            problems["port"] = _("Port antara 1 dan 65535 (biasanya 5432).")
        if not self.database.strip():
            problems["database"] = _("Isi nama basis data event.")
        if not self.user.strip():
            problems["user"] = _("Isi nama pengguna server.")
        if problems:
            field, message = next(iter(problems.items()))
            raise ValidationError(message, field=field, problems=problems)
        return ServerAddress(self.host.strip(), self.database.strip(), self.user.strip(), self.password, self.port)


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str
    problem: ServerProblem | None = None
    server_version: str = ""
    has_schema: bool = False  # TemuDesk tables exist
    has_event: bool = False
    event_name: str = ""


def check_connection(address: ServerAddress) -> ConnectionCheck:
    """Connect once and say, in words for the desk, what is there (or what is wrong)."""
    address = address.validated()
    engine = create_engine(address.url(), poolclass=NullPool, connect_args=PG_CONNECT_ARGS)
    try:
        with engine.connect() as connection:
            version = str(connection.exec_driver_sql("SHOW server_version").scalar())
            tables = set(inspect(connection).get_table_names())
            event_name = ""
            if "event" in tables:
                event_name = connection.exec_driver_sql("SELECT name FROM event ORDER BY id LIMIT 1").scalar() or ""
            revision = ""
            if "alembic_version" in tables:
                revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() or ""
    except DBAPIError as error:
        problem = classify(error)
        detail = str(getattr(error, "orig", error)).strip().splitlines()[-1]
        return ConnectionCheck(ok=False, message=message_for(problem, detail), problem=problem)
    finally:
        engine.dispose()
    has_schema = "alembic_version" in tables
    if event_name:
        message = _("Tersambung (PostgreSQL {version}). Event di server: {name}.").format(version=version, name=event_name)
    elif has_schema:
        message = _("Tersambung (PostgreSQL {version}). Basis data sudah disiapkan, tetapi belum berisi event: "
                    "salin event lokal ke server.").format(version=version)
    else:
        message = _("Tersambung (PostgreSQL {version}). Basis data masih kosong: salin event lokal ke server.").format(
            version=version)
    if revision and revision != head_revision():
        message += " " + _("Skema akan diperbarui saat dibuka.")
    return ConnectionCheck(ok=True, message=message, server_version=version, has_schema=has_schema,
                           has_event=bool(event_name), event_name=event_name)


# ---- preparing the host laptop's server ------------------------------------------------------
@dataclass(frozen=True)
class PrepareReport:
    created_role: bool
    created_database: bool
    listen_changed: bool  # takes effect after the server restarts
    hba_line: str
    hba_path: str
    hba_written: bool


def prepare_server(admin_url: str, database: str, user: str, password: str, *, open_to_network: bool = True) -> PrepareReport:
    """Create the desks' login and the event database; let the hall's network in.

    ``admin_url`` is the server's administrator (``postgres``) on the host laptop itself.
    The pg_hba.conf line uses ``samenet``: any laptop on a network the server is on.
    """
    import psycopg
    from psycopg import sql

    if not database.strip() or not user.strip() or not password:
        raise ValidationError(_("Nama basis data, nama pengguna dan kata sandi wajib diisi."))
    admin = make_url(admin_url)
    params = {"host": admin.host, "port": admin.port, "user": admin.username, "password": admin.password,
              "dbname": admin.database or "postgres", "connect_timeout": PG_CONNECT_ARGS["connect_timeout"]}
    try:
        connection = psycopg.connect(**{key: value for key, value in params.items() if value}, autocommit=True)
    except psycopg.Error as error:
        raise ValidationError(message_for(classify(error), str(error).strip().splitlines()[-1])) from error
    with connection:
        exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [user]).fetchone() is not None
        verb = "ALTER" if exists else "CREATE"
        connection.execute(sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(sql.Identifier(user), sql.Literal(password)))
        has_database = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if not has_database:
            connection.execute(sql.SQL("CREATE DATABASE {} OWNER {} ENCODING 'UTF8' TEMPLATE template0").format(
                sql.Identifier(database), sql.Identifier(user)))
        listen_changed = False
        hba_line = f"host {database} {user} samenet scram-sha-256"
        hba_path = str(connection.execute("SHOW hba_file").fetchone()[0])  # type: ignore[index]
        hba_written = False
        if open_to_network:
            listen = str(connection.execute("SHOW listen_addresses").fetchone()[0])  # type: ignore[index]
            if listen.strip() not in {"*", "0.0.0.0"}:
                connection.execute("ALTER SYSTEM SET listen_addresses = '*'")
                listen_changed = True
            hba_written = _add_hba_line(Path(hba_path), hba_line)
            if hba_written:
                connection.execute("SELECT pg_reload_conf()")
    return PrepareReport(not exists, not has_database, listen_changed, hba_line, hba_path, hba_written)


def _add_hba_line(path: Path, line: str) -> bool:
    """Append the line when this process may write the file (on the host, as its owner)."""
    try:
        current = path.read_text()
    except OSError:
        return False
    if line in current.splitlines():
        return True
    if not os.access(path, os.W_OK):
        return False
    with path.open("a") as handle:
        handle.write(("" if current.endswith("\n") else "\n") + "# TemuDesk: desks on the hall's network\n" + line + "\n")
    return True
