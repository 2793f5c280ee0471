"""Operators and the audit trail of every change."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, now
from desktop.models.enums import OperatorRole


class Operator(Base):
    __tablename__ = "operator"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[str] = mapped_column(String(8), default=OperatorRole.DESK.value)
    pin_hash: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    # PIN guessing: wrong PINs in a row, when the last one came, and the lock-out only an admin lifts.
    failed_pins: Mapped[int] = mapped_column(default=0, server_default="0")
    last_failed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    locked_out: Mapped[bool] = mapped_column(default=False, server_default=sa_false())


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=now, index=True)
    operator_name: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(default=None)
    before: Mapped[str] = mapped_column(Text, default="")  # JSON
    after: Mapped[str] = mapped_column(Text, default="")  # JSON
