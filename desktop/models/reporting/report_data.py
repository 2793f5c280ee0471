"""Gathers the plain data of every printed report from the event file (no Qt).

The reports themselves (``desktop.reports``) never see the ORM: they get the frozen
dataclasses of ``desktop.reports.data`` built here. Order figures come from
:func:`desktop.models.reporting.tallies.order_tally` and presence from
:func:`desktop.models.checkin.presence.presence_map`, so paper and screen agree.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.event import event_setup
from desktop.models.people import participants
from desktop.models.checkin import presence
from desktop.models.reporting import tallies
from desktop.models.enums import KIND_COLOURS, MeetingStatus, ParticipantKind, Problem, Unit, kind_colour, label
from desktop.models.errors import DomainError, NotFoundError
from desktop.models.orm import Meeting, MeetingRequest, Participant
from desktop.models.people.phone import display_phone
from desktop.reports import ReportKind
from desktop.reports.data import (
    AttendanceReport,
    AttendanceRow,
    BadgesReport,
    CardLine,
    ChartColours,
    EventHeader,
    EventReport,
    GridCell,
    GridReport,
    KindAttendance,
    MeetingFigures,
    Person,
    PersonalSchedule,
    ProblemEntry,
    ScheduleLine,
    SchedulesReport,
    ShortfallLine,
    Slot,
    Table,
    TableCard,
    TableCardsReport,
    TallyFigures,
    TallyLine,
    TallyReport,
    UnitLine,
)

KIND_ORDER = {kind.value: index for index, kind in enumerate(ParticipantKind)}
# The master grid shows a meeting's outcome as the colour of its cell (the legend names them).
GRID_FILLS = {MeetingStatus.HELD.value: "#e3f3ea", MeetingStatus.NO_SHOW.value: "#fbe3e3"}
CHART_COLOURS = ChartColours(committed=KIND_COLOURS[ParticipantKind.IKM], present=KIND_COLOURS[ParticipantKind.IKM],
                             problems=KIND_COLOURS[ParticipantKind.BANK])


def event_header(session: Session, paper: str | None = None) -> EventHeader:
    event = event_setup.get_event(session)
    return EventHeader(
        name=event.name, venue=event.venue, city=event.city, event_date=event.event_date,
        organiser=event.organiser, official_name=event.official_name, official_title=event.official_title,
        paper_size=(paper or event.paper_size or "a4").lower(),
        generated_at=dt.datetime.now().replace(microsecond=0),
    )


def _person(row: participants.ParticipantRow) -> Person:
    return Person(row.id, row.code, row.kind, row.business_name, row.contact_person, row.category_names,
                  display_phone(row.phone or ""), label(row.kind, ParticipantKind), kind_colour(row.kind))


def _status_label(status: str) -> str:
    """A meeting's status in words where a paper prints it: not for one simply scheduled."""
    return "" if status in ("", MeetingStatus.SCHEDULED.value) else label(status, MeetingStatus)


def _people(session: Session) -> dict[int, Person]:
    return {row.id: _person(row) for row in participants.list_participants(session)}


def _sort_key(person: Person) -> tuple[int, str]:
    return KIND_ORDER.get(person.kind, 99), person.code


def _slots(session: Session) -> list[Slot]:
    return [Slot(s.id, s.ordinal, s.start, s.end, s.session) for s in event_setup.list_slots(session)]


def _tables(session: Session, people: dict[int, Person]) -> list[Table]:
    return [
        Table(t.id, t.number, t.label, people.get(t.host_participant_id) if t.host_participant_id else None)
        for t in event_setup.list_tables(session)
    ]


def _live_meetings(session: Session) -> list[tuple[int, int, str, int, int]]:
    """(slot id, table id, status, participant a, participant b) of every meeting not cancelled."""
    query = (
        select(Meeting.slot_id, Meeting.table_id, Meeting.status,
               MeetingRequest.participant_a_id, MeetingRequest.participant_b_id)
        .join(MeetingRequest, Meeting.request_id == MeetingRequest.id)
        .where(Meeting.status != MeetingStatus.CANCELLED.value)
    )
    return [tuple(row) for row in session.execute(query)]  # type: ignore[misc]


def _visitor(table: Table, a: Person, b: Person) -> Person:
    """Who comes to ``table``: the side that is not its host (both names when neither hosts it)."""
    if table.host is not None and table.host.id == a.id:
        return b
    if table.host is not None and table.host.id == b.id:
        return a
    return Person(b.id, f"{a.code}/{b.code}", b.kind, f"{a.business_name} × {b.business_name}",
                  b.contact_person, b.products, kind_label=b.kind_label, kind_colour=b.kind_colour)


def find_person(session: Session, code: str) -> Person:
    row = participants.find_by_code(session, code)
    if row is None:
        raise NotFoundError(_("Peserta dengan kode {code} tidak ditemukan.").format(code=code))
    return _person(row)


# ---- per report --------------------------------------------------------------------------
def badges_data(session: Session, code: str | None = None, paper: str | None = None) -> BadgesReport:
    header = event_header(session, paper)
    if code:
        return BadgesReport(header, (find_person(session, code),), single=True)
    people = sorted(_people(session).values(), key=_sort_key)
    return BadgesReport(header, tuple(people))


def schedules_data(session: Session, code: str | None = None, paper: str | None = None) -> SchedulesReport:
    """Everyone with a meeting (one page each), or just the participant with ``code``."""
    header = event_header(session, paper)
    people = _people(session)
    slots = {slot.id: slot for slot in _slots(session)}
    tables = {table.id: table for table in _tables(session, people)}
    hosted = {table.host.id: table for table in tables.values() if table.host is not None}
    lines: dict[int, list[ScheduleLine]] = defaultdict(list)
    for slot_id, table_id, status, a_id, b_id in _live_meetings(session):
        slot, table = slots[slot_id], tables[table_id]
        lines[a_id].append(ScheduleLine(slot, table, people[b_id], status, _status_label(status)))
        lines[b_id].append(ScheduleLine(slot, table, people[a_id], status, _status_label(status)))

    def schedule(person: Person) -> PersonalSchedule:
        ordered = sorted(lines.get(person.id, ()), key=lambda line: line.slot.ordinal)
        return PersonalSchedule(person, tuple(ordered), hosted.get(person.id))

    if code:
        return SchedulesReport(header, (schedule(find_person(session, code)),))
    chosen = sorted((people[pid] for pid in lines), key=_sort_key)
    if not chosen:
        raise DomainError(_("Belum ada pertemuan terjadwal. Jalankan penjadwalan dulu."))
    return SchedulesReport(header, tuple(schedule(person) for person in chosen))


def table_cards_data(session: Session, paper: str | None = None) -> TableCardsReport:
    header = event_header(session, paper)
    people = _people(session)
    slots = _slots(session)
    tables = _tables(session, people)
    by_table = {table.id: table for table in tables}
    visits: dict[tuple[int, int], tuple[Person, str]] = {}
    for slot_id, table_id, status, a_id, b_id in _live_meetings(session):
        visits[(table_id, slot_id)] = (_visitor(by_table[table_id], people[a_id], people[b_id]), status)
    cards = []
    for table in tables:
        card_lines = []
        for slot in slots:
            visitor, status = visits.get((table.id, slot.id), (None, ""))
            card_lines.append(CardLine(slot, visitor, status, _status_label(status)))
        cards.append(TableCard(table, tuple(card_lines)))
    return TableCardsReport(header, tuple(cards))


def grid_data(session: Session, paper: str | None = None) -> GridReport:
    header = event_header(session, paper)
    people = _people(session)
    tables = _tables(session, people)
    by_table = {table.id: table for table in tables}
    cells = tuple(
        GridCell(slot_id, table_id, _visitor(by_table[table_id], people[a_id], people[b_id]), status,
                 GRID_FILLS.get(status))
        for slot_id, table_id, status, a_id, b_id in _live_meetings(session)
    )
    return GridReport(header, tuple(_slots(session)), tuple(tables), cells)


def attendance_data(session: Session, paper: str | None = None) -> AttendanceReport:
    """Every participant (IKM first, then by name) with the time of the check-in that counts."""
    header = event_header(session, paper)
    states = presence.presence_map(session)
    people = sorted(_people(session).values(),
                    key=lambda p: (KIND_ORDER.get(p.kind, 99), p.business_name.casefold()))
    rows = []
    for person in people:
        state = states.get(person.id)
        checked_in = state.first_check_in_at if state is not None and state.present else None
        rows.append(AttendanceRow(person, checked_in))
    return AttendanceReport(header, tuple(rows))


def _line(row: tallies.TallyRow) -> TallyLine:
    return TallyLine(str(row.name), row.orders, row.requested_pairs, row.committed_pairs, row.value_rupiah)


def shortfalls(session: Session) -> list[ShortfallLine]:
    """Demands the makers together could not fill, as :func:`tallies.order_tally` counts them."""
    return [_shortfall(row) for row in tallies.order_tally(session).shortfalls]


def _shortfall(row: tallies.Shortfall) -> ShortfallLine:
    return ShortfallLine(row.buyer, row.makers, row.product, row.requested, row.committed, row.unit,
                         label(row.unit, Unit))


def tally_data(session: Session, paper: str | None = None) -> TallyReport:
    header = event_header(session, paper)
    tally = tallies.order_tally(session)
    figures = TallyFigures(tally.orders, tally.confirmed_orders, tally.transacting_ikm, tally.requested_pairs,
                           tally.committed_pairs, tally.value_rupiah)
    return TallyReport(
        header, figures,
        by_ikm=tuple(_line(row) for row in tally.by_ikm),
        by_buyer=tuple(_line(row) for row in tally.by_buyer),
        by_category=tuple(_line(row) for row in tally.by_category),
        shortfalls=tuple(_shortfall(row) for row in tally.shortfalls),
        units=tuple(UnitLine(u.unit, u.requested, u.committed, u.requested_rupiah, u.committed_rupiah,
                             label(u.unit, Unit)) for u in tally.units),
        colours=CHART_COLOURS,
    )


def event_report_data(session: Session, paper: str | None = None) -> EventReport:
    tally = tally_data(session, paper)
    present = presence.present_ids(session)
    registered: dict[str, int] = defaultdict(int)
    attended: dict[str, int] = defaultdict(int)
    for pid, kind in session.execute(select(Participant.id, Participant.kind)):
        registered[kind] += 1
        attended[kind] += pid in present
    attendance = tuple(KindAttendance(kind.value, registered[kind.value], attended[kind.value], label(kind))
                       for kind in ParticipantKind if registered[kind.value])
    by_status = dict(session.execute(select(Meeting.status, func.count()).group_by(Meeting.status)).all())
    held = by_status.get(MeetingStatus.HELD.value, 0)
    no_show = by_status.get(MeetingStatus.NO_SHOW.value, 0)
    scheduled = by_status.get(MeetingStatus.SCHEDULED.value, 0)
    meetings = MeetingFigures(held + no_show + scheduled, held, no_show, scheduled,
                              by_status.get(MeetingStatus.CANCELLED.value, 0), label(MeetingStatus.HELD),
                              label(MeetingStatus.NO_SHOW), label(MeetingStatus.CANCELLED))
    ikm = participants.list_participants(session, kind=ParticipantKind.IKM.value)
    counts = {problem.value: 0 for problem in Problem}
    entries = []
    for row in sorted(ikm, key=lambda r: r.business_name.casefold()):
        for problem in row.problems:
            counts[problem] = counts.get(problem, 0) + 1
        if row.problems or row.kur_interest:
            entries.append(ProblemEntry(_person(row), tuple(label(p, Problem) for p in row.problems), row.kur_interest,
                                        row.id in present))
    return EventReport(
        tally.event, attendance, meetings, tally,
        problem_counts=tuple((label(problem, Problem), count) for problem, count in counts.items() if count),
        problems=tuple(entries),
        banks=tuple(_person(row) for row in sorted(
            participants.list_participants(session, kind=ParticipantKind.BANK.value),
            key=lambda r: r.business_name.casefold())),
    )


def gather(session: Session, kind: str, *, code: str | None = None, paper: str | None = None) -> Any:
    """The data of report ``kind`` (``code``: one participant, for badges and schedules)."""
    kind = ReportKind(kind)
    if kind is ReportKind.BADGES:
        return badges_data(session, code, paper)
    if kind is ReportKind.SCHEDULES:
        return schedules_data(session, code, paper)
    if kind is ReportKind.TABLE_CARDS:
        return table_cards_data(session, paper)
    if kind is ReportKind.GRID:
        return grid_data(session, paper)
    if kind is ReportKind.ATTENDANCE:
        return attendance_data(session, paper)
    if kind is ReportKind.TALLY:
        return tally_data(session, paper)
    return event_report_data(session, paper)

