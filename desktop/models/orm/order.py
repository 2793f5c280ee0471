"""Orders agreed at the tables and their lines."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.models.base import Base, now
from desktop.models.enums import OrderStatus, Unit
from desktop.models.orm.participant import Participant, ProductCategory


class Order(Base):
    __tablename__ = "trade_order"
    __table_args__ = (CheckConstraint("buyer_id <> seller_id", name="not_self"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    buyer_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="RESTRICT"), index=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="RESTRICT"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"), default=None)
    # Co-fulfilment: orders split off a shortfall point at the order they help fill.
    parent_order_id: Mapped[int | None] = mapped_column(
        ForeignKey("trade_order.id", ondelete="SET NULL"), default=None
    )
    status: Mapped[str] = mapped_column(String(12), default=OrderStatus.DRAFT.value, index=True)
    payment_terms: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=now, onupdate=now)
    version: Mapped[int] = mapped_column(default=1)

    buyer: Mapped[Participant] = relationship(foreign_keys=[buyer_id])
    seller: Mapped[Participant] = relationship(foreign_keys=[seller_id])
    lines: Mapped[list[OrderLine]] = relationship(
        cascade="all, delete-orphan", order_by="OrderLine.position"
    )

    __mapper_args__ = {"version_id_col": version}


class OrderLine(Base):
    __tablename__ = "order_line"
    __table_args__ = (
        CheckConstraint("requested_quantity > 0", name="requested_positive"),
        CheckConstraint("committed_quantity >= 0", name="committed_not_negative"),
        CheckConstraint("unit_price >= 0", name="price_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("trade_order.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=1)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("product_category.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(String(300), default="")
    unit_entered: Mapped[str] = mapped_column(String(16), default=Unit.PAIR.value)
    quantity_entered: Mapped[int] = mapped_column(BigInteger)
    # In the category's base unit (pairs for footwear): kodi and lusin are converted.
    requested_quantity: Mapped[int] = mapped_column(BigInteger)
    committed_quantity: Mapped[int] = mapped_column(BigInteger)
    unit_price: Mapped[int] = mapped_column(BigInteger)  # whole Rupiah per base unit
    delivery_date: Mapped[dt.date | None] = mapped_column(default=None)

    category: Mapped[ProductCategory | None] = relationship()
