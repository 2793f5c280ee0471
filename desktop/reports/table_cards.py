"""Table cards: one page per table with its number large, the host, and the day's visitors by slot."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop import formatting
from desktop.i18n import _
from desktop.reports.badges import kind_colour
from desktop.reports.data import EventHeader, TableCard, TableCardsReport
from desktop.reports.fonts import BOLD, CONDENSED, CONDENSED_BOLD, REGULAR
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
)

BOTTOM = 20 * mm


def draw_card(canvas: Canvas, card: TableCard, event: EventHeader, pagesize: tuple[float, float]) -> None:
    width, height = pagesize
    inner = width - 2 * MARGIN
    top = height - MARGIN
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 9)
    canvas.drawCentredString(width / 2, top - 4, fit(f"{event.name} · {when(event)}", REGULAR, 9, inner))
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 30)
    canvas.drawCentredString(width / 2, top - 40, _("MEJA"))
    canvas.setFont(BOLD, 110)
    canvas.drawCentredString(width / 2, top - 130, str(card.table.number))
    host = card.table.host
    cursor = top - 160
    if host is not None:
        size, lines = shrink_to_fit(host.business_name, BOLD, (24.0, 21.0, 18.0, 15.0), inner, 2)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, size)
        for line in lines:
            canvas.drawCentredString(width / 2, cursor, line)
            cursor -= size * 1.2
        canvas.setFont(REGULAR, 12)
        canvas.drawCentredString(width / 2, cursor - 2, fit(host.contact_person, REGULAR, 12, inner))
        tag = host.kind_label
        tag_width = canvas.stringWidth(tag, BOLD, 10) + 16
        canvas.setFillColor(kind_colour(host))
        canvas.roundRect(width / 2 - tag_width / 2, cursor - 24, tag_width, 16, 4, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(BOLD, 10)
        canvas.drawCentredString(width / 2, cursor - 19, tag)
        cursor -= 40
    else:
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 14)
        canvas.drawCentredString(width / 2, cursor, _("Belum ada tuan rumah"))
        cursor -= 30

    canvas.setFillColor(ACCENT)
    canvas.rect(MARGIN, cursor - 16, inner, 16, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(BOLD, 9.5)
    time_w, code_w = inner * 0.17, inner * 0.14
    canvas.drawString(MARGIN + 4, cursor - 11.5, _("Waktu"))
    canvas.drawString(MARGIN + time_w + 4, cursor - 11.5, _("Peserta yang datang"))
    canvas.drawString(MARGIN + inner - code_w + 4, cursor - 11.5, _("Kode"))
    cursor -= 16
    lines = card.lines or ()
    row_height = min(12 * mm, (cursor - BOTTOM) / max(len(lines), 1))
    name_size = 11 if row_height >= 8 * mm else 9
    visitor_width = inner - time_w - code_w - 8
    previous_session = lines[0].slot.session if lines else ""
    for index, line in enumerate(lines):
        if index % 2:
            canvas.setFillColor(SHADE)
            canvas.rect(MARGIN, cursor - row_height, inner, row_height, stroke=0, fill=1)
        if line.slot.session != previous_session:
            canvas.setStrokeColor(ACCENT)
            canvas.setLineWidth(1.2)
            canvas.line(MARGIN, cursor, MARGIN + inner, cursor)
            previous_session = line.slot.session
        baseline = cursor - row_height / 2 - 4
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 11)
        canvas.drawString(MARGIN + 4, baseline, formatting.time_range(line.slot.start, line.slot.end))
        if line.visitor is None:
            canvas.setFillColor(MUTED)
            canvas.setFont(REGULAR, 10)
            canvas.drawString(MARGIN + time_w + 4, baseline, "—")
        else:
            canvas.setFont(CONDENSED_BOLD, name_size)
            name = line.visitor.business_name
            if line.status_label:
                canvas.setFont(CONDENSED, 8)
                status = line.status_label
                canvas.setFillColor(MUTED)
                canvas.drawRightString(MARGIN + inner - code_w - 4, baseline, status)
                canvas.setFillColor(INK)
                canvas.setFont(CONDENSED_BOLD, name_size)
                visitor_room = visitor_width - canvas.stringWidth(status, CONDENSED, 8) - 8
            else:
                visitor_room = visitor_width
            canvas.drawString(MARGIN + time_w + 4, baseline, fit(name, CONDENSED_BOLD, name_size, visitor_room))
            canvas.setFont(CONDENSED, 9)
            canvas.drawString(MARGIN + inner - code_w + 4, baseline, line.visitor.code)
        cursor -= row_height
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, cursor, MARGIN + inner, cursor)


def render_table_cards(report: TableCardsReport, target: Target, progress: Progress | None = None) -> int:
    pagesize = paper(report.event.paper_size)
    canvas = open_canvas(target, report.event, _("Kartu meja"), pagesize)
    total = len(report.cards)
    for number, card in enumerate(report.cards, start=1):
        draw_card(canvas, card, report.event, pagesize)
        canvas.showPage()
        if progress:
            progress(number, total)
    if not report.cards:
        canvas.setFont(REGULAR, 12)
        canvas.drawString(MARGIN, pagesize[1] - 40 * mm, _("Belum ada meja."))
        canvas.showPage()
    canvas.save()
    return max(total, 1)
