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
