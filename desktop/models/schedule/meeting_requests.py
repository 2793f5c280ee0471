"""Meeting requests: who wants to meet whom, with what priority and session wish."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.access.actor import Actor
from desktop.models.enums import MeetingStatus, RequestSource, SessionWish
from desktop.models.errors import DomainError, NotFoundError, ValidationError
from desktop.models.orm import Meeting, MeetingRequest, Participant
from desktop.models.access.permissions import require_admin


@dataclass(frozen=True)
class RequestRow:
    id: int
    participant_a_id: int
    participant_b_id: int
    a_code: str
    a_name: str
    a_kind: str
    b_code: str
    b_name: str
    b_kind: str
    priority: int
    session_wish: str
    source: str
    note: str
    meetings: int = 1  # meetings the pair asks for, each in its own slot


def create_request(
    session: Session,
    participant_a_id: int,
    participant_b_id: int,
    actor: Actor,
    *,
    priority: int = 1,
    session_wish: str = SessionWish.ANY.value,
    source: str = RequestSource.MANUAL.value,
    note: str = "",
    meetings: int = 1,
) -> int:
    if participant_a_id == participant_b_id:
        raise ValidationError(_("Peserta tidak dapat dijadwalkan bertemu dengan dirinya sendiri."))
    if priority not in (1, 2, 3):
        raise ValidationError(_("Prioritas harus 1 (biasa), 2 (tinggi) atau 3 (wajib)."), field="priority")
    if session_wish not in {wish.value for wish in SessionWish}:
        raise ValidationError(_("Pilihan sesi tidak dikenal: {wish}").format(wish=session_wish), field="session_wish")
    check_meetings(meetings)
    if source not in {item.value for item in RequestSource}:
        raise ValidationError(_("Asal permintaan tidak dikenal: {source}").format(source=source))
    for participant_id in (participant_a_id, participant_b_id):
        if session.get(Participant, participant_id) is None:
            raise NotFoundError(_("Peserta tidak ditemukan (mungkin sudah dihapus)."))
    low, high = sorted((participant_a_id, participant_b_id))
    duplicate = session.scalar(
        select(MeetingRequest.id).where(MeetingRequest.low_id == low, MeetingRequest.high_id == high)
    )
    if duplicate is not None:
        raise ValidationError(_("Permintaan pertemuan untuk pasangan ini sudah ada."))
    request = MeetingRequest(
        participant_a_id=participant_a_id,
        participant_b_id=participant_b_id,
        low_id=low,
        high_id=high,
        priority=priority,
        session_wish=session_wish,
        source=source,
        note=note.strip(),
        meetings=meetings,
    )
    session.add(request)
    session.flush()
    audit.record(
        session, actor, "request.create", "meeting_request", request.id,
        after={"a": participant_a_id, "b": participant_b_id, "priority": priority, "session": session_wish,
               "meetings": meetings},
    )
    return request.id


MAX_MEETINGS_PER_REQUEST = 50  # as the database's check constraint (and the scheduler) allow


def check_meetings(meetings: object) -> None:
    """A pair asks for 1 to MAX_MEETINGS_PER_REQUEST meetings."""
    if not isinstance(meetings, int) or isinstance(meetings, bool) or not 1 <= meetings <= MAX_MEETINGS_PER_REQUEST:
        raise ValidationError(
            _("Jumlah pertemuan harus 1 sampai {most}.").format(most=MAX_MEETINGS_PER_REQUEST), field="meetings"
        )


def list_requests(session: Session) -> list[RequestRow]:
    a, b = aliased(Participant), aliased(Participant)
    query = (
        select(MeetingRequest, a, b)
        .join(a, MeetingRequest.participant_a_id == a.id)
        .join(b, MeetingRequest.participant_b_id == b.id)
        .order_by(MeetingRequest.id)
    )
    return [
        RequestRow(
            id=r.id,
            participant_a_id=r.participant_a_id,
            participant_b_id=r.participant_b_id,
            a_code=pa.code,
            a_name=pa.business_name,
            a_kind=pa.kind,
            b_code=pb.code,
            b_name=pb.business_name,
            b_kind=pb.kind,
            priority=r.priority,
            session_wish=r.session_wish,
            source=r.source,
            note=r.note,
            meetings=r.meetings,
        )
        for r, pa, pb in session.execute(query)
    ]


def update_request(
    session: Session, request_id: int, actor: Actor, *, priority: int, session_wish: str, note: str = "",
    meetings: int | None = None,
) -> RequestRow:
    require_admin(actor, _("mengubah permintaan pertemuan"))
    request = session.get(MeetingRequest, request_id)
    if request is None:
        raise NotFoundError(_("Permintaan pertemuan tidak ditemukan."))
    if priority not in (1, 2, 3):
        raise ValidationError(_("Prioritas harus 1 (biasa), 2 (tinggi) atau 3 (wajib)."), field="priority")
    if session_wish not in {wish.value for wish in SessionWish}:
        raise ValidationError(_("Pilihan sesi tidak dikenal: {wish}").format(wish=session_wish), field="session_wish")
    meetings = request.meetings if meetings is None else meetings
    check_meetings(meetings)
    before = {"priority": request.priority, "session": request.session_wish, "note": request.note,
              "meetings": request.meetings}
    request.priority, request.session_wish, request.note = priority, session_wish, note.strip()
    request.meetings = meetings
    session.flush()
    audit.record(session, actor, "request.update", "meeting_request", request_id, before=before,
                 after={"priority": priority, "session": session_wish, "note": request.note, "meetings": meetings})
    return next(row for row in list_requests(session) if row.id == request_id)


def delete_request(session: Session, request_id: int, actor: Actor) -> None:
    """Delete a request; refused once its meeting has been held (the outcome must stay)."""
    require_admin(actor, _("menghapus permintaan pertemuan"))
    request = session.get(MeetingRequest, request_id)
    if request is None:
        raise NotFoundError(_("Permintaan pertemuan tidak ditemukan."))
    held = session.scalar(
        select(Meeting.id).where(Meeting.request_id == request_id, Meeting.status == MeetingStatus.HELD.value)
    )
    if held is not None:
        raise DomainError(_("Pertemuan ini sudah terlaksana; permintaannya tidak dapat dihapus."))
    before = {"a": request.participant_a_id, "b": request.participant_b_id, "priority": request.priority}
    session.delete(request)
    session.flush()
    audit.record(session, actor, "request.delete", "meeting_request", request_id, before=before)
