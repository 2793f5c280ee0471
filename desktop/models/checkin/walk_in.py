"""Walk-ins: register somebody at the desk and check them in, in one transaction.

Before creating anyone new, look for who they might already be (the same phone, or a
business name that is nearly the same once "CV."/"UD."/"PT" and punctuation are
ignored), because a walk-in is often a registered participant who lost the badge.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.checkin.checkin import CheckInResult, Person, check_in, new_nonce, person_of
from desktop.models.checkin.checkin_search import fold
from desktop.models.errors import ConflictError, ValidationError
from desktop.models.orm import CheckInEvent, Participant
from desktop.models.people.participants import ParticipantData
from desktop.models.people.phone import normalize_phone

NAME_SIMILARITY = 0.82
_LEGAL_FORMS = {"cv", "ud", "pt", "tbk", "pd", "fa", "toko", "usaha", "dagang"}


@dataclass(frozen=True)
class DuplicateCandidate:
    person: Person
    same_phone: bool
    name_similarity: float  # 0 … 1


class DuplicateSuspected(ConflictError):
    """The walk-in may already be registered; ``candidates`` says who."""

    def __init__(self, message: str, candidates: list[DuplicateCandidate]) -> None:
        super().__init__(message)
        self.candidates = candidates


def core_name(name: str) -> str:
    """``CV. Sepatu Ma'ruf Jaya`` → ``sepatu maruf jaya``."""
    return " ".join(word for word in fold(name).split() if word not in _LEGAL_FORMS)


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b)
    # Cheap upper bounds first: most of thousands of names are rejected without the real ratio.
    if matcher.real_quick_ratio() < NAME_SIMILARITY or matcher.quick_ratio() < NAME_SIMILARITY:
        return 0.0
    return matcher.ratio()


def find_duplicates(session: Session, business_name: str, phone: str, limit: int = 5) -> list[DuplicateCandidate]:
    """Registered participants who might be the same as this walk-in, most likely first."""
    try:
        wanted_phone = normalize_phone(phone)
    except ValidationError:
        wanted_phone = ""  # an invalid phone is reported by the form, not here
    wanted_name = core_name(business_name)
    found: list[DuplicateCandidate] = []
    rows = session.execute(select(Participant.id, Participant.business_name, Participant.phone)).all()
    for participant_id, name, stored_phone in rows:
        same_phone = bool(wanted_phone) and stored_phone == wanted_phone
        similarity = _similarity(wanted_name, core_name(name))
        if same_phone or similarity >= NAME_SIMILARITY:
            participant = session.get(Participant, participant_id)
            assert participant is not None
            found.append(DuplicateCandidate(person_of(participant), same_phone, round(similarity, 2)))
    found.sort(key=lambda c: (not c.same_phone, -c.name_similarity, c.person.business_name))
    return found[:limit]


def register_walk_in(
    session: Session,
    data: ParticipantData,
    actor: Actor,
    *,
    allow_duplicates: bool = False,
    nonce: str | None = None,
) -> CheckInResult:
    """Create the participant (marked as walk-in) and check them in; idempotent per ``nonce``.

    Raises :class:`DuplicateSuspected` when they may already be registered, unless
    ``allow_duplicates`` (the operator looked and said "new").
    """
    nonce = nonce or new_nonce()
    replay = session.scalar(select(CheckInEvent.participant_id).where(CheckInEvent.nonce == nonce))
    if replay is not None:  # this walk-in was already saved by the same submission
        return check_in(session, replay, actor, nonce=nonce)
    cleaned = participants.validate(dataclasses.replace(data, is_walk_in=True))
    if not allow_duplicates:
        candidates = find_duplicates(session, cleaned.business_name, cleaned.phone)
        if candidates:
            raise DuplicateSuspected(
                _("Mungkin sudah terdaftar: {names}. Pilih yang sudah ada atau tetap daftarkan baru.").format(
                    names=", ".join(c.person.business_name for c in candidates)
                ),
                candidates,
            )
    row = participants.create_participant(session, cleaned, actor)
    return check_in(session, row.id, actor, nonce=nonce)
