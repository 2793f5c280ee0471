"""Small helpers for order tests: makers with capacity, check-ins, category ids."""

from __future__ import annotations

import itertools

from sqlalchemy import select

from desktop.models.people import participants
from desktop.models.orm import CheckInEvent, ProductCategory

_nonce = itertools.count(1000)


def check_in(session, participant_id: int) -> None:  # type: ignore[no-untyped-def]
    session.add(CheckInEvent(participant_id=participant_id, nonce=f"t{next(_nonce)}"))
    session.flush()


def category_id(session, code: str) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(ProductCategory.id).where(ProductCategory.code == code))


def maker(session, admin, name: str, capacity_per_month: int, codes=("sepatu_wanita",), present=True):  # type: ignore[no-untyped-def]
    row = participants.create_participant(
        session,
        participants.ParticipantData(business_name=name, category_codes=list(codes), monthly_capacity=capacity_per_month),
        admin,
    )
    if present:
        check_in(session, row.id)
    return row
