"""*Berkas → Pengaturan event*: the event dialog filled from the database, saved in one transaction."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.models.event import event_setup
from desktop.models.event.database import Database
from desktop.models.event.event_setup import EventInfo
from desktop.views.context import AppContext
from desktop.views.event_dialog import EventDialog, EventSetup
from desktop.views.operations import EVENT


def edit_event(window: QWidget, context: AppContext) -> None:
    def load(db: Database) -> tuple[int, list[event_setup.SlotRow], bool]:
        from desktop.models.reporting import overview

        with db.read() as session:
            counts = overview.event_counts(session)
            return counts.tables, event_setup.list_slots(session), counts.meetings > 0

    def show(result: tuple[int, list[event_setup.SlotRow], bool]) -> None:
        tables, slots, locked = result
        dialog = EventDialog(
            window.event_info, table_count=tables, slots=slots, slots_locked=locked, parent=window  # type: ignore[attr-defined]
        )
        dialog.submitted.connect(lambda setup: save_event(window, context, setup))
        dialog.open()
        window.event_dialog = dialog  # type: ignore[attr-defined]  # kept alive; tests reach it here

    context.runner.run(load, on_success=show, parent=window)


def save_event(window: QWidget, context: AppContext, setup: EventSetup) -> None:
    actor = context.actor

    def save(db: Database) -> EventInfo:
        with db.transaction() as session:
            return event_setup.apply_setup(session, setup.settings, setup.plan, setup.tables, actor)

    context.runner.run(save, changes={EVENT}, parent=window)
