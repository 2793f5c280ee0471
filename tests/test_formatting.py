import datetime as dt

import pytest

from desktop import formatting, i18n


def test_rupiah_uses_dots_and_prefix() -> None:
    assert formatting.rupiah(1_250_000) == "Rp 1.250.000"
    assert formatting.rupiah(0) == "Rp 0"
    assert formatting.rupiah(-5000) == "-Rp 5.000"


def test_numbers_and_pairs() -> None:
    assert formatting.number(40000) == "40.000"
    assert formatting.pairs(1500) == "1.500 pasang"
    i18n.set_language("en")
    assert formatting.pairs(1500) == "1,500 pairs"  # English papers, English separators
    assert formatting.rupiah(1_250_000) == "Rp 1,250,000"


@pytest.mark.parametrize(("quantity", "unit", "expected"), [(3, "kodi", 60), (2, "lusin", 24), (7, "pasang", 7)])
def test_units_convert_to_pairs(quantity: int, unit: str, expected: int) -> None:
    assert formatting.pairs_from_unit(quantity, unit) == expected


def test_unknown_unit_is_refused() -> None:
    with pytest.raises(ValueError):
        formatting.pairs_from_unit(1, "karung")


def test_indonesian_and_english_dates() -> None:
    day = dt.date(2020, 3, 6)
    assert formatting.long_date(day) == "Jumat, 6 Maret 2020"
    i18n.set_language("en")
    assert formatting.long_date(day) == "Friday, 6 March 2020"


def test_clock_and_range() -> None:
    assert formatting.clock(dt.time(8, 42)) == "08:42"
    assert formatting.time_range(dt.time(9, 0), dt.time(9, 20)) == "09:00–09:20"
