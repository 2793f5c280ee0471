"""Operators (desk staff and admins) with short PINs stored as slow scrypt hashes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models import audit
from desktop.models.actor import Actor
from desktop.models.enums import OperatorRole
from desktop.models.errors import DomainError, NotFoundError, ValidationError
from desktop.models.orm import Operator
from desktop.models.permissions import require_admin

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
        pin.encode(), salt=base64.b64decode(salt_text), n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
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
    audit.record(session, actor, "operator.pin", "operator", operator.id)


def sign_in(session: Session, name: str, pin: str, desk: str = "") -> Actor:
    """The operator's :class:`Actor` when the PIN fits (operators without a PIN need none)."""
    operator = session.scalar(select(Operator).where(Operator.name == name, Operator.active.is_(True)))
    if operator is None:
        raise NotFoundError(_("Operator {name} tidak dikenal.").format(name=name))
    if operator.pin_hash and not pin_matches(pin, operator.pin_hash):
        raise DomainError(_("PIN salah. Coba lagi."))
    return Actor(name=operator.name, role=operator.role, desk=desk)


def choose_operator(session: Session, name: str, desk: str, actor: Actor, pin: str = "") -> Actor:
    """The actor for ``name`` at ``desk``; an unknown name becomes a new desk operator.

    An operator who has a PIN must give it; a new operator starts without one (desk role only).
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
    operator = session.scalar(select(Operator).where(Operator.name == clean_name))
    if operator is None:
        operator = Operator(name=clean_name, role=OperatorRole.DESK.value)
        session.add(operator)
        session.flush()
        audit.record(session, actor, "operator.create", "operator", operator.id, after={"name": clean_name})
    elif operator.pin_hash and not pin_matches(pin, operator.pin_hash):
        raise ValidationError(_("PIN salah. Coba lagi."), field="pin")
    return Actor(name=operator.name, role=operator.role, desk=clean_desk)


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
