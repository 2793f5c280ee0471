from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop import formatting
from desktop.models.errors import ValidationError
from desktop.models.numbers import parse_indonesian_number, parse_rupiah, parse_whole_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.500", Decimal("1500")),
        ("1.500,50", Decimal("1500.50")),
        ("1,5 rb", Decimal("1500")),
        ("1,5 ribu", Decimal("1500")),
        ("2 jt", Decimal("2000000")),
        ("2,5 juta", Decimal("2500000")),
        ("1 M", Decimal("1000000000")),
        ("85rb", Decimal("85000")),
        ("85k", Decimal("85000")),
        ("Rp 85.000", Decimal("85000")),
        ("Rp. 85.000,-", Decimal("85000")),
        ("IDR 1.250.000", Decimal("1250000")),
        ("1.500 pasang", Decimal("1500")),
        ("1.500/bulan", Decimal("1500")),
        ("3.000 psg", Decimal("3000")),
        ("1 500", Decimal("1500")),
        ("1.5", Decimal("1.5")),
        ("1,5", Decimal("1.5")),
        ("1,500.50", Decimal("1500.50")),  # typed on an English keyboard
        ("1,500,000", Decimal("1500000")),
        ("-7", Decimal("-7")),
        ("\u00a01.500\u00a0", Decimal("1500")),
        (1500, Decimal("1500")),
        (1500.0, Decimal("1500")),
        (Decimal("12.5"), Decimal("12.5")),
    ],
)
def test_indonesian_numbers(text: object, expected: Decimal) -> None:
    assert parse_indonesian_number(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1.50.0", "1..5", "500-1000", "1,5 kg", "sekitar seribu", None, True])
def test_unreadable_numbers_say_why(text: object) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_indonesian_number(text)
    assert caught.value.message  # a sentence for the user, not a traceback


def test_whole_numbers_refuse_fractions_with_advice() -> None:
    assert parse_whole_number("1.500") == 1500
    assert parse_whole_number("1,5 rb") == 1500
    with pytest.raises(ValidationError, match="1.500"):
        parse_whole_number("1,500")  # 1,5 in Indonesian: not a whole number of pairs


def test_rupiah() -> None:
    assert parse_rupiah("Rp 85rb") == 85_000
    assert parse_rupiah("85.000,00") == 85_000
    assert parse_rupiah("1,5 jt") == 1_500_000
    assert parse_rupiah("Rp 12.500,50") == 12_501


@given(st.integers(min_value=0, max_value=10**12))
def test_what_formatting_writes_parses_back(value: int) -> None:
    assert parse_whole_number(formatting.number(value)) == value
    assert parse_rupiah(formatting.rupiah(value)) == value


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_decimal_comma_with_thousands(whole: int, cents: int) -> None:
    text = f"{formatting.number(whole)},{cents:02d}"
    assert parse_indonesian_number(text) == Decimal(whole) + Decimal(cents) / 100


@pytest.mark.parametrize(
    ("text", "lenient", "strict_words"),
    [
        ("85,000", 85, "titik"),  # a sheet reads the Indonesian decimal comma; the form asks for a dot
        ("Rp 12.500,50", 12_501, "sen"),  # sheets round sen, the order form refuses them
        ("85.00", 85, "tidak dapat dibaca"),
        ("2 M", 2_000_000_000, "angka, bukan huruf"),
        ("IDR 1.250.000", 1_250_000, "angka, bukan huruf"),
        ("85.000 rupiah", 85_000, "angka, bukan huruf"),
    ],
)
def test_rupiah_strictness_levels(text: str, lenient: int, strict_words: str) -> None:
    assert parse_rupiah(text) == lenient
    with pytest.raises(ValidationError) as caught:
        parse_rupiah(text, strict=True, field="price")
    assert strict_words in caught.value.message and caught.value.field == "price"


@pytest.mark.parametrize("text", ["85.000", "Rp 1.250.000,-", "1,5jt", "2.500rb", "12 500"])
def test_both_levels_agree_where_nothing_can_be_misread(text: str) -> None:
    assert parse_rupiah(text) == parse_rupiah(text, strict=True)


def test_whole_number_strictness_levels() -> None:
    assert parse_whole_number("1,5 rb") == 1500
    assert parse_whole_number("40.000", strict=True, what="Jumlah", field="q") == 40_000
    for text, words in [("1,5 rb", "tidak dapat dibaca"), ("2,5", "bilangan bulat"), ("", "Jumlah wajib")]:
        with pytest.raises(ValidationError) as caught:
            parse_whole_number(text, strict=True, what="Jumlah", field="q")
        assert words in caught.value.message and caught.value.field == "q"
