"""Rupiah and quantity parsing, and unit conversion per category."""

import pytest

from desktop.models.errors import ValidationError
from desktop.models.numbers import parse_rupiah, parse_whole_number
from desktop.models.orders.units import entered_price, entry_units, parse_quantity, stored_price, stored_unit, to_stored


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("85000", 85000),
        ("85.000", 85000),
        ("Rp 85.000", 85000),
        ("rp85.000,-", 85000),
        ("Rp 85.000,00", 85000),
        ("85rb", 85000),
        ("85 ribu", 85000),
        ("Rp85rb", 85000),
        ("85K", 85000),
        ("1,5jt", 1_500_000),
        ("1.5 juta", 1_500_000),
        ("2.500rb", 2_500_000),
        ("1.250.000", 1_250_000),
        ("0", 0),
        ("  12 500 ", 12500),
    ],
)
def test_prices_typed_at_the_table(text: str, expected: int) -> None:
    assert parse_rupiah(text, strict=True) == expected
    assert isinstance(parse_rupiah(text, strict=True), int)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("85.000,50", "sen"),
        ("85,5", "sen"),
        ("1,0005rb", "sen"),
        ("85,000", "titik"),
        ("delapan puluh", "angka, bukan huruf"),
        ("delapan puluh ribu", "angka, bukan huruf"),
        ("-5000", "negatif"),
        ("", "wajib"),
        ("85.00", "tidak dapat dibaca"),
        ("8.5.000", "tidak dapat dibaca"),
        ("9" * 20, "terlalu besar"),
    ],
)
def test_bad_prices_get_a_clear_message(text: str, words: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_rupiah(text, strict=True)
    assert words in info.value.message
    assert info.value.field == "unit_price"


def test_whole_numbers() -> None:
    assert parse_whole_number("40.000", strict=True, what="Jumlah", field="q") == 40000
    assert parse_whole_number("40 000", strict=True, what="Jumlah", field="q") == 40000
    for text, words in [("2,5", "bilangan bulat"), ("-3", "negatif"), ("empat", "angka"), ("", "wajib")]:
        with pytest.raises(ValidationError) as info:
            parse_whole_number(text, strict=True, what="Jumlah", field="q")
        assert words in info.value.message


def test_quantity_with_a_unit_word() -> None:
    assert parse_quantity("250 kodi") == (250, "kodi")
    assert parse_quantity("10lsn") == (10, "lusin")
    assert parse_quantity("40.000") == (40000, None)
    assert parse_quantity("120 sqft") == (120, "kaki_persegi")
    with pytest.raises(ValidationError) as info:
        parse_quantity("3 karung")
    assert "karung" in info.value.message


def test_units_per_category_and_conversion() -> None:
    assert entry_units("pasang") == ("pasang", "kodi", "lusin")
    assert entry_units("kaki_persegi") == ("kaki_persegi", "lembar")
    assert to_stored(250, "kodi", "pasang") == 5000
    assert to_stored(3, "lusin", "pasang") == 36
    assert to_stored(2, "lusin", "buah") == 24 and stored_unit("lusin", "buah") == "buah"
    # Sheets of leather are not converted: a hide's area varies.
    assert to_stored(40, "lembar", "kaki_persegi") == 40 and stored_unit("lembar", "kaki_persegi") == "lembar"
    with pytest.raises(ValidationError) as info:
        to_stored(5, "kodi", "kaki_persegi")
    assert "kodi" in info.value.message


def test_superscript_and_other_unicode_digits_are_refused_not_crashing() -> None:
    from desktop.models.errors import DomainError
    from desktop.models.orders.units import parse_quantity

    for text in ("²", "٣٠", "1²"):
        with pytest.raises(DomainError):
            parse_quantity(text)


@pytest.mark.parametrize(
    ("typed", "unit", "per_pair", "shown_again"),
    [
        (1_700_000, "kodi", 85_000, 1_700_000),
        (1_020_000, "lusin", 85_000, 1_020_000),
        (1_000_000, "lusin", 83_333, 999_996),  # does not divide: rounded to the Rupiah, shown as such
        (85_000, "pasang", 85_000, 85_000),
        (10, "kodi", 1, 20),  # half a Rupiah rounds up
        (0, "kodi", 0, 0),
    ],
)
def test_price_typed_per_unit_is_kept_per_pair(typed: int, unit: str, per_pair: int, shown_again: int) -> None:
    assert stored_price(typed, unit) == per_pair
    assert entered_price(per_pair, unit) == shown_again
