"""What the order form knows apart from its widgets: reading the typed line, hints, totals.

Plain Python (no Qt), so the rules of the form can be tested without a window: the dialog hands
in the texts of its fields as a :class:`TypedLine` and shows the strings it gets back.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop import formatting
from desktop.i18n import _
from desktop.models.orders.capacity import CapacityCheck, describe_check
from desktop.models.enums import ParticipantKind, Unit, label
from desktop.models.errors import ValidationError
from desktop.models.numbers import parse_rupiah, parse_whole_number
from desktop.models.orders import LineData, parse_delivery_date
from desktop.models.people.participants import CategoryRow
from desktop.models.orders.units import (
    entered_price,
    entry_units,
    factor,
    is_pairs,
    parse_quantity,
    stored_price,
    stored_unit,
    to_stored,
)

ERROR_COLOUR = "#b00020"


@dataclass(frozen=True)
class TypedLine:
    """The line editor's fields as typed (texts) and chosen (category id, unit word)."""

    category_id: int | None
    unit: str | None
    description: str
    quantity: str
    price: str
    delivery: str
    committed: str

    def is_blank(self) -> bool:
        return not any(text.strip() for text in (self.quantity, self.price, self.description))


class OrderFormState:
    """The lines kept so far, the last capacity checks and the rules that turn typing into data."""

    def __init__(self, categories: Sequence[CategoryRow], event_date: dt.date) -> None:
        self.categories = {category.id: category for category in categories}
        self.event_date = event_date
        self.lines: list[LineData] = []
        self.checks: tuple[CapacityCheck | None, ...] = ()

    def category(self, category_id: int | None) -> CategoryRow | None:
        return self.categories.get(category_id) if category_id is not None else None

    def units_for(self, category_id: int | None) -> list[str]:
        """The units a quantity may be typed in for this product (pairs when none is chosen)."""
        category = self.category(category_id)
        return list(entry_units(category.base_unit if category else Unit.PAIR.value))

    @staticmethod
    def unit_typed(quantity_text: str) -> str | None:
        """The unit word typed with the quantity ("250 kodi"), or None (also for unreadable text)."""
        try:
            return parse_quantity(quantity_text)[1]
        except ValidationError:
            return None

    # ---- reading the typed line ----------------------------------------------------------
    def read_line(self, typed: TypedLine) -> LineData | None:
        """The typed line, or None when its fields are empty; raises with every problem by field."""
        if typed.is_blank():
            return None
        problems: dict[str, str] = {}
        quantity, price, delivery, committed = 0, 0, None, None
        try:
            quantity, unit_word = parse_quantity(typed.quantity)
            if unit_word is not None and unit_word not in self.units_for(typed.category_id):
                problems["unit"] = _("Satuan {unit} tidak dipakai untuk produk ini.").format(unit=label(unit_word, Unit))
        except ValidationError as error:
            problems["quantity"] = error.message
        try:
            price = parse_rupiah(typed.price, strict=True)
        except ValidationError as error:
            problems["unit_price"] = error.message
        try:
            delivery = parse_delivery_date(typed.delivery, self.event_date)
        except ValidationError as error:
            problems["delivery_date"] = error.message
        if typed.committed.strip():
            try:
                committed = parse_whole_number(typed.committed, strict=True, what=_("Yang disanggupi"),
                                               field="committed")
            except ValidationError as error:
                problems["committed"] = error.message
        if problems:
            raise ValidationError(next(iter(problems.values())), field=next(iter(problems)), problems=problems)
        return LineData(
            category_id=typed.category_id,
            quantity=quantity,
            unit=typed.unit,
            unit_price=stored_price(price, typed.unit or Unit.PAIR.value),  # kept per pair
            description=typed.description,
            delivery_date=delivery,
            committed=committed,
        )

    def all_lines(self, typed: TypedLine, *, strict: bool) -> list[LineData]:
        """Kept lines plus the typed one; with ``strict`` an unreadable typed line raises."""
        lines = list(self.lines)
        try:
            current = self.read_line(typed)
        except ValidationError:
            if strict:
                raise
            current = None
        if current is not None:
            lines.append(current)
        return lines

    # ---- hints under the fields ----------------------------------------------------------
    def price_caption(self, typed: TypedLine) -> str:
        return _("Harga per {unit} *").format(unit=label(typed.unit or Unit.PAIR.value, Unit))

    def price_hint(self, typed: TypedLine) -> str:
        """``= Rp 85.000 per pasang`` (the price is typed per the quantity's unit, kept per pair)."""
        return _quiet(typed.price, lambda: self._price_words(typed))

    def quantity_hint(self, typed: TypedLine) -> str:
        """``= 30.000 pasang`` when kodi or lusin were typed."""
        return _quiet(typed.quantity, lambda: self._quantity_words(typed))

    def delivery_hint(self, typed: TypedLine) -> str:
        return _quiet(typed.delivery, lambda: self._date_words(typed))

    def _price_words(self, typed: TypedLine) -> str:
        unit = typed.unit or Unit.PAIR.value
        category = self.category(typed.category_id)
        base_word = label(stored_unit(unit, category.base_unit if category else Unit.PAIR.value), Unit)
        price = parse_rupiah(typed.price, strict=True)
        if factor(unit) == 1:
            return _("= {amount} per {unit}").format(amount=formatting.rupiah(price), unit=base_word)
        kept = stored_price(price, unit)
        text = _("= {amount} per {unit}").format(amount=formatting.rupiah(kept), unit=base_word)
        if entered_price(kept, unit) != price:
            text += " " + _("(dibulatkan)")
        return text

    def _quantity_words(self, typed: TypedLine) -> str:
        category = self.category(typed.category_id)
        unit = typed.unit
        quantity, _unit_word = parse_quantity(typed.quantity)
        if category is None or unit is None or stored_unit(unit, category.base_unit) == unit:
            return ""
        stored = to_stored(quantity, unit, category.base_unit)
        return f"= {formatting.number(stored)} {label(category.base_unit, Unit)}"

    def _date_words(self, typed: TypedLine) -> str:
        day = parse_delivery_date(typed.delivery, self.event_date)
        return formatting.long_date(day) if day else ""

    # ---- the kept lines, capacity and totals ---------------------------------------------
    def line_cells(self, line: LineData) -> list[str]:
        """One kept line as the six cells of the lines table."""
        category = self.category(line.category_id) if line.category_id else None
        base = category.base_unit if category else Unit.PAIR.value
        kept_unit = label(stored_unit(line.unit, base), Unit)
        return [
            category.name if category else "—",
            line.description,
            f"{formatting.number(line.quantity)} {label(line.unit, Unit)}",
            f"{formatting.rupiah(line.unit_price)} / {kept_unit}",
            formatting.short_date(line.delivery_date) if line.delivery_date else "—",
            "" if line.committed is None else f"{formatting.number(line.committed)} {kept_unit}",
        ]

    def capacity_html(self, typed: TypedLine, seller_kind: str | None) -> str:
        """What the seller can make of the typed line (the last check), as rich text."""
        check = self.checks[-1] if self.checks and not typed.is_blank() else None
        if check is None:
            return ""
        if not check.applies:
            if check.monthly_capacity is None and seller_kind == ParticipantKind.IKM.value:
                return _("Kapasitas IKM ini belum dicatat: tidak dicek.")
            return ""
        text = describe_check(check, emphasis=lambda figure: f"<b>{html.escape(figure)}</b>")
        if check.shortfall:
            text += " <span style='color:%s'><b>%s</b></span>" % (
                ERROR_COLOUR,
                _("Kurang {shortfall} pasang: sisanya dapat dibagi ke IKM lain setelah disimpan.").format(
                    shortfall=formatting.number(check.shortfall)
                ),
            )
        return text

    def totals_html(self, lines: Sequence[LineData]) -> str:
        """Asked and committed pairs and value; what the capacity check leaves unmet in red."""
        requested_pairs = committed_pairs = requested_value = committed_value = 0
        for index, line in enumerate(lines):
            category = self.category(line.category_id) if line.category_id else None
            if category is None or line.quantity <= 0:
                continue
            try:
                requested = to_stored(line.quantity, line.unit, category.base_unit)
            except ValidationError:
                continue
            check = self.checks[index] if index < len(self.checks) else None
            committed = line.committed
            if committed is None:
                committed = check.fulfillable if check is not None and check.applies else requested
            if is_pairs(stored_unit(line.unit, category.base_unit)):
                requested_pairs += requested
                committed_pairs += committed
            requested_value += requested * line.unit_price
            committed_value += committed * line.unit_price
        text = _("Diminta <b>{pairs}</b> · {value}  —  Disanggupi <b>{committed_pairs}</b> · <b>{committed_value}</b>").format(
            pairs=formatting.pairs(requested_pairs),
            value=formatting.rupiah(requested_value),
            committed_pairs=formatting.pairs(committed_pairs),
            committed_value=formatting.rupiah(committed_value),
        )
        if requested_pairs > committed_pairs:
            text += "  —  <span style='color:%s'>%s</span>" % (
                ERROR_COLOUR,
                _("Belum terpenuhi {pairs}").format(pairs=formatting.pairs(requested_pairs - committed_pairs)),
            )
        return text


def _quiet(text: str, make: Callable[[], str]) -> str:
    """A hint for a filled field; unreadable input gives none (its reason shows on saving)."""
    if not text.strip():
        return ""
    try:
        return make()
    except ValidationError:
        return ""


__all__ = ["ERROR_COLOUR", "OrderFormState", "TypedLine"]
