"""QR codes of registration codes, encoded by ReportLab's own QR encoder (the QR widget's).

Two things keep a thousand-page batch fast:
- the mask pattern is chosen with the same penalty rules as ReportLab's
  ``getBestMaskPattern`` but scored on bit strings instead of lists of booleans
  (tests/test_reports_qr.py checks both pick the same mask, so the symbols are identical);
- the matrix is drawn as one filled path, a rectangle per run of dark modules, rather than
  through the widget's shape tree.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 2  # modules of white border; the page around it adds more
_LONG_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = "10111010000"
_DIGITS = bytes.maketrans(b"\x00\x01", b"01")  # the one pattern ReportLab's rule 3 looks for


def _rule1(lines: list[str]) -> int:
    """Runs of five or more same-coloured modules: length − 2 each."""
    return sum(len(run.group()) - 2 for line in lines for run in _LONG_RUN.finditer(line))


def _rule2(rows: list[str]) -> int:
    """Every 2 × 2 block of one colour: 3 (rows as bit masks: four comparisons per row pair)."""
    width = len(rows[0])
    inner = (1 << (width - 1)) - 1
    bits = [int(row, 2) for row in rows]
    score = 0
    for upper, lower in itertools.pairwise(bits):
        same_below = ~(upper ^ lower)
        block = ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & same_below & (same_below >> 1) & inner
        score += 3 * bin(block).count("1")
    return score


def _rule3(lines: list[str]) -> int:
    """The finder-like pattern, found left to right without overlap, as ReportLab scans: 40 each."""
    score = 0
    width = len(_FINDER_LIKE)
    for line in lines:
        last_start = len(line) - width  # ReportLab stops before this position
        start = 0
        while True:
            found = line.find(_FINDER_LIKE, start)
            if found == -1 or found >= last_start:
                break
            score += 40
            start = found + width
    return score


def _rule4(rows: list[str]) -> int:
    cells = len(rows) ** 2
    dark = sum(row.count("1") for row in rows)
    return 10 * (abs(100 * dark // cells - 50) // 5)


def penalty(modules: list[list[bool]]) -> int:
    """ReportLab's ``QRUtil.getLostPoint`` computed on strings.

    ReportLab's rule 3 on columns compares tuples with a list and so never scores; it is left
    out here too, or the two would pick different masks.
    """
    rows = [bytes(row).translate(_DIGITS).decode() for row in modules]
    columns = ["".join(column) for column in zip(*rows, strict=True)]
    return _rule1(columns) + _rule1(rows) + _rule2(rows) + _rule3(rows) + _rule4(rows)


def encoder(value: str) -> object:
    """ReportLab's QR encoder for ``value`` at error correction level M (not yet made)."""
    return QrCodeWidget(value, barLevel="M", barBorder=0).qr


def best_mask(qr: object) -> int:
    best, best_score = 0, -1
    for mask in range(8):
        qr.makeImpl(True, mask)  # type: ignore[attr-defined]
        score = penalty(qr.modules)  # type: ignore[attr-defined]
        if best_score < 0 or score < best_score:
            best, best_score = mask, score
    return best


@lru_cache(maxsize=512)
def modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix of ``value`` (True = dark)."""
    qr = encoder(value)
    if qr.version is None:  # type: ignore[attr-defined]
        qr.version = qr.calculate_version()  # type: ignore[attr-defined]
    qr.makeImpl(False, best_mask(qr))  # type: ignore[attr-defined]
    return tuple(tuple(bool(cell) for cell in row) for row in qr.modules)  # type: ignore[attr-defined]


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``value`` in the square with lower-left corner (x, y).

    Drawn in module units (one unit per module, scaled once) with whole-number rectangles
    written as literal path operators: no float formatting per module.
    """
    matrix = modules(value)
    count = len(matrix) + 2 * QUIET_ZONE
    operators: list[str] = []
    for row_index, row in enumerate(matrix):
        bottom = count - QUIET_ZONE - row_index - 1
        column = QUIET_ZONE
        for dark, run in itertools.groupby(row):
            length = len(list(run))
            if dark:
                # A hair of overlap upwards keeps anti-aliased viewers from showing seams.
                operators.append(f"{column} {bottom} {length} 1.03 re")
            column += length
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / count, size / count)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral("\n".join(operators) + " f")
    canvas.restoreState()
