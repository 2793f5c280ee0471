"""Badges (name tags): 8 per A4/F4 sheet with cut marks, or one per sheet for a walk-in.

Each badge: a band in the kind's colour with the kind and the code, the business name large,
the contact person, the event, and the QR code of the registration code for the desk scanner.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop import formatting
from desktop.i18n import _
from desktop.reports.data import BadgesReport, EventHeader, Person
from desktop.reports.fonts import BOLD, REGULAR, clean
from desktop.reports.page import MUTED, Progress, Target, fit, open_canvas, paper, shrink_to_fit, wrap
from desktop.reports.qr import draw_qr

BADGE_WIDTH = 90 * mm
BADGE_HEIGHT = 65 * mm
COLUMNS, ROWS = 2, 4
PER_SHEET = COLUMNS * ROWS
BAND = 10 * mm
PAD = 4 * mm
QR_SIZE = 23 * mm
CUT_GAP = 2 * mm
CUT_LENGTH = 5 * mm
NAME_SIZES = (18.0, 16.0, 14.0, 12.5, 11.0, 10.0)


def kind_colour(person: Person) -> colors.Color:
    """The colour of the person's kind, as the data gives it."""
    return colors.HexColor(person.kind_colour)


def draw_badge(canvas: Canvas, person: Person, event: EventHeader, x: float, y: float) -> None:
    """One badge with its lower-left corner at (x, y)."""
    top = y + BADGE_HEIGHT
    inner = BADGE_WIDTH - 2 * PAD
    canvas.setStrokeColor(colors.HexColor("#d5d9e0"))
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, BADGE_WIDTH, BADGE_HEIGHT, stroke=1, fill=0)

    canvas.setFillColor(kind_colour(person))
    canvas.rect(x, top - BAND, BADGE_WIDTH, BAND, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(BOLD, 11)
    canvas.drawString(x + PAD, top - BAND + 3.4 * mm, fit(person.kind_label.upper(), BOLD, 11, inner * 0.6))
    canvas.setFont(BOLD, 10)
    canvas.drawRightString(x + BADGE_WIDTH - PAD, top - BAND + 3.5 * mm, clean(person.code))

    size, lines = shrink_to_fit(person.business_name, BOLD, NAME_SIZES, inner, 2)
    canvas.setFillColor(colors.black)
    canvas.setFont(BOLD, size)
    cursor = top - BAND - 3 * mm - size
    for line in lines:
        canvas.drawString(x + PAD, cursor, line)
        cursor -= size * 1.15
    if person.contact_person:
        canvas.setFont(REGULAR, 10.5)
        canvas.drawString(x + PAD, cursor - 1.2 * mm, fit(person.contact_person, REGULAR, 10.5, inner))

    draw_qr(canvas, person.code, x + BADGE_WIDTH - PAD - QR_SIZE + 1.5 * mm, y + 2 * mm, QR_SIZE)
    text_width = BADGE_WIDTH - 2 * PAD - QR_SIZE
    canvas.setFillColor(MUTED)
    event_lines = wrap(event.name, BOLD, 8, text_width, 2)
    line_y = y + PAD + 3.5 * mm + 9.5 * (len(event_lines) - 1)
    canvas.setFont(BOLD, 8)
    for line in event_lines:
        canvas.drawString(x + PAD, line_y, line)
        line_y -= 9.5
    canvas.setFont(REGULAR, 7.5)
    canvas.drawString(x + PAD, y + PAD, fit(formatting.long_date(event.event_date), REGULAR, 7.5, text_width))


def _cut_marks(canvas: Canvas, left: float, bottom: float, columns: int, rows: int) -> None:
    right = left + columns * BADGE_WIDTH
    top = bottom + rows * BADGE_HEIGHT
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.4)
    for column in range(columns + 1):
        x = left + column * BADGE_WIDTH
        canvas.line(x, top + CUT_GAP, x, top + CUT_GAP + CUT_LENGTH)
        canvas.line(x, bottom - CUT_GAP, x, bottom - CUT_GAP - CUT_LENGTH)
    for row in range(rows + 1):
        y = bottom + row * BADGE_HEIGHT
        canvas.line(left - CUT_GAP, y, left - CUT_GAP - CUT_LENGTH, y)
        canvas.line(right + CUT_GAP, y, right + CUT_GAP + CUT_LENGTH, y)


def render_badges(report: BadgesReport, target: Target, progress: Progress | None = None) -> int:
    """Write the badges to ``target``; returns the number of pages."""
    page_width, page_height = paper(report.event.paper_size)
    canvas = open_canvas(target, report.event, _("Badge peserta"), (page_width, page_height))
    per_sheet = 1 if report.single else PER_SHEET
    left = (page_width - COLUMNS * BADGE_WIDTH) / 2
    bottom = (page_height - ROWS * BADGE_HEIGHT) / 2
    people = list(report.people)
    sheets = [people[i:i + per_sheet] for i in range(0, len(people), per_sheet)] or [[]]
    for number, sheet in enumerate(sheets, start=1):
        for index, person in enumerate(sheet):
            column, row = index % COLUMNS, index // COLUMNS
            draw_badge(canvas, person, report.event, left + column * BADGE_WIDTH,
                       bottom + (ROWS - 1 - row) * BADGE_HEIGHT)
        if report.single:
            _cut_marks(canvas, left, bottom + (ROWS - 1) * BADGE_HEIGHT, 1, 1)
        else:
            _cut_marks(canvas, left, bottom, COLUMNS, ROWS)
        canvas.showPage()
        if progress:
            progress(number, len(sheets))
    canvas.save()
    return len(sheets)
