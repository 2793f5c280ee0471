"""The board's writes on the DB worker: move, lock, add, remove, store a run and undo a store.

One object does them for the page's hand edits and for the undo commands
(:class:`desktop.views.schedule_commands.Editor`); each is one audited transaction and
announces the MEETINGS change, so the board reloads from the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.models.schedule import meetings
from desktop.models.event.database import Database
from desktop.models.schedule.schedule_store import StoreSummary, store_schedule
from desktop.models.schedule.schedule_undo import UndoSummary, undo_store
from desktop.scheduling import ScheduleResult
from desktop.views.context import AppContext
from desktop.views.operations import MEETINGS

OnError = Callable[[Exception], None]


class ScheduleEditor:
    """Runs the edits; ``succeeded`` clears an old refusal, ``failed`` reports one, ``say`` informs."""

    def __init__(self, context: AppContext, moment: Callable[[], dt.datetime], owner: QWidget, *,
                 succeeded: Callable[[], None], failed: OnError, say: Callable[[str], None]) -> None:
        self.context = context
        self.moment = moment
        self.owner = owner  # results are delivered while it lives
        self.succeeded = succeeded
        self.failed = failed
        self.say = say

    def _write(self, work: Callable[[Database], object], on_success: Callable[[object], None],
               on_error: OnError | None) -> None:
        self.context.runner.run(work, on_success=on_success, on_error=on_error or self.failed, changes={MEETINGS},
                                parent=self.owner)

    def _after(self, done: Callable[[], None] | None) -> None:
        self.succeeded()
        if done:
            done()

    def run_store(self, result: ScheduleResult, done: Callable[[StoreSummary], None] | None,
                  on_error: OnError | None = None) -> None:
        actor, moment = self.context.actor, self.moment()

        def store(db: Database) -> StoreSummary:
            with db.transaction() as session:
                return store_schedule(session, result, actor, moment=moment)

        self._write(store, lambda summary: done(summary) if done else None, on_error)  # type: ignore[arg-type]

    def run_undo_store(self, store_id: int, done: Callable[[], None] | None) -> None:
        actor, moment = self.context.actor, self.moment()

        def undo(db: Database) -> UndoSummary:
            with db.transaction() as session:
                return undo_store(session, actor, store_id, moment=moment)

        def undone(summary: UndoSummary) -> None:
            self.say(_("Penjadwalan diurungkan: jadwal sebelumnya dipulihkan ({count} pertemuan).").format(
                count=summary.restored))
            if done:
                done()

        self._write(undo, undone, None)  # type: ignore[arg-type]

    def run_move(self, meeting_id: int, slot_id: int, table_id: int, done: Callable[[], None] | None,
                 on_error: OnError | None = None) -> None:
        actor, moment = self.context.actor, self.moment()

        def move(db: Database) -> int:
            with db.transaction() as session:
                return meetings.move_meeting(session, meeting_id, slot_id, table_id, actor, now=moment)

        self._write(move, lambda _v: self._after(done), on_error)

    def run_lock(self, meeting_id: int, locked: bool, done: Callable[[], None] | None,
                 on_error: OnError | None = None) -> None:
        actor = self.context.actor

        def lock(db: Database) -> int:
            with db.transaction() as session:
                return meetings.set_locked(session, meeting_id, locked, actor)

        self._write(lock, lambda _v: self._after(done), on_error)

    def run_add(self, request_id: int, slot_id: int, table_id: int, done: Callable[[int], None] | None,
                on_error: OnError | None = None) -> None:
        actor, moment = self.context.actor, self.moment()

        def add(db: Database) -> int:
            with db.transaction() as session:
                return meetings.add_meeting(session, request_id, slot_id, table_id, actor, now=moment)

        def added(meeting_id: int) -> None:
            self.succeeded()
            if done:
                done(meeting_id)

        self._write(add, added, on_error)  # type: ignore[arg-type]

    def run_remove(self, meeting_id: int, done: Callable[[], None] | None) -> None:
        actor, moment = self.context.actor, self.moment()

        def remove(db: Database) -> None:
            with db.transaction() as session:
                meetings.remove_meeting(session, meeting_id, actor, now=moment)

        self._write(remove, lambda _r: self._after(done), None)


__all__ = ["ScheduleEditor"]
