"""What every report page shares: paper sizes, the footer with "Halaman 1 dari 5", text fitting.

The footer needs the total page count, which is only known at the end: :class:`NumberedCanvas`
keeps each finished page's state and draws all footers when the document is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Paragraph
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop import __version__, formatting
from desktop.i18n import _
from desktop.reports.data import EventHeader
from desktop.reports.fonts import BOLD, CONDENSED, REGULAR, clean, markup, register_fonts
from desktop.reports.text import TextBlock, text_width

F4 = (215 * mm, 330 * mm)
PAPER: dict[str, tuple[float, float]] = {"a4": A4, "f4": F4}
MARGIN = 15 * mm
FOOTER_Y = 8 * mm
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5b6470")
RULE = colors.HexColor("#b8c0cc")
SHADE = colors.HexColor("#eef1f5")
ACCENT = colors.HexColor("#1d4e89")

Target = str | Path | BinaryIO
Progress = Callable[[int, int], None]


def paper(size: str, *, wide: bool = False) -> tuple[float, float]:
    page = PAPER.get((size or "a4").lower(), A4)
    return landscape(page) if wide else page


def footer_text(event: EventHeader) -> str:
    return _("Dibuat {moment}").format(moment=formatting.date_time(event.generated_at))


def page_label(number: int, total: int) -> str:
    return _("Halaman {page} dari {total}").format(page=number, total=total)


class NumberedCanvas(Canvas):
    """A canvas that writes "Halaman n dari N" and the generated-at line on every page."""

    footer_left = ""  # event and document
    footer_right = ""  # when it was generated

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self.draw_footer(number, total)
            super().showPage()
        super().save()

    def draw_footer(self, number: int, total: int) -> None:
        width, _height = self._pagesize
        text = TextBlock(self)
        text.draw(MARGIN, FOOTER_Y, self.footer_left, REGULAR, 7.5, MUTED)
        text.draw_right(width - MARGIN, FOOTER_Y, f"{self.footer_right} · {page_label(number, total)}", REGULAR, 7.5, MUTED)
        text.flush()


def canvas_class(event: EventHeader, title: str) -> type[NumberedCanvas]:
    """A :class:`NumberedCanvas` subclass carrying this document's footer words."""
    register_fonts()
    return type(
        "EventCanvas",
        (NumberedCanvas,),
        {"footer_left": clean(f"{event.name} — {title}"), "footer_right": footer_text(event)},
    )


def open_canvas(target: Target, event: EventHeader, title: str, pagesize: tuple[float, float]) -> NumberedCanvas:
    canvas = canvas_class(event, title)(target if not isinstance(target, Path) else str(target), pagesize=pagesize)
    describe(canvas, event, title)
    return canvas


def describe(canvas: Canvas, event: EventHeader, title: str) -> None:
    canvas.setTitle(clean(f"{title} — {event.name}"))
    canvas.setAuthor(clean(event.organiser or "TemuDesk"))
    canvas.setCreator(f"TemuDesk {__version__}")
    canvas.setSubject(clean(event.name))


# ---- text fitting --------------------------------------------------------------------------
# Cached: a batch of schedules measures the same names, products and labels on page after page.
@lru_cache(maxsize=16384)
def fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so it fits ``width`` on one line."""
    text = clean(text)
    if text_width(text, font, size) <= width:
        return text
    ellipsis = "…"
    while text and stringWidth(text + ellipsis, font, size) > width:
        text = text[:-1]
    return text.rstrip() + ellipsis


@lru_cache(maxsize=8192)
def _wrapped(text: str, font: str, size: float, width: float, max_lines: int) -> tuple[str, ...]:
    lines = simpleSplit(clean(text), font, size, width) or [""]
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:])
        lines = lines[: max_lines - 1] + [fit(rest, font, size, width)]
    return tuple(line if text_width(line, font, size) <= width else fit(line, font, size, width) for line in lines)


def wrap(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """Lines of ``text`` wrapped to ``width``; the last line gets an ellipsis when cut."""
    return list(_wrapped(text, font, size, width, max_lines))


@lru_cache(maxsize=4096)
def _shrunk(text: str, font: str, sizes: tuple[float, ...], width: float,
            max_lines: int) -> tuple[float, tuple[str, ...]]:
    text = clean(text)
    for size in sizes:
        lines = simpleSplit(text, font, size, width)
        if len(lines) <= max_lines and all(text_width(line, font, size) <= width for line in lines):
            return size, tuple(lines or [""])
    size = sizes[-1]
    return size, _wrapped(text, font, size, width, max_lines)


def shrink_to_fit(text: str, font: str, sizes: tuple[float, ...], width: float, max_lines: int) -> tuple[float, list[str]]:
    """The largest size in ``sizes`` at which ``text`` fits ``max_lines`` lines, and those lines."""
    size, lines = _shrunk(text, font, tuple(sizes), width, max_lines)
    return size, list(lines)


def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles of the flowing documents (daftar hadir, tally, event report)."""
    register_fonts()
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9),
        "cell": ParagraphStyle("cell", parent=base, fontName=CONDENSED, fontSize=8, leading=9.5),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=7.5, leading=8.5,
                               textColor=colors.white),
        "head_right": ParagraphStyle("head_right", parent=base, fontName=BOLD, fontSize=7.5, leading=8.5,
                                     textColor=colors.white, alignment=2),
        "cell_bold": ParagraphStyle("cell_bold", parent=base, fontName=BOLD, fontSize=8, leading=9.5),
        "muted": ParagraphStyle("muted", parent=base, fontSize=8, leading=10, textColor=MUTED),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=15, leading=19, alignment=1,
                                spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=9.5, leading=12.5, alignment=1,
                                   textColor=MUTED),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11.5, leading=14, spaceBefore=9,
                             spaceAfter=4, textColor=ACCENT, keepWithNext=1),
        "cover_title": ParagraphStyle("cover_title", parent=base, fontName=BOLD, fontSize=26, leading=32,
                                      alignment=1, textColor=ACCENT),
        "cover": ParagraphStyle("cover", parent=base, fontSize=13, leading=19, alignment=1),
    }


HEAD_PADDING = 12  # points: ReportLab's default cell padding, left plus right
SMALLEST_HEAD = 5.5  # points: below this a heading is no longer read at arm's length


def headings(texts: list[str], right_from: int, widths: Sequence[float | None] | None = None) -> list[Paragraph]:
    """Table headings that wrap between words inside their column, never inside a word.

    With the column ``widths`` a heading whose longest word does not fit is set smaller
    until it does ("Disanggupi" stays whole instead of "Disanggu/pi").
    """
    style = styles()
    result = []
    for index, text in enumerate(texts):
        base = style["head_right" if index >= right_from else "head"]
        size = base.fontSize
        width = widths[index] if widths is not None and index < len(widths) else None
        if width:
            room = width - HEAD_PADDING
            longest = max((stringWidth(word, base.fontName, size) for word in text.split()), default=0)
            if longest > room:
                size = max(SMALLEST_HEAD, size * room / longest)
        fitted = ParagraphStyle(f"{base.name}_{size:.2f}", parent=base, fontSize=size, leading=size + 1,
                                splitLongWords=0)
        result.append(Paragraph(markup(text), fitted))
    return result


def when(event: EventHeader) -> str:
    """``Jumat, 6 Maret 2020 · Hall GMSC, Kota Mojokerto``."""
    place = ", ".join(part for part in (event.venue, event.city) if part)
    return " · ".join(part for part in (formatting.long_date(event.event_date), place) if part)


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def build_document(target: Target, event: EventHeader, title: str, story: list[Any],
                   pagesize: tuple[float, float], progress: Progress | None = None) -> int:
    """Lay out a flowing document (Platypus) with the shared footer; returns the page count."""
    from reportlab.platypus import SimpleDocTemplate

    doc = SimpleDocTemplate(
        target if not isinstance(target, Path) else str(target),
        pagesize=pagesize,
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm,
        title=clean(f"{title} — {event.name}"), author=clean(event.organiser or "TemuDesk"),
        creator=f"TemuDesk {__version__}", subject=clean(event.name),
    )
    pages: list[int] = []

    def on_page(canvas: Canvas, document: Any) -> None:
        pages.append(document.page)
        if progress:
            progress(len(pages), 0)

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=canvas_class(event, title))
    return len(pages)
