"""Laporan kegiatan: a cover with the event data, then attendance, meetings, orders, shortfalls
and the problems IKM reported (for the banks' KUR follow-up), with charts."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop import formatting
from desktop.i18n import _
from desktop.reports.attendance import sign_off_parts
from desktop.reports.charts import bar_chart
from desktop.reports.data import EventReport
from desktop.reports.fonts import BOLD, CONDENSED, CONDENSED_BOLD, markup
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
from desktop.reports.tally import category_chart, figures_table, lines_table, shortfall_table, units_table


def percent(rate: float) -> str:
    return formatting.number(round(rate * 100, 1)) + " %"


def _grid(data: list[list[Any]], widths: list[float | None], numeric_from: int = 1, *,
          header: bool = True, shade_first: bool = False) -> Table:
    """A grid table; ``header=False`` continues a grid (its rows only), ``shade_first`` keeps the stripes in step."""
    top = 1 if header else 0
    table = Table(data, colWidths=widths, repeatRows=top, hAlign="LEFT")
    stripes = [SHADE, colors.white] if shade_first else [colors.white, SHADE]
    commands: list[tuple[Any, ...]] = [
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("FONTNAME", (0, top), (-1, -1), CONDENSED), ("TEXTCOLOR", (0, top), (-1, -1), INK),
        ("ALIGN", (numeric_from, 0), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("ROWBACKGROUNDS", (0, top), (-1, -1), stripes),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
                     ("FONTNAME", (0, 0), (-1, 0), BOLD)]
    table.setStyle(TableStyle(commands))
    return table


TAIL_ROWS = 2  # rows of the last table kept on the page of the sign-off


def _cover(report: EventReport, width: float) -> list[Any]:
    style = styles()
    event = report.event
    tally = report.tally.figures
    present = sum(row.present for row in report.attendance)
    registered = sum(row.registered for row in report.attendance)
    facts = [
        [_("Kegiatan"), event.name], [_("Hari/tanggal"), formatting.long_date(event.event_date)],
        [_("Tempat"), ", ".join(p for p in (event.venue, event.city) if p)],
        [_("Penyelenggara"), event.organiser],
        [_("Peserta hadir"), _("{present} dari {registered}").format(
            present=formatting.number(present), registered=formatting.number(registered))],
        [_("Pertemuan terlaksana"), formatting.number(report.meetings.held)],
        [_("Nilai transaksi"), formatting.rupiah(tally.value_rupiah)],
    ]
    rows = [[Paragraph(f"<b>{markup(key)}</b>", style["body"]), Paragraph(markup(value), style["body"])]
            for key, value in facts if value]
    table = Table(rows, colWidths=[45 * mm, width - 75 * mm], hAlign="CENTER")
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return [
        Spacer(1, 45 * mm),
        Paragraph(markup(_("LAPORAN KEGIATAN")), style["cover_title"]), Spacer(1, 6 * mm),
        Paragraph(markup(event.name), style["cover"]),
        Paragraph(markup(formatting.long_date(event.event_date)), style["cover"]),
        Paragraph(markup(", ".join(p for p in (event.venue, event.city) if p)), style["cover"]),
        Spacer(1, 22 * mm), table, Spacer(1, 30 * mm),
        Paragraph(markup(event.organiser), style["cover"]),
        PageBreak(),
    ]


def _attendance(report: EventReport, width: float) -> list[Any]:
    style = styles()
    data: list[list[Any]] = [[_("Jenis peserta"), _("Terdaftar"), _("Hadir"), _("Tingkat kehadiran")]]
    for row in report.attendance:
        data.append([row.label, formatting.number(row.registered),
                     formatting.number(row.present), percent(row.rate)])
    registered = sum(r.registered for r in report.attendance)
    present = sum(r.present for r in report.attendance)
    data.append([_("JUMLAH"), formatting.number(registered), formatting.number(present),
                 percent(present / registered if registered else 0)])
    table = _grid(data, [60 * mm, 30 * mm, 30 * mm, 35 * mm])
    table.setStyle(TableStyle([("FONTNAME", (0, -1), (-1, -1), CONDENSED_BOLD), ("LINEABOVE", (0, -1), (-1, -1), 1, INK)]))
    rows = [row for row in report.attendance if row.registered]
    chart = bar_chart(
        _("Kehadiran per jenis peserta"), [row.label for row in rows],
        [(_("Terdaftar"), [row.registered for row in rows], "#c9d3e0"),
         (_("Hadir"), [row.present for row in rows], report.tally.colours.present)],
        width, 55 * mm,
    )
    return [Paragraph(markup(_("1. Kehadiran")), style["h2"]), table, Spacer(1, 4 * mm), KeepTogether([chart])]


def _meetings(report: EventReport, width: float) -> list[Any]:
    style = styles()
    figures = report.meetings
    held_rate = figures.held / figures.total if figures.total else 0
    data: list[list[Any]] = [
        [_("Pertemuan"), _("Banyaknya")],
        [_("Terjadwal (tidak termasuk yang dibatalkan)"), formatting.number(figures.total)],
        [figures.held_label, formatting.number(figures.held)],
        [figures.no_show_label, formatting.number(figures.no_show)],
        [_("Belum ditandai"), formatting.number(figures.scheduled)],
        [figures.cancelled_label, formatting.number(figures.cancelled)],
    ]
    note = _("Terlaksana {rate} dari pertemuan terjadwal.").format(rate=percent(held_rate))
    return [Paragraph(markup(_("2. Pertemuan bisnis")), style["h2"]), _grid(data, [100 * mm, 30 * mm]),
            Spacer(1, 2 * mm), Paragraph(markup(note), style["body"])]


def _orders(report: EventReport, width: float) -> list[Any]:
    style = styles()
    story: list[Any] = [Paragraph(markup(_("3. Transaksi")), style["h2"]), figures_table(report.tally.figures, width)]
    if report.tally.by_category:
        story += [Spacer(1, 4 * mm), KeepTogether([category_chart(report.tally, width)])]
    story += lines_table(_("Per kategori produk"), report.tally.by_category, width, _("Kategori"), sum_orders=False)
    story += lines_table(_("Per pembeli"), report.tally.by_buyer, width, _("Pembeli"))
    story += units_table(report.tally.units, width)
    story += shortfall_table(report.tally.shortfalls, width)
    return story


def _problems(report: EventReport, width: float) -> list[Any]:
    style = styles()
    story: list[Any] = [
        Paragraph(markup(_("4. Permasalahan IKM untuk tindak lanjut KUR")), style["h2"]),
        Paragraph(markup(_("Masalah yang disampaikan IKM (permodalan, pemasaran, manajemen, bahan baku) untuk "
                           "ditindaklanjuti bank penyalur KUR dan Dinas.")), style["muted"]),
        Spacer(1, 2 * mm),
    ]
    if report.banks:  # whom to call: the banks that channel KUR, with their phones
        story.append(Paragraph(markup(_("Bank penyalur KUR: {banks}.").format(banks="; ".join(
            f"{bank.business_name} ({bank.phone})" if bank.phone else bank.business_name for bank in report.banks))),
            style["body"]))
        story.append(Spacer(1, 2 * mm))
    counts = list(report.problem_counts)
    if counts:
        story.append(KeepTogether([bar_chart(
            _("Jumlah IKM per permasalahan"), [name for name, _count in counts],
            [(_("IKM"), [count for _name, count in counts], report.tally.colours.problems)],
            width, 45 * mm, horizontal=True)]))
    if not report.problems:
        story.append(Paragraph(markup(_("Tidak ada IKM yang menyampaikan permasalahan.")), style["muted"]))
        return story
    heading = [_("No"), _("IKM"), _("Kontak dan telepon"), _("Permasalahan"), _("Minat KUR"), _("Hadir")]
    data: list[list[Any]] = [[]]
    for number, entry in enumerate(report.problems, start=1):
        data.append([
            str(number),
            Paragraph(markup(f"{entry.person.business_name} ({entry.person.code})"), style["cell"]),
            Paragraph("<br/>".join(markup(part) for part in (entry.person.contact_person, entry.person.phone) if part),
                      style["cell"]),
            Paragraph(markup(", ".join(entry.problems)), style["cell"]),
            _("Ya") if entry.kur_interest else _("Tidak"),
            _("Ya") if entry.present else _("Tidak"),
        ])
    widths: list[float | None] = [8 * mm, None, 38 * mm, 42 * mm, 17 * mm, 13 * mm]
    widths[1] = width - sum(w for w in widths if w)
    data[0] = headings(heading, 99, widths)
    centred = TableStyle([("ALIGN", (0, 0), (0, -1), "CENTER"), ("ALIGN", (4, 0), (-1, -1), "CENTER")])
    # The last rows go with the sign-off (see render_event_report), so it never stands alone.
    tail = TAIL_ROWS if len(data) > TAIL_ROWS + 1 else 0
    body = len(data) - tail
    table = _grid(data[:body], widths, numeric_from=4)
    table.setStyle(centred)
    story.append(table)
    if tail:
        last = _grid(data[body:], widths, numeric_from=4, header=False, shade_first=(body - 1) % 2 == 1)
        last.setStyle(centred)
        story.append(last)
    return story


def render_event_report(report: EventReport, target: Target, progress: Progress | None = None) -> int:
    pagesize = paper(report.event.paper_size)
    width = pagesize[0] - 2 * MARGIN
    story: list[Any] = _cover(report, width)
    story += _attendance(report, width)
    story += _meetings(report, width)
    story += _orders(report, width)
    problems = _problems(report, width)
    # The sign-off stays with the last rows of the last table (the KUR list), never alone on a page.
    story += problems[:-1]
    story.append(KeepTogether([problems[-1], *sign_off_parts(report.event)]))
    return build_document(target, report.event, _("Laporan kegiatan"), story, pagesize, progress)
