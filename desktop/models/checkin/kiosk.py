"""Self check-in kiosk rules: who may close it, and what a visitor is told.

The kiosk runs unattended, so leaving it needs the PIN of an active admin. An event whose
admins have no PIN cannot be put in kiosk mode at all: anyone could walk out of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import formatting
from desktop.i18n import N_, _
from desktop.models.access import audit
from desktop.models.access.actor import Actor
from desktop.models.checkin.checkin import CheckInResult, NextMeeting, Outcome
from desktop.models.enums import OperatorRole
from desktop.models.errors import DomainError
from desktop.models.access.operators import pin_matches
from desktop.models.orm import Operator

KIOSK_DESK = "Kiosk"


def _admins_with_pin(session: Session) -> list[Operator]:
    return list(session.scalars(
        select(Operator).where(Operator.active.is_(True), Operator.role == OperatorRole.ADMIN.value,
                               Operator.pin_hash != "").order_by(Operator.id)))


def can_lock(session: Session) -> bool:
    """True when some active admin has a PIN (otherwise the kiosk could not be locked)."""
    return bool(_admins_with_pin(session))


def kiosk_actor(actor: Actor) -> Actor:
    """Who the kiosk's check-ins are recorded for: the operator who opened it, at the kiosk desk."""
    desk = f"{KIOSK_DESK} · {actor.desk}" if actor.desk and actor.desk != KIOSK_DESK else KIOSK_DESK
    return Actor(name=actor.name, role=OperatorRole.DESK.value, desk=desk[:60])


def start(session: Session, actor: Actor) -> None:
    if not can_lock(session):
        raise DomainError(_("Mode kiosk perlu PIN admin untuk keluar. Buat dulu PIN untuk seorang admin."))
    audit.record(session, actor, "kiosk.start", "kiosk", None, after={"desk": actor.desk})


def unlock(session: Session, pin: str, actor: Actor) -> Actor:
    """The admin whose PIN this is (audited as leaving the kiosk); a wrong PIN is refused."""
    pin = (pin or "").strip()
    if pin:
        for operator in _admins_with_pin(session):
            if pin_matches(pin, operator.pin_hash):
                admin = Actor(name=operator.name, role=operator.role, desk=actor.desk)
                audit.record(session, admin, "kiosk.exit", "kiosk", None, after={"desk": actor.desk})
                return admin
    raise DomainError(_("PIN admin salah. Kiosk tetap terkunci."))


# ---- what the visitor reads ------------------------------------------------------------------
@dataclass(frozen=True)
class VisitorAnswer:
    """The kiosk's answer in a visitor's words. Only the person's own name and first meeting:
    an unknown or already-used code shows nothing about anybody."""

    ok: bool
    headline: str
    name: str = ""
    meeting: str = ""
    todo: str = ""


def meeting_words(meeting: NextMeeting | None) -> str:
    if meeting is None:
        return _("Belum ada pertemuan terjadwal untuk Anda. Petugas di meja registrasi akan membantu.")
    words = _("Pertemuan pertama Anda") if meeting.is_first else _("Pertemuan berikutnya")
    return _("{which}: pukul {time}, {table}, dengan {partner}.").format(
        which=words, time=formatting.clock(meeting.start), table=meeting.table_label or
        _("Meja {number}").format(number=meeting.table_number), partner=meeting.counterpart)


TO_THE_DESK = N_("Silakan menuju meja registrasi. Petugas kami akan membantu Anda.")


def visitor_answer(result: CheckInResult | None) -> VisitorAnswer:
    """``None`` stands for a failure of the machine itself (the database, a crash)."""
    if result is None:
        return VisitorAnswer(False, _("Maaf, check-in belum berhasil."), todo=_(TO_THE_DESK))
    if result.outcome is Outcome.CHECKED_IN and result.person is not None:
        return VisitorAnswer(True, _("Selamat datang!"), name=result.person.business_name,
                             meeting=meeting_words(result.next_meeting), todo=_("Silakan ambil slip jadwal Anda."))
    if result.outcome is Outcome.ALREADY:
        return VisitorAnswer(False, _("Badge ini sudah dipakai untuk check-in."), todo=_(TO_THE_DESK))
    return VisitorAnswer(False, _("Kode badge tidak dikenali."), todo=_(TO_THE_DESK))
