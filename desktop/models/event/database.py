"""Opening an event database: SQLite file (default) or PostgreSQL on the hall's network.

Every SQLite connection gets foreign keys, WAL and a busy timeout; the schema is
brought to the newest version with Alembic on open.

Concurrency is the same on both engines: SQLite serialises writers with ``BEGIN IMMEDIATE``;
PostgreSQL runs READ COMMITTED and the services lock the rows they decide on
(``SELECT … FOR UPDATE``, a no-op on SQLite). Versioned rows (participants, meetings, orders)
turn a lost race into a :class:`ConflictError`, and a server that went away into a
:class:`ServerUnavailableError`, both with a message for the desk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desktop.i18n import N_, _
from desktop.models.event import event_file
from desktop.models.event.schema_head import backup_before_migration, file_head, stored_revision
from desktop.models.event.storage import storage_message
from desktop.models.stored_text import clean_parameters as _clean_parameters
from desktop.models.errors import ConflictError, DatabaseOpenError, DomainError
from desktop.models.event.server_errors import describe_server_error, is_connection_lost, unavailable_during_work

if TYPE_CHECKING:  # Alembic is loaded only when a schema must be checked in full or migrated
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
BUSY_TIMEOUT_MS = 10_000
READ_ONLY_OPTION = "temudesk_read_only"
# A desk must not hang on a dead server: give up connecting after a few seconds, notice a
# vanished peer through TCP keepalives, and wait for another desk's row lock as long as
# SQLite waits for its file lock.
CONNECT_TIMEOUT_S = 5
PG_CONNECT_ARGS = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "application_name": "TemuDesk",
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "options": f"-c lock_timeout={BUSY_TIMEOUT_MS}",
}


def database_url(target: str | Path) -> str:
    """A path becomes a SQLite URL; a URL (``postgresql+psycopg://…``) is kept."""
    text = str(target)
    if "://" in text:
        return text
    if "\x00" in text or not text.strip():
        raise DatabaseOpenError(_("Jalur berkas event tidak sah: '{path}'").format(path=text[:80]))
    try:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    except (RuntimeError, OSError, ValueError) as error:  # ~nobody/…, a loop of links, an impossible path
        raise DatabaseOpenError(_("Jalur berkas event tidak sah: '{path}' ({reason})").format(
            path=text[:80], reason=error)) from None


def _configure_sqlite(engine: Engine, *, media_read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not pysqlite, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not media_read_only:  # switching the journal writes the header
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    _clean_parameters(engine, drop_nul=False)

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        # Writes take the lock up front (IMMEDIATE), so two desks never both read
        # "not checked in yet" and then both write; reads stay concurrent under WAL.
        if connection.get_execution_options().get(READ_ONLY_OPTION):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def _configure_postgresql(engine: Engine) -> None:
    # PostgreSQL text cannot hold NUL (SQLite can): a pasted or scanned NUL must not stop a desk.
    _clean_parameters(engine, drop_nul=True)


SUPPORTED_DRIVERS = {"sqlite": ("pysqlite",), "postgresql": ("psycopg",)}


def create_db_engine(url: str, *, media_read_only: bool = False) -> Engine:
    """An engine for SQLite or PostgreSQL (psycopg 3); any other address is refused in one line."""
    try:
        parsed = make_url(url)
        backend, driver = parsed.get_backend_name(), parsed.get_driver_name()
    except (ArgumentError, ValueError):
        raise DatabaseOpenError(_("Alamat basis data tidak dikenal: {url}").format(url=_shown(url))) from None
    if backend not in SUPPORTED_DRIVERS:
        raise DatabaseOpenError(
            _("Jenis basis data {kind} tidak didukung. Pakai berkas event (.sqlite) atau "
              "postgresql+psycopg://PENGGUNA@SERVER/NAMA.").format(kind=backend)
        )
    if driver not in SUPPORTED_DRIVERS[backend]:
        raise DatabaseOpenError(
            _("Penggerak {driver} tidak didukung; tulis alamatnya sebagai postgresql+psycopg://…").format(driver=driver)
            if backend == "postgresql" else
            _("Penggerak {driver} tidak didukung untuk berkas SQLite.").format(driver=driver)
        )
    if backend == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False})
        _configure_sqlite(engine, media_read_only=media_read_only)
        return engine
    engine = create_engine(url, pool_pre_ping=True, pool_size=3, max_overflow=2, connect_args=PG_CONNECT_ARGS)
    _configure_postgresql(engine)
    return engine


def _shown(url: str) -> str:
    """An address as it may be printed: never with its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not even parseable: show only what precedes the credentials
        return url.split("@")[-1] if "@" in url else url


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    return script.get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(engine: Engine, *, media_read_only: bool = False) -> None:
    """Create or migrate the schema; refuse a file written by a newer TemuDesk or another program."""
    head = file_head()
    if head is not None and engine.dialect.name == "sqlite" and stored_revision(engine, READ_ONLY_OPTION) == head[0]:
        return  # already the newest schema: the full check below would only load Alembic to say so
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    current = current_revision(engine)
    if current is not None and not _known(script, current):
        raise DatabaseOpenError(
            _("Berkas event ini dibuat oleh TemuDesk versi yang lebih baru. Perbarui TemuDesk untuk membukanya.")
        )
    if current is None:
        foreign = sorted(inspect(engine).get_table_names())
        if foreign:  # a database of another program (SQLite files are already judged by their header)
            raise DatabaseOpenError(
                _("Basis data ini berisi tabel program lain ({tables}), bukan event TemuDesk; "
                  "tidak ada yang diubah.").format(tables=", ".join(foreign[:5]))
            )
    if current == script.get_current_head():
        return
    if media_read_only:
        raise DatabaseOpenError(
            _("Berkas event ini dari TemuDesk versi lama dan ada di media hanya-baca; "
              "salin ke disk yang dapat ditulis agar dapat diperbarui.")
        )
    if current is not None:
        backup_before_migration(str(engine.url))
    command.upgrade(alembic_config(engine), "head")


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    return _known(ScriptDirectory.from_config(alembic_config(create_engine("sqlite://"))), revision)


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises its own CommandError/ResolutionError types
        return False


@dataclass
class Database:
    """An open event database: one engine and a factory of short-lived sessions."""

    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    read_session_factory: sessionmaker[Session]
    # Opened while another TemuDesk has the file: looking is fine, changing is refused.
    read_only: bool = False
    read_only_reason: str = ""

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        """The event file behind a SQLite database (also when opened read-only through a file: URI)."""
        name = self.engine.url.database if self.is_sqlite else None
        if not name or name == ":memory:":
            return None
        if name.startswith("file:"):
            return Path(unquote(urlsplit(name).path))
        return Path(name)

    @property
    def display_name(self) -> str:
        if self.is_sqlite:
            return str(self.sqlite_path or ":memory:")
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any error."""
        if self.read_only:
            raise ReadOnlyError(self.read_only_reason or
                _("Event ini dibuka hanya-baca karena sedang dipakai di komputer lain. Perubahan tidak disimpan.")
            )
        with _plain_errors():
            with self.session_factory() as session, session.begin():
                yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading only (no write lock on SQLite)."""
        with _plain_errors(), self.read_session_factory() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


class ReadOnlyError(DomainError):
    pass


class StorageError(DomainError):
    """The disk refused the write (full, read-only, I/O error); the transaction was rolled back."""


_STORAGE_FAILURES = ("disk is full", "disk i/o error", "readonly database", "unable to open database file")


def _is_storage_failure(error: DBAPIError) -> bool:
    return isinstance(error.orig, sqlite3.Error) and any(text in str(error.orig).lower() for text in _STORAGE_FAILURES)


# Unique indexes whose violation means "another desk took it first", not a programming error.
# PostgreSQL names the index; SQLite names its columns.
_RACE_CONSTRAINTS = (
    (("uq_meeting_slot_table_live", "meeting.slot_id, meeting.table_id"),
     N_("Meja itu pada sesi itu baru saja diisi di meja lain. Muat ulang lalu pilih lagi.")),
    (("uq_check_in_event_nonce", "check_in_event.nonce"), N_("Check-in ini sudah tercatat (dikirim dua kali).")),
)


@contextmanager
def _plain_errors() -> Iterator[None]:
    """Lost races and a vanished server become messages for the desk; nothing was saved."""
    try:
        yield
    except StaleDataError as error:
        raise ConflictError(
            _("Data ini baru saja diubah di meja lain, jadi perubahan Anda tidak disimpan. Muat ulang lalu ulangi.")
        ) from error
    except IntegrityError as error:
        text = str(error.orig)
        for names, message in _RACE_CONSTRAINTS:
            if any(name in text for name in names):
                raise ConflictError(_(message)) from error
        raise
    except DBAPIError as error:
        if is_connection_lost(error):
            raise unavailable_during_work(error) from error
        if _is_storage_failure(error):  # rolled back: say what the disk did, not a traceback
            raise StorageError(storage_message(error.orig)) from error
        if "lock timeout" in str(error.orig) or "LockNotAvailable" in type(error.orig).__name__:
            raise ConflictError(
                _("Data ini sedang diubah di meja lain terlalu lama. Coba lagi sebentar lagi.")
            ) from error
        raise


def integrity_problem(db: Database) -> str | None:
    """``None`` when SQLite's integrity check passes, else its first complaint."""
    if not db.is_sqlite:
        return None
    try:
        with db.engine.connect() as connection:
            answer = connection.exec_driver_sql("PRAGMA integrity_check").scalar()
    except DBAPIError as error:  # damaged beyond checking: SQLite's refusal is the complaint
        if not isinstance(error.orig, sqlite3.DatabaseError):
            raise
        return str(error.orig)
    return None if answer == "ok" else str(answer)


def schema_number() -> int:
    """The schema version written to ``user_version``: how many migrations the newest schema has."""
    head = file_head()
    if head is not None:
        return head[1]
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    return sum(1 for _revision in script.walk_revisions())


def _stamp(engine: Engine) -> None:
    """Mark a writable TemuDesk file as ours, with its schema version (a no-op when already so)."""
    number = schema_number()
    with engine.begin() as connection:
        ids = connection.exec_driver_sql("PRAGMA application_id").scalar()
        version = connection.exec_driver_sql("PRAGMA user_version").scalar()
        if ids != event_file.APPLICATION_ID or version != number:
            connection.exec_driver_sql(f"PRAGMA application_id = {event_file.APPLICATION_ID}")
            connection.exec_driver_sql(f"PRAGMA user_version = {number}")


def _read_only_url(path: Path) -> str:
    # immutable: on read-only media nobody can change the file, and SQLite need not create a -shm.
    return f"sqlite:///{path.as_uri()}?mode=ro&immutable=1&uri=true"


def open_database(target: str | Path, *, create: bool = True, read_only: bool = False) -> Database:
    """Open (and create or migrate) the event database at ``target``.

    An existing SQLite file must be a TemuDesk event (see :mod:`event_file`); anything else is
    refused before SQLite writes to it. A file on read-only media opens read-only.
    """
    url = database_url(target)
    if url.rstrip("/") in {"sqlite:", "sqlite+pysqlite:"} or url.endswith(":memory:"):
        raise DatabaseOpenError(_("sqlite:// tanpa nama berkas adalah basis data sementara di memori, "
                                  "bukan berkas event. Tulis jalur berkasnya, mis. acara.sqlite."))
    media_read_only = False
    read_only_reason = ""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.parent.exists():
            raise DatabaseOpenError(_("Folder tidak ditemukan: {path}").format(path=path.parent))
        kind = event_file.classify(path, _known_revision)
        if kind is event_file.FileKind.MISSING:
            if not create:
                raise DatabaseOpenError(_("Berkas event tidak ditemukan: {path}").format(path=path))
            try:
                event_file.stamp_new_file(path)
            except (sqlite3.Error, OSError) as error:
                path.unlink(missing_ok=True)
                raise DatabaseOpenError(storage_message(error)) from None
        elif not event_file.writable(path):
            media_read_only = read_only = True
            read_only_reason = _("Berkas event ada di media hanya-baca: dapat dilihat, diekspor dan dicetak, "
                                 "tetapi perubahan tidak disimpan.")
            url = _read_only_url(path)
    engine = create_db_engine(url, media_read_only=media_read_only)
    try:
        upgrade_schema(engine, media_read_only=media_read_only)
        if engine.dialect.name == "sqlite" and not media_read_only:
            _stamp(engine)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error, OSError) as error:
        engine.dispose()
        if isinstance(error, DBAPIError) and engine.dialect.name != "sqlite":
            raise DatabaseOpenError(describe_server_error(error)) from error
        reason = getattr(error, "orig", None) or error
        if "not a database" in str(reason):
            raise DatabaseOpenError(
                _("Berkas ini bukan berkas event TemuDesk (isinya bukan basis data).")
            ) from error
        raise DatabaseOpenError(storage_message(reason, _("Basis data tidak dapat dibuka: {reason}"))) from error
    factory = sessionmaker(engine, expire_on_commit=False)
    read_factory = sessionmaker(engine.execution_options(**{READ_ONLY_OPTION: True}), expire_on_commit=False)
    return Database(
        url=url, engine=engine, session_factory=factory, read_session_factory=read_factory, read_only=read_only,
        read_only_reason=read_only_reason,
    )
