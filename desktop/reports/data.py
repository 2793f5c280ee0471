"""Plain data the reports are drawn from: frozen dataclasses, no ORM, no Qt.

``desktop/models/reporting/report_data.py`` fills these from an event file; a test or a script can
build them by hand just as well. The data carries what is drawn: words already in the reader's
language (``kind_label``, ``status_label`` …) and colours as ``"#rrggbb"``; the reports look
nothing up. Stored values (``kind``, ``status``, ``unit``) stay for sorting and grouping.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

NEUTRAL_COLOUR = "#555555"  # where data built by hand names no colour

@dataclass(frozen=True)
class EventHeader:
    name: str
    venue: str
    city: str
    event_date: dt.date
    organiser: str
    official_name: str
    official_title: str
    paper_size: str  # 'a4' or 'f4'
    generated_at: dt.datetime


@dataclass(frozen=True)
class Person:
    id: int
    code: str
    kind: str
    business_name: str
    contact_person: str
    products: tuple[str, ...] = ()
    phone: str = ""  # as written in Indonesia (0812-3456-7890, 021-5475333)
    kind_label: str = ""  # the kind in words ("IKM", "Pembeli")
    kind_colour: str = NEUTRAL_COLOUR  # the kind's colour on badges, slips and cards


@dataclass(frozen=True)
class Slot:
    id: int
    ordinal: int
    start: dt.time
    end: dt.time
    session: str


@dataclass(frozen=True)
class Table:
    id: int
    number: int
    label: str
    host: Person | None


# ---- badges ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class BadgesReport:
    event: EventHeader
    people: tuple[Person, ...]
    single: bool = False  # one badge per sheet, for a walk-in


# ---- personal schedules -------------------------------------------------------------------
@dataclass(frozen=True)
class ScheduleLine:
    slot: Slot
    table: Table
    counterpart: Person
    status: str
    status_label: str = ""  # the status in words where worth printing; "" for a meeting simply scheduled


@dataclass(frozen=True)
class PersonalSchedule:
    person: Person
    lines: tuple[ScheduleLine, ...]
    # The table this participant hosts, if any: they stay there all day.
    own_table: Table | None = None


@dataclass(frozen=True)
class SchedulesReport:
    event: EventHeader
    schedules: tuple[PersonalSchedule, ...]


# ---- table cards and the master grid --------------------------------------------------------
@dataclass(frozen=True)
class CardLine:
    slot: Slot
    visitor: Person | None
    status: str = ""
    status_label: str = ""  # as ScheduleLine.status_label


@dataclass(frozen=True)
class TableCard:
    table: Table
    lines: tuple[CardLine, ...]


@dataclass(frozen=True)
class TableCardsReport:
    event: EventHeader
    cards: tuple[TableCard, ...]


@dataclass(frozen=True)
class GridCell:
    slot_id: int
    table_id: int
    visitor: Person
    status: str
    fill: str | None = None  # the cell's colour for its status (held, no-show); None: left white


@dataclass(frozen=True)
class GridReport:
    event: EventHeader
    slots: tuple[Slot, ...]
    tables: tuple[Table, ...]
    cells: tuple[GridCell, ...]


# ---- daftar hadir ---------------------------------------------------------------------------
@dataclass(frozen=True)
class AttendanceRow:
    person: Person
    checked_in_at: dt.datetime | None


@dataclass(frozen=True)
class AttendanceReport:
    event: EventHeader
    rows: tuple[AttendanceRow, ...]


# ---- order tally ---------------------------------------------------------------------------
@dataclass(frozen=True)
class TallyFigures:
    orders: int
    confirmed_orders: int
    transacting_ikm: int
    requested_pairs: int
    committed_pairs: int
    value_rupiah: int

    @property
    def unfulfilled_pairs(self) -> int:
        return max(self.requested_pairs - self.committed_pairs, 0)


@dataclass(frozen=True)
class TallyLine:
    name: str
    orders: int
    requested_pairs: int
    committed_pairs: int
    value_rupiah: int

    @property
    def unfulfilled_pairs(self) -> int:
        return max(self.requested_pairs - self.committed_pairs, 0)


@dataclass(frozen=True)
class ShortfallLine:
    """One demand the makers could not fill (40,000 asked, 20,000 possible)."""

    buyer: str
    seller: str  # the order's maker, then every co-fulfilling maker
    product: str
    requested_pairs: int  # in ``unit`` (pairs unless said otherwise)
    committed_pairs: int  # by the maker and every co-fulfilling maker together
    unit: str = "pasang"
    unit_label: str = ""  # the unit in words

    @property
    def unfulfilled_pairs(self) -> int:
        return max(self.requested_pairs - self.committed_pairs, 0)


@dataclass(frozen=True)
class UnitLine:
    unit: str  # Unit value
    requested: int
    committed: int
    requested_rupiah: int
    committed_rupiah: int
    unit_label: str = ""  # the unit in words

    @property
    def unfulfilled(self) -> int:
        return max(self.requested - self.committed, 0)


@dataclass(frozen=True)
class ChartColours:
    """Bar colours of the tally and event report, chosen with the participant palette of the screens."""

    committed: str = NEUTRAL_COLOUR  # pairs and value the makers agreed to (the makers' colour)
    present: str = NEUTRAL_COLOUR  # participants present
    problems: str = NEUTRAL_COLOUR  # IKM per problem, for the banks' follow-up (the banks' colour)


@dataclass(frozen=True)
class TallyReport:
    event: EventHeader
    figures: TallyFigures
    by_ikm: tuple[TallyLine, ...]
    by_buyer: tuple[TallyLine, ...]
    by_category: tuple[TallyLine, ...]
    shortfalls: tuple[ShortfallLine, ...] = ()
    units: tuple[UnitLine, ...] = ()  # per base unit; units are never added together
    colours: ChartColours = ChartColours()


# ---- event report --------------------------------------------------------------------------
@dataclass(frozen=True)
class KindAttendance:
    kind: str
    registered: int
    present: int
    label: str = ""  # the kind in words

    @property
    def rate(self) -> float:
        return self.present / self.registered if self.registered else 0.0


@dataclass(frozen=True)
class MeetingFigures:
    total: int  # every meeting that was not cancelled
    held: int
    no_show: int
    scheduled: int  # not yet marked
    cancelled: int
    held_label: str = ""  # the statuses in words
    no_show_label: str = ""
    cancelled_label: str = ""


@dataclass(frozen=True)
class ProblemEntry:
    """An IKM that reported problems, for the banks' KUR follow-up."""

    person: Person
    problems: tuple[str, ...]  # in words
    kur_interest: bool
    present: bool


@dataclass(frozen=True)
class EventReport:
    event: EventHeader
    attendance: tuple[KindAttendance, ...]
    meetings: MeetingFigures
    tally: TallyReport
    problem_counts: tuple[tuple[str, int], ...]  # (problem in words, IKM count)
    problems: tuple[ProblemEntry, ...] = field(default=())
    banks: tuple[Person, ...] = field(default=())  # the KUR banks, with phones, for the follow-up
