"""The declarative base, the clock every stored timestamp comes from, small helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Stable constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


_clock: Callable[[], dt.datetime] | None = None


def now() -> dt.datetime:
    """Local wall-clock time without tz: the hall has one clock and the papers show it."""
    moment = _clock() if _clock is not None else dt.datetime.now()
    return moment.replace(microsecond=0)


class SimulatedClock:
    """A clock that stands still until moved: ``clock.set(…)``, ``clock.advance(minutes=3)``."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def set(self, moment: dt.datetime) -> None:
        self.moment = moment

    def advance(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)

    def __call__(self) -> dt.datetime:
        return self.moment


@contextmanager
def simulated_clock(moment: dt.datetime) -> Iterator[SimulatedClock]:
    """Run the domain services as if it were ``moment`` (the demo day's timeline, test harnesses)."""
    global _clock
    previous = _clock
    clock = SimulatedClock(moment)
    _clock = clock
    try:
        yield clock
    finally:
        _clock = previous
