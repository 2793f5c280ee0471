"""An event on the hall's PostgreSQL server: its address, a connection test, preparing the server.

No Qt here: the "Event di jaringan" dialog and ``temudesk server …`` both use these.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import NullPool, create_engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from desktop.i18n import _
from desktop.models.event.database import PG_CONNECT_ARGS, head_revision
from desktop.models.errors import ValidationError
from desktop.models.event.server_errors import ServerProblem, classify, message_for

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


# Preparing the host laptop's server lives in server_prepare (names checked, pg_hba.conf through a checked copy).
from desktop.models.event.server_prepare import PrepareReport, prepare_server  # noqa: E402,F401
