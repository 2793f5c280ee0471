"""The meeting scheduler: pure Python data in, schedule and proof out (no Qt, no ORM).

Entry points: :func:`solve` (schedule a problem), :func:`check_schedule` (the independent
checker), :func:`repair` (on-site changes), and :mod:`problem_io` for the JSON files.
"""

from desktop.scheduling.checker import CheckReport, check_schedule, figures_of
from desktop.scheduling.errors import ProblemError
from desktop.scheduling.model import (
    FixedMeeting,
    Goal,
    Meeting,
    Options,
    Participant,
    Problem,
    Progress,
    Request,
    ScheduleResult,
    Slot,
    Stats,
    Table,
    Unscheduled,
)

# The engines (and with them OR-Tools and PySAT) load on first use: reading, writing and
# checking problem files needs none of them.
_LAZY = {"Engine": "desktop.scheduling.solver", "solve": "desktop.scheduling.solver"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "CheckReport", "Engine", "FixedMeeting", "Goal", "Meeting", "Options", "Participant", "Problem",
    "ProblemError", "Progress", "Request", "ScheduleResult", "Slot", "Stats", "Table", "Unscheduled",
    "check_schedule", "figures_of", "solve",
]
