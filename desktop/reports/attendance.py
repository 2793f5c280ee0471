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
from desktop.reports.data import AttendanceReport, EventHeader
from desktop.reports.fonts import BOLD, CONDENSED, markup
from desktop.reports.page import (
    ACCENT,
    INK,
    MARGIN,
    RULE,
    SHADE,
    Progress,
    Target,
    build_document,
    headings,
    paper,
    styles,
)

ROW_HEIGHT = 9.5 * mm
CELL_PADDING = 6  # points: the table's cell padding, top plus bottom (and left plus right)


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
    return KeepTogether(sign_off_parts(event))


def sign_off_parts(event: EventHeader) -> list[Any]:
    """The sign-off's flowables, to keep together with what comes before it.

    (A KeepTogether nested in another always starts a new page in ReportLab, so callers
    that keep the sign-off with a table put these parts in their own KeepTogether.)
    """
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
    return [Spacer(1, 8 * mm), block]


TAIL_ROWS = 2  # rows kept on the page of the sign-off


def _commands(rows: int, *, header: bool, first_number: int) -> list[tuple[Any, ...]]:
    """The table style for ``rows`` participant rows (numbered from ``first_number``), with or without the heading."""
    top = 1 if header else 0
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, top), (-1, -1), CONDENSED), ("FONTSIZE", (0, top), (-1, -1), 8),
        ("TEXTCOLOR", (0, top), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, top), (0, -1), "CENTER"), ("ALIGN", (4, top), (4, -1), "CENTER"),
        ("VALIGN", (5, top), (6, -1), "TOP"), ("FONTSIZE", (5, top), (6, -1), 7),
        ("GRID", (0, 0), (4, -1), 0.5, RULE),
        ("BOX", (5, 0), (6, -1), 0.5, RULE),
        ("LINEBELOW", (5, 0), (6, -1), 0.5, RULE),
    ]
    if header:
        commands += [
            ("SPAN", (5, 0), (6, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("FONTNAME", (0, 0), (-1, 0), BOLD), ("FONTSIZE", (0, 0), (-1, 0), 7.5),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ]
    for index in range(rows):
        if (first_number + index) % 2 == 0:
            commands.append(("BACKGROUND", (0, top + index), (4, top + index), SHADE))
    return commands


def render_attendance(report: AttendanceReport, target: Target, progress: Progress | None = None) -> int:
    pagesize = paper(report.event.paper_size)
    style = styles()
    inner = pagesize[0] - 2 * MARGIN
    widths = [8 * mm, None, 36 * mm, 20 * mm, 17 * mm, 20 * mm, 20 * mm]
    fixed = sum(w for w in widths if w)
    widths[1] = inner - fixed
    heading = [_("No"), _("Nama usaha / instansi"), _("Nama"), _("Jenis"), _("Jam hadir"), _("Tanda tangan"), ""]
    data: list[list[Any]] = [headings(heading, 99, widths[:5] + [widths[5] + widths[6], None])]
    heights: list[float] = [10 * mm]
    for number, row in enumerate(report.rows, start=1):
        person = row.person
        sign_left = f"{number}." if number % 2 else ""
        sign_right = "" if number % 2 else f"{number}."
        cells = [
            Paragraph(markup(person.business_name), style["cell_bold"]),
            Paragraph(markup(person.contact_person), style["cell"]),
            Paragraph(markup(person.kind_label), style["cell"]),
        ]
        # A long name wraps and its row grows (never below the room a signature needs).
        needed = max(cell.wrap(width - 2 * CELL_PADDING, 10_000)[1] for cell, width in zip(cells, widths[1:4]))
        heights.append(max(ROW_HEIGHT, needed + CELL_PADDING))
        data.append([str(number), *cells,
                     formatting.clock(row.checked_in_at) if row.checked_in_at else "", sign_left, sign_right])
    # The last rows travel with the summary and the sign-off: an official never signs a page
    # that has no names on it.
    tail = TAIL_ROWS if len(report.rows) > TAIL_ROWS else 0
    body = len(data) - tail
    table = Table(data[:body], colWidths=widths, repeatRows=1, rowHeights=heights[:body])
    table.setStyle(TableStyle(_commands(body - 1, header=True, first_number=1)))
    ending: list[Any] = []
    if tail:
        last = Table(data[body:], colWidths=widths, rowHeights=heights[body:])
        last.setStyle(TableStyle(_commands(tail, header=False, first_number=body)))
        ending.append(last)
    present = sum(1 for row in report.rows if row.checked_in_at)
    summary = Paragraph(markup(_("Hadir: {present} dari {total} peserta terdaftar.").format(
        present=formatting.number(present), total=formatting.number(len(report.rows)))), style["body"])
    story: list[Any] = header_block(report.event, _("DAFTAR HADIR"))
    story += [table, KeepTogether([*ending, Spacer(1, 3 * mm), summary, *sign_off_parts(report.event)])]
    return build_document(target, report.event, _("Daftar hadir"), story, pagesize, progress)
