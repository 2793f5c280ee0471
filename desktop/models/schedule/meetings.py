"""Editing the schedule by hand: move, lock, add a meeting, mark its outcome (no Qt).

Moves and additions keep the scheduler's hard rules. The common cases are checked here
with messages a desk person understands (which cell, whose meeting, which rule); the
independent checker (:func:`desktop.scheduling.check_schedule`) then runs on the whole
schedule as a safety net, so a rule this module forgot still cannot slip through.

Schedule edits are for admins; the outcome of a meeting (held / no-show) may be marked
by desk staff. Every write is audited and uses the meeting's version (optimistic locking).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop import formatting
from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.event import event_setup
from desktop.models.access.actor import Actor
from desktop.models.schedule.board import BoardSlot, has_started, load_slots
from desktop.models.enums import MeetingStatus, OrderStatus, SessionWish, label
from desktop.models.errors import ConflictError, DomainError, NotFoundError, ValidationError
from desktop.models.orm import (
    Meeting,
    MeetingRequest,
    MeetingTable,
    Order,
    Participant,
    participant_unavailable_slot,
)
from desktop.models.access.permissions import require_admin
from desktop.models.schedule.schedule_store import export_problem, request_key, slot_key, table_key
from desktop.scheduling import check_schedule
from desktop.scheduling.model import Meeting as PlannedMeeting

CANCELLED = MeetingStatus.CANCELLED.value  # every other status holds its cell
SESSION_OF_WISH = {SessionWish.MORNING.value: "pagi", SessionWish.AFTERNOON.value: "siang"}


class RuleError(DomainError):
    """A move or addition that breaks a hard rule of the schedule; the message says which."""


@dataclass(frozen=True)
class OrderLink:
    id: int
    number: str
    buyer: str
    seller: str
    status: str


# ---- loading --------------------------------------------------------------------------------
def _meeting(session: Session, meeting_id: int, expected_version: int | None) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(_("Pertemuan tidak ditemukan (mungkin sudah dihapus)."))
    if expected_version is not None and meeting.version != expected_version:
        raise ConflictError(_("Pertemuan ini baru saja diubah di tempat lain. Papan jadwal dimuat ulang; coba lagi."))
    return meeting


def _slot(session: Session, slot_id: int) -> BoardSlot:
    slot = next((s for s in load_slots(session) if s.id == slot_id), None)
    if slot is None:
        raise NotFoundError(_("Sesi tidak ditemukan."))
    return slot


def _table(session: Session, table_id: int) -> MeetingTable:
    table = session.get(MeetingTable, table_id)
    if table is None:
        raise NotFoundError(_("Meja tidak ditemukan."))
    return table


def _name(session: Session, participant_id: int) -> str:
    return session.get(Participant, participant_id).business_name  # type: ignore[union-attr]


def _event_date(session: Session) -> dt.date:
    return event_setup.get_event(session).event_date


# ---- the rules ------------------------------------------------------------------------------
def rule_problems(
    session: Session, request: MeetingRequest, slot: BoardSlot, table: MeetingTable, *, ignore_meeting_id: int | None,
    moment: dt.datetime,
) -> list[str]:
    """Every hard rule a meeting of ``request`` at ``slot`` / ``table`` would break, in words."""
    problems: list[str] = []
    where = _("{table}, sesi {number} ({time})").format(
        table=table.label, number=slot.ordinal, time=formatting.time_range(slot.start, slot.end)
    )
    if has_started(slot, _event_date(session), moment):  # past and running slots never change
        problems.append(_("Sesi {number} ({time}) sudah dimulai atau sudah lewat; jadwal yang lalu tidak diubah.").format(
            number=slot.ordinal, time=formatting.time_range(slot.start, slot.end)))
    others = select(Meeting).where(Meeting.slot_id == slot.id, Meeting.status != CANCELLED)
    if ignore_meeting_id is not None:
        others = others.where(Meeting.id != ignore_meeting_id)
    taken = session.scalars(others.where(Meeting.table_id == table.id)).first()
    if taken is not None:
        problems.append(_("{where} sudah terisi: {a} × {b}.").format(
            where=where, a=_name(session, taken.request.participant_a_id), b=_name(session, taken.request.participant_b_id)))
    sides = (request.participant_a_id, request.participant_b_id)
    for busy in session.scalars(others.join(MeetingRequest, Meeting.request_id == MeetingRequest.id).where(
        or_(MeetingRequest.participant_a_id.in_(sides), MeetingRequest.participant_b_id.in_(sides))
    )):
        person = next(p for p in sides if p in (busy.request.participant_a_id, busy.request.participant_b_id))
        problems.append(_("{name} sudah punya pertemuan lain pada sesi {number} ({table}); tidak bisa di dua tempat sekaligus.").format(
            name=_name(session, person), number=slot.ordinal, table=busy.table.label))
    unavailable = set(session.scalars(
        select(participant_unavailable_slot.c.participant_id).where(
            participant_unavailable_slot.c.slot_id == slot.id, participant_unavailable_slot.c.participant_id.in_(sides))
    ))
    for person in sides:
        if person in unavailable:
            problems.append(_("{name} tidak bisa hadir pada sesi {number}.").format(name=_name(session, person), number=slot.ordinal))
    wish = SESSION_OF_WISH.get(request.session_wish)
    if wish is not None and slot.session != wish:
        problems.append(_("Permintaan ini hanya untuk {session}.").format(session=_session_words(request.session_wish)))
    if table.host_participant_id is not None and table.host_participant_id not in sides:
        problems.append(_("{table} adalah meja milik {host}; hanya untuk pertemuan {host}.").format(
            table=table.label, host=_name(session, table.host_participant_id)))
    for person in sides:
        own = session.scalars(
            select(MeetingTable).where(MeetingTable.host_participant_id == person).order_by(MeetingTable.number)
        ).first()
        if own is not None and own.id != table.id and table.host_participant_id not in sides:
            problems.append(_("{name} selalu bertemu di mejanya sendiri ({table}).").format(name=_name(session, person), table=own.label))
    return problems


def _session_words(wish: str) -> str:
    return _("sesi pagi") if wish == SessionWish.MORNING.value else _("sesi siang")


def _safety_net(session: Session, before: tuple[str, ...]) -> None:
    """The independent checker on the whole schedule: refuse anything newly broken."""
    after = _violations(session)
    new = [violation for violation in after if violation not in before]
    if new:
        raise RuleError(_("Perubahan ini melanggar aturan jadwal: {detail}").format(detail=new[0]))


def _violations(session: Session) -> tuple[str, ...]:
    session.flush()
    problem = export_problem(session)
    slots = {slot.id: slot_key(slot.ordinal) for slot in load_slots(session)}
    tables = {table.id: table_key(table.number) for table in session.scalars(select(MeetingTable))}
    codes = dict(session.execute(select(Participant.id, Participant.code)).all())
    planned = [
        PlannedMeeting(request_key(request_id), codes[a], codes[b], slots[slot_id], tables[table_id])
        for request_id, a, b, slot_id, table_id in session.execute(
            select(Meeting.request_id, MeetingRequest.participant_a_id, MeetingRequest.participant_b_id,
                   Meeting.slot_id, Meeting.table_id)
            .join(MeetingRequest, Meeting.request_id == MeetingRequest.id)
            .where(Meeting.status != CANCELLED)
        )
    ]
    return check_schedule(problem, planned).violations


# ---- edits ----------------------------------------------------------------------------------
def check_move(session: Session, meeting_id: int, slot_id: int, table_id: int, *, moment: dt.datetime) -> list[str]:
    """Why ``meeting_id`` cannot go to that cell (empty when it can)."""
    meeting = _meeting(session, meeting_id, None)
    problems: list[str] = []
    if meeting.locked:
        problems.append(_("Pertemuan ini dikunci; buka kuncinya dulu untuk memindahkannya."))
    if meeting.status != MeetingStatus.SCHEDULED.value:
        problems.append(_("Pertemuan yang sudah {status} tidak dipindah.").format(
            status=label(meeting.status, MeetingStatus).lower()))
    current = _slot(session, meeting.slot_id)
    if has_started(current, _event_date(session), moment):
        problems.append(_("Pertemuan ini sudah dimulai atau sudah lewat (sesi {number}); jadwal yang lalu tidak diubah.").format(
            number=current.ordinal))
    problems += rule_problems(session, meeting.request, _slot(session, slot_id), _table(session, table_id),
                              ignore_meeting_id=meeting.id, moment=moment)
    return problems


def move_meeting(
    session: Session, meeting_id: int, slot_id: int, table_id: int, actor: Actor, *, now: dt.datetime,
    expected_version: int | None = None,
) -> int:
    """Move a meeting to another cell; returns its new version. ``now`` is the event moment."""
    require_admin(actor, _("mengubah jadwal"))
    meeting = _meeting(session, meeting_id, expected_version)
    if (meeting.slot_id, meeting.table_id) == (slot_id, table_id):
        return meeting.version
    problems = check_move(session, meeting_id, slot_id, table_id, moment=now)
    if problems:
        raise RuleError(problems[0])
    before_rules = _violations(session)
    before = {"slot_id": meeting.slot_id, "table_id": meeting.table_id}
    meeting.slot_id, meeting.table_id = slot_id, table_id
    _safety_net(session, before_rules)
    audit.record(session, actor, "meeting.move", "meeting", meeting.id, before=before,
                 after={"slot_id": slot_id, "table_id": table_id})
    session.flush()
    return meeting.version


def add_meeting(session: Session, request_id: int, slot_id: int, table_id: int, actor: Actor, *, now: dt.datetime) -> int:
    """Place a request by hand in a free cell; returns the new meeting's id."""
    require_admin(actor, _("mengubah jadwal"))
    request = session.get(MeetingRequest, request_id)
    if request is None:
        raise NotFoundError(_("Permintaan pertemuan tidak ditemukan."))
    live = list(session.scalars(select(Meeting).where(Meeting.request_id == request_id, Meeting.status != CANCELLED)))
    if len(live) >= request.meetings:
        already = live[0]
        raise RuleError(_("Permintaan ini sudah dijadwalkan ({table}, sesi {number}).").format(
            table=already.table.label, number=_slot(session, already.slot_id).ordinal))
    problems = rule_problems(session, request, _slot(session, slot_id), _table(session, table_id),
                             ignore_meeting_id=None, moment=now)
    for person in (request.participant_a_id, request.participant_b_id):
        cap = session.get(Participant, person).max_meetings  # type: ignore[union-attr]
        if cap is not None and _load(session, person) >= cap:
            problems.append(_("{name} dibatasi {limit} pertemuan dan sudah penuh.").format(name=_name(session, person), limit=cap))
    if problems:
        raise RuleError(problems[0])
    before_rules = _violations(session)
    meeting = Meeting(request_id=request_id, slot_id=slot_id, table_id=table_id, status=MeetingStatus.SCHEDULED.value)
    session.add(meeting)
    _safety_net(session, before_rules)
    audit.record(session, actor, "meeting.add", "meeting", meeting.id,
                 after={"request_id": request_id, "slot_id": slot_id, "table_id": table_id})
    return meeting.id


def _load(session: Session, participant_id: int) -> int:
    return session.scalar(
        select(func.count(Meeting.id)).join(MeetingRequest, Meeting.request_id == MeetingRequest.id).where(
            Meeting.status != CANCELLED,
            or_(MeetingRequest.participant_a_id == participant_id, MeetingRequest.participant_b_id == participant_id),
        )
    ) or 0


def remove_meeting(session: Session, meeting_id: int, actor: Actor, *, expected_version: int | None = None,
                   now: dt.datetime | None = None) -> None:
    """Take a scheduled meeting off the board (its request goes back to the waiting list).

    ``now`` is the event moment: a meeting of a slot that has started stays (None: no clock check).
    """
    require_admin(actor, _("mengubah jadwal"))
    meeting = _meeting(session, meeting_id, expected_version)
    if now is not None and has_started(_slot(session, meeting.slot_id), _event_date(session), now):
        raise RuleError(_("Sesi ini sudah dimulai; pertemuannya tidak diubah lagi."))
    if meeting.status != MeetingStatus.SCHEDULED.value or meeting.locked:
        raise RuleError(_("Hanya pertemuan terjadwal yang tidak dikunci dapat dihapus dari papan."))
    if session.scalar(select(func.count(Order.id)).where(Order.meeting_id == meeting_id)):
        raise RuleError(_("Pertemuan ini sudah punya pesanan; tandai hasilnya saja."))
    before = {"request_id": meeting.request_id, "slot_id": meeting.slot_id, "table_id": meeting.table_id}
    session.delete(meeting)
    session.flush()
    audit.record(session, actor, "meeting.remove", "meeting", meeting_id, before=before)


def set_locked(session: Session, meeting_id: int, locked: bool, actor: Actor, *, expected_version: int | None = None) -> int:
    """Lock (the scheduler never moves it) or unlock a meeting; returns its new version."""
    require_admin(actor, _("mengunci jadwal"))
    meeting = _meeting(session, meeting_id, expected_version)
    if meeting.status == MeetingStatus.CANCELLED.value:
        raise RuleError(_("Pertemuan yang dibatalkan tidak dapat dikunci."))
    if meeting.locked == locked:
        return meeting.version
    meeting.locked = locked
    session.flush()
    audit.record(session, actor, "meeting.lock" if locked else "meeting.unlock", "meeting", meeting_id,
                 before={"locked": not locked}, after={"locked": locked})
    return meeting.version


def set_outcome(
    session: Session, meeting_id: int, status: str, note: str, actor: Actor, *, expected_version: int | None = None,
) -> int:
    """Mark a meeting held / no-show / cancelled (or back to scheduled), with a note.

    Desk staff may do this. Going back to *scheduled* from *cancelled* needs the cell
    still free (someone may have been seated there meanwhile).
    """
    if status not in {item.value for item in MeetingStatus}:
        raise ValidationError(_("Status pertemuan tidak dikenal: {status}").format(status=status), field="status")
    meeting = _meeting(session, meeting_id, expected_version)
    note = note.strip()
    if len(note) > 500:
        raise ValidationError(_("Catatan terlalu panjang (paling banyak 500 huruf)."), field="note")
    if meeting.status == MeetingStatus.CANCELLED.value and status != MeetingStatus.CANCELLED.value:
        taken = session.scalars(select(Meeting).where(
            Meeting.slot_id == meeting.slot_id, Meeting.table_id == meeting.table_id,
            Meeting.status != CANCELLED, Meeting.id != meeting.id)).first()
        other_live = session.scalars(select(Meeting).where(
            Meeting.request_id == meeting.request_id, Meeting.status != CANCELLED, Meeting.id != meeting.id)).first()
        if taken is not None or other_live is not None:
            raise RuleError(_("Tempat pertemuan ini sudah dipakai lagi; pertemuan tidak dapat dihidupkan kembali."))
        before_rules = _violations(session)
        meeting.status = status
        _safety_net(session, before_rules)
    before = {"status": meeting.status, "note": meeting.note}
    meeting.status, meeting.note = status, note
    session.flush()
    audit.record(session, actor, "meeting.outcome", "meeting", meeting_id, before=before, after={"status": status, "note": note})
    return meeting.version


def orders_of_meeting(session: Session, meeting_id: int) -> list[OrderLink]:
    """Orders captured in a meeting (cancelled ones too, marked so)."""
    from desktop.models.orders import order_number

    rows = session.execute(
        select(Order.id, Order.buyer_id, Order.seller_id, Order.status).where(Order.meeting_id == meeting_id).order_by(Order.id)
    ).all()
    names = dict(session.execute(select(Participant.id, Participant.business_name)).all()) if rows else {}
    return [
        OrderLink(order_id, order_number(order_id), names.get(buyer, ""), names.get(seller, ""),
                  label(status, OrderStatus))
        for order_id, buyer, seller, status in rows
    ]
