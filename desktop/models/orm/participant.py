"""Participants, their product categories, problems and unavailable slots."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, now
from desktop.models.enums import ParticipantKind, Unit

participant_category = Table(
    "participant_category",
    Base.metadata,
    Column("participant_id", Integer, ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", Integer, ForeignKey("product_category.id", ondelete="CASCADE"), primary_key=True),
)

participant_unavailable_slot = Table(
    "participant_unavailable_slot",
    Base.metadata,
    Column("participant_id", Integer, ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True),
    Column("slot_id", Integer, ForeignKey("time_slot.id", ondelete="CASCADE"), primary_key=True),
)


class ProductCategory(Base):
    __tablename__ = "product_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    # Unit in which this category is traded: pairs for footwear, sheets for leather …
    base_unit: Mapped[str] = mapped_column(String(16), default=Unit.PAIR.value)
    is_raw_material: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int] = mapped_column(default=0)


class Participant(Base):
    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default=ParticipantKind.IKM.value, index=True)
    business_name: Mapped[str] = mapped_column(String(200), index=True)
    contact_person: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(20), default="", index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    kecamatan: Mapped[str] = mapped_column(String(80), default="")
    kelurahan: Mapped[str] = mapped_column(String(80), default="")
    monthly_capacity: Mapped[int | None] = mapped_column(default=None)  # pairs per month
    delegation_size: Mapped[int] = mapped_column(default=1)
    kur_interest: Mapped[bool] = mapped_column(default=False)
    max_meetings: Mapped[int | None] = mapped_column(default=None)
    is_walk_in: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now, onupdate=now)
    version: Mapped[int] = mapped_column(default=1)

    categories: Mapped[list[ProductCategory]] = relationship(
        secondary=participant_category, order_by=ProductCategory.sort_order
    )
    problems: Mapped[list[ParticipantProblem]] = relationship(
        cascade="all, delete-orphan", order_by="ParticipantProblem.problem"
    )

    __mapper_args__ = {"version_id_col": version}


class ParticipantProblem(Base):
    """A business problem the participant reported (for the banks' KUR follow-up)."""

    __tablename__ = "participant_problem"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True
    )
    problem: Mapped[str] = mapped_column(String(20), primary_key=True)
    detail: Mapped[str] = mapped_column(Text, default="")
