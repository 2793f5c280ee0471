"""Numbers, Rupiah, quantities and dates formatted the Indonesian way.

Used by the GUI and by the PDF reports alike, so the screen and the paper agree.
Numbers follow the interface language: ``1.500`` in Indonesian, ``1,500`` in English
(an English paper reads ``Rp 1,250,000``, as its readers expect).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from desktop.i18n import _, current_language

NUMBER_LOCALE = "id"

PAIRS_PER_UNIT: dict[str, int] = {"pasang": 1, "kodi": 20, "lusin": 12}


def number(value: int | float) -> str:
    """``1500`` → ``1.500`` (``1,500`` in English)."""
    return format_decimal(value, locale=NUMBER_LOCALE if current_language() == NUMBER_LOCALE else current_language())


def rupiah(amount: int) -> str:
    """Whole Rupiah: ``1250000`` → ``Rp 1.250.000`` (negative: ``-Rp 5.000``)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {number(abs(int(amount)))}"


def pairs(count: int) -> str:
    """``1500`` → ``1.500 pasang`` (``pairs`` in English)."""
    return f"{number(count)} {_('pasang')}"


def pairs_from_unit(quantity: int, unit: str) -> int:
    """Quantity entered in pasang, kodi or lusin, converted to pairs."""
    try:
        return quantity * PAIRS_PER_UNIT[unit]
    except KeyError:
        raise ValueError(unit) from None


def long_date(day: dt.date) -> str:
    """``Jumat, 6 Maret 2020`` (``Friday, 6 March 2020`` in English)."""
    return _babel_date(day, "EEEE, d MMMM y", locale=current_language())


def short_date(day: dt.date) -> str:
    """``6 Mar 2020``."""
    return _babel_date(day, "d MMM y", locale=current_language())


def clock(moment: dt.time | dt.datetime) -> str:
    """``08:42`` (24-hour, as Indonesian schedules are written)."""
    return moment.strftime("%H:%M")


def clock_seconds(moment: dt.time | dt.datetime) -> str:
    return moment.strftime("%H:%M:%S")


def time_range(start: dt.time, end: dt.time) -> str:
    """``09:00–09:20``."""
    return f"{clock(start)}–{clock(end)}"


def date_time(moment: dt.datetime) -> str:
    """``6 Mar 2020 08:42``."""
    return f"{short_date(moment.date())} {clock(moment)}"
