"""What every page gets: the open database's runner, the change bus and who is working."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.models.actor import Actor
from desktop.models.database import Database
from desktop.views.operations import ChangeBus, OperationRunner


@dataclass
class AppContext:
    db: Database
    runner: OperationRunner
    bus: ChangeBus
    actor: Actor = field(default_factory=lambda: Actor(name="Admin"))
