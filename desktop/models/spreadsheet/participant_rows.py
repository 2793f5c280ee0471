"""Reading one participant row: each mapped cell into a field value, with what was changed said in words.

An optional field that cannot be read is left empty with a warning; only the business name
is required. Values a section title names (kecamatan, kind …) fill the row's empty fields.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from desktop.i18n import _
from desktop.models.people import participants
from desktop.models.enums import ParticipantKind, Problem
from desktop.models.errors import ValidationError
from desktop.models.orm import Participant
from desktop.models.people.participants import ParticipantData
from desktop.models.people.phone import display_phone
from desktop.models.spreadsheet import cells
from desktop.models.spreadsheet.cells import CellProblem
from desktop.models.spreadsheet.columns import Mapping, normalise_header
from desktop.models.spreadsheet.participant_fields import FIELDS_BY_KEY, read_kind
from desktop.models.spreadsheet.preview import RowAction, RowStatus
from desktop.models.spreadsheet.reader import SheetRow
from desktop.models.spreadsheet.row_kinds import RowReading

_PROBLEM_WORDS: dict[str, Problem] = {
    "permodalan": Problem.CAPITAL, "modal": Problem.CAPITAL, "capital": Problem.CAPITAL,
    "pemasaran": Problem.MARKETING, "marketing": Problem.MARKETING,
    "manajemen": Problem.MANAGEMENT, "management": Problem.MANAGEMENT,
    "bahanbaku": Problem.RAW_MATERIAL, "rawmaterial": Problem.RAW_MATERIAL, "rawmaterials": Problem.RAW_MATERIAL,
    "lainnya": Problem.OTHER, "other": Problem.OTHER,
}
# Fields a row is kept without: when the service refuses their value, they are emptied with a warning.
_OPTIONAL = {"phone": "", "monthly_capacity": None, "delegation_size": 1, "contact_person": "", "address": ""}
_EXTRA_NOTES = "extra_notes"
_KIND_NAMES = "IKM/UMKM, Pembeli, Pemasok, Bank/Perbankan/BPR, Asosiasi, Dinas/Instansi/BUMN, Lainnya"


@dataclass
class ImportRow:
    """A sheet row on its way to becoming a participant."""

    number: int
    data: ParticipantData | None = None
    code: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said, but not a problem (values from a section title)
    action: RowAction = RowAction.SKIP
    target: Participant | None = None
    name: str = ""
    skipped: str = ""  # "dilewati: baris jumlah" for rows that are not people
    maybe_same: tuple[str, str, str] | None = None
    same_by_default: bool = False

    @property
    def status(self) -> RowStatus:
        if self.skipped:
            return RowStatus.SKIPPED
        if self.errors:
            return RowStatus.ERROR
        return RowStatus.WARNING if self.warnings or self.maybe_same else RowStatus.OK


def _cell(row: SheetRow, mapping: Mapping, key: str) -> object:
    column = mapping.get(key)
    if column is None or column >= len(row.values):
        return None
    return row.values[column]


def read_row(row: SheetRow, mapping: Mapping, category_words: dict[str, str], reading: RowReading
             ) -> tuple[ImportRow, dict[str, object]]:
    """The row's mapped values as field → value (only mapped fields), with errors and warnings."""
    result = ImportRow(row.number)
    values: dict[str, object] = {}
    caption = {key: _(item.caption) for key, item in FIELDS_BY_KEY.items()}
    extra_notes: list[str] = []

    def text_of(key: str, *, multiline: bool = False, required: bool = False) -> str:
        try:
            return cells.text(_cell(row, mapping, key), caption[key], multiline=multiline)
        except CellProblem as problem:
            if required:
                result.errors.append(problem.message)
            else:
                result.warnings.append(problem.message + " " + _("Kolom dikosongkan, baris tetap diimpor."))
            return ""

    if "business_name" in mapping:
        values["business_name"] = text_of("business_name", required=True)
    for key in ("contact_person", "address", "kecamatan", "kelurahan"):
        if key in mapping:
            values[key] = text_of(key)
    if "notes" in mapping:
        values["notes"] = text_of("notes", multiline=True)
    if "code" in mapping:
        typed = text_of("code")
        try:
            values["code"] = participants.normalize_code(typed)
        except ValidationError as error:
            result.warnings.append(_("Kode \"{code}\" tidak dapat dipakai ({reason}); diberi kode baru.").format(
                code=typed, reason=error.message))
            values["code"] = ""
    for key in ("monthly_capacity", "delegation_size"):
        if key in mapping:
            values[key], warning = cells.count(_cell(row, mapping, key), caption[key])
            if warning:
                result.warnings.append(warning)
    if "phone" in mapping:
        phone = cells.phone_cell(_cell(row, mapping, "phone"), caption["phone"])
        values["phone"] = phone.phone
        result.warnings.extend(phone.warnings)
        if phone.others:
            extra_notes.append(_("No. HP lain: {numbers}").format(numbers=", ".join(display_phone(n) for n in phone.others)))
    for key in ("kur_interest", "is_walk_in"):
        if key in mapping:
            try:
                values[key], warning = cells.yes_no(_cell(row, mapping, key), caption[key])
            except CellProblem as problem:
                values[key], warning = False, problem.message
            if warning:
                result.warnings.append(warning)
    if "kind" in mapping:
        kind_text = text_of("kind")
        if kind_text:
            kind = read_kind(kind_text)
            if kind is None:
                result.warnings.append(_("Jenis peserta \"{value}\" tidak dikenal ({known}); disimpan sebagai "
                                         "Lainnya.").format(value=kind_text, known=_KIND_NAMES))
                kind = ParticipantKind.OTHER
            values["kind"] = kind.value
    if "position" in mapping:
        position = text_of("position")
        if position:
            extra_notes.insert(0, _("Jabatan: {position}").format(position=position))
    if "products" in mapping:
        codes, unknown = [], []
        for item in cells.split_list(text_of("products")):
            code = category_words.get(normalise_header(item))
            (codes.append(code) if code else unknown.append(item))
        values["category_codes"] = codes
        if unknown:
            result.warnings.append(_("Produk tidak dikenal, diabaikan: {items}.").format(items=", ".join(unknown)))
    if "problems" in mapping:
        found, unknown = [], []
        for item in cells.split_list(text_of("problems")):
            problem = _PROBLEM_WORDS.get(normalise_header(item))
            (found.append(problem.value) if problem else unknown.append(item))
        values["problems"] = found
        if unknown:
            result.warnings.append(_("Masalah usaha tidak dikenal, diabaikan: {items}.").format(items=", ".join(unknown)))
    for key, value in reading.carried.items():
        if not values.get(key):
            values[key] = value
            shown = _(FIELDS_BY_KEY[key].caption)
            result.notes.append(_("{field} dari judul bagian \"{title}\".").format(field=shown, title=reading.section))
    if extra_notes:
        values[_EXTRA_NOTES] = extra_notes
    for key in ("business_name", "contact_person", "address", "notes"):
        warning = cells.formula_like_warning(str(values.get(key) or ""), caption[key])
        if warning:
            result.warnings.append(warning)
    return result, values


def merge(base: ParticipantData, values: dict[str, object]) -> ParticipantData:
    """``base`` with the row's values; an empty kind or delegation keeps what ``base`` has."""
    changes = {key: value for key, value in values.items() if key not in ("code", _EXTRA_NOTES)}
    if changes.get("delegation_size") is None:
        changes.pop("delegation_size", None)
    extra = [str(part) for part in values.get(_EXTRA_NOTES, ())]  # type: ignore[union-attr]
    if extra:
        # Position and further phones join the notes (the sheet's own, else what is stored), once.
        notes = str(changes.get("notes", base.notes) or "")
        changes["notes"] = "; ".join([notes, *(part for part in extra if part not in notes)] if notes else extra)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def validate_row(row: ImportRow, base: ParticipantData, values: dict[str, object]) -> ParticipantData | None:
    """The service's validation; an optional field it refuses is emptied with a warning, the row stays."""
    merged = merge(base, values)
    for _attempt in range(2):
        try:
            return participants.validate(merged)
        except ValidationError as error:
            problems = error.problems or {"": error.message}
            optional = {key: message for key, message in problems.items() if key in _OPTIONAL}
            if len(optional) < len(problems) or not optional:
                row.errors.extend(m for m in problems.values() if m not in row.errors)
                return None
            for key, message in optional.items():
                row.warnings.append(message + " " + _("Kolom dikosongkan, baris tetap diimpor."))
                values[key] = _OPTIONAL[key]
            merged = merge(base, values)
    return None
