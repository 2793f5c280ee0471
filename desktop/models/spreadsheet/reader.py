"""Reading a sheet of rows from ``.xlsx`` or ``.csv``, whatever people typed into it.

The file type is decided by its first bytes, not its name, so a PDF renamed ``.xlsx``, an
old ``.xls``, a password-protected workbook or an HTML page saved as ``.xls`` each get
their own clear message. The header row is found among the first rows (titles and
merged banner rows above it are skipped; a two-row header is joined). No Qt here.
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

MAX_DATA_ROWS = 20_000  # an event has hundreds of participants; more is the wrong file
HEADER_SEARCH_ROWS = 20
MAX_EMPTY_RUN = 2_000  # formatted-but-empty rows Excel keeps after the data
CSV_SHEET = "CSV"

CellValue = str | int | float | Decimal | bool | dt.datetime | dt.date | dt.time | None
HeaderScore = Callable[[Sequence[str]], int]

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
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

    def sample(self, count: int = 5) -> list[SheetRow]:
        return list(self.rows[:count])


@dataclass(frozen=True)
class FileInfo:
    path: Path
    kind: str  # "xlsx" or "csv"
    sheets: tuple[str, ...]


# ---- file type ------------------------------------------------------------------------------
def detect_kind(path: Path) -> str:
    """``"xlsx"`` or ``"csv"``, or a :class:`DomainError` saying what the file really is."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        raise DomainError(_("Berkas tidak ditemukan: {path}").format(path=path)) from None
    except IsADirectoryError:
        raise DomainError(_("Yang dipilih adalah folder, bukan berkas: {path}").format(path=path)) from None
    except OSError as error:
        raise DomainError(_("Berkas tidak dapat dibaca: {reason}").format(reason=error.strerror or error)) from None
    if not head.strip():
        raise DomainError(_("Berkas {name} kosong.").format(name=path.name))
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument" in head[:200]:
            raise DomainError(
                _("{name} adalah berkas OpenDocument (.ods). Simpan dulu sebagai .xlsx atau .csv.").format(name=path.name)
            )
        return "xlsx"
    if head.startswith(_OLE_MAGIC):
        if _ENCRYPTION_STREAM in path.read_bytes():
            raise DomainError(
                _("{name} dilindungi kata sandi. Buka di Excel, hapus kata sandinya "
                  "(Berkas → Info → Lindungi Buku Kerja), simpan, lalu impor lagi.").format(name=path.name)
            )
        raise DomainError(
            _("{name} berformat Excel 97–2003 (.xls). Buka di Excel atau LibreOffice dan simpan sebagai "
              ".xlsx, lalu impor lagi.").format(name=path.name)
        )
    if head.startswith(b"%PDF"):
        raise DomainError(_("{name} adalah dokumen PDF, bukan lembar kerja Excel atau CSV.").format(name=path.name))
    lowered = head.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    if lowered.startswith((b"<html", b"<!doctype", b"<table", b"<?xml")):
        raise DomainError(
            _("{name} adalah halaman web/XML yang diberi nama seperti Excel. Buka di Excel dan simpan sebagai "
              ".xlsx.").format(name=path.name)
        )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in head:
        return "csv"
    if path.suffix.lower() in {".csv", ".txt", ".tsv"}:
        raise DomainError(
            _("{name} berisi byte NUL, jadi bukan teks CSV biasa. Buka di Excel atau LibreOffice dan simpan "
              "lagi sebagai CSV UTF-8.").format(name=path.name)
        )
    raise DomainError(
        _("Jenis berkas {name} tidak dikenal. Pilih berkas .xlsx atau .csv.").format(name=path.name)
    )


def inspect_file(path: Path | str) -> FileInfo:
    path = Path(path)
    kind = detect_kind(path)
    if kind == "csv":
        return FileInfo(path, kind, (CSV_SHEET,))
    with _open_workbook(path, data_only=True) as workbook:
        names = tuple(workbook.sheetnames)
    if not names:
        raise DomainError(_("{name} tidak berisi lembar kerja.").format(name=path.name))
    return FileInfo(path, kind, names)


# ---- reading --------------------------------------------------------------------------------
def read_table(path: Path | str, sheet: str | None = None, header_score: HeaderScore | None = None) -> SheetTable:
    """Read one sheet (the first when ``sheet`` is None) into a header and its non-empty rows."""
    path = Path(path)
    kind = detect_kind(path)
    if kind == "csv":
        raw = _csv_rows(path)
        sheet_name = CSV_SHEET
    else:
        sheet_name, raw = _xlsx_rows(path, sheet)
    return _build_table(path.name, sheet_name, raw, header_score or _no_preference)


def _build_table(
    file_name: str, sheet: str, raw: Iterator[tuple[int, tuple[CellValue, ...]]], header_score: HeaderScore
) -> SheetTable:
    head: list[tuple[int, tuple[CellValue, ...]]] = []
    for item in raw:
        head.append(item)
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    if not head:
        raise DomainError(_("Lembar \"{sheet}\" kosong: tidak ada baris berisi.").format(sheet=sheet))
    header_index, headers, skip = _find_header(head, header_score)
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
    if not rows:
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
        if index + 1 < len(head):
            below = [cell_text(value) for value in head[index + 1][1]]
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
    def __init__(self, path: Path, data_only: bool) -> None:
        from openpyxl import load_workbook

        try:
            self.workbook = load_workbook(path, read_only=True, data_only=data_only)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
            raise DomainError(
                _("{name} bukan buku kerja Excel (.xlsx) yang sah atau berkasnya rusak ({reason}).").format(
                    name=path.name, reason=type(error).__name__
                )
            ) from None
        except Exception as error:  # openpyxl raises its own InvalidFileException and friends
            raise DomainError(
                _("{name} tidak dapat dibaca sebagai buku kerja Excel ({reason}).").format(
                    name=path.name, reason=type(error).__name__
                )
            ) from None

    def __enter__(self) -> Any:
        return self.workbook

    def __exit__(self, *_args: object) -> None:
        self.workbook.close()


def _open_workbook(path: Path, data_only: bool) -> _WorkbookHandle:
    return _WorkbookHandle(path, data_only)


def _xlsx_rows(path: Path, sheet: str | None) -> tuple[str, Iterator[tuple[int, tuple[CellValue, ...]]]]:
    """The sheet's rows (values, or :class:`UnreadFormula` where a formula has no stored result)."""
    with _open_workbook(path, data_only=True) as workbook:
        names = list(workbook.sheetnames)
        name = sheet if sheet is not None else (names[0] if names else "")
        if name not in names:
            raise DomainError(
                _("Lembar \"{sheet}\" tidak ada. Lembar yang ada: {names}").format(sheet=sheet, names=", ".join(names))
            )
        rows = list(_sheet_values(workbook, name))
    if _has_formulas(path):
        with _open_workbook(path, data_only=False) as formulas_book:
            formulas = dict(_sheet_values(formulas_book, name))
        rows = [(number, _merge_formulas(values, formulas.get(number, ()))) for number, values in rows]
    return name, iter(rows)


def _sheet_values(workbook: Any, name: str) -> Iterator[tuple[int, tuple[CellValue, ...]]]:
    worksheet = workbook[name]
    if not hasattr(worksheet, "iter_rows"):
        raise DomainError(_("Lembar \"{sheet}\" berisi grafik, bukan tabel.").format(sheet=name))
    worksheet.reset_dimensions()  # some programs write a wrong size; read what is really there
    empty_run = 0
    kept = 0
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        if all(_is_blank(value) for value in values):
            empty_run += 1
            if empty_run > MAX_EMPTY_RUN:
                return
            continue
        empty_run = 0
        kept += 1
        if kept > MAX_DATA_ROWS + HEADER_SEARCH_ROWS + 1:
            yield number, values  # enough for _build_table to report "too many rows"
            return
        yield number, values


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet part stores a formula: a cheap byte search, not a second parse."""
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
    except (zipfile.BadZipFile, OSError):
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


def _csv_rows(path: Path) -> Iterator[tuple[int, tuple[CellValue, ...]]]:
    text = _decode(path.read_bytes())
    if not text.strip():
        raise DomainError(_("Berkas {name} kosong.").format(name=path.name))
    reader = None
    try:
        delimiter = _guess_delimiter(text)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for values in reader:
            yield reader.line_num, tuple(values)
    except csv.Error as error:  # a cell beyond csv.field_size_limit(), a stray quote before a NUL …
        line = reader.line_num if reader is not None else 0
        if "field larger than field limit" in str(error):
            raise DomainError(_("{name}: sel di sekitar baris {line} terlalu panjang (lebih dari {limit} huruf); "
                                "bukan daftar yang dapat diimpor.").format(
                name=path.name, line=line or 1, limit=f"{csv.field_size_limit():,}".replace(",", "."))) from None
        raise DomainError(_("{name} tidak dapat dibaca sebagai CSV (baris {line}): {reason}").format(
            name=path.name, line=line or 1, reason=error)) from None


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
    text = _CONTROL.sub("", str(value))
    if multiline:
        return text.strip()
    return re.sub(r"\s+", " ", text).strip()
