"""Reading a sheet of rows from ``.xlsx``, ``.xls``, ``.ods`` or ``.csv``, whatever people typed into it.

The file type is decided by its first bytes, not its name, so a PDF or a letter renamed
``.xlsx``, a Word document, a password-protected workbook or an HTML page saved as ``.xls``
each get their own clear message. Workbooks are read with python-calamine (one fast reader
for all three formats); formulas a program wrote without their results are found with
openpyxl. The header row is found among the first rows (titles and merged banner rows above
it are skipped; a two-row header is joined). When no sheet is named and the first one holds
no table of the wanted columns, the sheet that does is taken and the table says so. No Qt here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.i18n import _
from desktop.models.errors import DomainError
from desktop.models.spreadsheet.file_kinds import detect_kind, not_a_table

MAX_DATA_ROWS = 20_000  # an event has hundreds of participants; more is the wrong file
HEADER_SEARCH_ROWS = 30  # a letterhead, a title block and notes may come before the header
MAX_EMPTY_RUN = 2_000  # formatted-but-empty rows Excel keeps after the data
CSV_SHEET = "CSV"
MIN_HEADER_SCORE = 2  # a sheet "has the columns" when its header names at least this many fields
WORKBOOK_KINDS = ("xlsx", "xls", "ods")

CellValue = str | int | float | Decimal | bool | dt.datetime | dt.date | dt.time | None
HeaderScore = Callable[[Sequence[str]], int]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class UnreadFormula(str):
    """A formula whose result the file does not store (written by a program, never opened in Excel)."""


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row number Excel or a text editor shows
    values: tuple[CellValue, ...]


@dataclass(frozen=True)
class SheetTable:
    file_name: str
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    note: str = ""  # said to the user: e.g. which sheet was taken when the first held no table

    def sample(self, count: int = 5) -> list[SheetRow]:
        return list(self.rows[:count])


@dataclass(frozen=True)
class FileInfo:
    path: Path
    kind: str  # "xlsx", "xls", "ods" or "csv"
    sheets: tuple[str, ...]


# ---- file type: desktop/models/spreadsheet/file_kinds.py ---------------------------------------
def inspect_file(path: Path | str) -> FileInfo:
    path = Path(path)
    kind = detect_kind(path)
    if kind == "csv":
        _check_tabular(path)
        return FileInfo(path, kind, (CSV_SHEET,))
    with _open_workbook(path) as workbook:
        names = _visible_sheets(workbook)
    if not names:
        raise DomainError(_("{name} tidak berisi lembar kerja.").format(name=path.name))
    return FileInfo(path, kind, names)


# ---- reading --------------------------------------------------------------------------------
RawRows = Iterator[tuple[int, tuple[CellValue, ...]]]


def read_table(path: Path | str, sheet: str | None = None, header_score: HeaderScore | None = None) -> SheetTable:
    """Read one sheet into a header and its non-empty rows.

    Without ``sheet``: the first sheet, unless it holds no header ``header_score`` recognises and
    another sheet does; then that sheet is taken and :attr:`SheetTable.note` says so.
    """
    path = Path(path)
    kind = detect_kind(path)
    score = header_score or _no_preference
    if kind == "csv":
        return _build_table(path.name, CSV_SHEET, _csv_rows(path), score)
    with _open_workbook(path) as workbook:
        names = _visible_sheets(workbook) or tuple(workbook.sheet_names)
        if not names:
            raise DomainError(_("{name} tidak berisi lembar kerja.").format(name=path.name))
        if sheet is not None:
            if sheet not in workbook.sheet_names:
                raise DomainError(
                    _("Lembar \"{sheet}\" tidak ada. Lembar yang ada: {names}").format(sheet=sheet, names=", ".join(names))
                )
            return _build_table(path.name, sheet, _workbook_rows(workbook, path, kind, sheet), score)
        first = _build_table(path.name, names[0], _workbook_rows(workbook, path, kind, names[0]), score, lenient=True)
        if header_score is None or len(names) == 1 or score(first.headers) >= MIN_HEADER_SCORE:
            return _build_table(path.name, names[0], _workbook_rows(workbook, path, kind, names[0]), score) \
                if not first.rows else first
        found: list[SheetTable] = []
        for name in names[1:]:
            table = _build_table(path.name, name, _workbook_rows(workbook, path, kind, name), score, lenient=True)
            if table.rows and score(table.headers) >= MIN_HEADER_SCORE:
                found.append(table)
        if not found:
            raise DomainError(
                _("Tidak ada lembar berisi judul kolom yang dikenali di {name}. Lembar yang ada: "
                  "{names}. Pilih lembarnya di langkah Pilih berkas, atau di baris perintah dengan --sheet "
                  "\"NAMA LEMBAR\".").format(name=path.name, names=", ".join(names))
            )
        best = max(found, key=lambda table: score(table.headers))  # ties: the leftmost sheet (max keeps the first)
        note = _("Lembar pertama \"{first}\" tidak berisi kolom yang dicari; data diambil dari lembar "
                 "\"{sheet}\".").format(first=names[0], sheet=best.sheet)
        return SheetTable(best.file_name, best.sheet, best.header_row, best.headers, best.rows, note)


def _build_table(
    file_name: str, sheet: str, raw: RawRows, header_score: HeaderScore, *, lenient: bool = False
) -> SheetTable:
    """The sheet's header and rows; ``lenient`` gives an empty table instead of an error (sheet search)."""
    head: list[tuple[int, tuple[CellValue, ...]]] = []
    for item in raw:
        head.append(item)
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    try:
        if not head:
            raise DomainError(_("Lembar \"{sheet}\" kosong: tidak ada baris berisi.").format(sheet=sheet))
        header_index, headers, skip = _find_header(head, header_score)
    except DomainError:
        if lenient:
            return SheetTable(file_name, sheet, 0, (), ())
        raise
    width = max((index + 1 for index, text in enumerate(headers) if text), default=0)
    headers = headers[:width]
    rows: list[SheetRow] = []
    for number, values in [*head[header_index + skip:], *raw]:
        if len(rows) >= MAX_DATA_ROWS:
            raise DomainError(
                _("Lembar \"{sheet}\" berisi lebih dari {limit} baris data. Sebuah event biasanya hanya "
                  "ratusan peserta: periksa apakah ini berkas yang benar, atau bagi menjadi beberapa "
                  "berkas.").format(sheet=sheet, limit=f"{MAX_DATA_ROWS:,}".replace(",", "."))
            )
        trimmed = tuple(values[:width]) + (None,) * (width - len(values))
        if any(not _is_blank(value) for value in trimmed):
            rows.append(SheetRow(number, trimmed))
    if not rows and not lenient:
        raise DomainError(
            _("Lembar \"{sheet}\" hanya berisi judul kolom, tanpa baris data.").format(sheet=sheet)
        )
    return SheetTable(file_name, sheet, head[header_index][0], tuple(headers), tuple(rows))


def _find_header(
    head: list[tuple[int, tuple[CellValue, ...]]], header_score: HeaderScore
) -> tuple[int, list[str], int]:
    """(index in ``head``, header texts, rows it spans). Banner/title rows above it are skipped."""
    best: tuple[int, int, list[str], int] | None = None  # score, -index, headers, span
    for index, (_number, values) in enumerate(head):
        single = [cell_text(value) for value in values]
        if sum(1 for text in single if text) < 2:
            continue  # a title ("DAFTAR PESERTA …") merged across the top, or a blank row
        candidates = [(header_score(single), single, 1)]
        below = [cell_text(value) for value in head[index + 1][1]] if index + 1 < len(head) else []
        # A second header row names several sub-columns; one lone cell below is a section title.
        if sum(1 for text in below if text) >= 2:
            joined = [below[i] if i < len(below) and below[i] else text for i, text in enumerate(single)]
            joined += below[len(single):]
            score = header_score(joined)
            if score > candidates[0][0] and score > header_score(below):
                candidates.append((score, joined, 2))
        for score, texts, span in candidates:
            key = (score, -index)
            if best is None or key > (best[0], best[1]):
                best = (score, -index, texts, span)
    if best is None:
        raise DomainError(_("Judul kolom tidak ditemukan: baris pertama yang berisi harus memuat judul kolom."))
    return -best[1], best[2], best[3]


def _no_preference(headers: Sequence[str]) -> int:
    """Without known column names the first row with two filled cells is the header."""
    return 0


def _is_blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _WorkbookHandle:
    """python-calamine's workbook, with its errors turned into sentences."""

    def __init__(self, path: Path) -> None:
        import python_calamine

        try:
            # From the bytes, not the path: calamine then goes by the content, not by the file's name.
            with path.open("rb") as handle:
                self.workbook = python_calamine.CalamineWorkbook.from_filelike(handle)
        except python_calamine.PasswordError:
            raise DomainError(
                _("{name} dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
                  "(Berkas → Info → Lindungi Buku Kerja), simpan, lalu impor lagi.").format(name=path.name)
            ) from None
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as error:  # CalamineError/XmlError/ZipError, OSError, and pyo3's PanicException
            # (a BaseException) when the Rust reader trips over a damaged file
            raise DomainError(
                _("{name} bukan buku kerja Excel yang sah atau berkasnya rusak ({reason}).").format(
                    name=path.name, reason=type(error).__name__
                )
            ) from None

    def __enter__(self) -> Any:
        return self.workbook

    def __exit__(self, *_args: object) -> None:
        self.workbook.close()


def _open_workbook(path: Path) -> _WorkbookHandle:
    return _WorkbookHandle(path)


def _visible_sheets(workbook: Any) -> tuple[str, ...]:
    """Worksheets a person sees in Excel: hidden ones and chart sheets are not offered."""
    try:
        return tuple(meta.name for meta in workbook.sheets_metadata
                     if str(meta.visible).endswith("Visible") and str(meta.typ).endswith("WorkSheet"))
    except AttributeError:
        return tuple(workbook.sheet_names)


def _workbook_rows(workbook: Any, path: Path, kind: str, name: str) -> RawRows:
    """The sheet's rows (values, or :class:`UnreadFormula` where a formula has no stored result)."""
    try:
        grid = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # a damaged part of the workbook (pyo3 panics are BaseExceptions)
        raise DomainError(
            _("Lembar \"{sheet}\" tidak dapat dibaca ({reason}).").format(sheet=name, reason=type(error).__name__)
        ) from None
    rows = list(_non_empty(grid))
    if kind == "xlsx" and _has_formulas(path):
        formulas = _xlsx_formulas(path, name)
        rows = [(number, _merge_formulas(values, formulas.get(number, ()))) for number, values in rows]
    return iter(rows)


def _non_empty(grid: list[list[Any]]) -> RawRows:
    empty_run = 0
    kept = 0
    for number, values in enumerate(grid, start=1):
        if all(_is_blank(value) for value in values):
            empty_run += 1
            if empty_run > MAX_EMPTY_RUN:
                return
            continue
        empty_run = 0
        kept += 1
        yield number, tuple(None if value == "" else value for value in values)
        if kept > MAX_DATA_ROWS + HEADER_SEARCH_ROWS + 1:
            return  # enough for _build_table to report "too many rows"


def _xlsx_formulas(path: Path, name: str) -> dict[int, tuple[Any, ...]]:
    """Formula texts by row, from openpyxl: calamine gives an empty cell where no result was stored."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except Exception:  # calamine read the values; without formulas the cells simply stay empty
        return {}
    try:
        if name not in workbook.sheetnames or not hasattr(workbook[name], "iter_rows"):
            return {}
        return {number: values for number, values in enumerate(workbook[name].iter_rows(values_only=True), start=1)
                if any(isinstance(value, str) and value.startswith("=") for value in values)}
    except Exception:  # a damaged sheet part: the values calamine read stand, formulas stay empty
        return {}
    finally:
        workbook.close()


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet part stores a formula without its result: a cheap byte search."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    with archive.open(info) as part:
                        tail = b""
                        while chunk := part.read(1 << 20):
                            if b"<f>" in tail + chunk or b"<f " in tail + chunk:
                                return True
                            tail = chunk[-3:]
    except Exception:  # a damaged archive: calamine has read (or refused) the values already
        return False
    return False


def _merge_formulas(values: tuple[CellValue, ...], formulas: tuple[Any, ...]) -> tuple[CellValue, ...]:
    merged = list(values)
    for index, formula in enumerate(formulas):
        if index < len(merged) and merged[index] is None and isinstance(formula, str) and formula.startswith("="):
            merged[index] = UnreadFormula(formula)
        elif index >= len(merged) and isinstance(formula, str) and formula.startswith("="):
            merged.extend([None] * (index - len(merged)))
            merged.append(UnreadFormula(formula))
    return tuple(merged)


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page: Windows-1252 in Indonesia.
        return data.decode("cp1252", errors="replace")


def _check_tabular(path: Path) -> str:
    """The file's text when it holds a table; a letter or note saved as .csv/.xlsx is told so."""
    text = _decode(path.read_bytes())
    if not text.strip():
        raise DomainError(_("Berkas {name} kosong.").format(name=path.name))
    lines = [line for line in text.splitlines()[:40] if line.strip()]
    try:
        delimiter = _guess_delimiter(text)
        # Excel and people writing CSV keep every line at the same number of separators; a letter does not.
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
    except csv.Error as error:  # a cell beyond csv.field_size_limit() in the first lines
        raise _unreadable_csv(path, error, 0) from None
    width, count = Counter(widths).most_common(1)[0] if widths else (1, 0)
    if width < 2 or count * 2 < len(widths):
        raise not_a_table(path.name)
    return text


def _csv_rows(path: Path) -> Iterator[tuple[int, tuple[CellValue, ...]]]:
    text = _check_tabular(path)
    delimiter = _guess_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for values in reader:
            yield reader.line_num, tuple(values)
    except csv.Error as error:  # a cell beyond csv.field_size_limit(), a stray quote before a NUL …
        raise _unreadable_csv(path, error, reader.line_num) from None


def _unreadable_csv(path: Path, error: csv.Error, line: int) -> DomainError:
    if "field larger than field limit" in str(error):
        return DomainError(_("{name}: sel di sekitar baris {line} terlalu panjang (lebih dari {limit} huruf); "
                             "bukan daftar yang dapat diimpor.").format(
            name=path.name, line=line or 1, limit=f"{csv.field_size_limit():,}".replace(",", ".")))
    return DomainError(_("{name} tidak dapat dibaca sebagai CSV (baris {line}): {reason}").format(
        name=path.name, line=line or 1, reason=error))


def _guess_delimiter(text: str) -> str:
    """``;`` (Excel with Indonesian settings), ``,`` or tab: the one giving the steadiest columns."""
    sample = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_key = ",", (0, 0)
    for delimiter in (";", ",", "\t"):
        widths = [len(row) for row in csv.reader(sample, delimiter=delimiter)]
        width, count = Counter(widths).most_common(1)[0] if widths else (1, 0)
        key = (count if width > 1 else 0, width)
        if key > best_key:
            best, best_key = delimiter, key
    return best


# ---- cell values ----------------------------------------------------------------------------
def cell_text(value: CellValue, *, multiline: bool = False) -> str:
    """A cell as the text a person would read in it (numbers without ``.0``, dates as dd/mm/yyyy)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M") if value.time() != dt.time() else value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, str) and value.isprintable() and "  " not in value and value == value.strip():
        return value  # the common case, without the two substitutions below (a 10,000-row file has 90,000 cells)
    text = _CONTROL.sub("", str(value))
    if multiline:
        return text.strip()
    return re.sub(r"\s+", " ", text).strip()
