"""A demo event with a stored schedule (made once per session with the fast engine, copied per test)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.models.event.database import Database, open_database
from desktop.models.schedule.schedule_store import export_problem, store_schedule
from desktop.scheduling import Engine, solve
from tests.conftest import ADMIN

EVENT_DAY = dt.date(2020, 3, 6)


def at(hour: int, minute: int = 0) -> dt.datetime:
    """A moment on the demo event day."""
    return dt.datetime.combine(EVENT_DAY, dt.time(hour, minute))


def schedule_demo(db: Database) -> None:
    with db.read() as session:
        problem = export_problem(session)
    problem = dataclasses.replace(problem, options=dataclasses.replace(problem.options, time_limit_s=2))
    result = solve(problem, engine=Engine.FAST)
    with db.transaction() as session:
        store_schedule(session, result, ADMIN, moment=None)


@pytest.fixture(scope="session")
def _scheduled_template(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scheduled") / "scheduled.sqlite"
    shutil.copyfile(_demo_template, path)
    db = open_database(path)
    schedule_demo(db)
    db.engine.dispose()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    return path


@pytest.fixture
def scheduled_db(_scheduled_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo event with every request the fast engine could place."""
    target = tmp_path / "scheduled.sqlite"
    shutil.copyfile(_scheduled_template, target)
    db = open_database(target)
    yield db
    db.close()
