"""Participants: validation, registration codes, create / update / delete, plain rows out."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.access.actor import Actor
from desktop.models.enums import CODE_PREFIX, MeetingStatus, ParticipantKind, Problem
from desktop.models.errors import DomainError, NotFoundError, ValidationError
from desktop.models.orm import (
    CheckInEvent,
    Meeting,
    MeetingRequest,
    MeetingTable,
    Order,
    Participant,
    ParticipantProblem,
    ProductCategory,
)
from desktop.models.access.permissions import require_admin
from desktop.models.people.phone import normalize_phone

MAX_CAPACITY = 10_000_000  # pairs a month: far above the largest Indonesian factory
MAX_DELEGATION = 500


@dataclass
class ParticipantData:
    """What a form or an import row gives to create or change a participant."""

    business_name: str
    kind: str = ParticipantKind.IKM.value
    contact_person: str = ""
    phone: str = ""
    address: str = ""
    kecamatan: str = ""
    kelurahan: str = ""
    category_codes: list[str] = field(default_factory=list)
    monthly_capacity: int | None = None
    delegation_size: int = 1
    problems: list[str] = field(default_factory=list)
    kur_interest: bool = False
    max_meetings: int | None = None
    is_walk_in: bool = False
    notes: str = ""


@dataclass(frozen=True)
class ParticipantRow:
    """A participant as plain data, safe to hand to Qt or a report."""

    id: int
    code: str
    kind: str
    business_name: str
    contact_person: str
    phone: str
    address: str
    kecamatan: str
    kelurahan: str
    category_codes: tuple[str, ...]
    category_names: tuple[str, ...]
    monthly_capacity: int | None
    delegation_size: int
    problems: tuple[str, ...]
    kur_interest: bool
    max_meetings: int | None
    is_walk_in: bool
    notes: str
    version: int

    def to_data(self) -> ParticipantData:
        return ParticipantData(
            business_name=self.business_name,
            kind=self.kind,
            contact_person=self.contact_person,
            phone=self.phone,
            address=self.address,
            kecamatan=self.kecamatan,
            kelurahan=self.kelurahan,
            category_codes=list(self.category_codes),
            monthly_capacity=self.monthly_capacity,
            delegation_size=self.delegation_size,
            problems=list(self.problems),
            kur_interest=self.kur_interest,
            max_meetings=self.max_meetings,
            is_walk_in=self.is_walk_in,
            notes=self.notes,
        )


@dataclass(frozen=True)
class CategoryRow:
    id: int
    code: str
    name: str
    base_unit: str
    is_raw_material: bool


@dataclass(frozen=True)
class DeletionImpact:
    """What else goes when a participant is deleted."""

    requests: int
    meetings: int
    orders: int
    check_ins: int
    hosted_tables: int
    held_meetings: int = 0

    @property
    def blocked(self) -> bool:
        return self.orders > 0 or self.held_meetings > 0


def _clean(text: str | None) -> str:
    # NUL is no character anybody types, and PostgreSQL cannot store it.
    return re.sub(r"\s+", " ", (text or "").replace("\x00", "").strip())


def validate(data: ParticipantData) -> ParticipantData:
    """Return a cleaned copy of ``data`` or raise :class:`ValidationError` listing every problem."""
    problems: dict[str, str] = {}
    cleaned = dataclasses.replace(
        data,
        business_name=_clean(data.business_name),
        contact_person=_clean(data.contact_person),
        address=_clean(data.address),
        kecamatan=_clean(data.kecamatan),
        kelurahan=_clean(data.kelurahan),
        notes=(data.notes or "").strip(),
        category_codes=list(dict.fromkeys(data.category_codes)),
        problems=list(dict.fromkeys(data.problems)),
    )
    if not cleaned.business_name:
        problems["business_name"] = _("Nama usaha wajib diisi.")
    elif len(cleaned.business_name) > 200:
        problems["business_name"] = _("Nama usaha terlalu panjang (paling banyak 200 huruf).")
    if len(cleaned.contact_person) > 120:
        problems["contact_person"] = _("Nama kontak terlalu panjang (paling banyak 120 huruf).")
    if len(cleaned.address) > 300:
        problems["address"] = _("Alamat terlalu panjang (paling banyak 300 huruf).")
    if cleaned.kind not in {kind.value for kind in ParticipantKind}:
        problems["kind"] = _("Jenis peserta tidak dikenal: {kind}").format(kind=cleaned.kind)
    try:
        cleaned.phone = normalize_phone(data.phone)
    except ValidationError as error:
        problems["phone"] = error.message
    if cleaned.monthly_capacity is not None and not 0 <= cleaned.monthly_capacity <= MAX_CAPACITY:
        problems["monthly_capacity"] = _("Kapasitas per bulan harus antara 0 dan {max} pasang.").format(
            max=f"{MAX_CAPACITY:,}".replace(",", ".")
        )
    if not 1 <= cleaned.delegation_size <= MAX_DELEGATION:
        problems["delegation_size"] = _("Jumlah delegasi harus antara 1 dan {max} orang.").format(
            max=MAX_DELEGATION
        )
    if cleaned.max_meetings is not None and cleaned.max_meetings < 0:
        problems["max_meetings"] = _("Batas jumlah pertemuan tidak boleh negatif.")
    unknown = [p for p in cleaned.problems if p not in {item.value for item in Problem}]
    if unknown:
        problems["problems"] = _("Masalah usaha tidak dikenal: {items}").format(items=", ".join(unknown))
    if problems:
        first = next(iter(problems.values()))
        raise ValidationError(first, field=next(iter(problems)), problems=problems)
    return cleaned


def next_code(session: Session, kind: str) -> str:
    """The next free registration code for ``kind``, e.g. ``IKM071``."""
    prefix = CODE_PREFIX[ParticipantKind(kind)]
    codes = session.scalars(select(Participant.code).where(Participant.code.like(f"{prefix}%"))).all()
    numbers = [int(code[len(prefix):]) for code in codes if code[len(prefix):].isdigit()]
    return f"{prefix}{(max(numbers, default=0) + 1):03d}"


def normalize_code(text: str) -> str:
    """What a scanner or a person typed, as a stored registration code."""
    return re.sub(r"[^0-9A-Za-z]", "", text or "").upper()


def _categories(session: Session, codes: list[str]) -> list[ProductCategory]:
    if not codes:
        return []
    found = session.scalars(select(ProductCategory).where(ProductCategory.code.in_(codes))).all()
    missing = sorted(set(codes) - {category.code for category in found})
    if missing:
        raise ValidationError(
            _("Kategori produk tidak dikenal: {items}").format(items=", ".join(missing)), field="category_codes"
        )
    return list(found)


def _apply(session: Session, participant: Participant, data: ParticipantData) -> None:
    participant.kind = data.kind
    participant.business_name = data.business_name
    participant.contact_person = data.contact_person
    participant.phone = data.phone
    participant.address = data.address
    participant.kecamatan = data.kecamatan
    participant.kelurahan = data.kelurahan
    participant.monthly_capacity = data.monthly_capacity
    participant.delegation_size = data.delegation_size
    participant.kur_interest = data.kur_interest
    participant.max_meetings = data.max_meetings
    participant.is_walk_in = data.is_walk_in
    participant.notes = data.notes
    participant.categories = _categories(session, data.category_codes)
    existing = {problem.problem: problem for problem in participant.problems}
    participant.problems = [existing.get(code) or ParticipantProblem(problem=code) for code in data.problems]


def to_row(participant: Participant) -> ParticipantRow:
    return ParticipantRow(
        id=participant.id,
        code=participant.code,
        kind=participant.kind,
        business_name=participant.business_name,
        contact_person=participant.contact_person,
        phone=participant.phone,
        address=participant.address,
        kecamatan=participant.kecamatan,
        kelurahan=participant.kelurahan,
        category_codes=tuple(category.code for category in participant.categories),
        category_names=tuple(category.name for category in participant.categories),
        monthly_capacity=participant.monthly_capacity,
        delegation_size=participant.delegation_size,
        problems=tuple(problem.problem for problem in participant.problems),
        kur_interest=participant.kur_interest,
        max_meetings=participant.max_meetings,
        is_walk_in=participant.is_walk_in,
        notes=participant.notes,
        version=participant.version,
    )


def _snapshot(row: ParticipantRow) -> dict[str, object]:
    return {key: value for key, value in dataclasses.asdict(row).items() if key != "category_names"}


def create_participant(
    session: Session, data: ParticipantData, actor: Actor, *, code: str | None = None
) -> ParticipantRow:
    cleaned = validate(data)
    participant = Participant(code=normalize_code(code) if code else next_code(session, cleaned.kind))
    if code and session.scalar(select(Participant.id).where(Participant.code == participant.code)):
        raise ValidationError(
            _("Kode registrasi {code} sudah dipakai.").format(code=participant.code), field="code"
        )
    _apply(session, participant, cleaned)
    session.add(participant)
    session.flush()
    row = to_row(participant)
    audit.record(session, actor, "participant.create", "participant", row.id, after=_snapshot(row))
    return row


def _load(session: Session, participant_id: int) -> Participant:
    participant = session.get(
        Participant,
        participant_id,
        options=[selectinload(Participant.categories), selectinload(Participant.problems)],
    )
    if participant is None:
        raise NotFoundError(_("Peserta tidak ditemukan (mungkin sudah dihapus)."))
    return participant


def update_participant(
    session: Session,
    participant_id: int,
    data: ParticipantData,
    actor: Actor,
    *,
    expected_version: int | None = None,
) -> ParticipantRow:
    participant = _load(session, participant_id)
    if expected_version is not None and participant.version != expected_version:
        from desktop.models.errors import ConflictError

        raise ConflictError(
            _("Data {name} baru saja diubah orang lain. Buka lagi lalu ulangi perubahan.").format(
                name=participant.business_name
            )
        )
    before = _snapshot(to_row(participant))
    cleaned = validate(data)
    _apply(session, participant, cleaned)
    session.flush()
    row = to_row(participant)
    after = _snapshot(row)
    if after != before:  # a save without changes is not worth a line in the log
        audit.record(session, actor, "participant.update", "participant", row.id, before=before, after=after)
    return row


def get_participant(session: Session, participant_id: int) -> ParticipantRow:
    return to_row(_load(session, participant_id))


def find_by_code(session: Session, code: str) -> ParticipantRow | None:
    participant = session.scalar(
        select(Participant)
        .where(Participant.code == normalize_code(code))
        .options(selectinload(Participant.categories), selectinload(Participant.problems))
    )
    return to_row(participant) if participant else None


def list_participants(session: Session, *, kind: str | None = None) -> list[ParticipantRow]:
    query = (
        select(Participant)
        .options(selectinload(Participant.categories), selectinload(Participant.problems))
        .order_by(Participant.code)
    )
    if kind:
        query = query.where(Participant.kind == kind)
    return [to_row(participant) for participant in session.scalars(query)]


def list_categories(session: Session) -> list[CategoryRow]:
    query = select(ProductCategory).order_by(ProductCategory.sort_order, ProductCategory.name)
    return [
        CategoryRow(c.id, c.code, c.name, c.base_unit, c.is_raw_material) for c in session.scalars(query)
    ]


def deletion_impact(session: Session, participant_id: int) -> DeletionImpact:
    _load(session, participant_id)
    request_ids = select(MeetingRequest.id).where(
        or_(MeetingRequest.participant_a_id == participant_id, MeetingRequest.participant_b_id == participant_id)
    )
    return DeletionImpact(
        requests=session.scalar(select(func.count()).select_from(request_ids.subquery())) or 0,
        meetings=session.scalar(select(func.count(Meeting.id)).where(Meeting.request_id.in_(request_ids))) or 0,
        orders=session.scalar(
            select(func.count(Order.id)).where(or_(Order.buyer_id == participant_id, Order.seller_id == participant_id))
        )
        or 0,
        check_ins=session.scalar(
            select(func.count(CheckInEvent.id)).where(CheckInEvent.participant_id == participant_id)
        )
        or 0,
        hosted_tables=session.scalar(
            select(func.count(MeetingTable.id)).where(MeetingTable.host_participant_id == participant_id)
        )
        or 0,
        held_meetings=session.scalar(
            select(func.count(Meeting.id)).where(
                Meeting.request_id.in_(request_ids), Meeting.status == MeetingStatus.HELD.value
            )
        )
        or 0,
    )


def delete_participant(session: Session, participant_id: int, actor: Actor) -> DeletionImpact:
    """Delete a participant with their requests and meetings; refused when orders exist."""
    require_admin(actor, _("menghapus peserta"))
    impact = deletion_impact(session, participant_id)
    participant = _load(session, participant_id)
    if impact.orders:
        raise DomainError(
            _(
                "{name} tidak dapat dihapus karena sudah punya {count} pesanan. "
                "Batalkan pesanannya saja bila perlu."
            ).format(name=participant.business_name, count=impact.orders)
        )
    if impact.held_meetings:
        raise DomainError(
            _("{name} tidak dapat dihapus karena {count} pertemuannya sudah terlaksana dan tercatat.").format(
                name=participant.business_name, count=impact.held_meetings
            )
        )
    before = _snapshot(to_row(participant))
    session.delete(participant)
    session.flush()
    audit.record(session, actor, "participant.delete", "participant", participant_id, before=before)
    return impact
