"""QR codes of registration codes, encoded with ReportLab's own QR encoder (the QR widget's).

Three things keep a thousand-page batch fast:
- the data codewords come from ReportLab's encoder; the Reed–Solomon error correction is
  computed here by a shift register over a table cached per length (ReportLab rebuilds the
  generator polynomial and divides with lists for every code);
- the symbol is laid out once per version (function patterns and data positions are
  ReportLab's) and the data placed with numpy once; each of the eight masks is then an XOR
  on a bit board (the matrix as one integer) and scored with a few integer operations by
  ReportLab's own penalty rules (tests/test_reports_qr.py checks every mask's penalty and
  every symbol against ReportLab's, so the symbols are identical);
- the matrix is drawn as one filled path, a rectangle per run of dark modules, rather than
  through the widget's shape tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest

import numpy as np
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 2  # modules of white border; the page around it adds more
_DARK_RUN = re.compile(b"\x01+")  # in a row as bytes (True = 1)
_FINDER_LIKE = (1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0)  # ReportLab's rule 3 pattern (rows only)
_EXP = qrencoder.EXP_TABLE
_LOG = qrencoder.LOG_TABLE


def encoder(value: str) -> object:
    """ReportLab's QR encoder for ``value`` at error correction level M (not yet made)."""
    return QrCodeWidget(value, barLevel="M", barBorder=0).qr


# ---- codewords -------------------------------------------------------------------------------
class _Bits:
    """The bit buffer ReportLab's data segments write into (``put``), kept as one integer."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, number: int, length: int) -> None:
        self.value = (self.value << length) | (number & ((1 << length) - 1))
        self.length += length

    def getLengthInBits(self) -> int:  # noqa: N802 (ReportLab's name)
        return self.length


def _gf_multiply(a: int, b: int) -> int:
    return 0 if a == 0 or b == 0 else _EXP[(_LOG[a] + _LOG[b]) % 255]


@lru_cache(maxsize=64)
def _generator_table(length: int) -> tuple[int, ...]:
    """For each lead byte, the generator's coefficients times it, as one integer of ``length`` bytes."""
    coefficients = qrencoder.QRUtil.getErrorCorrectPolynomial(length).num[1:]  # monic: skip the 1
    return tuple(int.from_bytes(bytes(_gf_multiply(lead, c) for c in coefficients), "big") for lead in range(256))


def _remainder(data: list[int], length: int) -> list[int]:
    """Error correction codewords: ``data`` · x^length mod the generator, by the shift-register division."""
    table = _generator_table(length)
    shift = 8 * (length - 1)
    keep = (1 << (8 * length)) - 1
    register = 0
    for byte in data:
        register = ((register << 8) & keep) ^ table[byte ^ (register >> shift)]
    return list(register.to_bytes(length, "big"))


def _codewords(qr: object) -> list[int]:
    """What ``QRCode.createData`` returns: data and error correction codewords, interleaved."""
    version, level = qr.version, qr.errorCorrectLevel  # type: ignore[attr-defined]
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    bits = _Bits()
    for data in qr.dataList:  # type: ignore[attr-defined]
        data.write(bits, version)
    capacity = 8 * sum(block.dataCount for block in blocks)
    if bits.length > capacity:
        raise ValueError("QR code length overflow")
    if bits.length + 4 <= capacity:
        bits.put(0, 4)  # terminator
    bits.put(0, -bits.length % 8)  # up to a whole byte
    words = list(bits.value.to_bytes(bits.length // 8, "big"))
    # Pad codewords alternate up to the capacity.
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
    boards: _Boards  # the same layout as integers, for scoring


def _board(cells: np.ndarray) -> int:
    """``cells`` (size × size) as one integer: bit ``row * (size + 1) + column``, a light guard column
    after each row so that shifts never carry a row into the next."""
    padded = np.pad(cells.astype(bool), ((0, 0), (0, 1)))
    return int.from_bytes(np.packbits(padded.ravel(), bitorder="little").tobytes(), "little")


@dataclass(frozen=True)
class _Boards:
    """Bit boards of one version (see :func:`_board`): scoring is a few integer operations per mask."""

    stride: int
    test_base: int
    masks: tuple[int, ...]
    across: int  # modules with a right-hand neighbour
    down: int  # modules with a neighbour below
    finder_starts: int  # where ReportLab's row scan looks for the finder-like pattern
    cells: int

    @classmethod
    def of(cls, size: int, test_base: np.ndarray, masks: np.ndarray) -> _Boards:
        every = np.ones((size, size), dtype=bool)
        across, down, finder = every.copy(), every.copy(), every.copy()
        across[:, -1] = False
        down[-1, :] = False
        finder[:, size - 11:] = False
        return cls(size + 1, _board(test_base), tuple(_board(mask) for mask in masks),
                   _board(across), _board(down), _board(finder), size * size)

    def penalty(self, symbol: int) -> int:
        """ReportLab's ``QRUtil.getLostPoint`` of one test symbol.

        ReportLab's rule 3 on columns compares tuples with a list and so never scores; it is left
        out here too, or the two would pick different masks. Its row scan stops 11 modules before
        the end; the pattern cannot overlap itself, so counting every position is the same as its
        skipping scan.
        """
        stride = self.stride
        light = ~symbol
        score = 0
        same_across = ~(symbol ^ (symbol >> 1)) & self.across
        same_down = ~(symbol ^ (symbol >> stride)) & self.down
        for same, step in ((same_across, 1), (same_down, stride)):
            # Rule 1: five alike from here; a run of length L holds L − 4 such windows, one at its start.
            five = same & (same >> step) & (same >> 2 * step) & (same >> 3 * step)
            score += five.bit_count() + 2 * (five & ~(same << step)).bit_count()
        # Rule 2: 2 × 2 blocks of one colour.
        score += 3 * (same_across & (same_across >> stride) & same_down).bit_count()
        # Rule 3: 1011101 0000 in a row.
        found = self.finder_starts
        for offset, bit in enumerate(_FINDER_LIKE):
            found &= (symbol if bit else light) >> offset
        score += 40 * found.bit_count()
        # Rule 4: the share of dark modules.
        score += 10 * (abs(100 * symbol.bit_count() // self.cells - 50) // 5)
        return score


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
    test_base = _function_matrix(version, level, True, 0)
    return _Layout(size, data_index, test_base, finals, is_data, masks, _Boards.of(size, test_base, masks))


def _unmasked(value: str) -> tuple[_Layout, np.ndarray]:
    """The layout of ``value``'s version and its data modules before masking (size × size)."""
    qr = encoder(value)
    if qr.version is None:  # type: ignore[attr-defined]
        qr.version = qr.calculate_version()  # type: ignore[attr-defined]
    layout = _layout(qr.version, qr.errorCorrectLevel)  # type: ignore[attr-defined]
    bits = np.unpackbits(np.array(_codewords(qr), dtype=np.uint8)).astype(bool)
    unmasked = np.zeros(layout.size * layout.size, dtype=bool)
    # Remainder bits past the codewords stay light before masking, as in mapData.
    placed = min(len(bits), len(layout.data_index))
    unmasked[layout.data_index[:placed]] = bits[:placed]
    return layout, unmasked.reshape(layout.size, layout.size)


def _penalties(layout: _Layout, unmasked: np.ndarray) -> list[int]:
    boards = layout.boards
    data = _board(unmasked)
    return [boards.penalty((data ^ mask) | boards.test_base) for mask in boards.masks]


def mask_penalties(value: str) -> list[int]:
    """The penalty of each mask for ``value``, scored as ReportLab scores its test symbols."""
    return _penalties(*_unmasked(value))


@lru_cache(maxsize=512)
def modules(value: str) -> tuple[tuple[bool, ...], ...]:
    """The QR matrix of ``value`` (True = dark), with the mask of the lowest penalty."""
    layout, unmasked = _unmasked(value)
    scores = _penalties(layout, unmasked)
    best = scores.index(min(scores))  # the first of equal scores, as ReportLab
    symbol = np.where(layout.is_data, unmasked ^ layout.masks[best], layout.finals[best])
    return tuple(map(tuple, symbol.tolist()))


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float) -> None:
    """Draw the QR code of ``value`` in the square with lower-left corner (x, y).

    Drawn in module units (one unit per module, scaled once) with whole-number rectangles
    written as literal path operators: no float formatting per module.
    """
    matrix = modules(value)
    count = len(matrix) + 2 * QUIET_ZONE
    # A hair of overlap upwards keeps anti-aliased viewers from showing seams.
    operators = [f"{run.start() + QUIET_ZONE} {count - QUIET_ZONE - row_index - 1} {run.end() - run.start()} 1.03 re"
                 for row_index, row in enumerate(matrix) for run in _DARK_RUN.finditer(bytes(row))]
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size / count, size / count)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.addLiteral("\n".join(operators) + " f")
    canvas.restoreState()
