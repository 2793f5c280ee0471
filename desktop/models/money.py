"""Reading Rupiah amounts and whole quantities the way they are typed at an Indonesian table.

Money is always an ``int`` of whole Rupiah: the Rupiah has no cents in trade, so a
decimal part (``85.000,50``) is refused instead of being rounded away silently.

Accepted prices (case and spaces do not matter):

- plain digits ``85000``; dots as thousands separators ``85.000``, ``1.250.000``
- a leading ``Rp`` / ``Rp.`` and a trailing ``,-`` or ``,00`` (``Rp 85.000,-``)
- the spoken shorthands ``rb``/``ribu``/``k`` (×1.000) and ``jt``/``juta`` (×1.000.000),
  also with a decimal: ``85rb``, ``Rp85rb``, ``1,5jt``, ``1.5 juta``, ``2.500rb``

Refused with a message that says how to write it: cents (``85.000,50``), a comma used as a
thousands separator (``85,000`` — it reads as 85 Rupiah in Indonesian), badly grouped dots
(``85.00``), words (``delapan puluh``), negative amounts, and absurd sizes.
"""

from __future__ import annotations

import re
from decimal import Decimal

from desktop.i18n import _
from desktop.models.errors import ValidationError

# Far above any unit price or order total of the event; keeps every sum inside BIGINT.
MAX_RUPIAH = 10**15

_MULTIPLIERS = {"rb": 1_000, "ribu": 1_000, "k": 1_000, "jt": 1_000_000, "juta": 1_000_000}
_SUFFIX = re.compile(r"^(?P<number>[0-9][0-9.,]*)\s*(?P<suffix>ribu|rb|k|juta|jt)$")
_GROUPED = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$")
_SPACED = re.compile(r"^[0-9]{1,3}( [0-9]{3})+$")


def _example() -> str:
    return _("Tulis misalnya 85000, 85.000 atau 85rb.")


def parse_rupiah(text: str, *, field: str = "unit_price") -> int:
    """``"85rb"`` → ``85000``; raises :class:`ValidationError` with a message for the user."""
    raw = (text or "").strip()
    if not raw:
        raise ValidationError(_("Harga wajib diisi.") + " " + _example(), field=field)
    value = raw.lower().replace("\u00a0", " ")
    value = re.sub(r"^rp\.?\s*", "", value)
    if value.startswith("-"):
        raise ValidationError(_("Harga tidak boleh negatif."), field=field)
    value = re.sub(r"\s*,\s*-$", "", value)  # "Rp 85.000,-"
    value = value.strip()
    suffixed = _SUFFIX.match(value)
    if suffixed:
        amount = _with_multiplier(suffixed["number"], _MULTIPLIERS[suffixed["suffix"]], raw, field)
    else:
        amount = _plain_amount(value, raw, field)
    if amount > MAX_RUPIAH:
        raise ValidationError(_("Harga {text} terlalu besar.").format(text=raw), field=field)
    return amount


def _plain_amount(value: str, raw: str, field: str) -> int:
    if re.search(r"[a-z]", value):
        raise ValidationError(
            _("Harga \"{text}\" tidak dapat dibaca: tulis dengan angka, bukan huruf.").format(text=raw) + " " + _example(),
            field=field,
        )
    whole, comma, cents = value.partition(",")
    if comma:
        if re.fullmatch(r"0{1,2}", cents):
            value = whole  # "85.000,00" has no cents after all
        elif re.fullmatch(r"[0-9]{3}(,[0-9]{3})*", cents):
            raise ValidationError(
                _("Harga \"{text}\": pemisah ribuan ditulis dengan titik, mis. 85.000.").format(text=raw), field=field
            )
        else:
            raise ValidationError(
                _("Harga \"{text}\" memakai sen; Rupiah dibulatkan ke rupiah utuh, mis. 85.000.").format(text=raw),
                field=field,
            )
    if value.isascii() and value.isdigit():
        return int(value)
    if _GROUPED.fullmatch(value) or _SPACED.fullmatch(value):
        return int(re.sub(r"[. ]", "", value))
    raise ValidationError(_("Harga \"{text}\" tidak dapat dibaca.").format(text=raw) + " " + _example(), field=field)


def _with_multiplier(number: str, multiplier: int, raw: str, field: str) -> int:
    """``2.500rb`` (thousands dot) and ``1,5jt`` / ``1.5jt`` (decimal mark) both read as people mean them."""
    if _GROUPED.fullmatch(number):
        base = Decimal(number.replace(".", ""))
    elif re.fullmatch(r"[0-9]+([.,][0-9]+)?", number):
        base = Decimal(number.replace(",", "."))
    else:
        raise ValidationError(_("Harga \"{text}\" tidak dapat dibaca.").format(text=raw) + " " + _example(), field=field)
    amount = base * multiplier
    if amount != amount.to_integral_value():
        raise ValidationError(
            _("Harga \"{text}\" memakai sen; Rupiah dibulatkan ke rupiah utuh, mis. 85.000.").format(text=raw),
            field=field,
        )
    return int(amount)


def parse_whole_number(text: str, *, what: str, field: str) -> int:
    """A count typed as ``40000``, ``40.000`` or ``40 000``; fractions and words are refused.

    ``what`` is the already-translated name of the quantity, used in the messages.
    """
    raw = (text or "").strip()
    if not raw:
        raise ValidationError(_("{what} wajib diisi.").format(what=what), field=field)
    value = raw.replace("\u00a0", " ")
    if value.startswith("-"):
        raise ValidationError(_("{what} tidak boleh negatif.").format(what=what), field=field)
    if value.isascii() and value.isdigit():
        return int(value)
    if _GROUPED.fullmatch(value) or _SPACED.fullmatch(value):
        return int(re.sub(r"[. ]", "", value))
    if re.fullmatch(r"[0-9.]*[0-9][,.][0-9]+", value):
        raise ValidationError(_("{what} harus bilangan bulat, tanpa pecahan.").format(what=what), field=field)
    raise ValidationError(
        _("{what} \"{text}\" tidak dapat dibaca: tulis dengan angka, mis. 40000 atau 40.000.").format(
            what=what, text=raw
        ),
        field=field,
    )
