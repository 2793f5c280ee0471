"""Canvas text written as one PDF text block per page, for documents of many short strings.

``canvas.drawString`` builds a text object per string: it measures the string, formats the
origin, splits it into font subsets and escapes it, every time. A thousand-page batch of
schedules draws the same names, products and labels again and again, so :class:`TextBlock`
keeps each string's encoded operators per document (the font subsets belong to the document)
and writes all of a page's strings between one ``BT``/``ET`` pair. The operators are the
ones ReportLab's text object writes (``Tf``, ``Tj``, ``rg``), so the page looks the same.

Text is written when the block is flushed, above the shapes drawn on the canvas meanwhile:
use it where text is never meant to be covered by a later shape.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

_CACHE_ATTRIBUTE = "_temudesk_encoded_text"


@lru_cache(maxsize=16384)
def text_width(text: str, font: str, size: float) -> float:
    """``stringWidth`` of ``text``, remembered per (text, font, size)."""
    return stringWidth(text, font, size)


@lru_cache(maxsize=64)
def _colour(colour: Color) -> str:
    return f"{fp_str(colour.red, colour.green, colour.blue)} rg"


def _number(value: float) -> str:
    """A coordinate to seven significant digits, as ReportLab's ``fp_str`` writes page positions."""
    text = f"{value:.7g}"
    return fp_str(value) if "e" in text else text


class TextBlock:
    """A page's strings, written into the canvas as one text block by :meth:`flush`."""

    def __init__(self, canvas: Canvas) -> None:
        self._canvas = canvas
        encoded = getattr(canvas, _CACHE_ATTRIBUTE, None)
        if encoded is None or encoded[0] is not canvas._doc:  # type: ignore[attr-defined]
            encoded = (canvas._doc, {})  # type: ignore[attr-defined]
            setattr(canvas, _CACHE_ATTRIBUTE, encoded)
        self._encoded: dict[tuple[str, str, float], str] = encoded[1]
        self._code: list[str] = []
        self._colour: Color | None = None

    def _operators(self, text: str, font: str, size: float) -> str:
        key = (text, font, size)
        operators = self._encoded.get(key)
        if operators is None:
            face = getFont(font)
            doc = self._canvas._doc  # type: ignore[attr-defined]
            escape = self._canvas._escape  # type: ignore[attr-defined]
            head = f"{fp_str(size)} Tf {fp_str(size * 1.2)} TL"
            operators = " ".join(f"{face.getSubsetInternalName(subset, doc)} {head} ({escape(chunk)}) Tj"
                                 for subset, chunk in face.splitString(text, doc))
            self._encoded[key] = operators
        return operators

    def draw(self, x: float, y: float, text: str, font: str, size: float, colour: Color) -> None:
        """``text`` with its baseline starting at (x, y)."""
        if not text:
            return
        if colour is not self._colour:
            self._code.append(_colour(colour))
            self._colour = colour
        self._code.append(f"1 0 0 1 {_number(x)} {_number(y)} Tm {self._operators(text, font, size)}")

    def draw_right(self, x: float, y: float, text: str, font: str, size: float, colour: Color) -> None:
        """``text`` ending at x."""
        self.draw(x - text_width(text, font, size), y, text, font, size, colour)

    def draw_centred(self, x: float, y: float, text: str, font: str, size: float, colour: Color) -> None:
        """``text`` centred on x."""
        self.draw(x - text_width(text, font, size) / 2, y, text, font, size, colour)

    def flush(self) -> None:
        """Write the strings drawn so far into the page (the fill colour is restored after)."""
        if self._code:
            self._canvas._code.append(f"q BT {' '.join(self._code)} ET Q")  # type: ignore[attr-defined]
            self._code = []
            self._colour = None
