"""The embedded fonts (DejaVu, bundled in resources/fonts) and safe text for them.

DejaVu covers Indonesian and the Latin, Greek and Cyrillic letters names may carry; it lacks
colour emoji. :func:`clean` drops or replaces what the font cannot draw, so a name with
an emoji still prints instead of breaking the document or showing black boxes.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop import RESOURCES_DIR

FONT_DIR = RESOURCES_DIR / "fonts"
REGULAR = "TemuSans"
BOLD = "TemuSans-Bold"
CONDENSED = "TemuSansCondensed"
CONDENSED_BOLD = "TemuSansCondensed-Bold"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
}
# Shown in place of a letter the font lacks (emoji are dropped instead: see clean()).
FALLBACK = "?"
_lock = threading.Lock()
_covered: frozenset[int] = frozenset()


def register_fonts() -> None:
    """Register the fonts with ReportLab once (safe to call from any thread, any number of times)."""
    global _covered
    with _lock:
        if _covered:
            return
        # Binary streams: ASCII85 only makes every PDF a quarter bigger and slower to write.
        rl_config.useA85 = 0
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        addMapping(CONDENSED, 0, 0, CONDENSED)
        addMapping(CONDENSED, 1, 0, CONDENSED_BOLD)
        addMapping(CONDENSED, 0, 1, CONDENSED)
        addMapping(CONDENSED, 1, 1, CONDENSED_BOLD)
        # Every variant is the same family: the regular face's map stands for all four.
        face = pdfmetrics.getFont(REGULAR).face
        _covered = frozenset(face.charToGlyph)


def _is_emoji_like(char: str) -> bool:
    code = ord(char)
    return (
        code >= 0x1F000
        or 0x2600 <= code <= 0x27BF
        or unicodedata.category(char) in ("So", "Cf", "Mn", "Me", "Sk")
    )


@lru_cache(maxsize=8192)
def _clean_slow(text: str) -> str:
    out: list[str] = []
    for char in text:
        if unicodedata.category(char) == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F:
            continue  # zero-width joiners, variation selectors: nothing to draw
        if ord(char) in _covered:
            out.append(char)
        elif char in "\n\t":
            out.append(" ")
        elif _is_emoji_like(char):
            continue  # emoji, variation selectors, zero-width joiners: dropped
        else:
            out.append(FALLBACK)
    return " ".join("".join(out).split()) if len(out) != len(text) else "".join(out)


def clean(text: object) -> str:
    """``text`` with only characters the embedded font can draw."""
    value = "" if text is None else str(text)
    if value.isascii():
        return value
    register_fonts()
    return _clean_slow(value)


def markup(text: object) -> str:
    """Clean text escaped for a ReportLab ``Paragraph`` (``&``, ``<``, ``>`` and quotes)."""
    return escape(clean(text), {'"': "&quot;", "'": "&#39;"})
