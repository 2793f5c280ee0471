"""Units per product category and their conversion.

Each category has a base unit (``pasang`` for footwear and soles, ``buah`` for bags and
accessories, ``kaki_persegi`` for leather). What may be typed, and what is stored:

- counted goods (``pasang``, ``buah``): the unit itself, ``kodi`` (= 20) or ``lusin`` (= 12);
  stored converted to the base unit (250 kodi → 5.000 pasang).
- leather (``kaki_persegi``): square feet, or whole sheets (``lembar``). A hide's area varies
  from sheet to sheet, so sheets are *not* converted: such a line is stored and priced per
  sheet, and its unit is kept with it. Nothing is invented.

A line's *stored unit* is the unit of its requested/committed quantities and of its price.
Pairs (the unit of an IKM's monthly capacity and of the tallies) are those stored in ``pasang``.
"""

from __future__ import annotations

import re

from desktop.i18n import _
from desktop.models.enums import Unit, label
from desktop.models.errors import ValidationError
from desktop.models.numbers import parse_whole_number

COUNT_FACTORS: dict[str, int] = {Unit.KODI.value: 20, Unit.LUSIN.value: 12}

ENTRY_UNITS: dict[str, tuple[str, ...]] = {
    Unit.PAIR.value: (Unit.PAIR.value, Unit.KODI.value, Unit.LUSIN.value),
    Unit.PIECE.value: (Unit.PIECE.value, Unit.KODI.value, Unit.LUSIN.value),
    Unit.SQUARE_FOOT.value: (Unit.SQUARE_FOOT.value, Unit.SHEET.value),
    Unit.SHEET.value: (Unit.SHEET.value,),
}

# Words people type after a number ("250 kodi", "10 lsn", "40 psg", "120 sqft").
_UNIT_WORDS: dict[str, str] = {
    "pasang": Unit.PAIR.value, "psg": Unit.PAIR.value, "pairs": Unit.PAIR.value, "pair": Unit.PAIR.value,
    "kodi": Unit.KODI.value, "kd": Unit.KODI.value,
    "lusin": Unit.LUSIN.value, "lsn": Unit.LUSIN.value,
    "buah": Unit.PIECE.value, "bh": Unit.PIECE.value, "pcs": Unit.PIECE.value,
    "lembar": Unit.SHEET.value, "lbr": Unit.SHEET.value,
    "kaki": Unit.SQUARE_FOOT.value, "kaki persegi": Unit.SQUARE_FOOT.value, "sqft": Unit.SQUARE_FOOT.value,
    "ft2": Unit.SQUARE_FOOT.value, "kaki_persegi": Unit.SQUARE_FOOT.value,
}


def entry_units(base_unit: str) -> tuple[str, ...]:
    """Units that may be typed for a category with ``base_unit``."""
    return ENTRY_UNITS.get(base_unit, (base_unit,))


def stored_unit(entered_unit: str, base_unit: str) -> str:
    """The unit a line is stored and priced in (kodi/lusin become the base unit)."""
    return base_unit if entered_unit in COUNT_FACTORS else entered_unit


def to_stored(quantity: int, entered_unit: str, base_unit: str) -> int:
    """``250`` kodi of a pair category → ``5000`` (pairs); refuses a unit the category does not use."""
    if entered_unit not in entry_units(base_unit):
        raise ValidationError(
            _("Satuan {unit} tidak dipakai untuk produk yang dihitung per {base}.").format(
                unit=label(entered_unit, Unit), base=label(base_unit, Unit)
            ),
            field="unit",
        )
    return quantity * COUNT_FACTORS.get(entered_unit, 1)


def is_pairs(unit: str) -> bool:
    return unit == Unit.PAIR.value


def parse_quantity(text: str) -> tuple[int, str | None]:
    """``"250 kodi"`` → ``(250, "kodi")``; ``"40.000"`` → ``(40000, None)``.

    Zero is returned as is (the order rules refuse it with their own message).
    """
    raw = (text or "").strip()
    match = re.fullmatch(r"(?P<number>.*?[0-9])\s*(?P<unit>[a-z_][a-z_ 0-9]*)?", raw.lower())
    unit = None
    number = raw
    if match and match["unit"]:
        unit = _UNIT_WORDS.get(match["unit"].strip())
        if unit is None:
            raise ValidationError(
                _("Satuan \"{unit}\" tidak dikenal. Pakai pasang, kodi, lusin, buah, lembar atau kaki persegi.").format(
                    unit=match["unit"].strip()
                ),
                field="quantity",
            )
        number = match["number"]
    return parse_whole_number(number, strict=True, what=_("Jumlah"), field="quantity"), unit


def factor(entered_unit: str) -> int:
    """How many stored units one entered unit holds (kodi 20, lusin 12, else 1)."""
    return COUNT_FACTORS.get(entered_unit, 1)


def stored_price(price_per_entered: int, entered_unit: str) -> int:
    """A price typed per kodi/lusin as the whole Rupiah per stored unit (pair) it is kept in.

    ``1.700.000`` per kodi → ``85.000`` per pair. A price that does not divide evenly is rounded
    half up to the Rupiah (``1.000.000`` per lusin → ``83.333``); the form shows the result.
    """
    size = factor(entered_unit)
    return (price_per_entered * 2 + size) // (2 * size)


def entered_price(price_per_stored: int, entered_unit: str) -> int:
    """The stored per-pair price shown again per the unit the line was typed in."""
    return price_per_stored * factor(entered_unit)
