"""Preparing the host laptop's PostgreSQL server so that nothing on it can break.

- Names are validated (plain lowercase identifiers) and always quoted, in SQL and in pg_hba.conf.
- Two roles: an owner for admin work (schema, copying the event in) and the desks' login, which
  may read and write the event's rows but may only *add* to ``audit_log``, never change or delete
  it, and owns nothing.
- ``pg_hba.conf`` is changed through a checked copy: the original is kept aside, the new text is
  put in place, PostgreSQL's own parser judges it (``pg_hba_file_rules``) before the server is
  told to reload, and on any error the original bytes are put back.

No Qt here: ``temudesk server prepare`` uses it.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from desktop.i18n import _
from desktop.models.event.database import PG_CONNECT_ARGS, create_db_engine, upgrade_schema
from desktop.models.errors import DomainError, ValidationError
from desktop.models.event.server_errors import classify, message_for

IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
# Words pg_hba.conf or PostgreSQL give a meaning of their own.
RESERVED = {"all", "sameuser", "samerole", "samegroup", "replication", "public", "postgres", "template0", "template1"}
APPEND_ONLY_TABLES = ("audit_log",)


@dataclass(frozen=True)
class PrepareReport:
    created_role: bool
    created_database: bool
    listen_changed: bool  # takes effect after the server restarts
    hba_line: str
    hba_path: str
    hba_written: bool
    owner: str = ""


def check_identifier(value: str, what: str) -> str:
    """A name safe everywhere it goes (SQL, pg_hba.conf, a shell): refused in one line otherwise."""
    if not IDENTIFIER.match(value or ""):
        raise ValidationError(_(
            "{what} '{value}' tidak dapat dipakai: gunakan huruf kecil, angka dan garis bawah saja, diawali huruf, "
            "paling banyak 63 (mis. acara_2020)."
        ).format(what=what, value=value), field=what)
    if value in RESERVED or value.startswith("pg_"):
        raise ValidationError(_("{what} '{value}' adalah nama khusus PostgreSQL; pilih nama lain.").format(
            what=what, value=value), field=what)
    return value


def _admin_params(admin_url: str) -> dict[str, object]:
    try:
        admin = make_url(admin_url)
    except (ArgumentError, ValueError):
        raise ValidationError(_(
            "Alamat administrator server tidak dikenal. Contoh: postgresql+psycopg://postgres:SANDI@127.0.0.1/postgres"
        ), field="admin_url") from None
    if admin.get_backend_name() != "postgresql":
        raise ValidationError(_("Alamat administrator harus alamat PostgreSQL (postgresql+psycopg://…)."),
                              field="admin_url")
    params = {"host": admin.host, "port": admin.port, "user": admin.username, "password": admin.password,
              "dbname": admin.database or "postgres", "connect_timeout": PG_CONNECT_ARGS["connect_timeout"]}
    return {key: value for key, value in params.items() if value}


def _connect(params: dict[str, object], **overrides: object):  # type: ignore[no-untyped-def]
    import psycopg

    try:
        return psycopg.connect(**{**params, **overrides}, autocommit=True)
    except psycopg.Error as error:
        lines = str(error).strip().splitlines()
        raise ValidationError(message_for(classify(error), lines[-1] if lines else "")) from None


def prepare_server(admin_url: str, database: str, user: str, password: str, *, owner: str | None = None,
                   owner_password: str | None = None, open_to_network: bool = True) -> PrepareReport:
    """Create the owner, the desks' login and the event database with its schema; let the hall in.

    ``admin_url`` is the server's administrator (``postgres``) on the host laptop itself. The
    pg_hba.conf line uses ``samenet``: any laptop on a network the server is on.
    """
    from psycopg import sql

    database = check_identifier(database, _("Nama basis data"))
    user = check_identifier(user, _("Nama pengguna meja"))
    owner = check_identifier(owner or f"{user}_pemilik", _("Nama pemilik"))
    if owner == user:
        raise ValidationError(_("Pemilik dan pengguna meja harus dua nama berbeda."), field="owner")
    if not password:
        raise ValidationError(_("Kata sandi pengguna meja wajib diisi."), field="password")
    params = _admin_params(admin_url)
    with _connect(params) as connection:
        created_role = False
        for role, secret in ((owner, owner_password or None), (user, password)):
            exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role]).fetchone() is not None
            created_role = created_role or (role == user and not exists)
            if exists and secret is None:
                continue
            verb = "ALTER" if exists else "CREATE"
            statement = sql.SQL(verb + " ROLE {} LOGIN").format(sql.Identifier(role))
            if secret is not None:
                statement = sql.SQL("{} PASSWORD {}").format(statement, sql.Literal(secret))
            connection.execute(statement)
        has_database = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if not has_database:
            connection.execute(sql.SQL("CREATE DATABASE {} OWNER {} ENCODING 'UTF8' TEMPLATE template0").format(
                sql.Identifier(database), sql.Identifier(owner)))
        else:
            connection.execute(sql.SQL("ALTER DATABASE {} OWNER TO {}").format(sql.Identifier(database), sql.Identifier(owner)))
        with _connect(params, dbname=database) as inside:
            _take_over_tables(inside, owner, user)  # an older set-up let the desk login own them
        _create_schema_as(admin_url, database, owner)
        with _connect(params, dbname=database) as inside:
            _grant_desk_rights(inside, database, owner, user)
        hba_line = f'host "{database}" "{user}","{owner}" samenet scram-sha-256'
        hba_path = str(connection.execute("SHOW hba_file").fetchone()[0])  # type: ignore[index]
        listen_changed = hba_written = False
        if open_to_network:
            listen = str(connection.execute("SHOW listen_addresses").fetchone()[0])  # type: ignore[index]
            if listen.strip() not in {"*", "0.0.0.0"}:
                connection.execute("ALTER SYSTEM SET listen_addresses = '*'")
                listen_changed = True
            hba_written = add_hba_line_checked(connection, Path(hba_path), hba_line)
    return PrepareReport(created_role, not has_database, listen_changed, hba_line, hba_path, hba_written, owner)


def _create_schema_as(admin_url: str, database: str, owner: str) -> None:
    """Run TemuDesk's migrations in the new database, every object owned by ``owner``."""
    url = make_url(admin_url).set(drivername="postgresql+psycopg", database=database)
    engine = create_db_engine(url.render_as_string(hide_password=False))

    @event.listens_for(engine, "connect")
    def _as_owner(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f'SET ROLE "{owner}"')  # validated identifier
        dbapi_connection.commit()

    try:
        upgrade_schema(engine)
    finally:
        engine.dispose()


def _take_over_tables(connection, owner: str, user: str) -> None:  # type: ignore[no-untyped-def]
    from psycopg import sql

    rows = connection.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = %s", [user]).fetchall()
    for (table,) in rows:
        connection.execute(sql.SQL("ALTER TABLE {} OWNER TO {}").format(sql.Identifier(table), sql.Identifier(owner)))


def _grant_desk_rights(connection, database: str, owner: str, user: str) -> None:  # type: ignore[no-untyped-def]
    """The desks read and write rows; the audit log only grows; nothing is theirs to alter or drop."""
    from psycopg import sql

    desk, boss, base = sql.Identifier(user), sql.Identifier(owner), sql.Identifier(database)
    statements = [
        sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(base),
        sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(base, desk),
        sql.SQL("REVOKE CREATE ON SCHEMA public FROM PUBLIC"),
        sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(desk),
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(desk),
        sql.SQL("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {}").format(desk),
        sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA public "
                "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {}").format(boss, desk),
        sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {} IN SCHEMA public "
                "GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {}").format(boss, desk),
    ]
    for table in APPEND_ONLY_TABLES:
        statements.append(sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {} FROM {}").format(sql.Identifier(table), desk))
    for statement in statements:
        connection.execute(statement)


def add_hba_line_checked(connection, path: Path, line: str) -> bool:  # type: ignore[no-untyped-def]
    """Add ``line`` to pg_hba.conf through a checked copy; ``False`` when the file is not ours to write.

    The running server keeps its loaded rules until ``pg_reload_conf``; before that,
    ``pg_hba_file_rules`` parses the file on disk, so a bad rule is caught while it is harmless.
    """
    try:
        original = path.read_bytes()
    except OSError:
        return False
    text = original.decode("utf-8", "replace")
    if line in text.splitlines():
        return True
    if not os.access(path, os.W_OK):
        return False
    kept = path.with_name(path.name + ".sebelum-temudesk")
    shutil.copy2(path, kept)
    new_text = text + ("" if text.endswith("\n") or not text else "\n") + "# TemuDesk: desks on the hall's network\n" + line + "\n"
    try:
        _write_atomically(path, new_text.encode("utf-8"))
        errors = connection.execute("SELECT line_number, error FROM pg_hba_file_rules WHERE error IS NOT NULL").fetchall()
        if errors:
            number, error = errors[0]
            raise DomainError(_("pg_hba.conf tidak diubah: PostgreSQL menolak baris {number} ({error}).").format(
                number=number, error=error))
        if not connection.execute("SELECT pg_reload_conf()").fetchone()[0]:
            raise DomainError(_("pg_hba.conf tidak diubah: server menolak memuat ulang pengaturan."))
    except BaseException:
        _write_atomically(path, original)  # the server must start tomorrow exactly as it did today
        raise
    return True


def _write_atomically(path: Path, content: bytes) -> None:
    partial = path.with_name(path.name + ".temudesk-part")
    partial.write_bytes(content)
    shutil.copymode(path, partial)
    try:
        os.chown(partial, path.stat().st_uid, path.stat().st_gid)
    except OSError:  # not root: the file is ours anyway
        pass
    os.replace(partial, path)
