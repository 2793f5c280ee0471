"""QR codes of registration codes, encoded with ReportLab's own QR encoder (the QR widget's).

Three things keep a thousand-page batch fast:
- the codewords come from ReportLab's encoder, but the Reed–Solomon error correction is
  computed here with log tables and a generator polynomial cached per length (ReportLab
  rebuilds the polynomial and divides with lists for every code);
- the symbol is laid out once per version (function patterns and data positions are
  ReportLab's) and the eight masks are applied and scored together with numpy, with the
  same penalty rules as ReportLab's ``getBestMaskPattern`` (tests/test_reports_qr.py checks
  both pick the same mask, so the symbols are identical);
- the matrix is drawn as one filled path, a rectangle per run of dark modules, rather than
  through the widget's shape tree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest

import numpy as np
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 2  # modules of white border; the page around it adds more
_FINDER_LIKE = (1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0)  # ReportLab's rule 3 pattern (rows only)
_EXP = qrencoder.EXP_TABLE
_LOG = qrencoder.LOG_TABLE


def encoder(value: str) -> object:
    """ReportLab's QR encoder for ``value`` at error correction level M (not yet made)."""
    return QrCodeWidget(value, barLevel="M", barBorder=0).qr


# ---- codewords -------------------------------------------------------------------------------
@lru_cache(maxsize=64)
def _generator(length: int) -> tuple[int, ...]:
    """Exponents (log form) of the Reed–Solomon generator polynomial, highest degree first."""
    return tuple(_LOG[c] for c in qrencoder.QRUtil.getErrorCorrectPolynomial(length).num)


def _remainder(data: list[int], length: int) -> list[int]:
    """Error correction codewords: ``data`` · x^length mod the generator (GF(256) long division)."""
    generator = _generator(length)[1:]  # the leading coefficient is 1 (log 0)
    remainder = list(data) + [0] * length
    for index in range(len(data)):
        lead = remainder[index]
        if lead:
            log_lead = _LOG[lead]
            for offset, log_coefficient in enumerate(generator, start=index + 1):
                remainder[offset] ^= _EXP[(log_lead + log_coefficient) % 255]
    return remainder[len(data):]


def _codewords(qr: object) -> list[int]:
    """What ``QRCode.createData`` returns: data and error correction codewords, interleaved."""
    version, level = qr.version, qr.errorCorrectLevel  # type: ignore[attr-defined]
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    buffer = qrencoder.QRBitBuffer()
    for data in qr.dataList:  # type: ignore[attr-defined]
        data.write(buffer, version)
    capacity = 8 * sum(block.dataCount for block in blocks)
    if buffer.getLengthInBits() > capacity:
        raise ValueError("QR code length overflow")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    # Pad codewords appended as whole bytes (ReportLab puts them bit by bit).
    words = list(buffer.buffer)
    pads = (qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1)
    words += [pads[index % 2] for index in range(capacity // 8 - len(words))]
    data_blocks: list[list[int]] = []
    ec_blocks: list[list[int]] = []
    offset = 0
    for block in blocks:
        chunk = words[offset:offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_remainder(chunk, block.totalCount - block.dataCount))
    return [word for group in (*zip_longest(*data_blocks), *zip_longest(*ec_blocks))
            for word in group if word is not None]


# ---- layout and masks --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Layout:
    """What every symbol of one version shares."""

    size: int
    data_index: np.ndarray  # flat indices of the data modules, in ReportLab's placement order
    test_base: np.ndarray  # function patterns, format and version areas light (ReportLab's test mode)
    finals: np.ndarray  # 8 × size × size: function patterns with each mask's format bits
    is_data: np.ndarray  # size × size
    masks: np.ndarray  # 8 × size × size: each mask pattern, on data modules only


def _function_matrix(version: int, level: int, test: bool, mask: int) -> np.ndarray:
    qr = qrencoder.QRCode(version, level)
    size = qr.moduleCount = version * 4 + 17
    qr.modules = [[False] * size for _ in range(size)]
    qr.setupPositionProbePattern(0, 0)
    qr.setupPositionProbePattern(size - 7, 0)
    qr.setupPositionProbePattern(0, size - 7)
    qr.setupPositionAdjustPattern()
    qr.setupTimingPattern()
    qr.setupTypeInfo(test, mask)
    if version >= 7:
        qr.setupTypeNumber(test)
    return np.array(qr.modules, dtype=bool)


@lru_cache(maxsize=None)
def _layout(version: int, level: int) -> _Layout:
    qr = qrencoder.QRCode(version, level)
    size = qr.moduleCount = version * 4 + 17
    positions = qr.dataPosIterator()  # (column, row), as mapData places the bits
    data_index = np.array([row * size + column for column, row in positions], dtype=np.intp)
    is_data = np.zeros(size * size, dtype=bool)
    is_data[data_index] = True
    is_data = is_data.reshape(size, size)
    rows, columns = np.indices((size, size))
    masks = np.array([
        np.vectorize(qrencoder.QRUtil.getMask(mask), otypes=[bool])(rows, columns) & is_data
        for mask in range(8)
    ])
    finals = np.array([_function_matrix(version, level, False, mask) for mask in range(8)])
    return _Layout(size, data_index, _function_matrix(version, level, True, 0), finals, is_data, masks)


def _run_penalty(cells: np.ndarray) -> np.ndarray:
    """Rule 1 along the last axis, per candidate: each run of five or more, length − 2."""
    same = cells[..., 1:] == cells[..., :-1]
    windows = same[..., :-3] & same[..., 1:-2] & same[..., 2:-1] & same[..., 3:]  # five alike from here
    starts = np.ones_like(windows)
    starts[..., 1:] = ~same[..., : windows.shape[-1] - 1]  # a run begins here
    # A run of length L holds L − 4 such windows, one of them at its start: (L − 4) + 2 = L − 2.
    return windows.sum(axis=(-2, -1)) + 2 * (windows & starts).sum(axis=(-2, -1))


def penalties(candidates: np.ndarray) -> np.ndarray:
    """ReportLab's ``QRUtil.getLostPoint`` for each of the candidate symbols (n × size × size).

    ReportLab's rule 3 on columns compares tuples with a list and so never scores; it is left
    out here too, or the two would pick different masks. Its row scan stops 11 modules before
    the end; the pattern cannot overlap itself, so counting every position is the same as its
    skipping scan.
    """
    size = candidates.shape[-1]
    score = _run_penalty(candidates) + _run_penalty(candidates.transpose(0, 2, 1))
    across = candidates[:, :, 1:] == candidates[:, :, :-1]
    down = candidates[:, 1:, :] == candidates[:, :-1, :]
    blocks = across[:, :-1, :] & across[:, 1:, :] & down[:, :, :-1]
    score += 3 * blocks.sum(axis=(1, 2))
    span = size - 11
    found = np.ones((candidates.shape[0], size, span), dtype=bool)
    for offset, bit in enumerate(_FINDER_LIKE):
        window = candidates[:, :, offset:offset + span]
        found &= window if bit else ~window
    score += 40 * found.sum(axis=(1, 2))
    dark = candidates.sum(axis=(1, 2))
    score += 10 * (np.abs(100 * dark // (size * size) - 50) // 5)
    return score


def _candidates(value: str) -> tuple[_Layout, np.ndarray]:
    """The layout of ``value``'s version and its data modules under each of the eight masks."""
    qr = encoder(value)
    if qr.version is None:  # type: ignore[attr-defined]
        qr.version = qr.calculate_version()  # type: ignore[attr-defined]
    layout = _layout(qr.version, qr.errorCorrectLevel)  # type: ignore[attr-defined]
    bits = np.unpackbits(np.array(_codewords(qr), dtype=np.uint8)).astype(bool)
    unmasked = np.zeros(layout.size * layout.size, dtype=bool)
    # Remainder bits past the codewords stay light before masking, as in mapData.
    placed = min(len(bits), len(layout.data_index))
    unmasked[layout.data_index[:placed]] = bits[:placed]
    return layout, unmasked.reshape(layout.size, layout.size)[None] ^ layout.masks


def mask_penalties(value: str) -> list[int]:
    """The penalty of each mask for ``value``, scored as ReportLab scores its test symbols."""
    layout, data = _candidates(value)
    return penalties(data | layout.test_base).tolist()


@lru_cache(maxsize=512)
def modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix of ``value`` (True = dark), with the mask of the lowest penalty."""
    layout, data = _candidates(value)
    best = int(np.argmin(penalties(data | layout.test_base)))  # first of equal scores, as ReportLab
    symbol = np.where(layout.is_data, data[best], layout.finals[best])
    return tuple(map(tuple, symbol.tolist()))


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``value`` in the square with lower-left corner (x, y).

    Drawn in module units (one unit per module, scaled once) with whole-number rectangles
    written as literal path operators: no float formatting per module.
    """
    matrix = np.array(modules(value), dtype=np.int8)
    count = len(matrix) + 2 * QUIET_ZONE
    # Edges of the dark runs, row by row: where the colour changes, with light padding at both ends.
    padded = np.pad(matrix, ((0, 0), (1, 1)))
    rows, edges = np.nonzero(np.diff(padded, axis=1))
    starts, ends = edges[::2].tolist(), edges[1::2].tolist()
    # A hair of overlap upwards keeps anti-aliased viewers from showing seams.
    operators = [f"{start + QUIET_ZONE} {count - QUIET_ZONE - row - 1} {end - start} 1.03 re"
                 for row, start, end in zip(rows[::2].tolist(), starts, ends, strict=True)]
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / count, size / count)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral("\n".join(operators) + " f")
    canvas.restoreState()
