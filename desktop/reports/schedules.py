"""Personal meeting schedules: one page per participant, drawn straight on the canvas.

Drawn without Platypus on purpose: a batch of a thousand pages must stay close to the
speed of bare canvas text (see bench/reports.py).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop import formatting
from desktop.i18n import _
from desktop.reports.badges import kind_colour
from desktop.reports.data import EventHeader, PersonalSchedule, SchedulesReport
from desktop.reports.fonts import BOLD, CONDENSED, CONDENSED_BOLD, REGULAR, clean
from desktop.reports.page import (
    ACCENT,
    INK,
    MARGIN,
    MUTED,
    RULE,
    SHADE,
    Progress,
    Target,
    fit,
    open_canvas,
    paper,
    shrink_to_fit,
    when,
    wrap,
)
from desktop.reports.qr import draw_qr
from desktop.reports.text import TextBlock, text_width

QR_SIZE = 30 * mm
ROW_HEIGHT = 11 * mm
MIN_ROW_HEIGHT = 7 * mm
BOTTOM = 22 * mm


def _header(text: TextBlock, event: EventHeader, subtitle: str, width: float, top: float) -> float:
    room = width - 2 * MARGIN - QR_SIZE - 5 * mm
    text.draw(MARGIN, top, fit(event.name, BOLD, 9.5, room), BOLD, 9.5, MUTED)
    text.draw(MARGIN, top - 12, fit(subtitle, REGULAR, 8.5, room), REGULAR, 8.5, MUTED)
    text.draw(MARGIN, top - 36, _("JADWAL PERTEMUAN"), BOLD, 16, ACCENT)
    return top - 36


def _person(canvas: Canvas, text: TextBlock, schedule: PersonalSchedule, width: float, top: float) -> float:
    person = schedule.person
    text_room = width - 2 * MARGIN - QR_SIZE - 5 * mm
    size, lines = shrink_to_fit(person.business_name, BOLD, (18.0, 16.0, 14.0, 12.0), text_room, 2)
    cursor = top - size - 6
    for line in lines:
        text.draw(MARGIN, cursor, line, BOLD, size, INK)
        cursor -= size * 1.15
    details = fit(" · ".join(part for part in (person.contact_person, person.code) if part),
                  REGULAR, 10, text_room - 25 * mm)
    text.draw(MARGIN, cursor - 2, details, REGULAR, 10, INK)
    # The kind as a small coloured tag, as on the badge.
    tag = person.kind_label
    tag_width = min(text_width(tag, BOLD, 8) + 8, 40 * mm)
    tag_x = MARGIN + min(text_width(details, REGULAR, 10) + 8, text_room - tag_width)
    canvas.setFillColor(kind_colour(person))
    canvas.roundRect(tag_x, cursor - 5, tag_width, 13, 3, stroke=0, fill=1)
    text.draw(tag_x + 4, cursor - 1, fit(tag, BOLD, 8, tag_width - 8), BOLD, 8, colors.white)
    cursor -= 18
    if schedule.own_table is not None:
        text.draw(MARGIN, cursor, fit(
            _("Anda tuan rumah di {table} sepanjang hari; mitra datang ke meja Anda.").format(
                table=schedule.own_table.label), BOLD, 10, width - 2 * MARGIN), BOLD, 10, INK)
        cursor -= 16
    return cursor


COLUMNS = (("time", 0.18), ("table", 0.09), ("partner", 0.41), ("products", 0.32))


def _table(canvas: Canvas, text: TextBlock, schedule: PersonalSchedule, width: float, top: float) -> None:
    inner = width - 2 * MARGIN
    xs: dict[str, tuple[float, float]] = {}
    cursor_x = MARGIN
    for key, share in COLUMNS:
        xs[key] = (cursor_x, inner * share)
        cursor_x += inner * share
    headings = {"time": _("Waktu"), "table": _("Meja"), "partner": _("Mitra pertemuan"), "products": _("Produk mitra")}
    canvas.setFillColor(ACCENT)
    canvas.rect(MARGIN, top - 16, inner, 16, stroke=0, fill=1)
    for key, (x, _w) in xs.items():
        text.draw(x + 4, top - 11.5, headings[key], BOLD, 9, colors.white)
    cursor = top - 16
    if not schedule.lines:
        text.draw(MARGIN + 4, cursor - 22, _("Belum ada pertemuan terjadwal."), REGULAR, 11, MUTED)
        return
    row_height = max(min(ROW_HEIGHT, (cursor - BOTTOM - 30) / len(schedule.lines)), MIN_ROW_HEIGHT)
    product_lines_allowed = 2 if row_height >= 9 * mm else 1
    time_x, time_w = xs["time"]
    table_x = xs["table"][0]
    partner_x, partner_w = xs["partner"]
    products_x, products_w = xs["products"]
    previous_session = schedule.lines[0].slot.session
    canvas.setFillColor(SHADE)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.2)
    for index, line in enumerate(schedule.lines):
        if index % 2:
            canvas.rect(MARGIN, cursor - row_height, inner, row_height, stroke=0, fill=1)
        if line.slot.session != previous_session:
            canvas.line(MARGIN, cursor, MARGIN + inner, cursor)
            previous_session = line.slot.session
        first = cursor - 12.5
        second = first - 11
        text.draw(time_x + 4, first, formatting.time_range(line.slot.start, line.slot.end), BOLD, 11, INK)
        if line.status_label:
            text.draw(time_x + 4, second, fit(line.status_label, REGULAR, 7.5, time_w - 6),
                      REGULAR, 7.5, MUTED)
        text.draw(table_x + 4, first - 1, str(line.table.number), BOLD, 13, INK)
        counterpart = line.counterpart
        text.draw(partner_x + 4, first, fit(counterpart.business_name, CONDENSED_BOLD, 10, partner_w - 8),
                  CONDENSED_BOLD, 10, INK)
        contact = " · ".join(p for p in (counterpart.contact_person, counterpart.kind_label) if p)
        text.draw(partner_x + 4, second, fit(contact, CONDENSED, 8.5, partner_w - 8), CONDENSED, 8.5, MUTED)
        product_lines = wrap(", ".join(counterpart.products) or "—", CONDENSED, 8.5, products_w - 8,
                             product_lines_allowed)
        for offset, product_line in enumerate(product_lines):
            text.draw(products_x + 4, first - offset * 10.5, product_line, CONDENSED, 8.5, INK)
        cursor -= row_height
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, cursor, MARGIN + inner, cursor)
    text.draw(MARGIN, cursor - 16, fit(
        _("Mohon hadir di meja 5 menit sebelum waktu pertemuan. Tunjukkan QR ini di meja registrasi."),
        REGULAR, 8.5, inner), REGULAR, 8.5, MUTED)


def draw_schedule(canvas: Canvas, schedule: PersonalSchedule, event: EventHeader, pagesize: tuple[float, float],
                  subtitle: str | None = None) -> None:
    """One schedule page. Its text goes on top of its shapes as one block (see reports/text.py).

    ``subtitle`` is the date and place line (:func:`when`), worked out once for a whole batch.
    """
    width, height = pagesize
    top = height - MARGIN
    text = TextBlock(canvas)
    draw_qr(canvas, schedule.person.code, width - MARGIN - QR_SIZE, top - QR_SIZE + 4, QR_SIZE)
    text.draw_centred(width - MARGIN - QR_SIZE / 2, top - QR_SIZE - 6, clean(schedule.person.code), BOLD, 9, INK)
    cursor = _header(text, event, when(event) if subtitle is None else subtitle, width, top - 6)
    cursor = _person(canvas, text, schedule, width, cursor - 6)
    _table(canvas, text, schedule, width, min(cursor - 4, top - QR_SIZE - 16))
    text.flush()


def render_schedules(report: SchedulesReport, target: Target, progress: Progress | None = None) -> int:
    pagesize = paper(report.event.paper_size)
    canvas = open_canvas(target, report.event, _("Jadwal pertemuan"), pagesize)
    total = len(report.schedules)
    subtitle = when(report.event)
    for number, schedule in enumerate(report.schedules, start=1):
        draw_schedule(canvas, schedule, report.event, pagesize, subtitle)
        canvas.showPage()
        if progress and (number % 10 == 0 or number == total):
            progress(number, total)
    if not report.schedules:
        canvas.setFont(REGULAR, 12)
        canvas.drawString(MARGIN, pagesize[1] - 40 * mm, _("Belum ada pertemuan terjadwal."))
        canvas.showPage()
    canvas.save()
    return max(total, 1)
