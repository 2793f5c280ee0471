"""The order form's rules without a window: typed texts in, order lines, hints and totals out."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.models.orders.capacity import CapacityCheck
from desktop.models.errors import ValidationError
from desktop.models.people.participants import CategoryRow
from desktop.views.order_form_state import OrderFormState, TypedLine

SHOES = CategoryRow(id=1, code="SW", name="Sepatu wanita", base_unit="pasang", is_raw_material=False)
LEATHER = CategoryRow(id=2, code="KL", name="Kulit", base_unit="kaki_persegi", is_raw_material=True)
DAY = dt.date(2020, 3, 5)
BLANK = TypedLine(category_id=1, unit="pasang", description="", quantity="", price="", delivery="", committed="")


def _state() -> OrderFormState:
    return OrderFormState([SHOES, LEATHER], DAY)


def test_a_kodi_line_is_kept_in_pairs_with_a_per_pair_price() -> None:
    typed = dataclasses.replace(BLANK, unit="kodi", quantity="250 kodi", price="1.700.000", delivery="+30")
    line = _state().read_line(typed)
    assert line is not None
    assert (line.quantity, line.unit, line.unit_price) == (250, "kodi", 85_000)
    assert line.delivery_date == DAY + dt.timedelta(days=30) and line.committed is None
    state = _state()
    assert state.quantity_hint(typed) == "= 5.000 pasang"
    assert state.price_hint(typed) == "= Rp 85.000 per pasang"
    assert state.price_caption(typed) == "Harga per kodi *"


def test_a_blank_editor_is_no_line_and_every_bad_field_is_named() -> None:
    state = _state()
    assert state.read_line(BLANK) is None
    bad = dataclasses.replace(BLANK, category_id=2, unit="kaki_persegi", quantity="3 kodi", price="murah",
                              delivery="kemarin", committed="banyak")
    with pytest.raises(ValidationError) as caught:
        state.read_line(bad)
    assert set(caught.value.problems) == {"unit", "unit_price", "delivery_date", "committed"}
    assert state.price_hint(bad) == "" and state.delivery_hint(bad) == ""  # reasons show on saving
    assert state.all_lines(bad, strict=False) == []
    with pytest.raises(ValidationError):
        state.all_lines(bad, strict=True)


def test_totals_count_what_the_capacity_check_leaves_unmet() -> None:
    state = _state()
    typed = dataclasses.replace(BLANK, quantity="1000", price="50000")
    line = state.read_line(typed)
    assert line is not None
    assert "Belum terpenuhi" not in state.totals_html([line])
    state.checks = (CapacityCheck(seller_id=9, applies=True, monthly_capacity=600, delivery_date=None, horizon_days=30,
                                  capacity_by_date=600, already_committed=0, available=600, requested=1000,
                                  fulfillable=600),)
    totals = state.totals_html([line])
    assert "Rp 50.000.000" in totals and "Rp 30.000.000" in totals and "Belum terpenuhi 400 pasang" in totals
    assert "Kurang 400 pasang" in state.capacity_html(typed, "ikm")
    assert state.capacity_html(BLANK, "ikm") == ""  # nothing typed: no sentence about the last check
    assert state.line_cells(line)[2:4] == ["1.000 pasang", "Rp 50.000 / pasang"]
