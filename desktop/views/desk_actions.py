"""The Registrasi desk's database work on the operation runner: loads, check-in, undo, walk-in.

Each write is one audited transaction with a fresh nonce (a retried scan is not counted twice);
answers come back to the page through the callbacks given. The page only shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from desktop.models.base import now
from desktop.models.checkin import checkin, pending_scans
from desktop.models.checkin.pending_scans import PendingScan, StillAway
from desktop.models.event import live
from desktop.models.people import participants
from desktop.models.checkin.checkin import CheckInResult, DeskOverview, FailedScanRow, Status
from desktop.models.checkin.checkin_search import SearchIndex
from desktop.models.event.database import Database
from desktop.models.errors import ValidationError
from desktop.models.people.participants import CategoryRow, ParticipantData
from desktop.models.checkin.walk_in import DuplicateSuspected, register_walk_in
from desktop.views.context import AppContext
from desktop.views.desk_dialogs import WalkInDialog
from desktop.views.operations import CHECK_INS, PARTICIPANTS

Answered = Callable[[CheckInResult], None]
Failed = Callable[[Exception], None]


@dataclass(frozen=True)
class DeskData:
    """Everything the page shows after a full reload."""

    index: SearchIndex
    categories: list[CategoryRow]
    overview: DeskOverview
    failed: list[FailedScanRow]
    presence_mark: int  # the last check-in event the index knows about


class DeskActions:
    """Runs the desk's reads and writes for ``owner`` (results are delivered while it lives)."""

    def __init__(self, context: AppContext, owner: QWidget) -> None:
        self.context = context
        self.owner = owner

    def load_all(self, done: Callable[[DeskData], None]) -> None:
        def load(db: Database) -> DeskData:
            with db.read() as session:
                return DeskData(SearchIndex.load(session), participants.list_categories(session),
                                checkin.desk_overview(session), checkin.failed_scans(session),
                                live.last_check_in_id(session))

        self.context.runner.run(load, on_success=done, parent=self.owner)

    def load_overview(self, done: Callable[[tuple[DeskOverview, list[FailedScanRow]]], None]) -> None:
        def load(db: Database) -> tuple[DeskOverview, list[FailedScanRow]]:
            with db.read() as session:
                return checkin.desk_overview(session), checkin.failed_scans(session)

        self.context.runner.run(load, on_success=done, parent=self.owner)

    def presence_after(self, mark: int, done: Callable[[list[live.PresenceChange]], None]) -> None:
        """Only the check-in events after ``mark`` (this desk's or another's)."""
        def load(db: Database) -> list[live.PresenceChange]:
            with db.read() as session:
                return live.check_ins_after(session, mark)

        self.context.runner.run(load, on_success=done, parent=self.owner)

    def status(self, participant_id: int, done: Callable[[Status], None]) -> None:
        def load(db: Database) -> Status:
            with db.read() as session:
                return checkin.status(session, participant_id)

        self.context.runner.run(load, on_success=done, parent=self.owner)

    def check_in(self, target: str | int, answered: Answered, failed: Failed,
                 waiting: Callable[[PendingScan, Exception], None]) -> None:
        """A code (scanned or typed) or a chosen participant id. When the database cannot take it
        just now (server away, lock, full disk) the scan goes to ``waiting``, to be kept and retried."""
        actor, nonce, scanned_at = self.context.actor, checkin.new_nonce(), now()
        event_key = self.context.db.display_name

        def work(db: Database) -> CheckInResult | StillAway:
            return pending_scans.attempt(db, lambda session: checkin.check_in(session, target, actor, nonce=nonce))

        def done(result: CheckInResult | StillAway) -> None:
            if isinstance(result, StillAway):
                waiting(pending_scans.new_pending(event_key, target, nonce, actor, scanned_at), result.error)
            else:
                answered(result)

        self.context.runner.run(work, on_success=done, on_error=failed, changes={CHECK_INS}, parent=self.owner)

    def undo(self, person_id: int, event_id: int | None, answered: Answered, failed: Failed) -> None:
        actor, nonce = self.context.actor, checkin.new_nonce()

        def work(db: Database) -> CheckInResult:
            with db.transaction() as session:
                return checkin.undo(session, person_id, actor, event_id=event_id, nonce=nonce)

        self.context.runner.run(work, on_success=answered, on_error=failed, changes={CHECK_INS}, parent=self.owner)

    def save_walk_in(self, dialog: WalkInDialog, data: ParticipantData, allow_duplicates: bool,
                     saved: Answered) -> None:
        """Register and check in at once; a likely duplicate or bad field goes back to the form."""
        actor, nonce = self.context.actor, checkin.new_nonce()

        def work(db: Database) -> CheckInResult:
            with db.transaction() as session:
                return register_walk_in(session, data, actor, allow_duplicates=allow_duplicates, nonce=nonce)

        def failed(error: Exception) -> None:
            if isinstance(error, DuplicateSuspected):
                dialog.show_duplicates(error.candidates)
                return
            if isinstance(error, ValidationError):
                dialog.show_problems(error.problems, "" if error.problems else error.message)
            else:
                dialog.show_problems({}, str(error))
            dialog.set_busy(False)

        self.context.runner.run(work, on_success=saved, on_error=failed, changes={PARTICIPANTS, CHECK_INS},
                                parent=dialog)


__all__ = ["DeskActions", "DeskData"]
