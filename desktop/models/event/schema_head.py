"""The newest schema revision, known without loading Alembic.

Opening an event file that is already at the newest schema is the common case on the event day;
Alembic (about a fifth of a second to import, plus reading its scripts) is needed only when the
file must be checked in full or migrated. ``database.upgrade_schema`` compares the file's
``alembic_version`` with :func:`file_head` and takes Alembic's path whenever they differ or the
migration files are not one plain chain; a test keeps this equal to Alembic's own answer.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sqlite3
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

VERSIONS_DIR = Path(__file__).resolve().parent.parent / "migrations" / "versions"

_MIGRATION_LINE = re.compile(
    r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:(['\"])([^'\"\n]+)\2|(None))\s*(?:#.*)?$", re.MULTILINE)


@functools.cache
def file_head() -> tuple[str, int] | None:
    """The newest schema revision and how many revisions there are, read from the migration files'
    own ``revision = …`` / ``down_revision = …`` lines, without loading Alembic (a good part of the
    start-up). None unless the files form one plain chain: then Alembic decides, as always."""
    parents: dict[str, str | None] = {}
    for path in sorted(VERSIONS_DIR.glob("*.py")):
        found = {match[0]: match[2] or None for match in _MIGRATION_LINE.findall(path.read_text(encoding="utf-8"))}
        if set(found) != {"revision", "down_revision"} or found["revision"] is None:
            return None  # a merge point, a computed id …: not for this shortcut
        parents[found["revision"]] = found["down_revision"]
    children = {parent for parent in parents.values() if parent is not None}
    heads = [revision for revision in parents if revision not in children]
    roots = [revision for revision, parent in parents.items() if parent is None]
    if len(heads) != 1 or len(roots) != 1 or not children <= set(parents) or len(children) != len(parents) - 1:
        return None
    return heads[0], len(parents)


def stored_revision(engine: Engine, read_only_option: str) -> str | None:
    """The revision an SQLite event file says it has (None: no such table or no row)."""
    try:
        with engine.connect() as connection:
            connection.execution_options(**{read_only_option: True})
            return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except DBAPIError:
        return None


def backup_before_migration(url: str) -> Path | None:
    """Copy an older-schema SQLite file aside (SQLite's online backup) before migrating it."""
    if not url.startswith("sqlite:///"):
        return None
    source = Path(url.removeprefix("sqlite:///"))
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}.sebelum-migrasi-{stamp}{source.suffix}")
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    return target
