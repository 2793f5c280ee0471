"""The master grid: slots down, tables across, on landscape paper (15 tables × 16 slots per page).

More tables than fit go on further pages, each repeating the time column.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop import formatting
from desktop.i18n import _
from desktop.reports.data import GridCell, GridReport, Slot, Table
from desktop.reports.fonts import BOLD, CONDENSED, CONDENSED_BOLD, REGULAR
from desktop.reports.page import ACCENT, INK, MARGIN, MUTED, RULE, SHADE, Progress, Target, fit, open_canvas, paper, when, wrap

TABLES_PER_PAGE = 15
SLOTS_PER_PAGE = 18
TIME_COLUMN = 17 * mm
HEADER_HEIGHT = 14 * mm
SIDE = 10 * mm


def _page(canvas: Canvas, report: GridReport, slots: list[Slot], tables: list[Table],
          cells: dict[tuple[int, int], GridCell], pagesize: tuple[float, float]) -> None:
    width, height = pagesize
    top = height - 10 * mm
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 13)
    canvas.drawString(SIDE, top - 4, _("JADWAL INDUK PERTEMUAN"))
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 8.5)
    canvas.drawRightString(width - SIDE, top - 4, fit(f"{report.event.name} · {when(report.event)}", REGULAR, 8.5,
                                                      width / 2))
    grid_top = top - 12
    column = (width - 2 * SIDE - TIME_COLUMN) / max(len(tables), 1)
    column = min(column, 40 * mm)
    row = min((grid_top - HEADER_HEIGHT - 16 * mm) / max(len(slots), 1), 14 * mm)
    left = SIDE + TIME_COLUMN

    canvas.setFillColor(ACCENT)
    canvas.rect(SIDE, grid_top - HEADER_HEIGHT, TIME_COLUMN + column * len(tables), HEADER_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont(BOLD, 8)
    canvas.drawString(SIDE + 3, grid_top - HEADER_HEIGHT / 2 - 3, _("Waktu"))
    for index, table in enumerate(tables):
        x = left + index * column
        canvas.setFont(BOLD, 8.5)
        canvas.drawCentredString(x + column / 2, grid_top - 10, _("Meja {number}").format(number=table.number))
        if table.host is not None:
            canvas.setFont(CONDENSED, 6)
            for offset, line in enumerate(wrap(table.host.business_name, CONDENSED, 6, column - 4, 2)):
                canvas.drawCentredString(x + column / 2, grid_top - 19 - offset * 7, line)

    y = grid_top - HEADER_HEIGHT
    name_size = 6.8 if row >= 9 * mm else 6
    for slot_index, slot in enumerate(slots):
        if slot_index % 2:
            canvas.setFillColor(SHADE)
            canvas.rect(SIDE, y - row, TIME_COLUMN + column * len(tables), row, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 8)
        canvas.drawString(SIDE + 3, y - row / 2 + 1, formatting.clock(slot.start))
        canvas.setFont(REGULAR, 6.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(SIDE + 3, y - row / 2 - 7, "–" + formatting.clock(slot.end))
        for index, table in enumerate(tables):
            cell = cells.get((slot.id, table.id))
            if cell is None:
                continue
            x = left + index * column
            if cell.fill is not None:
                canvas.setFillColor(colors.HexColor(cell.fill))
                canvas.rect(x, y - row, column, row, stroke=0, fill=1)
            canvas.setFillColor(INK)
            canvas.setFont(CONDENSED_BOLD, name_size)
            lines = wrap(cell.visitor.business_name, CONDENSED_BOLD, name_size, column - 4, 2)
            text_y = y - 2 - name_size
            for line in lines:
                canvas.drawString(x + 2, text_y, line)
                text_y -= name_size + 1
            canvas.setFont(CONDENSED, 5.8)
            canvas.setFillColor(MUTED)
            # The status shows as the cell's colour (see the legend): the name keeps the room.
            canvas.drawString(x + 2, y - row + 2.5, cell.visitor.code)
        y -= row
        if slot_index + 1 < len(slots) and slots[slot_index + 1].session != slot.session:
            canvas.setStrokeColor(ACCENT)
            canvas.setLineWidth(1.4)
            canvas.line(SIDE, y, left + column * len(tables), y)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.4)
    bottom = y
    for index in range(len(tables) + 1):
        x = left + index * column
        canvas.line(x, grid_top - HEADER_HEIGHT, x, bottom)
    canvas.line(SIDE, bottom, left + column * len(tables), bottom)
    canvas.rect(SIDE, bottom, TIME_COLUMN + column * len(tables), grid_top - bottom, stroke=1, fill=0)
    canvas.setFont(REGULAR, 7)
    canvas.setFillColor(MUTED)
    legend = _("Hijau: terlaksana · Merah: tidak hadir · garis biru tebal: istirahat antar sesi")
    canvas.drawString(SIDE, bottom - 10, legend)


def render_grid(report: GridReport, target: Target, progress: Progress | None = None) -> int:
    pagesize = paper(report.event.paper_size, wide=True)
    canvas = open_canvas(target, report.event, _("Jadwal induk"), pagesize)
    cells = {(cell.slot_id, cell.table_id): cell for cell in report.cells}
    tables = list(report.tables)
    slots = list(report.slots)
    table_pages = [tables[i:i + TABLES_PER_PAGE] for i in range(0, len(tables), TABLES_PER_PAGE)] or [[]]
    slot_pages = [slots[i:i + SLOTS_PER_PAGE] for i in range(0, len(slots), SLOTS_PER_PAGE)] or [[]]
    total = len(table_pages) * len(slot_pages)
    number = 0
    for table_chunk in table_pages:
        for slot_chunk in slot_pages:
            _page(canvas, report, slot_chunk, table_chunk, cells, pagesize)
            canvas.showPage()
            number += 1
            if progress:
                progress(number, total)
    canvas.save()
    return total
