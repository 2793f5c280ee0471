"""Rekap transaksi: the end-of-day order tally (totals, per IKM, per buyer, per category, shortfalls)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from desktop import formatting
from desktop.i18n import _
from desktop.reports.attendance import header_block, sign_off_parts
from desktop.reports.charts import bar_chart
from desktop.reports.data import ShortfallLine, TallyFigures, TallyLine, TallyReport, UnitLine
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

REQUESTED_COLOUR = "#9fb7d6"


def figures_table(figures: TallyFigures, width: float) -> Table:
    """The headline numbers as a row of boxes: orders, pairs, Rupiah, transacting IKM, shortfall."""
    style = styles()
    boxes = [
        (_("Pesanan"), formatting.number(figures.orders),
         _("{count} pasti").format(count=formatting.number(figures.confirmed_orders))),
        (_("Pasang disanggupi"), formatting.number(figures.committed_pairs),
         _("dari {count} diminta").format(count=formatting.number(figures.requested_pairs))),
        (_("Nilai transaksi"), formatting.rupiah(figures.value_rupiah), ""),
        (_("IKM bertransaksi"), formatting.number(figures.transacting_ikm), ""),
        (_("Belum terpenuhi"), formatting.number(figures.unfulfilled_pairs), _("pasang")),
    ]
    cells = [[Paragraph(
        f"<font size=7.5 color='#5b6470'>{markup(title)}</font><br/>"
        f"<font size=11.5><b>{markup(value)}</b></font>"
        + (f"<br/><font size=7 color='#5b6470'>{markup(note)}</font>" if note else ""),
        style["body"]) for title, value, note in boxes]]
    widths = [width * share for share in (0.15, 0.21, 0.28, 0.16, 0.20)]
    table = Table(cells, colWidths=widths)
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.6, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.6, RULE),
        ("BACKGROUND", (0, 0), (-1, -1), SHADE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def lines_table(title: str, rows: Sequence[TallyLine], width: float, name_heading: str,
                sum_orders: bool = True) -> list[Any]:
    """A breakdown with a total row (orders are not summed per category: one order may span several)."""
    style = styles()
    heading = [_("No"), name_heading, _("Pesanan"), _("Diminta (pasang)"), _("Disanggupi (pasang)"),
               _("Belum terpenuhi (pasang)"), _("Nilai")]
    fixed: list[float | None] = [10 * mm, None, 17 * mm, 22 * mm, 24 * mm, 22 * mm, 32 * mm]
    fixed[1] = width - sum(w for w in fixed if w)
    data: list[list[Any]] = [headings(heading, 2, fixed)]
    for number, row in enumerate(rows, start=1):
        data.append([
            str(number), Paragraph(markup(row.name), style["cell"]), formatting.number(row.orders),
            formatting.number(row.requested_pairs), formatting.number(row.committed_pairs),
            formatting.number(row.unfulfilled_pairs), formatting.rupiah(row.value_rupiah),
        ])
    if not rows:
        data.append(["", Paragraph(markup(_("Belum ada pesanan.")), style["cell"]), "", "", "", "", ""])
    else:
        data.append([
            "", _("JUMLAH"), formatting.number(sum(r.orders for r in rows)) if sum_orders else "",
            formatting.number(sum(r.requested_pairs for r in rows)),
            formatting.number(sum(r.committed_pairs for r in rows)),
            # As the domain service defines it: total demand minus total commitment.
            formatting.number(max(sum(r.requested_pairs for r in rows) - sum(r.committed_pairs for r in rows), 0)),
            formatting.rupiah(sum(r.value_rupiah for r in rows)),
        ])
    table = Table(data, colWidths=fixed, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("FONTNAME", (0, 0), (-1, 0), BOLD), ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("FONTNAME", (0, 1), (-1, -1), CONDENSED), ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"), ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if rows:
        commands += [("FONTNAME", (0, -1), (-1, -1), CONDENSED_BOLD), ("LINEABOVE", (0, -1), (-1, -1), 1, INK)]
    table.setStyle(TableStyle(commands))
    return [Paragraph(markup(title), style["h2"]), table]


def units_table(rows: Sequence[UnitLine], width: float) -> list[Any]:
    """Requested, committed and unfulfilled per unit: pairs, square feet and sheets are never added."""
    style = styles()
    story: list[Any] = [Paragraph(markup(_("Per satuan")), style["h2"])]
    if not rows:
        story.append(Paragraph(markup(_("Belum ada pesanan.")), style["muted"]))
        return story
    heading = [_("Satuan"), _("Diminta"), _("Disanggupi"), _("Belum terpenuhi"), _("Nilai diminta"),
               _("Nilai disanggupi")]
    widths: list[float | None] = [None, 24 * mm, 24 * mm, 24 * mm, 34 * mm, 34 * mm]
    widths[0] = width - sum(w for w in widths if w)
    data: list[list[Any]] = [headings(heading, 1, widths)]
    for row in rows:
        data.append([row.unit_label, formatting.number(row.requested), formatting.number(row.committed),
                     formatting.number(row.unfulfilled), formatting.rupiah(row.requested_rupiah),
                     formatting.rupiah(row.committed_rupiah)])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("FONTNAME", (0, 1), (-1, -1), CONDENSED), ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("GRID", (0, 0), (-1, -1), 0.4, RULE),
    ]))
    story.append(table)
    return story


def shortfall_table(rows: Sequence[ShortfallLine], width: float) -> list[Any]:
    style = styles()
    story: list[Any] = [Paragraph(markup(_("Permintaan yang belum terpenuhi")), style["h2"])]
    if not rows:
        story.append(Paragraph(markup(_("Semua permintaan sanggup dipenuhi.")), style["muted"]))
        return story
    widths: list[float | None] = [None, None, 26 * mm, 16 * mm, 20 * mm, 20 * mm, 20 * mm]
    rest = (width - sum(w for w in widths if w)) / 2
    widths[0] = widths[1] = rest
    data: list[list[Any]] = [headings([_("Pembeli"), _("IKM (bersama)"), _("Produk"), _("Satuan"), _("Diminta"),
                                       _("Disanggupi"), _("Kurang")], 4, widths)]
    for row in rows:
        data.append([
            Paragraph(markup(row.buyer), style["cell"]), Paragraph(markup(row.seller), style["cell"]),
            Paragraph(markup(row.product), style["cell"]), row.unit_label,
            formatting.number(row.requested_pairs),
            formatting.number(row.committed_pairs), formatting.number(row.unfulfilled_pairs),
        ])
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT), ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("FONTNAME", (0, 0), (-1, 0), BOLD), ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("FONTNAME", (0, 1), (-1, -1), CONDENSED), ("ALIGN", (4, 0), (-1, -1), "RIGHT"),
        ("FONTNAME", (6, 1), (6, -1), CONDENSED_BOLD),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("GRID", (0, 0), (-1, -1), 0.4, RULE),
    ]))
    story.append(table)
    return story


def category_chart(report: TallyReport, width: float) -> Any:
    rows = [row for row in report.by_category if row.requested_pairs or row.committed_pairs]
    return bar_chart(
        _("Pasang per kategori: diminta dan disanggupi"),
        [row.name for row in rows],
        [(_("Diminta"), [row.requested_pairs for row in rows], REQUESTED_COLOUR),
         (_("Disanggupi"), [row.committed_pairs for row in rows], report.colours.committed)],
        width, 62 * mm,
    )


def ikm_chart(report: TallyReport, width: float, top: int = 10) -> Any:
    rows = list(report.by_ikm[:top])
    return bar_chart(
        _("{count} IKM dengan nilai transaksi terbesar (juta Rupiah)").format(count=len(rows)),
        [row.name for row in rows],
        [(_("Nilai"), [round(row.value_rupiah / 1_000_000, 1) for row in rows], report.colours.committed)],
        width, max(30 * mm, 8 * mm + len(rows) * 5.2 * mm), horizontal=True,
    )


def render_tally(report: TallyReport, target: Target, progress: Progress | None = None) -> int:
    pagesize = paper(report.event.paper_size)
    width = pagesize[0] - 2 * MARGIN
    style = styles()
    story: list[Any] = header_block(report.event, _("REKAP TRANSAKSI"))
    story += [figures_table(report.figures, width), Spacer(1, 2 * mm),
              Paragraph(markup(_("Dihitung dari pesanan berstatus pasti dan surat minat (LoI); pesanan batal dan draf "
                                 "tidak dihitung. Pasang hanya dari barang yang diperdagangkan per pasang; nilai dari "
                                 "semua baris.")), style["muted"])]
    if report.by_category:
        story += [Spacer(1, 4 * mm), KeepTogether([category_chart(report, width)])]
    if report.by_ikm:
        story += [Spacer(1, 2 * mm), KeepTogether([ikm_chart(report, width)])]
    story += lines_table(_("Per IKM"), report.by_ikm, width, _("IKM"))
    story += lines_table(_("Per pembeli"), report.by_buyer, width, _("Pembeli"))
    story += lines_table(_("Per kategori produk"), report.by_category, width, _("Kategori"), sum_orders=False)
    story += units_table(report.units, width)
    # The sign-off stays with the last table: an official never signs a page of its own.
    story.append(KeepTogether([*shortfall_table(report.shortfalls, width), *sign_off_parts(report.event)]))
    return build_document(target, report.event, _("Rekap transaksi"), story, pagesize, progress)
