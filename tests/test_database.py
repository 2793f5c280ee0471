import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from desktop.models.event.database import head_revision, open_database
from desktop.models.errors import DatabaseOpenError
from desktop.models.orm import Base


@pytest.mark.sqlite_only
def test_every_connection_has_wal_foreign_keys_and_busy_timeout(empty_db) -> None:  # type: ignore[no-untyped-def]
    with empty_db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_migrations_match_the_models(empty_db) -> None:  # type: ignore[no-untyped-def]
    """Fails when a model changes without a new Alembic revision (tools/new_migration.py)."""
    with empty_db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_database(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert "lebih baru" in str(info.value)


def test_reopening_keeps_the_head_revision(tmp_path: Path) -> None:
    path = tmp_path / "event.sqlite"
    open_database(path).close()
    db = open_database(path)
    with db.read() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
    db.close()


def test_missing_file_with_create_false(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError):
        open_database(tmp_path / "nope.sqlite", create=False)


def test_failed_transaction_leaves_nothing(empty_db, admin) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.people import participants
    from desktop.models.people.categories import seed_categories

    with empty_db.transaction() as session:
        seed_categories(session)
    with pytest.raises(RuntimeError), empty_db.transaction() as session:
        participants.create_participant(session, participants.ParticipantData(business_name="UD Uji"), admin)
        raise RuntimeError("power cut")
    with empty_db.read() as session:
        assert participants.list_participants(session) == []


def test_the_schema_head_known_without_alembic_is_alembics_own() -> None:
    """``file_head`` (start-up's shortcut) must say what Alembic says, or opening skips a migration."""
    from desktop.models.event.database import schema_number
    from desktop.models.event.schema_head import file_head

    assert file_head() == (head_revision(), schema_number())


def test_opening_a_current_event_file_does_not_load_alembic(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    path = tmp_path / "acara.sqlite"
    open_database(path).close()  # created and migrated to the newest schema (Alembic may load here)
    code = ("import sys\nfrom desktop.models.event.database import open_database\n"
            f"open_database({str(path)!r}, create=False).close()\nprint('alembic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
