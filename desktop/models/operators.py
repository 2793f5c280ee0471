"""Desk operators: who may be picked at the start of a shift."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import _
from desktop.models import audit
from desktop.models.actor import Actor
from desktop.models.enums import OperatorRole
from desktop.models.errors import ValidationError
from desktop.models.orm import Operator


@dataclass(frozen=True)
class OperatorRow:
    id: int
    name: str
    role: str


def list_operators(session: Session) -> list[OperatorRow]:
    query = select(Operator).where(Operator.active.is_(True)).order_by(Operator.name)
    return [OperatorRow(o.id, o.name, o.role) for o in session.scalars(query)]


def choose_operator(session: Session, name: str, desk: str, actor: Actor) -> Actor:
    """The actor for ``name`` at ``desk``; an unknown name becomes a new desk operator."""
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
    return Actor(name=operator.name, role=operator.role, desk=clean_desk)
