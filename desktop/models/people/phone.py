"""Indonesian phone numbers, normalised to ``+62…``."""

from __future__ import annotations

import re

from desktop.i18n import _
from desktop.models.errors import ValidationError

_ALLOWED = re.compile(r"^[\d\s+\-().]*$")


def normalize_phone(raw: str) -> str:
    """``0812-3456-7890``, ``62812…``, ``+62 812 …``, ``(0321) 321456`` → ``+62…``.

    Empty input gives ``""`` (a phone is optional). Anything else that is not a
    plausible Indonesian number raises :class:`ValidationError`.
    """
    text = (raw or "").strip()
    if not text:
        return ""
    if not _ALLOWED.match(text):
        raise ValidationError(
            _("Nomor telepon hanya boleh berisi angka, spasi, +, - dan tanda kurung."), field="phone"
        )
    digits = re.sub(r"\D", "", text)
    if digits.startswith("62"):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    elif digits.startswith("8"):
        national = digits  # typed without the leading 0
    else:
        raise ValidationError(
            _("Nomor telepon harus diawali 0, 62 atau +62 (contoh: 0812-3456-7890)."), field="phone"
        )
    national = national.lstrip("0")
    if not 8 <= len(national) <= 13:
        raise ValidationError(
            _("Nomor telepon terlalu pendek atau terlalu panjang (contoh: 0812-3456-7890)."), field="phone"
        )
    return f"+62{national}"


def phone_digits(phone: str) -> str:
    """Digits only, for searching by a fragment such as ``3456``."""
    return re.sub(r"\D", "", phone or "")


# The numbering plan's two-digit area codes (Jakarta, Bandung, Semarang, Surabaya, Medan);
# every other area code has three digits after the 0 (Mojokerto 0321).
TWO_DIGIT_AREAS = ("21", "22", "24", "31", "61")


def display_phone(phone: str) -> str:
    """``+6281234567890`` → ``0812-3456-7890``, ``+62215475333`` → ``021-5475333`` (as written in Indonesia)."""
    if not phone.startswith("+62"):
        return phone
    local = "0" + phone[3:]
    if local.startswith("08"):
        parts = [local[:4], local[4:8], local[8:]]
    elif local[1:3] in TWO_DIGIT_AREAS:
        parts = [local[:3], local[3:]]  # the area code stays whole: 021-5475333
    else:
        parts = [local[:4], local[4:]]
    return "-".join(part for part in parts if part)


# ---- phone cells of a spreadsheet -------------------------------------------------------------
# Area codes of East Java without their 0 (031 Surabaya, 0321 Mojokerto/Jombang, 0341 Malang …):
# a landline stored as a number cell loses its leading 0 and starts with one of these.
_EAST_JAVA_AREA = re.compile(r"^(?:31|32[1-8]|33[1-8]|34[1-3]|35[1-8])")
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?\s*e\s*\+?\d+$", re.IGNORECASE)
_LABELS = re.compile(
    r"\b(?:whats\s*app|whatsapp|wa|hp|telp|tlp|telepon|telpon|tel|phone|mobile|no|nomor|kantor|rumah|fax|faks)\b\.?\s*:?",
    re.IGNORECASE,
)
_NUMBER_SPAN = re.compile(r"\+?\(?\d[\d\s\-.()]*\d\)?")
_SEPARATORS = re.compile(r"\s*(?:/|,|;|\||&|\n|\s+atau\s+|\s+or\s+|\s+dan\s+)\s*", re.IGNORECASE)


class ScientificPhone(ValueError):
    """Excel showed a long number as ``6,28128E+11``: its last digits are gone for good."""


def restore_lost_zero(digits: str) -> str:
    """A number cell dropped the 0 of ``0812…`` or ``0321…``; put it back (digits only in and out)."""
    if digits.startswith("8") and 9 <= len(digits) <= 12:
        return "0" + digits
    if _EAST_JAVA_AREA.match(digits) and 8 <= len(digits) <= 10:
        return "0" + digits
    return digits


def split_phone_cell(text: str) -> tuple[list[str], list[str]]:
    """(numbers normalised to ``+62…``, parts that are not a number) of a cell as people fill it in.

    ``WA 0812…``, ``0812… (WA)``, ``'0812…`` (Excel's text mark), ``Telp. (0321) 321456`` and several
    numbers separated by ``/``, ``,``, ``atau`` … are all read. Raises :class:`ScientificPhone` for
    ``6,28128E+11``.
    """
    cleaned = (text or "").strip().lstrip("'’`").strip()
    if _SCIENTIFIC.match(cleaned.replace(" ", "")):
        raise ScientificPhone(cleaned)
    numbers: list[str] = []
    unreadable: list[str] = []
    for part in _SEPARATORS.split(cleaned):
        part = _LABELS.sub(" ", part).strip(" :()-.")
        if not part:
            continue
        spans = [span.group(0) for span in _NUMBER_SPAN.finditer(part)]
        candidates = [span for span in spans if len(re.sub(r"\D", "", span)) >= 6]
        if not candidates:
            unreadable.append(part)
            continue
        for span in candidates:
            digits = re.sub(r"\D", "", span)
            plus = span.lstrip("(").startswith("+")
            candidate = ("+" + digits) if plus else restore_lost_zero(digits)
            try:
                numbers.append(normalize_phone(candidate))
            except ValidationError:
                unreadable.append(span.strip())
    unique = list(dict.fromkeys(numbers))
    return unique, unreadable
