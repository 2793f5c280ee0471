"""Helpers for pytest-qt tests: build the app context and wait for background work."""

from __future__ import annotations

from desktop.models.event.database import Database
from desktop.views.context import AppContext
from desktop.views.operations import ChangeBus, OperationRunner
from tests.conftest import ADMIN


def make_context(db: Database) -> AppContext:
    bus = ChangeBus()
    runner = OperationRunner(db, bus)
    messages: list[str] = []
    runner.error_presenter = lambda _parent, message: messages.append(message)
    context = AppContext(db=db, runner=runner, bus=bus, actor=ADMIN)
    context.shown_errors = messages  # type: ignore[attr-defined]
    return context


def settle(qtbot, context: AppContext, timeout: int = 5000) -> None:  # type: ignore[no-untyped-def]
    """Wait until every queued operation has finished and its results were delivered."""
    qtbot.waitUntil(lambda: not context.runner.busy, timeout=timeout)
