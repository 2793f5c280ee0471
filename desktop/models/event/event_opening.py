"""Opening an event file for the desk: everything between the file name and a window that can show
the event. Qt-free and thread-safe, so the desk runs it on another thread while its window is
already on screen (the database layer itself, SQLAlchemy and the ORM, is first imported here).
"""

from __future__ import annotations

import datetime as dt
import importlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.i18n import _
from desktop.models.access.actor import Actor
from desktop.models.errors import DomainError

if TYPE_CHECKING:
    from desktop.models.event.database import Database
    from desktop.models.event.event_setup import EventInfo


@dataclass
class OpenedEvent:
    db: Database
    event: EventInfo
    actor: Actor | None  # None: operators here use PINs, somebody must sign in first


def open_event(target: str | Path, *, read_only: bool, operator: str, desk: str,
               preload: Sequence[str] = ()) -> OpenedEvent:
    """Open, check and read the event at ``target``; a :class:`DomainError` in words when it is not a
    usable TemuDesk event (missing, another program's file, newer schema, damaged, empty).

    ``operator``/``desk`` are the ones remembered on this computer; ``preload`` names domain modules
    the first page needs, imported here too so the UI thread does not wait for them later."""
    from sqlalchemy.exc import DBAPIError

    from desktop.models.event import event_setup
    from desktop.models.access import operators
    from desktop.models.event.database import integrity_problem, open_database

    db = open_database(target, create=False, read_only=read_only)
    try:
        try:
            problem = integrity_problem(db)
            if problem is None:
                with db.read() as session:
                    if not event_setup.has_event(session):
                        raise DomainError(_("Berkas ini bukan berkas event TemuDesk (belum berisi data event)."))
                    event = event_setup.get_event(session)
                    actor = operators.startup_actor(session, operator, desk)
        except DBAPIError as error:  # SQLite gave up reading it ("database disk image is malformed")
            if not isinstance(error.orig, sqlite3.DatabaseError):
                raise
            problem = str(error.orig)
        if problem is not None:
            raise DomainError(
                _("Berkas event rusak ({problem}). Buka salinan cadangan terakhirnya.").format(problem=problem)
            )
        for module in preload:
            importlib.import_module(module)
    except BaseException:
        db.close()
        raise
    return OpenedEvent(db=db, event=event, actor=actor)


def shown_name(target: str | Path) -> str:
    """How the window names the event file while it opens (a server address without password)."""
    text = str(target)
    if "://" in text:
        return text.split("@")[-1]
    return Path(text).name


def create_demo_file(path: Path, opens_at: dt.time) -> None:
    """A fresh demo event in ``path`` as it stands at ``opens_at`` on the day (schedule, check-ins,
    meetings held, orders); complete or no file at all, like ``temudesk demo``."""
    from desktop.models.event.database import open_database
    from desktop.models.event.demo import create_demo_event  # the day's play needs the solver: loaded only here
    from desktop.models.event.demo_day import play_day
    from desktop.models.event.new_event import building

    with building(path) as partial:
        db = open_database(partial)
        try:
            with db.transaction() as session:
                create_demo_event(session)
            with db.transaction() as session:
                play_day(session, opens_at)
        finally:
            db.close()
