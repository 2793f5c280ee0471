"""Daftar hadir: the signed attendance list the Dinas files with its accountability papers (SPJ).

Signature boxes alternate left and right, numbered, as Indonesian attendance lists do, so
neighbours' signatures never collide; a sign-off block for the responsible official ends it.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop import formatting
from desktop.i18n import _
from desktop.models.enums import ParticipantKind, label
from desktop.reports.data import AttendanceReport, EventHeader
from desktop.reports.fonts import BOLD, CONDENSED, markup
from desktop.reports.page import ACCENT, INK, MARGIN, RULE, SHADE, Progress, Target, build_document, paper, styles

ROW_HEIGHT = 9.5 * mm


def header_block(event: EventHeader, title: str) -> list[Any]:
    """Title plus the event, date and place lines (shared with the tally)."""
    style = styles()
    rows = [
        [_("Kegiatan"), ":", Paragraph(markup(event.name), style["body"])],
        [_("Hari/tanggal"), ":", Paragraph(markup(formatting.long_date(event.event_date)), style["body"])],
        [_("Tempat"), ":", Paragraph(markup(", ".join(p for p in (event.venue, event.city) if p)), style["body"])],
    ]
    if event.organiser:
        rows.append([_("Penyelenggara"), ":", Paragraph(markup(event.organiser), style["body"])])
    info = Table(rows, colWidths=[30 * mm, 4 * mm, None], hAlign="LEFT")
    info.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (1, -1), BOLD), ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    return [Paragraph(markup(title), style["title"]), Spacer(1, 4 * mm), info, Spacer(1, 4 * mm)]


def sign_off(event: EventHeader) -> KeepTogether:
    """Place and date, the official's title, room to sign, the name underlined."""
    style = styles()
    place = event.city or event.venue
    dated = ", ".join(p for p in (place, formatting.long_date(event.event_date).split(", ")[-1]) if p)
    lines = [
        Paragraph(markup(dated), style["body"]),
        Paragraph(markup(event.official_title or _("Penanggung jawab kegiatan")), style["body"]),
        Spacer(1, 20 * mm),
        Paragraph("<u><b>" + markup(event.official_name or "." * 40) + "</b></u>", style["body"]),
    ]
    block = Table([[None, lines]], colWidths=[None, 80 * mm])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 8 * mm), block])


def render_attendance(report: AttendanceReport, target: Target, progress: Progress | None = None) -> int:
    pagesize = paper(report.event.paper_size)
    style = styles()
    inner = pagesize[0] - 2 * MARGIN
    widths = [8 * mm, None, 36 * mm, 20 * mm, 17 * mm, 20 * mm, 20 * mm]
    fixed = sum(w for w in widths if w)
    widths[1] = inner - fixed
    heading = [_("No"), _("Nama usaha / instansi"), _("Nama"), _("Jenis"), _("Jam hadir"), _("Tanda tangan"), ""]
    data: list[list[Any]] = [heading]
    for number, row in enumerate(report.rows, start=1):
        person = row.person
        sign_left = f"{number}." if number % 2 else ""
        sign_right = "" if number % 2 else f"{number}."
        data.append([
            str(number),
            Paragraph(markup(person.business_name), style["cell_bold"]),
            Paragraph(markup(person.contact_person), style["cell"]),
            Paragraph(markup(label(person.kind, ParticipantKind)), style["cell"]),
            formatting.clock(row.checked_in_at) if row.checked_in_at else "",
            sign_left,
            sign_right,
        ])
    table = Table(data, colWidths=widths, repeatRows=1,
                  rowHeights=[10 * mm] + [ROW_HEIGHT] * len(report.rows))
    commands: list[tuple[Any, ...]] = [
        ("SPAN", (5, 0), (6, 0)),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("FONTNAME", (0, 0), (-1, 0), BOLD), ("FONTSIZE", (0, 0), (-1, 0), 7.5),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("FONTNAME", (0, 1), (-1, -1), CONDENSED), ("FONTSIZE", (0, 1), (-1, -1), 8),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (4, 1), (4, -1), "CENTER"),
        ("VALIGN", (5, 1), (6, -1), "TOP"), ("FONTSIZE", (5, 1), (6, -1), 7),
        ("GRID", (0, 0), (4, -1), 0.5, RULE),
        ("BOX", (5, 0), (6, -1), 0.5, RULE),
        ("LINEBELOW", (5, 0), (6, -1), 0.5, RULE),
    ]
    for index in range(1, len(data)):
        if index % 2 == 0:
            commands.append(("BACKGROUND", (0, index), (4, index), SHADE))
    table.setStyle(TableStyle(commands))
    present = sum(1 for row in report.rows if row.checked_in_at)
    summary = Paragraph(markup(_("Hadir: {present} dari {total} peserta terdaftar.").format(
        present=formatting.number(present), total=formatting.number(len(report.rows)))), style["body"])
    story: list[Any] = header_block(report.event, _("DAFTAR HADIR"))
    story += [table, Spacer(1, 3 * mm), summary, sign_off(report.event)]
    return build_document(target, report.event, _("Daftar hadir"), story, pagesize, progress)
