"""The event's own data, its time slots and its tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.access.actor import Actor
from desktop.models.enums import PaperSize, Session as DaySession
from desktop.models.errors import DomainError, NotFoundError, ValidationError
from desktop.models.access.permissions import require_admin
from desktop.models.orm import Event, Meeting, MeetingTable, Participant, TimeSlot

MAX_TABLES = 200
MAX_SLOTS = 96


@dataclass(frozen=True)
class EventInfo:
    id: int
    name: str
    venue: str
    city: str
    event_date: dt.date
    organiser: str
    official_name: str
    official_title: str
    slot_minutes: int
    paper_size: str


@dataclass
class EventSettings:
    name: str
    venue: str
    event_date: dt.date
    city: str = ""
    organiser: str = ""
    official_name: str = ""
    official_title: str = ""
    slot_minutes: int = 20
    paper_size: str = PaperSize.A4.value


@dataclass(frozen=True)
class SlotRow:
    id: int
    ordinal: int
    start: dt.time
    end: dt.time
    session: str


@dataclass(frozen=True)
class TableRow:
    id: int
    number: int
    label: str
    host_participant_id: int | None
    host_name: str


@dataclass(frozen=True)
class Break:
    """A pause in the day, e.g. lunch 12:00–13:00; slots after it are the afternoon session."""

    start: dt.time
    end: dt.time


@dataclass
class SlotPlan:
    start: dt.time
    end: dt.time
    minutes: int
    breaks: list[Break] = field(default_factory=list)


def _minutes(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def _time(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


def generate_slots(plan: SlotPlan) -> list[tuple[dt.time, dt.time, str]]:
    """Cut the day into slots of ``plan.minutes``, skipping breaks.

    Slots that start at or after the first break belong to the afternoon session.
    """
    if plan.minutes < 5 or plan.minutes > 240:
        raise ValidationError(_("Lama satu sesi pertemuan harus 5 sampai 240 menit."), field="minutes")
    start, end = _minutes(plan.start), _minutes(plan.end)
    if end <= start:
        raise ValidationError(_("Jam selesai harus setelah jam mulai."), field="end")
    breaks = sorted((_minutes(b.start), _minutes(b.end)) for b in plan.breaks)
    for break_start, break_end in breaks:
        if break_end <= break_start:
            raise ValidationError(_("Jam istirahat tidak masuk akal (selesai sebelum mulai)."), field="breaks")
    afternoon_from = breaks[0][0] if breaks else 24 * 60
    slots: list[tuple[dt.time, dt.time, str]] = []
    cursor = start
    while cursor + plan.minutes <= end:
        overlapping = [b for b in breaks if cursor < b[1] and cursor + plan.minutes > b[0]]
        if overlapping:
            cursor = max(b[1] for b in overlapping)
            continue
        session = DaySession.AFTERNOON.value if cursor >= afternoon_from else DaySession.MORNING.value
        slots.append((_time(cursor), _time(cursor + plan.minutes), session))
        cursor += plan.minutes
    if not slots:
        raise ValidationError(_("Tidak ada sesi pertemuan yang muat di antara jam mulai dan selesai."))
    if len(slots) > MAX_SLOTS:
        raise ValidationError(_("Terlalu banyak sesi ({count}); paling banyak {max}.").format(count=len(slots), max=MAX_SLOTS))
    return slots


def plan_from_slots(slots: list[SlotRow]) -> SlotPlan:
    """The plan that generates ``slots`` again: first start, last end, the longest gap as break."""
    ordered = sorted(slots, key=lambda slot: slot.ordinal)
    minutes = _minutes(ordered[0].end) - _minutes(ordered[0].start)
    gaps = [
        (_minutes(after.start) - _minutes(before.end), before.end, after.start)
        for before, after in zip(ordered, ordered[1:], strict=False)
        if _minutes(after.start) > _minutes(before.end)
    ]
    breaks = [Break(start, end) for _length, start, end in sorted(gaps, reverse=True)[:1]]
    return SlotPlan(ordered[0].start, ordered[-1].end, minutes, breaks)


def get_event(session: Session) -> EventInfo:
    event = session.scalar(select(Event).order_by(Event.id).limit(1))
    if event is None:
        raise NotFoundError(_("Berkas ini belum berisi data event."))
    return EventInfo(
        id=event.id,
        name=event.name,
        venue=event.venue,
        city=event.city,
        event_date=event.event_date,
        organiser=event.organiser,
        official_name=event.official_name,
        official_title=event.official_title,
        slot_minutes=event.slot_minutes,
        paper_size=event.paper_size,
    )


def has_event(session: Session) -> bool:
    return session.scalar(select(func.count(Event.id))) > 0


def save_event(session: Session, settings: EventSettings, actor: Actor) -> EventInfo:
    require_admin(actor, _("mengubah pengaturan event"))
    name = settings.name.strip()
    if not name:
        raise ValidationError(_("Nama event wajib diisi."), field="name")
    if settings.paper_size not in {size.value for size in PaperSize}:
        raise ValidationError(_("Ukuran kertas harus A4 atau F4."), field="paper_size")
    event = session.scalar(select(Event).order_by(Event.id).limit(1))
    before = None
    if event is None:
        event = Event(name=name, event_date=settings.event_date)
        session.add(event)
    else:
        before = get_event(session).__dict__.copy()
    event.name = name
    event.venue = settings.venue.strip()
    event.city = settings.city.strip()
    event.event_date = settings.event_date
    event.organiser = settings.organiser.strip()
    event.official_name = settings.official_name.strip()
    event.official_title = settings.official_title.strip()
    event.slot_minutes = settings.slot_minutes
    event.paper_size = settings.paper_size
    session.flush()
    info = get_event(session)
    audit.record(session, actor, "event.save", "event", info.id, before=before, after=info.__dict__.copy())
    return info


def list_slots(session: Session) -> list[SlotRow]:
    return [
        SlotRow(s.id, s.ordinal, s.start, s.end, s.session)
        for s in session.scalars(select(TimeSlot).order_by(TimeSlot.ordinal))
    ]


def replace_slots(session: Session, slots: list[tuple[dt.time, dt.time, str]], actor: Actor) -> list[SlotRow]:
    """Set the day's slots; refused once meetings are placed in them."""
    require_admin(actor, _("mengubah sesi pertemuan"))
    if session.scalar(select(func.count(Meeting.id))):
        raise DomainError(
            _("Sesi tidak dapat diganti karena sudah ada pertemuan terjadwal. Hapus jadwalnya dulu.")
        )
    before = [f"{s.start}-{s.end}" for s in list_slots(session)]
    for slot in session.scalars(select(TimeSlot)):
        session.delete(slot)
    session.flush()
    for ordinal, (start, end, day_session) in enumerate(slots, start=1):
        session.add(TimeSlot(ordinal=ordinal, start=start, end=end, session=day_session))
    session.flush()
    rows = list_slots(session)
    audit.record(
        session, actor, "slots.replace", "time_slot", None,
        before={"slots": before}, after={"slots": [f"{s.start}-{s.end}" for s in rows]},
    )
    return rows


def list_tables(session: Session) -> list[TableRow]:
    query = select(MeetingTable, Participant.business_name).outerjoin(
        Participant, MeetingTable.host_participant_id == Participant.id
    ).order_by(MeetingTable.number)
    return [
        TableRow(table.id, table.number, table.label, table.host_participant_id, host or "")
        for table, host in session.execute(query)
    ]


def set_table_count(session: Session, count: int, actor: Actor) -> list[TableRow]:
    """Grow or shrink the tables to ``count`` (``Meja 1`` … ``Meja N``)."""
    require_admin(actor, _("mengubah jumlah meja"))
    if not 1 <= count <= MAX_TABLES:
        raise ValidationError(_("Jumlah meja harus antara 1 dan {max}.").format(max=MAX_TABLES), field="tables")
    tables = list(session.scalars(select(MeetingTable).order_by(MeetingTable.number)))
    before = len(tables)
    for table in tables[count:]:
        if session.scalar(select(func.count(Meeting.id)).where(Meeting.table_id == table.id)):
            raise DomainError(
                _("{label} tidak dapat dihapus karena sudah dipakai di jadwal.").format(label=table.label)
            )
        session.delete(table)
    for number in range(len(tables) + 1, count + 1):
        session.add(MeetingTable(number=number, label=_("Meja {number}").format(number=number)))
    session.flush()
    audit.record(session, actor, "tables.resize", "meeting_table", None, before={"count": before}, after={"count": count})
    return list_tables(session)


def assign_host(session: Session, table_id: int, participant_id: int | None, actor: Actor) -> TableRow:
    require_admin(actor, _("mengubah tuan rumah meja"))
    table = session.get(MeetingTable, table_id)
    if table is None:
        raise NotFoundError(_("Meja tidak ditemukan."))
    if participant_id is not None:
        taken = session.scalar(
            select(MeetingTable).where(
                MeetingTable.host_participant_id == participant_id, MeetingTable.id != table_id
            )
        )
        if taken is not None:
            raise DomainError(_("Peserta ini sudah menjadi tuan rumah di {label}.").format(label=taken.label))
    before = {"host_participant_id": table.host_participant_id}
    table.host_participant_id = participant_id
    session.flush()
    audit.record(session, actor, "table.host", "meeting_table", table_id, before=before, after={"host_participant_id": participant_id})
    return next(row for row in list_tables(session) if row.id == table_id)


def apply_setup(
    session: Session, settings: EventSettings, plan: SlotPlan, table_count: int, actor: Actor
) -> EventInfo:
    """Save the event, its slots (when they changed and no meeting uses them) and its tables."""
    from desktop.models.people.categories import seed_categories

    seed_categories(session)
    info = save_event(session, settings, actor)
    wanted = generate_slots(plan)
    current = [(s.start, s.end, s.session) for s in list_slots(session)]
    if wanted != current:
        replace_slots(session, wanted, actor)
    if len(list_tables(session)) != table_count:
        set_table_count(session, table_count, actor)
    return info
