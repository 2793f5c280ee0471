"""What every page gets: the open database's runner, the change bus and who is working."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.models.access.actor import Actor
from desktop.views.operations import ChangeBus, OperationRunner

if TYPE_CHECKING:  # the window is built before the database layer is loaded
    from desktop.models.event.database import Database


@dataclass
class AppContext:
    db: Database
    runner: OperationRunner
    bus: ChangeBus
    actor: Actor = field(default_factory=lambda: Actor(name="Admin"))
