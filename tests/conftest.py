"""Shared fixtures. Tests run headless: the offscreen Qt platform is set before Qt loads."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop import i18n  # noqa: E402
from desktop.models.access.actor import Actor  # noqa: E402
from desktop.models.event.database import Database, open_database  # noqa: E402
from desktop.models.event.demo import create_demo_event  # noqa: E402
from tests.pg_support import PgServer  # noqa: E402

ADMIN = Actor(name="Penguji", role="admin", desk="Meja Uji")

# Fuzzing: a reduced run in the normal suite; `HYPOTHESIS_PROFILE=fuzz` for 1,000 examples a test.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "default", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "fuzz", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _indonesian() -> Iterator[None]:
    """Every test starts in Bahasa Indonesia, whatever the previous one switched to."""
    i18n.set_language("id")
    yield
    i18n.set_language("id")


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings and user folders go to a temporary home, never the developer's own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    # Qt computes the settings folder once per process: point it at this test's home.
    from PySide6.QtCore import QSettings

    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(home / ".config"))


# ---- the two engines ------------------------------------------------------------------------
# Database fixtures run once on SQLite and once on PostgreSQL (TEMUDESK_TEST_PG_URL, set by
# tools/test.sh). A test that also takes ``demo_path`` (the SQLite file itself), or is marked
# ``sqlite_only``, runs on SQLite alone.
PG_URL = os.environ.get("TEMUDESK_TEST_PG_URL", "")
_NO_SERVER = "TEMUDESK_TEST_PG_URL tidak diisi: tools/test.sh menjalankan PostgreSQL untuk bagian ini"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_kind" not in metafunc.fixturenames:
        return
    postgresql = "postgresql" if PG_URL else pytest.param("postgresql", marks=pytest.mark.skip(reason=_NO_SERVER))
    kinds: list[object] = ["sqlite"]
    if metafunc.definition.get_closest_marker("postgresql_only") is not None:
        kinds = [postgresql]  # interleavings that SQLite's single writer makes impossible
    elif "demo_path" not in metafunc.fixturenames and metafunc.definition.get_closest_marker("sqlite_only") is None:
        kinds.append(postgresql)
    metafunc.parametrize("db_kind", kinds)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The PostgreSQL server of this run, with template databases (empty schema, demo event)."""
    if not PG_URL:
        pytest.skip(_NO_SERVER)
    server = PgServer(PG_URL)
    yield server
    server.close()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL database (dropped after the test)."""
    with pg_server.database(None) as url:
        yield url


def _fresh_database(request: pytest.FixtureRequest, db_kind: str, template: str) -> Iterator[Database]:
    if db_kind == "sqlite":
        if template == "demo":
            path = request.getfixturevalue("demo_path")
        else:
            # Unique per fixture: one test may use several fresh databases (e.g. empty_db and empty_event).
            path = request.getfixturevalue("tmp_path") / f"{template}-{request.fixturename}.sqlite"
        db = open_database(path)
        yield db
        db.close()
        return
    server: PgServer = request.getfixturevalue("pg_server")
    with server.database(template) as url:
        db = open_database(url)
        yield db
        db.close()


@pytest.fixture
def empty_db(request: pytest.FixtureRequest, db_kind: str) -> Iterator[Database]:
    """A new event database with the schema but no event."""
    yield from _fresh_database(request, db_kind, "empty")


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        create_demo_event(session)
    db.engine.dispose()
    # Fold the WAL into the main file so a plain copy is complete.
    import sqlite3

    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    return path


@pytest.fixture
def demo_path(_demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo event file for this test."""
    import shutil

    target = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_template, target)
    return target


@pytest.fixture
def demo_db(request: pytest.FixtureRequest, db_kind: str) -> Iterator[Database]:
    """A fresh demo event: an SQLite file, or a PostgreSQL database copied from a template."""
    yield from _fresh_database(request, db_kind, "demo")


@pytest.fixture
def admin() -> Actor:
    return ADMIN


@pytest.fixture
def empty_event(request: pytest.FixtureRequest, db_kind: str) -> Iterator[Database]:
    """An event with slots, tables and categories but no participants: where an import starts."""
    import datetime as dt

    from desktop.models.event import event_setup

    for db in _fresh_database(request, db_kind, "empty"):
        with db.transaction() as session:
            event_setup.apply_setup(
                session,
                event_setup.EventSettings(name="Temu Bisnis Uji", venue="Hall GMSC", event_date=dt.date(2020, 3, 6)),
                event_setup.SlotPlan(start=dt.time(9, 0), end=dt.time(12, 0), minutes=20, breaks=[]),
                5,
                ADMIN,
            )
        yield db
