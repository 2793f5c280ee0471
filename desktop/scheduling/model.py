"""The scheduling problem and its answer as plain, immutable data (no Qt, no ORM).

Identifiers are strings chosen by whoever builds the problem (``"s1"``, ``"IKM007"`` …);
the engines work on integer indices internally (see :mod:`desktop.scheduling.indexed`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SessionName(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"


class SessionWish(StrEnum):
    ANY = "any"
    MORNING = "morning"
    AFTERNOON = "afternoon"


class Goal(StrEnum):
    """The goals, by the letters the issue and the JSON files use."""

    MUST = "a"  # every must-meeting (priority 3)
    COVERAGE = "b"  # most participants with at least one meeting
    WEIGHT = "c"  # most priority-weighted meetings
    BREAKS = "d"  # fewest breaks (idle runs between two meetings of one person)


DEFAULT_GOAL_ORDER: tuple[Goal, ...] = (Goal.MUST, Goal.COVERAGE, Goal.WEIGHT, Goal.BREAKS)
MUST_PRIORITY = 3


@dataclass(frozen=True)
class Slot:
    id: str
    start: str = ""
    end: str = ""
    session: str = SessionName.MORNING.value


@dataclass(frozen=True)
class Table:
    id: str
    label: str = ""


@dataclass(frozen=True)
class Participant:
    id: str
    name: str = ""
    kind: str = ""
    unavailable: frozenset[str] = frozenset()
    # A participant with a host table meets everybody there; nobody else uses that table.
    host_table: str | None = None
    max_meetings: int | None = None

    @property
    def display_name(self) -> str:
        return self.name or self.id


@dataclass(frozen=True)
class Request:
    id: str
    a: str
    b: str
    priority: int = 1  # 1 normal, 2 high, 3 must
    session: str = SessionWish.ANY.value
    # How many meetings this pair asks for (a second meeting in the afternoon, two
    # representatives …); they are held in different slots.
    meetings: int = 1


@dataclass(frozen=True)
class FixedMeeting:
    """A meeting already agreed (or locked, or held): it stays where it is."""

    request: str
    slot: str
    table: str | None = None


@dataclass(frozen=True)
class Options:
    time_limit_s: float = 10.0
    # Breaks of two participants (with meetings) differ by at most this much, where possible;
    # None switches the rule off.
    break_spread: int | None = 2
    seed: int = 0
    goal_order: tuple[Goal, ...] = DEFAULT_GOAL_ORDER
    # CP-SAT portfolio size: more workers than cores still helps (diverse strategies prove sooner).
    workers: int = 8


@dataclass(frozen=True)
class Problem:
    slots: tuple[Slot, ...]
    tables: tuple[Table, ...]
    participants: tuple[Participant, ...]
    requests: tuple[Request, ...]
    fixed: tuple[FixedMeeting, ...] = ()
    options: Options = field(default_factory=Options)


@dataclass(frozen=True)
class Meeting:
    request: str
    a: str
    b: str
    slot: str
    table: str


@dataclass(frozen=True)
class Unscheduled:
    request: str
    reason: str


@dataclass(frozen=True)
class Figures:
    """The goal figures of one schedule (what the checker recomputes from scratch)."""

    requested: int
    scheduled: int
    must_requested: int
    must_scheduled: int
    participants_with_meeting: int
    weighted: int
    breaks_total: int
    breaks_max: int
    breaks_min: int

    @property
    def breaks_spread(self) -> int:
        return self.breaks_max - self.breaks_min

    def goal_value(self, goal: Goal) -> int:
        """The value of ``goal``, signed so that larger is always better."""
        return {
            Goal.MUST: self.must_scheduled,
            Goal.COVERAGE: self.participants_with_meeting,
            Goal.WEIGHT: self.weighted,
            Goal.BREAKS: -self.breaks_total,
        }[goal]


@dataclass(frozen=True)
class Stats:
    requested: int
    scheduled: int
    upper_bound: int  # most meetings any schedule could place (max-flow bound)
    participants_with_meeting: int
    breaks_total: int
    breaks_max: int
    breaks_min: int
    proved_optimal: dict[str, bool]
    seconds: float
    must_requested: int = 0
    must_scheduled: int = 0
    weighted: int = 0
    weighted_upper_bound: int = 0
    engine: str = ""
    # Fewest breaks a schedule optimal for the earlier goals can have, as proved (0 when unknown).
    breaks_lower_bound: int = 0


@dataclass(frozen=True)
class ScheduleResult:
    meetings: tuple[Meeting, ...]
    unscheduled: tuple[Unscheduled, ...]
    stats: Stats


@dataclass(frozen=True)
class Progress:
    """The best schedule found so far, reported while the exact engine works."""

    stage: str  # the goal being worked on ("fast", "a", "b", "c", "d")
    figures: Figures
    meetings: tuple[Meeting, ...]
    seconds: float
