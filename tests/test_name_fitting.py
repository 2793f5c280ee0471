"""Host names in the board's headers: two lines, shortened with sense, never cut mid-word first."""

from __future__ import annotations

import pytest

from desktop.views.name_fitting import fit_name, short_name


def measure(text: str) -> int:
    return 7 * len(text)  # a monospaced stand-in: 7 px per character


@pytest.mark.parametrize(
    ("name", "width", "expected"),
    [
        ("PT Toserba Nusantara Raya", 140, ["Toserba Nusantara", "Raya"]),
        ("PT Toserba Nusantara Raya", 70, ["Toserba N.", "R."]),  # last words shortened first
        ("CV. Sumber Makmur Shoes", 100, ["Sumber Makmur", "Shoes"]),
        ("CV. Sumber Makmur Shoes", 56, ["Sumber", "M. S."]),
        ("Bank Daerah Mojokerto Cabang Utama", 84, ["Bank Daerah", "M. C. U."]),
        ("UD Sol", 140, ["Sol"]),
        ("Koperasi", 140, ["Koperasi"]),
    ],
)
def test_fit_name(name: str, width: int, expected: list[str]) -> None:
    lines = fit_name(name, measure, width)
    assert lines == expected
    assert all(measure(line) <= width for line in lines)


def test_a_word_too_long_for_the_width_is_elided_never_overflowing() -> None:
    lines = fit_name("Kurniawanjayaabadisentosa Sepatu", measure, 70)
    assert len(lines) <= 2 and all(measure(line) <= 70 for line in lines)
    assert lines == ["Kurniawan…", "Sepatu"]


def test_short_name_drops_only_the_legal_form() -> None:
    assert short_name("CV. Sumber Makmur Shoes") == "Sumber Makmur Shoes"
    assert short_name("Toko Daring Langkah Kita") == "Daring Langkah Kita"
    assert short_name("Tokopedia Jaya") == "Tokopedia Jaya"


def test_signs_and_brackets_do_not_make_odd_initials() -> None:
    lines = fit_name('Asosiasi Persepatuan Indonesia (Aprisindo)', measure, 70)
    assert lines == ["Asosiasi", "P. I. A."]
    assert fit_name('CV "Lem & Bahan Kulit" Sidoarjo', measure, 70) == ['"Lem & B.', "K. S."]
