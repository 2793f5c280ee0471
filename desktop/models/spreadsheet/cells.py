"""Turning one cell into one field value, with the reason in words when it cannot be done."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from desktop.i18n import _
from desktop.models.errors import ValidationError
from desktop.models.numbers import parse_whole_number
from desktop.models.spreadsheet.reader import CellValue, UnreadFormula, cell_text

YES_WORDS = {"ya", "y", "iya", "yes", "true", "benar", "1", "v", "x", "ada", "berminat", "minat"}
NO_WORDS = {"tidak", "t", "tdk", "no", "n", "false", "salah", "0", "-", "belum", "tidakberminat"}
# Characters that make a spreadsheet treat text as a formula (see export: they are written as text).
FORMULA_START = ("=", "+", "-", "@")
_PHONE_SPLIT = re.compile(r"\s*(?:/|,|;|\s+atau\s+|\s+or\s+|&|\n)\s*", re.IGNORECASE)


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
    """``1.500``, ``1,5 rb``, ``1500`` or a number cell; empty gives None."""
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


def phone_text(value: CellValue, caption: str) -> tuple[str, str | None]:
    """The phone as typed (normalised later), and a warning when the cell held several numbers."""
    _refuse_formula(value, caption)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        raise CellProblem(
            _("Kolom {column} berisi tanggal ({value}), bukan nomor telepon.").format(column=caption, value=cell_text(value))
        )
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel stored 081234567890 as the number 81234567890
    raw = cell_text(value)
    parts = [part for part in _PHONE_SPLIT.split(raw) if part.strip()]
    if len(parts) > 1:
        return parts[0], _("Sel nomor HP berisi {count} nomor; hanya {first} yang disimpan.").format(
            count=len(parts), first=parts[0]
        )
    return raw, None


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
