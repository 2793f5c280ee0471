"""Turning one cell into one field value, with the reason in words when it cannot be done."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from desktop.i18n import _
from desktop.models.people import phone
from desktop.models.errors import ValidationError
from desktop.models.numbers import parse_whole_number, read_count
from desktop.models.spreadsheet.reader import CellValue, UnreadFormula, cell_text

YES_WORDS = {"ya", "y", "iya", "yes", "true", "benar", "1", "v", "x", "ada", "berminat", "minat"}
NO_WORDS = {"tidak", "t", "tdk", "no", "n", "false", "salah", "0", "-", "belum", "tidakberminat"}
# Characters that make a spreadsheet treat text as a formula (see export: they are written as text).
FORMULA_START = ("=", "+", "-", "@")


class CellProblem(ValueError):
    """A cell that cannot become a value; ``message`` is ready to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _refuse_formula(value: CellValue, caption: str) -> None:
    if isinstance(value, UnreadFormula):
        raise CellProblem(
            _("Kolom {column} berisi rumus {formula} yang hasilnya tidak tersimpan di berkas. Buka berkas di "
              "Excel atau LibreOffice, simpan, lalu impor lagi.").format(column=caption, formula=str(value))
        )


def text(value: CellValue, caption: str, *, multiline: bool = False) -> str:
    _refuse_formula(value, caption)
    return cell_text(value, multiline=multiline)


def whole_number(value: CellValue, caption: str) -> int | None:
    """A strict count (``1.500``, ``1,5 rb``, ``1500`` or a number cell) where a guess would be wrong,
    such as the number of meetings a pair asks for; empty gives None."""
    _refuse_formula(value, caption)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        raise CellProblem(
            _("Kolom {column} berisi tanggal/jam ({value}), bukan angka. Ubah format sel menjadi Angka.").format(
                column=caption, value=cell_text(value)
            )
        )
    try:
        return parse_whole_number(value)
    except ValidationError as error:
        raise CellProblem(_("{column}: {message}").format(column=caption, message=error.message)) from None


def yes_no(value: CellValue, caption: str) -> tuple[bool, str | None]:
    """(answer, warning or None). Unclear answers count as no, with a warning."""
    _refuse_formula(value, caption)
    if isinstance(value, bool):
        return value, None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value != 0, None
    word = re.sub(r"[^0-9a-z✓]", "", cell_text(value).lower())
    if word in YES_WORDS or word == "✓":
        return True, None
    if not word or word in NO_WORDS:
        return False, None
    return False, _("{column}: \"{value}\" tidak dikenali sebagai Ya/Tidak, dianggap Tidak.").format(
        column=caption, value=cell_text(value)
    )


@dataclass(frozen=True)
class PhoneCell:
    phone: str  # ``+62…`` or "" (a phone is optional: a cell that holds none leaves it empty)
    others: tuple[str, ...]  # further numbers of the same cell, ``+62…``
    warnings: tuple[str, ...]


def phone_cell(value: CellValue, caption: str) -> PhoneCell:
    """A phone cell read as a person would; never an error (the row is kept, the field may stay empty)."""
    if isinstance(value, UnreadFormula) or isinstance(value, (dt.datetime, dt.date, dt.time)):
        return PhoneCell("", (), (_("{column}: \"{value}\" bukan nomor telepon; dikosongkan.").format(
            column=caption, value=cell_text(value)),))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        digits = str(value)
        if len(digits) >= 11 and digits.endswith("00000"):
            return PhoneCell("", (), (_scientific(caption, digits),))
        value = digits if digits.startswith("62") else phone.restore_lost_zero(digits)
    raw = cell_text(value)
    if not raw or raw in ("-", "--", "—"):
        return PhoneCell("", (), ())
    try:
        numbers, unreadable = phone.split_phone_cell(raw)
    except phone.ScientificPhone:
        return PhoneCell("", (), (_scientific(caption, raw),))
    warnings: list[str] = []
    if len(numbers) > 1:
        warnings.append(_("{column} berisi {count} nomor: {first} disimpan sebagai nomor utama, yang lain "
                          "dicatat di Catatan.").format(column=caption, count=len(numbers),
                                                        first=phone.display_phone(numbers[0])))
    if unreadable:
        warnings.append(_("{column}: \"{value}\" bukan nomor telepon yang dapat dibaca; {what}.").format(
            column=caption, value=", ".join(unreadable),
            what=_("tidak disimpan") if numbers else _("kolom dikosongkan, baris tetap diimpor")))
    return PhoneCell(numbers[0] if numbers else "", tuple(numbers[1:]), tuple(warnings))


def _scientific(caption: str, shown: str) -> str:
    return _("{column}: \"{value}\" adalah nomor yang diubah Excel menjadi notasi ilmiah (angka terakhirnya "
             "hilang). Nomor tidak disimpan; format kolom sebagai Teks dan ketik ulang nomornya.").format(
        column=caption, value=shown)


def count(value: CellValue, caption: str) -> tuple[int | None, str | None]:
    """An optional count (capacity, delegation): read as a person reads it, never an error."""
    if isinstance(value, UnreadFormula):
        return None, _("Kolom {column} berisi rumus {formula} yang hasilnya tidak tersimpan di berkas; "
                       "dikosongkan.").format(column=caption, formula=str(value))
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return None, _("Kolom {column} berisi tanggal/jam ({value}), bukan angka; dikosongkan.").format(
            column=caption, value=cell_text(value))
    return read_count(value, caption)


def formula_like_warning(value: str, caption: str) -> str | None:
    """Text such as ``=cmd|…`` is kept as plain text; say so, it is often a paste accident or worse."""
    if value.startswith(FORMULA_START[0]) or value.startswith("@"):
        return _("{column} diawali \"{char}\" seperti rumus; disimpan sebagai teks biasa.").format(
            column=caption, char=value[0]
        )
    return None


def split_list(value: str) -> list[str]:
    """``Sepatu pria, sandal / sandal jepit dan tas`` → four items."""
    items = re.split(r"\s*(?:,|;|/|\n|\+|&|\s+dan\s+|\s+and\s+)\s*", value, flags=re.IGNORECASE)
    return [item.strip(" .") for item in items if item.strip(" .")]
