"""A personal schedule slip or a single badge on the paper at hand: A4, A6 or a label roll.

Small label printers (Brother QL, Zebra, DYMO…) take 62 mm continuous rolls, 62 × 100 mm and
102 × 152 mm die-cut labels at 203 or 300 dpi, black only. The layouts here are drawn for the
page they land on (nothing is shrunk to fit later: the printer prints at 100 %): on a roll the
slip is as long as its meetings need; on a fixed label meetings that do not fit continue on a
second label. A4 keeps the full-page schedule and the standard 90 × 65 mm badge.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop import formatting
from desktop.i18n import N_, _
from desktop.reports.badges import BADGE_HEIGHT, BADGE_WIDTH, _cut_marks, draw_badge, kind_colour
from desktop.reports.data import EventHeader, Person, PersonalSchedule, ScheduleLine
from desktop.reports.fonts import BOLD, CONDENSED_BOLD, CONDENSED, REGULAR, clean, register_fonts
from desktop.reports.page import ACCENT, INK, MUTED, RULE, Target, fit, open_canvas, shrink_to_fit, when, wrap
from desktop.reports.qr import draw_qr
from desktop.reports.schedules import draw_schedule


@dataclass(frozen=True)
class LabelPaper:
    key: str
    title_text: str
    width_mm: float
    height_mm: float | None  # None: a continuous roll, cut after each slip
    thermal: bool  # a black-only label printer: no colour fills, no grey text

    @property
    def title(self) -> str:
        return _(self.title_text)

    @property
    def width(self) -> float:
        return self.width_mm * mm


LABEL_PAPERS: dict[str, LabelPaper] = {paper.key: paper for paper in (
    LabelPaper("a4", N_("A4 (printer kantor)"), 210, 297, False),
    LabelPaper("a6", N_("A6 (105 × 148 mm)"), 105, 148, False),
    LabelPaper("62mm", N_("Rol label 62 mm (sambung)"), 62, None, True),
    LabelPaper("62x100", N_("Label 62 × 100 mm"), 62, 100, True),
    LabelPaper("102x152", N_("Label 102 × 152 mm"), 102, 152, True),
)}
DEFAULT_PAPER = "a6"
# A badge printed on a continuous roll is cut to this length.
ROLL_BADGE_HEIGHT = 90 * mm


def label_paper(key: str) -> LabelPaper:
    try:
        return LABEL_PAPERS[(key or "").lower()]
    except KeyError:
        raise ValueError(_("Ukuran kertas tidak dikenal: {paper}").format(paper=key or "-")) from None


@dataclass(frozen=True)
class _Metrics:
    """Sizes that follow the paper width, so 62 mm and 105 mm both look drawn for themselves."""

    margin: float
    qr: float
    name_sizes: tuple[float, ...]
    body: float
    row: float  # height of one meeting (two lines)

    @classmethod
    def of(cls, width: float) -> _Metrics:
        # Wider paper gets larger type, but less than in proportion: room for more meetings.
        scale = 1 + min(max(width / (62 * mm) - 1, 0.0), 1.4) * 0.45
        return cls(margin=(3.5 if width < 80 * mm else 6) * mm, qr=min(20 * mm * scale, 32 * mm),
                   name_sizes=tuple(s * scale for s in (13.0, 12.0, 11.0, 10.0, 9.0)), body=7.6 * scale,
                   row=7.6 * scale * 2.55)


def _ink(paper: LabelPaper, colour: colors.Color) -> colors.Color:
    return colors.black if paper.thermal else colour


# ---- the schedule slip --------------------------------------------------------------------------
def _slip_header(canvas: Canvas, schedule: PersonalSchedule, event: EventHeader, paper: LabelPaper,
                 metrics: _Metrics, width: float, top: float, continued: bool) -> float:
    """Event, name and QR side by side, then the title across; returns the y below them.

    A continuation label carries only the title and the name: the QR is on the first one.
    """
    m = metrics
    person = schedule.person
    inner = width - 2 * m.margin
    if continued:
        cursor = top - m.body * 1.2
        canvas.setFillColor(_ink(paper, ACCENT))
        canvas.setFont(BOLD, m.body * 1.1)
        canvas.drawString(m.margin, cursor, fit(_("JADWAL PERTEMUAN (lanjutan)"), BOLD, m.body * 1.1, inner))
        cursor -= m.body * 1.3
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, m.body)
        canvas.drawString(m.margin, cursor, fit(f"{person.business_name} · {person.code}", BOLD, m.body, inner))
        cursor -= m.body * 0.8
        canvas.setStrokeColor(_ink(paper, RULE))
        canvas.setLineWidth(0.8)
        canvas.line(m.margin, cursor, width - m.margin, cursor)
        return cursor - 0.5 * mm
    text_room = inner - m.qr - 2 * mm
    draw_qr(canvas, person.code, width - m.margin - m.qr, top - m.qr, m.qr)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, m.body)
    canvas.drawCentredString(width - m.margin - m.qr / 2, top - m.qr - m.body - 0.5 * mm, clean(person.code))
    cursor = top - m.body
    canvas.setFillColor(_ink(paper, MUTED))
    for line in wrap(event.name, BOLD, m.body * 0.9, text_room, 2):
        canvas.setFont(BOLD, m.body * 0.9)
        canvas.drawString(m.margin, cursor, line)
        cursor -= m.body * 1.1
    canvas.setFont(REGULAR, m.body * 0.85)
    for line in wrap(when(event), REGULAR, m.body * 0.85, text_room, 2):
        canvas.drawString(m.margin, cursor, line)
        cursor -= m.body
    cursor -= m.body * 0.3
    size, lines = shrink_to_fit(person.business_name, BOLD, m.name_sizes, text_room, 3)
    canvas.setFillColor(INK)
    for line in lines:
        cursor -= size * 1.1
        canvas.setFont(BOLD, size)
        canvas.drawString(m.margin, cursor, line)
    if person.contact_person:
        cursor -= m.body * 1.3
        canvas.setFont(REGULAR, m.body)
        canvas.drawString(m.margin, cursor, fit(person.contact_person, REGULAR, m.body, text_room))
    cursor = min(cursor, top - m.qr - m.body - 0.5 * mm) - m.body * 1.6
    canvas.setFillColor(_ink(paper, ACCENT))
    canvas.setFont(BOLD, m.body * 1.2)
    canvas.drawString(m.margin, cursor, fit(_("JADWAL PERTEMUAN"), BOLD, m.body * 1.2, inner))
    cursor -= m.body * 0.9
    if schedule.own_table is not None:
        canvas.setFillColor(INK)
        for line in wrap(_("Anda tuan rumah di {table} sepanjang hari; mitra datang ke meja Anda.").format(
                table=schedule.own_table.label), BOLD, m.body, inner, 3):
            cursor -= m.body * 1.2
            canvas.setFont(BOLD, m.body)
            canvas.drawString(m.margin, cursor, line)
        cursor -= m.body * 0.6
    canvas.setStrokeColor(_ink(paper, RULE))
    canvas.setLineWidth(0.8)
    canvas.line(m.margin, cursor, width - m.margin, cursor)
    return cursor - 0.5 * mm


def _meeting(canvas: Canvas, line: ScheduleLine, metrics: _Metrics, width: float, top: float) -> None:
    """Time and table on the first line, the partner (and contact) in full width below."""
    m = metrics
    inner = width - 2 * m.margin
    first = top - m.body * 1.2
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, m.body * 1.1)
    canvas.drawString(m.margin, first, formatting.time_range(line.slot.start, line.slot.end))
    status = line.status_label + " · " if line.status_label else ""
    canvas.drawRightString(width - m.margin, first, status + _("Meja {number}").format(number=line.table.number))
    partner = line.counterpart.business_name
    contact = line.counterpart.contact_person
    second = first - m.body * 1.2
    canvas.setFont(CONDENSED_BOLD, m.body)
    partner_text = fit(partner, CONDENSED_BOLD, m.body, inner)
    canvas.drawString(m.margin, second, partner_text)
    used = canvas.stringWidth(partner_text, CONDENSED_BOLD, m.body) + 1.5 * mm
    if contact and inner - used > 12 * mm:
        canvas.setFont(CONDENSED, m.body * 0.95)
        canvas.drawString(m.margin + used, second, fit("· " + contact, CONDENSED, m.body * 0.95, inner - used))


def _footer(canvas: Canvas, metrics: _Metrics, width: float, y: float) -> None:
    canvas.setFillColor(INK)
    canvas.setFont(REGULAR, metrics.body * 0.85)
    for line in wrap(_("Hadir di meja 5 menit sebelum waktu pertemuan."), REGULAR, metrics.body * 0.85,
                     width - 2 * metrics.margin, 2):
        canvas.drawString(metrics.margin, y, line)
        y -= metrics.body * 1.05


def _header_height(schedule: PersonalSchedule, event: EventHeader, paper: LabelPaper, metrics: _Metrics,
                   width: float, continued: bool = False) -> float:
    """Measured by drawing the header on a throw-away canvas: one layout, no second copy of the rules."""
    from io import BytesIO

    scratch = Canvas(BytesIO(), pagesize=(width, 1000 * mm))
    return 1000 * mm - metrics.margin - _slip_header(scratch, schedule, event, paper, metrics, width,
                                                     1000 * mm - metrics.margin, continued)


def _pages(lines: tuple[ScheduleLine, ...], first_room: float, later_room: float, row: float) -> list[tuple[ScheduleLine, ...]]:
    pages: list[tuple[ScheduleLine, ...]] = []
    rest = list(lines)
    room = first_room
    while True:
        count = max(int(room // row), 1)
        pages.append(tuple(rest[:count]))
        rest = rest[count:]
        if not rest:
            return pages
        room = later_room


def render_slip(schedule: PersonalSchedule, event: EventHeader, paper_key: str, target: Target) -> int:
    """The personal schedule slip of one participant on ``paper_key``; returns the page count."""
    paper = label_paper(paper_key)
    register_fonts()
    if paper.key == "a4":
        pagesize = (paper.width, (paper.height_mm or 297) * mm)
        canvas = open_canvas(target, event, _("Jadwal pertemuan"), pagesize)
        draw_schedule(canvas, schedule, event, pagesize)
        canvas.showPage()
        canvas.save()
        return 1
    width = paper.width
    metrics = _Metrics.of(width)
    header = _header_height(schedule, event, paper, metrics, width)
    footer = metrics.body * 3.2 + metrics.margin
    lines = schedule.lines or ()
    if paper.height_mm is None:
        heights = [metrics.margin + header + max(len(lines), 1) * metrics.row + footer]
        pages = [lines]
    else:
        room = paper.height_mm * mm - metrics.margin - footer
        later = _header_height(schedule, event, paper, metrics, width, continued=True)
        pages = _pages(lines, room - header, room - later, metrics.row)
        heights = [paper.height_mm * mm] * len(pages)
    canvas = Canvas(_target(target), pagesize=(width, heights[0]))
    _describe(canvas, event, _("Slip jadwal"))
    for number, (page_lines, height) in enumerate(zip(pages, heights)):
        canvas.setPageSize((width, height))
        cursor = _slip_header(canvas, schedule, event, paper, metrics, width, height - metrics.margin, number > 0)
        if not page_lines:
            canvas.setFillColor(INK)
            canvas.setFont(REGULAR, metrics.body)
            canvas.drawString(metrics.margin, cursor - metrics.body * 1.5, _("Belum ada pertemuan terjadwal."))
        for line in page_lines:
            _meeting(canvas, line, metrics, width, cursor)
            cursor -= metrics.row
        if len(pages) > 1:
            canvas.setFont(REGULAR, metrics.body * 0.85)
            canvas.drawRightString(width - metrics.margin, metrics.margin,
                                   f"{number + 1}/{len(pages)}")
        _footer(canvas, metrics, width, metrics.margin + metrics.body * 1.4)
        canvas.showPage()
    canvas.save()
    return len(pages)


def _target(target: Target) -> str | BinaryIO:
    return str(target) if isinstance(target, (str, Path)) else target


def _describe(canvas: Canvas, event: EventHeader, title: str) -> None:
    from desktop.reports.page import describe

    describe(canvas, event, title)


# ---- a single badge -----------------------------------------------------------------------------
def _draw_label_badge(canvas: Canvas, person: Person, event: EventHeader, paper: LabelPaper,
                      width: float, height: float) -> None:
    metrics = _Metrics.of(width)
    m = metrics.margin
    inner = width - 2 * m
    band = metrics.body * 2.6
    canvas.setFillColor(_ink(paper, kind_colour(person)))
    canvas.rect(0, height - band, width, band, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(BOLD, metrics.body * 1.3)
    baseline = height - band + band / 2 - metrics.body * 0.45
    canvas.drawString(m, baseline, fit(person.kind_label.upper(), BOLD, metrics.body * 1.3, inner * 0.6))
    canvas.drawRightString(width - m, baseline, clean(person.code))
    name_sizes = tuple(size * 1.45 for size in metrics.name_sizes)
    size, lines = shrink_to_fit(person.business_name, BOLD, name_sizes, inner, 3)
    canvas.setFillColor(INK)
    cursor = height - band - 2 * mm
    for line in lines:
        cursor -= size * 1.1
        canvas.setFont(BOLD, size)
        canvas.drawCentredString(width / 2, cursor, line)
    if person.contact_person:
        cursor -= metrics.body * 1.8
        canvas.setFont(REGULAR, metrics.body * 1.3)
        canvas.drawCentredString(width / 2, cursor, fit(person.contact_person, REGULAR, metrics.body * 1.3, inner))
    bottom_text = metrics.body * 2.6 + m
    room = cursor - bottom_text - 3 * mm
    qr = min(inner * 0.7, room, 50 * mm)
    if qr > 12 * mm:  # a roll badge with a very long name still gets its QR below, never on top
        draw_qr(canvas, person.code, (width - qr) / 2, bottom_text + (room - qr) / 2 + 1 * mm, qr)
    canvas.setFillColor(_ink(paper, MUTED))
    canvas.setFont(BOLD, metrics.body)
    canvas.drawCentredString(width / 2, m + metrics.body * 1.2, fit(event.name, BOLD, metrics.body, inner))
    canvas.setFont(REGULAR, metrics.body * 0.9)
    canvas.drawCentredString(width / 2, m, fit(formatting.long_date(event.event_date), REGULAR, metrics.body * 0.9, inner))


def render_badge(person: Person, event: EventHeader, paper_key: str, target: Target) -> int:
    """One badge (a walk-in's) on ``paper_key``; A4 carries the standard 90 × 65 mm badge."""
    paper = label_paper(paper_key)
    register_fonts()
    if paper.key == "a4":
        pagesize = (paper.width, (paper.height_mm or 297) * mm)
        canvas = open_canvas(target, event, _("Badge peserta"), pagesize)
        left, bottom = (pagesize[0] - BADGE_WIDTH) / 2, pagesize[1] - 20 * mm - BADGE_HEIGHT
        draw_badge(canvas, person, event, left, bottom)
        _cut_marks(canvas, left, bottom, 1, 1)
    else:
        height = paper.height_mm * mm if paper.height_mm else ROLL_BADGE_HEIGHT
        canvas = Canvas(_target(target), pagesize=(paper.width, height))
        _describe(canvas, event, _("Badge peserta"))
        _draw_label_badge(canvas, person, event, paper, paper.width, height)
    canvas.showPage()
    canvas.save()
    return 1
