"""The event itself, its time slots and its tables."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, now
from desktop.models.enums import PaperSize, Session

if TYPE_CHECKING:
    from desktop.models.orm.participant import Participant


class Event(Base):
    """One row per event file: the event this database is about."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    venue: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    event_date: Mapped[dt.date]
    organiser: Mapped[str] = mapped_column(String(200), default="")
    official_name: Mapped[str] = mapped_column(String(200), default="")
    official_title: Mapped[str] = mapped_column(String(200), default="")
    slot_minutes: Mapped[int] = mapped_column(default=20)
    paper_size: Mapped[str] = mapped_column(String(8), default=PaperSize.A4.value)
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now, onupdate=now)


class TimeSlot(Base):
    __tablename__ = "time_slot"
    __table_args__ = (UniqueConstraint("ordinal", name="uq_time_slot_ordinal"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ordinal: Mapped[int]  # 1, 2, 3 … in the order of the day
    start: Mapped[dt.time]
    end: Mapped[dt.time]
    session: Mapped[str] = mapped_column(String(8), default=Session.MORNING.value)


class MeetingTable(Base):
    __tablename__ = "meeting_table"
    __table_args__ = (UniqueConstraint("number", name="uq_meeting_table_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int]
    label: Mapped[str] = mapped_column(String(60))
    host_participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), default=None
    )

    host: Mapped[Participant | None] = relationship(foreign_keys=[host_participant_id])
