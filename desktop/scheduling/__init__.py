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

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.scheduling.solver import Engine, solve


def __getattr__(name: str) -> Any:
    """``solve``/``Engine`` load the solver (OR-Tools, pandas: seconds) on first use only, so the
    desk's window does not wait for a solver it may never run (PEP 562)."""
    if name in ("Engine", "solve"):
        from desktop.scheduling import solver

        return getattr(solver, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "CheckReport", "Engine", "FixedMeeting", "Goal", "Meeting", "Options", "Participant", "Problem",
    "ProblemError", "Progress", "Request", "ScheduleResult", "Slot", "Stats", "Table", "Unscheduled",
    "check_schedule", "figures_of", "solve",
]
