"""Product categories of the footwear trade, seeded into every new event."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.enums import Unit
from desktop.models.orm import ProductCategory

# (code, name, base unit, raw material?) — names are proper trade terms, kept in Indonesian.
DEFAULT_CATEGORIES: list[tuple[str, str, str, bool]] = [
    ("sepatu_wanita", "Sepatu wanita", Unit.PAIR, False),
    ("sepatu_pria", "Sepatu pria", Unit.PAIR, False),
    ("sepatu_anak", "Sepatu anak", Unit.PAIR, False),
    ("sepatu_olahraga", "Sepatu olahraga", Unit.PAIR, False),
    ("sandal", "Sandal", Unit.PAIR, False),
    ("sandal_jepit", "Sandal jepit", Unit.PAIR, False),
    ("tas_kulit", "Tas kulit", Unit.PIECE, False),
    ("kulit_sapi", "Kulit sapi (bahan baku)", Unit.SQUARE_FOOT, True),
    ("sol", "Sol", Unit.PAIR, True),
    ("aksesoris", "Aksesoris", Unit.PIECE, True),
]


def seed_categories(session: Session) -> None:
    """Add the default categories that are missing (idempotent)."""
    existing = set(session.scalars(select(ProductCategory.code)))
    for order, (code, name, unit, raw) in enumerate(DEFAULT_CATEGORIES, start=1):
        if code not in existing:
            session.add(
                ProductCategory(code=code, name=name, base_unit=unit.value, is_raw_material=raw, sort_order=order)
            )
    session.flush()
