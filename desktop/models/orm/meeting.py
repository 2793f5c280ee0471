"""Meeting requests (who wants to meet whom) and meetings (where and when they do)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, now
from desktop.models.enums import MeetingStatus, RequestSource, SessionWish
from desktop.models.orm.event import MeetingTable, TimeSlot
from desktop.models.orm.participant import Participant


class MeetingRequest(Base):
    __tablename__ = "meeting_request"
    __table_args__ = (
        # One request per unordered pair: the service stores the lower id as ``low_id``.
        UniqueConstraint("low_id", "high_id", name="uq_meeting_request_pair"),
        CheckConstraint("participant_a_id <> participant_b_id", name="not_self"),
        CheckConstraint("priority BETWEEN 1 AND 3", name="priority_range"),
        CheckConstraint("meetings BETWEEN 1 AND 50", name="meetings_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_a_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    participant_b_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))
    low_id: Mapped[int]
    high_id: Mapped[int]
    priority: Mapped[int] = mapped_column(default=1)  # 1 normal, 2 high, 3 must
    session_wish: Mapped[str] = mapped_column(String(8), default=SessionWish.ANY.value)
    # How many meetings the pair asks for (each in its own slot); see scheduling.model.Request.
    meetings: Mapped[int] = mapped_column(default=1, server_default="1")
    source: Mapped[str] = mapped_column(String(12), default=RequestSource.MANUAL.value)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=now)

    participant_a: Mapped[Participant] = relationship(foreign_keys=[participant_a_id])
    participant_b: Mapped[Participant] = relationship(foreign_keys=[participant_b_id])


class Meeting(Base):
    __tablename__ = "meeting"
    __table_args__ = (
        # A table hosts one live meeting per slot; cancelled ones free the cell.
        Index(
            "uq_meeting_slot_table_live",
            "slot_id",
            "table_id",
            unique=True,
            sqlite_where=text("status <> 'cancelled'"),
            postgresql_where=text("status <> 'cancelled'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("meeting_request.id", ondelete="CASCADE"), index=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("time_slot.id", ondelete="CASCADE"), index=True)
    table_id: Mapped[int] = mapped_column(ForeignKey("meeting_table.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(12), default=MeetingStatus.SCHEDULED.value, index=True)
    locked: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now, onupdate=now)
    version: Mapped[int] = mapped_column(default=1)

    request: Mapped[MeetingRequest] = relationship()
    slot: Mapped[TimeSlot] = relationship()
    table: Mapped[MeetingTable] = relationship()

    __mapper_args__ = {"version_id_col": version}
