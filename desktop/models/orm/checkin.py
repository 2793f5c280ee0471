"""Append-only check-in events and failed scans.

Presence is derived from the latest event per participant; rows are never edited.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.models.base import Base, now
from desktop.models.enums import CheckInAction


class CheckInEvent(Base):
    __tablename__ = "check_in_event"
    __table_args__ = (Index("ix_check_in_event_participant_at", "participant_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(12), default=CheckInAction.CHECK_IN.value)
    at: Mapped[dt.datetime] = mapped_column(default=now, index=True)
    desk: Mapped[str] = mapped_column(String(60), default="")
    operator_name: Mapped[str] = mapped_column(String(120), default="")
    nonce: Mapped[str] = mapped_column(String(64), unique=True)


class FailedScan(Base):
    __tablename__ = "failed_scan"

    id: Mapped[int] = mapped_column(primary_key=True)
    raw_input: Mapped[str] = mapped_column(String(600))
    reason: Mapped[str] = mapped_column(String(200), default="")
    at: Mapped[dt.datetime] = mapped_column(default=now)
    desk: Mapped[str] = mapped_column(String(60), default="")
    operator_name: Mapped[str] = mapped_column(String(120), default="")
