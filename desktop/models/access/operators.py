"""Operators (desk staff and admins) with short PINs stored as slow scrypt hashes."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database
from desktop.models.enums import OperatorRole
from desktop.models.errors import DomainError, NotFoundError, ValidationError
from desktop.models.orm import Operator
from desktop.models.access.permissions import require_admin

# scrypt cost: ~50 ms per check on a laptop; a 4–6 digit PIN is still guessable
# offline, so this only slows down casual guessing at the desk, which is the threat here.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
MIN_PIN, MAX_PIN = 4, 8


@dataclass(frozen=True)
class OperatorRow:
    id: int
    name: str
    role: str
    has_pin: bool
    active: bool


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32)
    return "scrypt$" + base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, salt_text, digest_text = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    expected = base64.b64decode(digest_text)
    actual = hashlib.scrypt(
        pin.encode("utf-8", "replace"), salt=base64.b64decode(salt_text), n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    return hmac.compare_digest(expected, actual)


def _validate_pin(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and MIN_PIN <= len(pin) <= MAX_PIN):
        raise ValidationError(
            _("PIN harus {min}–{max} angka.").format(min=MIN_PIN, max=MAX_PIN), field="pin"
        )


def _row(operator: Operator) -> OperatorRow:
    return OperatorRow(operator.id, operator.name, operator.role, bool(operator.pin_hash), operator.active)


def list_operators(session: Session, *, include_inactive: bool = False) -> list[OperatorRow]:
    query = select(Operator).order_by(Operator.name)
    if not include_inactive:
        query = query.where(Operator.active.is_(True))
    return [_row(operator) for operator in session.scalars(query)]


def create_operator(session: Session, name: str, role: str, pin: str, actor: Actor) -> OperatorRow:
    """Add an operator. The very first operator of an event may be created by anyone (set-up)."""
    if session.scalar(select(Operator.id).limit(1)) is not None:
        require_admin(actor, _("menambah operator"))
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Nama operator wajib diisi."), field="name")
    if role not in {r.value for r in OperatorRole}:
        raise ValidationError(_("Peran tidak dikenal: {role}").format(role=role), field="role")
    if session.scalar(select(Operator.id).where(Operator.name == name)) is not None:
        raise ValidationError(_("Operator bernama {name} sudah ada.").format(name=name), field="name")
    if pin:
        _validate_pin(pin)
    operator = Operator(name=name, role=role, pin_hash=hash_pin(pin) if pin else "")
    session.add(operator)
    session.flush()
    audit.record(session, actor, "operator.create", "operator", operator.id, after={"name": name, "role": role})
    return _row(operator)


def set_pin(session: Session, operator_id: int, pin: str, actor: Actor) -> None:
    operator = session.get(Operator, operator_id)
    if operator is None:
        raise NotFoundError(_("Operator tidak ditemukan."))
    if actor.name != operator.name:
        require_admin(actor, _("mengganti PIN operator lain"))
    _validate_pin(pin)
    operator.pin_hash = hash_pin(pin)
    if actor.is_admin:  # a new PIN from an admin also lifts a lock-out
        operator.failed_pins, operator.last_failed_at, operator.locked_out = 0, None, False
    audit.record(session, actor, "operator.pin", "operator", operator.id)


# Guessing a PIN must be slow and seen: the first wrong PINs are free (typos), then each try
# waits longer, and after LOCK_AFTER wrong PINs in a row only an admin can unlock.
FREE_TRIES, LOCK_AFTER = 3, 10
FIRST_WAIT_S = 5


def wait_after(failures: int) -> dt.timedelta:
    """How long the next try must wait after ``failures`` wrong PINs in a row (5 s, 10 s, 20 s …)."""
    if failures < FREE_TRIES:
        return dt.timedelta(0)
    return dt.timedelta(seconds=FIRST_WAIT_S * 2 ** (failures - FREE_TRIES))


def _failed(session: Session, name: str, desk: str, action: str, **details: object) -> None:
    """Audit a refused sign-in under the name that was typed (nobody is signed in yet)."""
    audit.record(session, Actor(name=name[:120], role=OperatorRole.DESK.value, desk=desk[:60]), action,
                 "operator", details.pop("operator_id", None), after=details or None)


def _check_pin(session: Session, operator: Operator, pin: str, desk: str, now: dt.datetime) -> DomainError | None:
    """``None`` when the PIN fits; else the refusal, with the failure counted and audited."""
    if operator.locked_out:
        _failed(session, operator.name, desk, "operator.sign_in_refused", operator_id=operator.id, reason="locked")
        return DomainError(_("Operator {name} dikunci setelah {count} PIN salah. Minta admin membukanya.").format(
            name=operator.name, count=LOCK_AFTER))
    if operator.last_failed_at is not None:
        ready_at = operator.last_failed_at + wait_after(operator.failed_pins)
        if now < ready_at:
            seconds = max(1, int((ready_at - now).total_seconds() + 0.999))
            _failed(session, operator.name, desk, "operator.sign_in_refused", operator_id=operator.id, reason="wait")
            return DomainError(_("Terlalu banyak PIN salah. Tunggu {seconds} detik lalu coba lagi.").format(seconds=seconds))
    if pin_matches(pin, operator.pin_hash):
        operator.failed_pins, operator.last_failed_at = 0, None
        return None
    operator.failed_pins += 1
    operator.last_failed_at = now
    if operator.failed_pins >= LOCK_AFTER:
        operator.locked_out = True
    _failed(session, operator.name, desk, "operator.sign_in_failed", operator_id=operator.id,
            failures=operator.failed_pins, locked=operator.locked_out)
    if operator.locked_out:
        return DomainError(_("PIN salah {count} kali. Operator {name} kini dikunci; minta admin membukanya.").format(
            count=LOCK_AFTER, name=operator.name))
    left = LOCK_AFTER - operator.failed_pins
    if operator.failed_pins >= FREE_TRIES:
        return ValidationError(_("PIN salah. Tunggu {seconds} detik sebelum mencoba lagi ({left} kesempatan lagi).").format(
            seconds=int(wait_after(operator.failed_pins).total_seconds()), left=left), field="pin")
    return ValidationError(_("PIN salah. Coba lagi."), field="pin")


def sign_in(db: Database, name: str, pin: str, desk: str = "", *, now: dt.datetime | None = None) -> Actor:
    """The operator's :class:`Actor` when the PIN fits (operators without a PIN need none).

    Takes the database, not a session: a wrong PIN is counted and audited in its own
    committed transaction, so no caller can roll the evidence back.
    """
    if db.read_only:
        return _sign_in_read_only(db, name, pin, desk, now or dt.datetime.now())
    with db.transaction() as session:
        operator = session.scalar(select(Operator).where(Operator.name == name, Operator.active.is_(True)))
        if operator is None:
            _failed(session, name, desk, "operator.sign_in_failed", reason="unknown")
            problem: DomainError | None = NotFoundError(_("Operator {name} tidak dikenal.").format(name=name))
        else:
            problem = _check_pin(session, operator, pin, desk, now or dt.datetime.now()) if operator.pin_hash else None
            actor = Actor(name=operator.name, role=operator.role, desk=desk)
    if problem is not None:
        raise problem
    return actor


def _sign_in_read_only(db: Database, name: str, pin: str, desk: str, now: dt.datetime) -> Actor:
    """On a file that cannot be written (read-only media, a copy in use): the same checks, nothing recorded."""
    with db.read() as session:
        operator = session.scalar(select(Operator).where(Operator.name == name, Operator.active.is_(True)))
        if operator is None:
            raise NotFoundError(_("Operator {name} tidak dikenal.").format(name=name))
        if operator.pin_hash:
            if operator.locked_out:
                raise DomainError(_("Operator {name} dikunci setelah {count} PIN salah. Minta admin membukanya.").format(
                    name=operator.name, count=LOCK_AFTER))
            if operator.last_failed_at is not None and now < operator.last_failed_at + wait_after(operator.failed_pins):
                raise DomainError(_("Terlalu banyak PIN salah. Tunggu sebentar lalu coba lagi."))
            if not pin_matches(pin, operator.pin_hash):
                raise ValidationError(_("PIN salah. Coba lagi."), field="pin")
        return Actor(name=operator.name, role=operator.role, desk=desk)


def choose_operator(db: Database, name: str, desk: str, actor: Actor, pin: str = "", *,
                    now: dt.datetime | None = None) -> Actor:
    """The actor for ``name`` at ``desk``; an unknown name becomes a new desk operator.

    An operator who has a PIN must give it. Once any operator has a PIN, only an admin may add
    a new operator this way (otherwise anyone could type a new name and carry on).
    """
    clean_name = re.sub(r"\s+", " ", name or "").strip()
    clean_desk = re.sub(r"\s+", " ", desk or "").strip()
    if not clean_name:
        raise ValidationError(_("Pilih atau ketik nama operator."), field="operator")
    if len(clean_name) > 120:
        raise ValidationError(_("Nama operator terlalu panjang (paling banyak 120 huruf)."), field="operator")
    if not clean_desk:
        raise ValidationError(_("Isi nama meja, mis. Meja Registrasi 1."), field="desk")
    if len(clean_desk) > 60:
        raise ValidationError(_("Nama meja terlalu panjang (paling banyak 60 huruf)."), field="desk")
    problem: DomainError | None = None
    with db.transaction() as session:
        operator = session.scalar(select(Operator).where(Operator.name == clean_name))
        if operator is None:
            if not actor.is_admin and _any_pin(session):
                _failed(session, clean_name, clean_desk, "operator.sign_in_failed", reason="unknown")
                problem = ValidationError(
                    _("Operator {name} tidak dikenal. Operator baru hanya dapat ditambahkan oleh admin.").format(
                        name=clean_name), field="operator")
            else:
                operator = Operator(name=clean_name, role=OperatorRole.DESK.value)
                session.add(operator)
                session.flush()
                audit.record(session, actor, "operator.create", "operator", operator.id, after={"name": clean_name})
        elif operator.pin_hash:
            problem = _check_pin(session, operator, pin, clean_desk, now or dt.datetime.now())
        chosen = Actor(name=operator.name, role=operator.role, desk=clean_desk) if operator is not None else None
    if problem is not None or chosen is None:
        raise problem or ValidationError(_("Pilih atau ketik nama operator."), field="operator")
    return chosen


def unlock(session: Session, operator_id: int, actor: Actor) -> None:
    """Lift a lock-out (and the waiting) after wrong PINs: an admin's act, audited."""
    require_admin(actor, _("membuka kunci operator"))
    operator = session.get(Operator, operator_id)
    if operator is None:
        raise NotFoundError(_("Operator tidak ditemukan."))
    before = {"failed_pins": operator.failed_pins, "locked_out": operator.locked_out}
    operator.failed_pins, operator.last_failed_at, operator.locked_out = 0, None, False
    audit.record(session, actor, "operator.unlock", "operator", operator.id, before=before)


def _any_pin(session: Session) -> bool:
    return session.scalar(select(Operator.id).where(Operator.pin_hash != "", Operator.active.is_(True)).limit(1)) is not None


def uses_pins(session: Session) -> bool:
    """Whether any active operator has a PIN (then nobody works on the event unnamed)."""
    return _any_pin(session)


def startup_actor(session: Session, remembered: str, desk: str) -> Actor | None:
    """Who works when TemuDesk opens an event, or ``None`` when someone must sign in first.

    The remembered operator continues when they have no PIN. Without a remembered operator,
    an event whose operators have no PINs opens as its first admin (a fresh or demo event);
    as soon as any operator has a PIN, somebody has to sign in.
    """
    operators = list(session.scalars(select(Operator).where(Operator.active.is_(True))))
    if not operators:
        return Actor(name="Admin", role=OperatorRole.ADMIN.value, desk=desk)
    by_name = {operator.name: operator for operator in operators}
    known = by_name.get(remembered)
    if known is not None:
        return None if known.pin_hash else Actor(name=known.name, role=known.role, desk=desk)
    if any(operator.pin_hash for operator in operators):
        return None
    admins = sorted((o for o in operators if o.role == OperatorRole.ADMIN.value), key=lambda o: o.id)
    first = admins[0] if admins else sorted(operators, key=lambda o: o.id)[0]
    return Actor(name=first.name, role=first.role, desk=desk)


def has_pin(session: Session, name: str) -> bool:
    return bool(session.scalar(select(Operator.pin_hash).where(Operator.name == name)))
