"""Rows of a sheet that are not people: totals, column numbers, section titles, signatures, notes.

Government lists put these between and under the data. Each is recognised from what a person
sees in it (a "JUMLAH" label next to numbers, ``1 2 3 …`` under the header, a lone
"KECAMATAN MAGERSARI", "Mojokerto, 6 Maret 2020" above a name and a NIP) and gets its own
outcome; a section title that names a kecamatan, kelurahan or kind is carried down into the
rows below it, the way a person reads the list. Generic over the kind of import. No Qt here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from desktop.i18n import N_, _
from desktop.models.spreadsheet.columns import Mapping, normalise_header
from desktop.models.spreadsheet.reader import CellValue, SheetRow, SheetTable, UnreadFormula, cell_text


class SkipKind(StrEnum):
    TOTALS = "totals"
    NUMBERING = "numbering"
    SECTION = "section"
    SIGNATURE = "signature"
    NOTE = "note"
    REPEATED_HEADER = "repeated_header"
    NO_DATA = "no_data"


SKIP_LABELS = {
    SkipKind.TOTALS: N_("baris jumlah"),
    SkipKind.NUMBERING: N_("baris nomor kolom"),
    SkipKind.SECTION: N_("judul bagian"),
    SkipKind.SIGNATURE: N_("tanda tangan"),
    SkipKind.NOTE: N_("catatan di bawah tabel"),
    SkipKind.REPEATED_HEADER: N_("judul kolom berulang"),
    SkipKind.NO_DATA: N_("baris tanpa isian (hanya nomor urut)"),
}

_TOTALS = re.compile(r"^(?:sub\s*-?\s*total|grand\s*total|total|jumlah|jml|jumlah\s+total|total\s+keseluruhan)\b",
                     re.IGNORECASE)
_NUMBER_LABEL = re.compile(r"^\(?\s*(\d{1,3})\s*[).]?$")
_MONTHS = ("januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|"
           "desember|jan|feb|mar|apr|jun|jul|agu|agt|sep|okt|nov|des")
_SIGNATURE = re.compile(
    r"^(?:mengetahui|menyetujui|disetujui|hormat\s+kami|ttd|t\.t\.d|\(ttd\)|kepala\s+(?:dinas|bidang|seksi|kantor)|"
    r"kadis|kabid|kasi|kasubag|sekretaris|ketua\s+panitia|panitia\s+pelaksana|plt\.?\s|plh\.?\s|a\.?\s*n\.?\s|"
    r"nip\.?\b|nip\s*:|pembina|penata|yang\s+membuat|dibuat\s+oleh|petugas|pengelola|"
    r"[a-z .]+,\s*(?:\d{1,2}[\s\-/]+(?:" + _MONTHS + r"|\d{1,2})[\s\-/]+\d{2,4}|(?:" + _MONTHS + r")\s+\d{4}))",
    re.IGNORECASE,
)
_NOTE = re.compile(r"^(?:catatan|keterangan|ket\s*[:.]|nb\s*[:.]|n\.b\.|\*+\s*\)?|sumber\s*:|note\s*:|notes\s*:)",
                   re.IGNORECASE)
_SECTION_LABEL = re.compile(r"^(?:[a-z]|[ivx]+|\d{1,2})\s*[.)]\s*", re.IGNORECASE)
_BARE_LABEL = re.compile(r"^(?:[a-z]|[ivx]+)\s*[.)]?$", re.IGNORECASE)
_PLACE = re.compile(r"^(kecamatan|kec\.?|kelurahan|kel\.?|desa|ds\.?)\s+(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class RowReading:
    skip: SkipKind | None = None
    carried: dict[str, str] = field(default_factory=dict)  # field → value from the section title above
    section: str = ""  # the section title the carried values came from


SectionReader = Callable[[str], dict[str, str]]  # a title's text → fields it names (kind, …)


def skip_message(reading: RowReading) -> str:
    assert reading.skip is not None
    return _("dilewati: {what}").format(what=_(SKIP_LABELS[reading.skip]))


def _filled(values: Sequence[CellValue]) -> list[tuple[int, CellValue, str]]:
    return [(index, value, cell_text(value)) for index, value in enumerate(values)
            if cell_text(value) or isinstance(value, UnreadFormula)]


def _is_number(value: CellValue, text: str) -> bool:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return True
    return bool(re.fullmatch(r"[\d.,\s]+", text))


def _numbering(filled: list[tuple[int, CellValue, str]]) -> bool:
    """``1 2 3 …`` or ``(1) (2) (3)`` in column order: the numbers offices print under a header."""
    if len(filled) < 3:
        return False
    numbers = []
    for index, value, text in filled:
        match = _NUMBER_LABEL.match(text)
        if not match or isinstance(value, bool):
            return False
        numbers.append((index, int(match.group(1))))
    consecutive = all(b == a + 1 for (_i, a), (_j, b) in zip(numbers, numbers[1:], strict=False))
    # Under a merged header some cells stay empty: "1 2 3 _ 5" still numbers the columns.
    by_column = len({number - index for index, number in numbers}) == 1
    return consecutive or by_column


def _place(text: str) -> tuple[str, str] | None:
    match = _PLACE.match(_SECTION_LABEL.sub("", text).strip(" :"))
    if not match:
        return None
    word = match.group(1).lower().rstrip(".")
    key = "kecamatan" if word.startswith("kec") else "kelurahan"
    return key, " ".join(part.capitalize() for part in match.group(2).strip(" :.").split())


def classify_rows(
    table: SheetTable,
    mapping: Mapping,
    *,
    name_keys: Sequence[str],
    number_keys: Sequence[str] = (),
    detail_keys: Sequence[str] = (),
    section_reader: SectionReader | None = None,
) -> list[RowReading]:
    """One reading per row of ``table``: its skip kind (or None for data) and carried section values.

    ``name_keys`` are the fields a person row must name someone in (business name, or both sides
    of a request); ``number_keys`` the fields that hold counts (a totals row sums them);
    ``detail_keys`` fields a totals row never fills (phone, address).
    """
    name_columns = {mapping[key] for key in name_keys if key in mapping}
    number_columns = {mapping[key] for key in number_keys if key in mapping}
    # A totals row never has a phone or an address: "Total Sport" with a phone is a shop.
    detail_columns = {mapping[key] for key in detail_keys if key in mapping}
    mapped = set(mapping.values())
    header_words = {normalise_header(text) for text in table.headers if normalise_header(text)}
    readings: list[RowReading] = []
    carried: dict[str, str] = {}
    section = ""
    tail = False  # under a signature or note: short rows are part of it
    name_column = min(name_columns) if len(name_columns) == 1 else None
    for row in table.rows:
        if name_column is not None and not tail and _plainly_data(row.values, name_column, header_words):
            readings.append(RowReading(None, dict(carried), section) if carried else _DATA)
            continue
        filled = _filled(row.values)
        texts = [text for _index, _value, text in filled]
        words = [normalise_header(text) for text in texts]
        skip: SkipKind | None = None
        text_cells = [(index, text) for index, value, text in filled
                      if not _is_number(value, text) and not isinstance(value, UnreadFormula)]
        if _numbering(filled):
            skip = SkipKind.NUMBERING
        elif len(words) >= 2 and sum(1 for word in words if word in header_words) >= max(2, len(words) // 2 + 1):
            skip = SkipKind.REPEATED_HEADER
        elif (any(_TOTALS.match(text) for _index, text in text_cells) and len(text_cells) <= 2
              and not detail_columns & {index for index, _value, _text in filled}):
            skip = SkipKind.TOTALS
        elif (not text_cells and any(isinstance(value, UnreadFormula) and re.search(r"(SUM|COUNT|JUMLAH)\(", str(value), re.I)
                                     for _index, value, _text in filled)):
            skip = SkipKind.TOTALS
        elif (not text_cells and number_columns and filled and not (name_columns & {i for i, _v, _t in filled})
              and any(index in number_columns for index, _value, _text in filled) and len(filled) >= 1
              and not (len(filled) == 1 and filled[0][0] not in number_columns)):
            skip = SkipKind.TOTALS  # sums under the quantity columns, without a label
        elif len(text_cells) <= 2 and any(_SIGNATURE.match(text) for _index, text in text_cells) and \
                len(filled) <= 3:
            skip, tail = SkipKind.SIGNATURE, True
        elif len(text_cells) <= 2 and len(filled) <= 3 and any(_NOTE.match(text) for _index, text in text_cells):
            skip, tail = SkipKind.NOTE, True
        elif tail and len(filled) <= 2:
            skip = readings[-1].skip if readings and readings[-1].skip in (SkipKind.SIGNATURE, SkipKind.NOTE) \
                else SkipKind.SIGNATURE
        else:
            tail = False
            title = _section_title(filled, name_columns, mapped, section_reader)
            if title is not None:
                skip = SkipKind.SECTION
                found = _place(title) or None
                named: dict[str, str] = dict([found]) if found else {}
                if not named and section_reader is not None:
                    named = section_reader(_SECTION_LABEL.sub("", title).strip(" :"))
                if named:
                    if "kecamatan" in named:
                        carried.pop("kelurahan", None)
                    carried = {**carried, **named}
                    section = title
        if skip is None and not (mapped & {index for index, _value, _text in filled}):
            skip = SkipKind.NO_DATA
        readings.append(RowReading(skip, dict(carried) if skip is None else {}, section if skip is None else ""))
    return readings


_DATA = RowReading()
_NOT_PLAIN = re.compile(r"^(?:sub|grand|total|jumlah|jml|catatan|keterangan|ket\b|nb\b|\*|sumber|note|kec|kel|desa|ds\b|"
                        r"mengetahui|menyetujui|disetujui|hormat|ttd|kepala|kadis|kabid|kasi|sekretaris|ketua|panitia|"
                        r"plt|plh|a\.?\s*n\b|nip|pembina|penata|yang|dibuat|petugas|pengelola|[a-z]\s*[.)]|[ivx]+\s*[.)]|"
                        r"\d{1,2}\s*[.)])", re.IGNORECASE)


def _plainly_data(values: Sequence[CellValue], name_column: int, header_words: set[str]) -> bool:
    """A row with a business name that no rule could mean otherwise and two more cells: decided at once."""
    name = values[name_column] if name_column < len(values) else None
    if not isinstance(name, str) or "," in name or not any(char.isalpha() for char in name) or _NOT_PLAIN.match(name):
        return False
    if sum(1 for value in values if value is not None and value != "") < 3:
        return False
    return normalise_header(name) not in header_words


def _section_title(
    filled: list[tuple[int, CellValue, str]], name_columns: set[int], mapped: set[int],
    section_reader: SectionReader | None,
) -> str | None:
    """The title text when the row is a section title ("KECAMATAN MAGERSARI", "A. PEMBELI"), else None."""
    cells = [(index, value, text) for index, value, text in filled]
    if len(cells) == 2 and _BARE_LABEL.match(cells[0][2]) and not _is_number(cells[1][1], cells[1][2]):
        cells = cells[1:]  # "A." in the No column, the title next to it
    if len(cells) != 1:
        return None
    index, value, text = cells[0]
    if _is_number(value, text) or isinstance(value, UnreadFormula):
        return None
    if _place(text) or _SECTION_LABEL.match(text) and text.upper() == text:
        return text
    if index not in mapped:
        return text  # text alone in the No column, or in a column nothing is read from: a title
    if index in name_columns:
        # A lone business name may be a maker with nothing else filled in: only a shouted title that
        # names a kind ("PEMBELI", "PERBANKAN") is a section there.
        shouted = text.upper() == text and len(text.split()) <= 5
        return text if shouted and section_reader is not None and section_reader(text) else None
    return text
