"""Which SQLite files TemuDesk may touch: its own event files, nothing else.

A new event file carries SQLite's ``application_id`` (the header field meant for exactly
this) and the schema version in ``user_version``. An existing file is judged from its
header bytes first, read without SQLite so nothing can be written to it: a file of another
program, an empty file or a file that is not a database is refused before any engine is
created, and stays byte-identical. Files made by TemuDesk before the stamp existed are
recognised by their Alembic revision and ``event`` table, and stamped on their next
writable open. No Qt here.
"""

from __future__ import annotations

import os
import sqlite3
from enum import Enum
from pathlib import Path

from desktop.i18n import _
from desktop.models.errors import DatabaseOpenError

# "TmDk" as a big-endian 32-bit integer; registered nowhere, chosen to be unlike the ids
# in SQLite's magic.txt (Fossil, GeoPackage, MBTiles …).
APPLICATION_ID = int.from_bytes(b"TmDk", "big")
SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100
_USER_VERSION_AT, _APPLICATION_ID_AT = 60, 68


class FileKind(Enum):
    MISSING = "missing"
    TEMUDESK = "temudesk"  # stamped with our application_id
    LEGACY_TEMUDESK = "legacy"  # made by TemuDesk before the stamp


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_HEADER_SIZE)
    except PermissionError:
        raise DatabaseOpenError(_("Berkas event tidak dapat dibaca (tidak ada izin): {path}").format(path=path)) from None
    except IsADirectoryError:
        raise DatabaseOpenError(_("{path} adalah folder, bukan berkas event.").format(path=path)) from None
    except OSError as error:
        raise DatabaseOpenError(
            _("Berkas event tidak dapat dibaca: {reason}").format(reason=error.strerror or error)
        ) from None


def header_field(header: bytes, offset: int) -> int:
    return int.from_bytes(header[offset:offset + 4], "big")


def _tables_and_revision(path: Path) -> tuple[set[str], str | None]:
    """Table names and Alembic revision, read through a read-only, immutable connection."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return set(), None
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return tables, revision
    except sqlite3.Error:
        return set(), None
    finally:
        connection.close()


def classify(path: Path, known_revision: "callable[[str], bool]") -> FileKind:  # type: ignore[valid-type]
    """What ``path`` is; a file TemuDesk must not touch raises :class:`DatabaseOpenError`."""
    if not path.exists():
        return FileKind.MISSING
    if path.is_dir():
        raise DatabaseOpenError(_("{path} adalah folder, bukan berkas event.").format(path=path))
    header = _header(path)
    if not header:
        raise DatabaseOpenError(
            _("Berkas {name} kosong (0 byte), bukan berkas event TemuDesk. Buat event baru dengan "
              "'temudesk new' atau menu Event baru.").format(name=path.name)
        )
    if not header.startswith(SQLITE_MAGIC) or len(header) < _HEADER_SIZE:
        raise DatabaseOpenError(_("Berkas ini bukan berkas event TemuDesk (isinya bukan basis data)."))
    application_id = header_field(header, _APPLICATION_ID_AT)
    if application_id == APPLICATION_ID:
        return FileKind.TEMUDESK
    if application_id != 0:
        raise DatabaseOpenError(
            _("Berkas {name} milik program lain (application_id {id:#x}); TemuDesk tidak mengubahnya.").format(
                name=path.name, id=application_id)
        )
    tables, revision = _tables_and_revision(path)
    if revision is not None and known_revision(revision) and "event" in tables:
        return FileKind.LEGACY_TEMUDESK
    shown = ", ".join(sorted(tables)[:5]) or _("tidak ada tabel")
    raise DatabaseOpenError(
        _("Berkas {name} adalah basis data SQLite program lain (isi: {tables}), bukan event TemuDesk; "
          "berkas itu tidak diubah.").format(name=path.name, tables=shown)
    )


def stamp_new_file(path: Path) -> None:
    """Create ``path`` as an empty SQLite file that already carries TemuDesk's application_id."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.commit()
    finally:
        connection.close()


def writable(path: Path) -> bool:
    """Whether SQLite can write the file and the journal beside it (false on read-only media)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
