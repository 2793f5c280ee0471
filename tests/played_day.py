"""The demo day played to 10:10 (``demo --at 10:10``), made once per test session and copied."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.models.event.database import Database, open_database
from desktop.models.event.demo_day import play_day

PLAYED_AT = dt.time(10, 10)
EVENT_DAY = dt.date(2020, 3, 6)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(EVENT_DAY, dt.time(hour, minute))


def _play(demo: Path, folder: Path, until: dt.time) -> Path:
    path = folder / "played.sqlite"
    shutil.copyfile(demo, path)
    db = open_database(path)
    with db.transaction() as session:
        play_day(session, until)
    db.engine.dispose()
    connection = sqlite3.connect(path)  # fold the WAL in, so a plain copy is complete
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    return path


@pytest.fixture(scope="session")
def _played_template(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _play(_demo_template, tmp_path_factory.mktemp("played"), PLAYED_AT)


@pytest.fixture(scope="session")
def _day_end_template(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _play(_demo_template, tmp_path_factory.mktemp("day_end"), dt.time(16, 0))


def _copy(template: Path, tmp_path: Path) -> Iterator[Database]:
    target = tmp_path / f"copy-{template.parent.name}.sqlite"
    shutil.copyfile(template, target)
    db = open_database(target)
    yield db
    db.close()


@pytest.fixture
def played_db(_played_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo day as it stands at 10:10 (SQLite)."""
    yield from _copy(_played_template, tmp_path)


@pytest.fixture
def day_end_db(_day_end_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo day played to its end (16:00): the big order is split by then."""
    yield from _copy(_day_end_template, tmp_path)
