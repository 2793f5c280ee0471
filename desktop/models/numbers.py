"""Numbers the way people in Indonesia type them: ``1.500``, ``1.500,50``, ``1,5 rb``, ``2 jt``, ``Rp 85rb``.

One tested place for every feature that reads numbers typed by people (imports, orders,
prices). No Qt here. The rules, in order:

* ``.`` groups thousands and ``,`` marks decimals (Indonesian); when both appear, the last
  one is the decimal mark, so an English ``1,500.50`` is read right too;
* a single ``.`` followed by exactly three digits groups thousands (``1.500`` = 1500),
  otherwise it is a decimal point (``1.5``); ``,`` is always a decimal comma unless it
  repeats in groups of three (``1,500,000``);
* a scale word multiplies: ``rb``/``ribu``/``k`` ×1.000, ``jt``/``juta`` ×1.000.000,
  ``m``/``miliar``/``milyar`` ×1.000.000.000;
* ``Rp`` and unit words (``pasang``, ``psg``, ``pcs``, ``/bulan`` …) around the number are ignored.

Two strictness levels, one reader per kind (``parse_rupiah``, ``parse_whole_number``):

* lenient (the default: sheets and lists) reads all of the above, rounds sen to whole Rupiah;
* ``strict=True`` (what an operator types into the order form) takes only what cannot be misread:
  digits, dots grouping thousands (``85.000``, ``1.250.000``) or spaces (``12 500``), a leading
  ``Rp``, a trailing ``,-`` or ``,00``, and ``rb``/``ribu``/``k``/``jt``/``juta`` (``1,5jt``,
  ``2.500rb``). It refuses, with a message that says how to write it, sen (``85.000,50``), a comma
  grouping thousands (``85,000`` reads as 85 in Indonesian), bad groups (``85.00``), words,
  negative and absurd amounts. Money is an ``int`` of whole Rupiah: the Rupiah has no cents in trade.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from desktop.i18n import _
from desktop.models.errors import ValidationError

SCALES: dict[str, int] = {
    "rb": 1_000,
    "ribu": 1_000,
    "k": 1_000,
    "jt": 1_000_000,
    "juta": 1_000_000,
    "m": 1_000_000_000,
    "miliar": 1_000_000_000,
    "milyar": 1_000_000_000,
}
# Words that may trail a quantity or a price and carry no value of their own.
UNIT_WORDS = (
    "pasang", "psg", "pcs", "pieces", "pairs", "pair", "buah", "bh", "unit", "lembar",
    "per bulan", "perbulan", "/bulan", "/bln", "bulan", "bln", "sebulan", "per hari", "/hari",
    "rupiah", ",-", ".-", "-",
)
_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_NUMBER_AND_SCALE = re.compile(r"^([+-]?)\s*([\d.,]*\d[\d.,]*|[.,]\d+)\s*([a-z]*)\.?$")


def _strip_words(text: str) -> str:
    text = _PREFIX.sub("", text.strip())
    changed = True
    while changed:
        changed = False
        for word in UNIT_WORDS:
            if text.endswith(word) and len(text) > len(word):
                text = text[: -len(word)].rstrip()
                changed = True
    return text


def _digits_value(body: str) -> Decimal:
    """The decimal value of ``body`` made of digits, ``.`` and ``,`` (rules in the module doc)."""
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal_mark = "." if body.rfind(".") > body.rfind(",") else ","
        group_mark = "," if decimal_mark == "." else "."
        whole, _sep, fraction = body.rpartition(decimal_mark)
        if decimal_mark in whole or not _grouped(whole, group_mark):
            raise ValueError(body)
        return Decimal(whole.replace(group_mark, "") + "." + fraction)
    mark = "." if dots else ("," if commas else "")
    if not mark:
        return Decimal(body)
    parts = body.split(mark)
    looks_grouped = _grouped(body, mark) and (mark == "." or len(parts) > 2)
    if looks_grouped:
        return Decimal(body.replace(mark, ""))
    if len(parts) != 2:
        raise ValueError(body)
    return Decimal((parts[0] or "0") + "." + parts[1])


def _grouped(text: str, mark: str) -> bool:
    """``1.500.000``: a 1–3 digit head, then groups of exactly three digits."""
    parts = text.split(mark)
    return 1 <= len(parts[0]) <= 3 and all(len(part) == 3 for part in parts[1:])


def parse_indonesian_number(value: object) -> Decimal:
    """Read a typed number (or a number cell) as :class:`Decimal`; raise :class:`ValidationError`.

    >>> parse_indonesian_number("1.500"), parse_indonesian_number("1,5 rb"), parse_indonesian_number("Rp 85rb")
    (Decimal('1500'), Decimal('1500.0'), Decimal('85000'))
    """
    if isinstance(value, bool):
        raise ValidationError(_("Bukan angka: {text}").format(text=value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError(_("Bukan angka: {text}").format(text=value))
        return Decimal(repr(value))
    if isinstance(value, Decimal):
        return value
    original = str(value if value is not None else "").strip()
    text = original.lower().replace("\u00a0", " ").replace("\u202f", " ")
    text = _strip_words(text)
    text = re.sub(r"(?<=\d)[ ](?=\d{3}\b)", "", text)  # "1 500" written with a space
    match = _NUMBER_AND_SCALE.match(text)
    if not original or not match or (match.group(3) and match.group(3) not in SCALES):
        raise ValidationError(_("Bukan angka yang dapat dibaca: \"{text}\"").format(text=original))
    sign, body, scale = match.groups()
    try:
        number = _digits_value(body)
    except (ValueError, InvalidOperation):
        raise ValidationError(
            _("Angka \"{text}\" tidak dapat dibaca. Tulis seperti 1.500 atau 1.500,50.").format(text=original)
        ) from None
    if scale:
        number *= SCALES[scale]
    return -number if sign == "-" else number


def parse_whole_number(value: object, *, strict: bool = False, what: str = "", field: str | None = None) -> int:
    """A count (pairs, people) that must come out whole.

    Lenient: ``1.500``, ``1,5 rb``, ``2 jt``. Strict (``what``, the already translated name of the
    quantity, goes into the messages): ``40000``, ``40.000`` or ``40 000``; fractions and words are refused.
    """
    if strict:
        return _strict_whole_number(str(value or ""), what, field)
    number = parse_indonesian_number(value)
    if number != number.to_integral_value():
        raise ValidationError(
            _("\"{text}\" bukan bilangan bulat. Pakai titik sebagai pemisah ribuan, mis. 1.500.").format(text=value),
            field=field,
        )
    return int(number)


def parse_rupiah(value: object, *, strict: bool = False, field: str = "unit_price") -> int:
    """Whole Rupiah. Lenient: ``Rp 85rb`` → 85000, ``1,5 jt`` → 1500000, ``85.000,00`` → 85000, sen are
    rounded. Strict: ``"85rb"`` → 85000, and a message for the user instead of a guess (module doc)."""
    if strict:
        return _strict_rupiah(str(value or ""), field)
    number = parse_indonesian_number(value)
    return int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# ---- the strict level: the order form ----------------------------------------------------------
# Far above any unit price or order total of the event; keeps every sum inside BIGINT.
MAX_RUPIAH = 10**15
_STRICT_SCALES = ("ribu", "rb", "k", "juta", "jt")  # no miliar at the table: "2m" is a typing slip there
_STRICT_SUFFIX = re.compile(r"^(?P<number>[0-9][0-9.,]*)\s*(?P<suffix>" + "|".join(_STRICT_SCALES) + r")$")
_GROUPED = re.compile(r"^[0-9]{1,3}(\.[0-9]{3})+$")
_SPACED = re.compile(r"^[0-9]{1,3}( [0-9]{3})+$")


def _example() -> str:
    return _("Tulis misalnya 85000, 85.000 atau 85rb.")


def _strict_digits(value: str) -> int | None:
    """``85000``, ``85.000`` or ``85 000`` as an int; None for anything else."""
    if value.isascii() and value.isdigit():
        return int(value)
    if _GROUPED.fullmatch(value) or _SPACED.fullmatch(value):
        return int(re.sub(r"[. ]", "", value))
    return None


def _strict_rupiah(text: str, field: str) -> int:
    raw = text.strip()
    if not raw:
        raise ValidationError(_("Harga wajib diisi.") + " " + _example(), field=field)
    value = raw.lower().replace("\u00a0", " ")
    value = re.sub(r"^rp\.?\s*", "", value)
    if value.startswith("-"):
        raise ValidationError(_("Harga tidak boleh negatif."), field=field)
    value = re.sub(r"\s*,\s*-$", "", value).strip()  # "Rp 85.000,-"
    suffixed = _STRICT_SUFFIX.match(value)
    if suffixed:
        amount = _strict_scaled(suffixed["number"], SCALES[suffixed["suffix"]], raw, field)
    else:
        amount = _strict_plain(value, raw, field)
    if amount > MAX_RUPIAH:
        raise ValidationError(_("Harga {text} terlalu besar.").format(text=raw), field=field)
    return amount


def _cents_refused(raw: str, field: str) -> ValidationError:
    return ValidationError(
        _("Harga \"{text}\" memakai sen; Rupiah dibulatkan ke rupiah utuh, mis. 85.000.").format(text=raw), field=field
    )


def _unreadable_price(raw: str, field: str) -> ValidationError:
    return ValidationError(_("Harga \"{text}\" tidak dapat dibaca.").format(text=raw) + " " + _example(), field=field)


def _strict_plain(value: str, raw: str, field: str) -> int:
    if re.search(r"[a-z]", value):
        raise ValidationError(
            _("Harga \"{text}\" tidak dapat dibaca: tulis dengan angka, bukan huruf.").format(text=raw)
            + " " + _example(),
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
            raise _cents_refused(raw, field)
    amount = _strict_digits(value)
    if amount is None:
        raise _unreadable_price(raw, field)
    return amount


def _strict_scaled(number: str, multiplier: int, raw: str, field: str) -> int:
    """``2.500rb`` (thousands dot) and ``1,5jt`` / ``1.5jt`` (decimal mark) both read as people mean them."""
    if _GROUPED.fullmatch(number):
        base = Decimal(number.replace(".", ""))
    elif re.fullmatch(r"[0-9]+([.,][0-9]+)?", number):
        base = Decimal(number.replace(",", "."))
    else:
        raise _unreadable_price(raw, field)
    amount = base * multiplier
    if amount != amount.to_integral_value():
        raise _cents_refused(raw, field)
    return int(amount)


def _strict_whole_number(text: str, what: str, field: str | None) -> int:
    raw = text.strip()
    if not raw:
        raise ValidationError(_("{what} wajib diisi.").format(what=what), field=field)
    value = raw.replace("\u00a0", " ")
    if value.startswith("-"):
        raise ValidationError(_("{what} tidak boleh negatif.").format(what=what), field=field)
    amount = _strict_digits(value)
    if amount is not None:
        return amount
    if re.fullmatch(r"[0-9.]*[0-9][,.][0-9]+", value):
        raise ValidationError(_("{what} harus bilangan bulat, tanpa pecahan.").format(what=what), field=field)
    raise ValidationError(
        _("{what} \"{text}\" tidak dapat dibaca: tulis dengan angka, mis. 40000 atau 40.000.").format(
            what=what, text=raw
        ),
        field=field,
    )


# ---- counts as people write them in a list ------------------------------------------------------
# "kurang lebih 700", "± 3000", "3000 an", "500 s/d 1000", "100 kodi/bln": what a person reads in them.
_APPROXIMATE_PREFIX = re.compile(
    r"^(?:±|\+/-|\+-|kurang\s*lebih|kurleb|lebih\s*kurang|kl\.?|kira[\s-]*kira|sekitar|rata[\s-]*rata|"
    r"approx\.?|about|ca\.?|maks(?:imal)?\.?|max\.?|min(?:imal)?\.?|hingga|sampai|up\s*to)\s*",
    re.IGNORECASE,
)
_APPROXIMATE_SUFFIX = re.compile(r"(?<=\d)\s*(?:-?an|\+|lebih|lbh|keatas|ke\s*atas|an\b)$", re.IGNORECASE)
_RANGE = re.compile(r"^(.+?)\s*(?:-|–|—|~|s\.?/?d\.?|sampai|hingga|to)\s*(\d.*)$", re.IGNORECASE)
_NONE_WORDS = {"", "-", "--", "—", "–", "tidakada", "nihil", "na", "none", "belumada", "kosong", "0"}
_NUMBER_WORDS = {"seratus": 100, "seribu": 1_000, "sejuta": 1_000_000}
# Units a footwear list counts in, with their size in pairs (a kodi is twenty pieces).
_PAIR_UNITS: dict[str, int] = {"kodi": 20, "lusin": 12, "losin": 12, "gross": 144, "gros": 144}
_UNIT = re.compile(r"\s*\b(" + "|".join(_PAIR_UNITS) + r")\b", re.IGNORECASE)
_WEEKLY = re.compile(r"\s*(?:/|per\s*)(?:minggu|mgg|week)\b", re.IGNORECASE)


def read_count(value: object, caption: str) -> tuple[int | None, str | None]:
    """An optional count read the way a person reads it: (value or None, warning or None).

    ``± 3000`` and ``3000 an`` are 3000 without a word; a range, a kodi or a weekly figure is
    converted and the warning says how; text that holds no number gives (None, warning) so the
    row is still imported with the field left empty.
    """
    if value is None or isinstance(value, bool):
        return None, None
    if isinstance(value, (int, float, Decimal)):
        try:
            number = parse_indonesian_number(value)
        except ValidationError:
            return None, _unread(caption, value)
        if number < 0 or number != number.to_integral_value():
            return None, _unread(caption, value)
        return int(number), None
    original = " ".join(str(value).split())
    text = original.lower().replace("\u00a0", " ")
    if re.sub(r"[\s.]", "", text) in _NONE_WORDS:
        return None, None
    text = _APPROXIMATE_PREFIX.sub("", text).strip()
    notes: list[str] = []
    factor = 1
    weekly = _WEEKLY.search(text)
    if weekly:
        text = (text[: weekly.start()] + text[weekly.end():]).strip()
        factor *= 4
        notes.append(_("per minggu ×4"))
    unit = _UNIT.search(text)
    if unit:
        size = _PAIR_UNITS[unit.group(1).lower()]
        text = (text[: unit.start()] + text[unit.end():]).strip()
        factor *= size
        notes.append(_("1 {unit} = {size} pasang").format(unit=unit.group(1).lower(), size=size))
    text = _APPROXIMATE_SUFFIX.sub("", _strip_words(text)).strip()
    taken: int | None = None
    span = _RANGE.match(text)
    if span and _single(span.group(1)) is not None and _single(span.group(2)) is not None:
        low, high = _single(span.group(1)), _single(span.group(2))
        assert low is not None and high is not None
        taken = min(low, high)
        notes.insert(0, _("rentang {low}–{high}: diambil angka terkecil").format(low=_dots(low), high=_dots(high)))
    else:
        taken = _single(text)
    if taken is None:
        return None, _unread(caption, original)
    result = taken * factor
    if not notes:
        return result, None
    return result, _("{column}: \"{value}\" dibaca {number} ({how}).").format(
        column=caption, value=original, number=_dots(result), how="; ".join(notes)
    )


def _single(text: str) -> int | None:
    text = _APPROXIMATE_SUFFIX.sub("", _strip_words(text.strip())).strip()
    if text in _NUMBER_WORDS:
        return _NUMBER_WORDS[text]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        text = text.replace(",", "")  # "1,000" pairs: a count has no decimals, so the comma groups thousands
    try:
        number = parse_indonesian_number(text)
    except ValidationError:
        return None
    if number < 0 or number != number.to_integral_value():
        return None
    return int(number)


def _dots(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _unread(caption: str, value: object) -> str:
    return _("{column}: \"{value}\" tidak terbaca sebagai angka; dikosongkan, baris tetap diimpor.").format(
        column=caption, value=value
    )
