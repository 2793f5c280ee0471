"""QR codes of registration codes, encoded by ReportLab's own QR widget.

The widget's encoder gives the module matrix; drawing it as one filled path (a rectangle
per run of dark modules) is several times faster than rendering the widget's shape tree,
which matters for a batch of a thousand schedules.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 2  # modules of white border; the badge around it adds more


@lru_cache(maxsize=512)
def modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix of ``value`` (True = dark), error correction level M."""
    widget = QrCodeWidget(value, barLevel="M", barBorder=0)
    widget.qr.make()
    return tuple(tuple(bool(cell) for cell in row) for row in widget.qr.modules)


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``value`` in the square with lower-left corner (x, y)."""
    matrix = modules(value)
    count = len(matrix) + 2 * QUIET_ZONE
    box = size / count
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - (row_index + QUIET_ZONE + 1) * box
        column = 0
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                # A hair of overlap keeps anti-aliased viewers from showing seams between rows.
                path.rect(x + (column + QUIET_ZONE) * box, top - 0.02, length * box, box + 0.04)
            column += length
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
