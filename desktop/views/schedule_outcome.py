"""A meeting's outcome (held, no-show, cancelled, with a note) and *Catat pesanan* from it.

The dialog shows the orders already made at that meeting; saving is one audited transaction
that checks the card's version, so two desks cannot overwrite each other silently.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.models.schedule import meetings
from desktop.models.schedule.board import MeetingCard
from desktop.models.event.database import Database
from desktop.models.schedule.meetings import OrderLink
from desktop.views.context import AppContext
from desktop.views.meeting_dialogs import OutcomeDialog
from desktop.views.operations import MEETINGS


class MeetingOutcomes:
    """Opens one :class:`OutcomeDialog` at a time (``dialog`` while it is open)."""

    def __init__(self, context: AppContext, owner: QWidget, where: Callable[[MeetingCard], str],
                 succeeded: Callable[[], None]) -> None:
        self.context = context
        self.owner = owner
        self.where = where
        self.succeeded = succeeded
        self.dialog: OutcomeDialog | None = None

    def open(self, card: MeetingCard) -> None:
        meeting_id = card.id

        def load(db: Database) -> list[OrderLink]:
            with db.read() as session:
                return meetings.orders_of_meeting(session, meeting_id)

        self.context.runner.run(load, on_success=lambda orders: self._show(card, orders), parent=self.owner)

    def _show(self, card: MeetingCard, orders: list[OrderLink]) -> None:
        dialog = OutcomeDialog(card, self.where(card), orders, self.owner)
        actor = self.context.actor

        def submit(status: str, note: str) -> None:
            def save(db: Database) -> int:
                with db.transaction() as session:
                    return meetings.set_outcome(session, card.id, status, note, actor, expected_version=card.version)

            self.context.runner.run(save, on_success=lambda _v: (self.succeeded(), dialog.accept()),
                                    on_error=lambda error: dialog.show_error(str(error)), changes={MEETINGS},
                                    parent=dialog)

        dialog.submitted.connect(submit)
        dialog.order_requested.connect(lambda: (dialog.reject(), record_order(self.owner, card.id)))
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()


def record_order(owner: QWidget, meeting_id: int) -> None:
    """Catat pesanan: switch to the Pesanan page with buyer and seller taken from the meeting."""
    window = owner.window()
    page = getattr(window, "page", None)
    if not callable(page):
        return
    orders_page = page("orders")
    specs = getattr(window, "specs", [])
    number = next((i for i, spec in enumerate(specs) if spec.key == "orders"), None)
    if number is not None:
        window.show_page(number)  # type: ignore[attr-defined]
    orders_page.new_order_from_meeting(meeting_id)


__all__ = ["MeetingOutcomes", "record_order"]
