"""Importing meeting requests from a sheet of pairs (code or business name of each side).

Errors a row can have: an unknown or ambiguous participant, a participant meeting itself,
the same pair twice in the file, a priority or session that cannot be read. A pair that
already exists is left alone when it is the same, or updated (priority, session, note).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.i18n import N_, _
from desktop.models.access import audit
from desktop.models.schedule import meeting_requests
from desktop.models.access.actor import Actor
from desktop.models.access.permissions import require_admin
from desktop.models.enums import RequestSource, SessionWish
from desktop.models.orm import MeetingRequest, Participant
from desktop.models.people.participants import normalize_code
from desktop.models.spreadsheet import cells
from desktop.models.spreadsheet.cells import CellProblem
from desktop.models.spreadsheet.columns import Field, Mapping, normalise_header
from desktop.models.spreadsheet.participant_import import name_key
from desktop.models.spreadsheet.preview import ImportResult, Preview, PreviewRow, RowAction, RowStatus
from desktop.models.spreadsheet.reader import SheetRow, SheetTable
from desktop.models.spreadsheet.row_kinds import classify_rows, skip_message

Progress = Callable[[int, int, str], None]

REQUEST_FIELDS: tuple[Field, ...] = (
    Field("a", N_("Kode A"), ("peserta a", "pihak a", "pihak 1", "peserta 1", "pemohon", "dari", "participant a",
                             "code a", "side a", "from"), required=True, loose=False),
    Field("a_name", N_("Nama A"), ("nama peserta a", "nama pihak a", "name a"), loose=False),
    Field("b", N_("Kode B"), ("peserta b", "pihak b", "pihak 2", "peserta 2", "tujuan", "dengan", "participant b",
                             "code b", "side b", "with", "to"), required=True, loose=False),
    Field("b_name", N_("Nama B"), ("nama peserta b", "nama pihak b", "name b"), loose=False),
    Field("priority", N_("Prioritas"), ("priority", "prio")),
    Field("session_wish", N_("Sesi"), ("pilihan sesi", "sesi diinginkan", "session", "session wish", "waktu")),
    Field("source", N_("Asal"), ("asal permintaan", "sumber", "source"), loose=False),
    Field("note", N_("Catatan"), ("keterangan", "note", "notes")),
    Field("meetings", N_("Jumlah pertemuan"), ("jumlah pertemuan", "banyak pertemuan", "meetings", "kali")),
)
FIELDS_BY_KEY = {field.key: field for field in REQUEST_FIELDS}

_PRIORITY_WORDS = {
    "1": 1, "biasa": 1, "normal": 1, "rendah": 1, "low": 1,
    "2": 2, "tinggi": 2, "penting": 2, "high": 2,
    "3": 3, "wajib": 3, "harus": 3, "must": 3,
}
_SESSION_WORDS = {
    "": SessionWish.ANY, "bebas": SessionWish.ANY, "any": SessionWish.ANY, "semua": SessionWish.ANY,
    "pagi": SessionWish.MORNING, "sesipagi": SessionWish.MORNING, "morning": SessionWish.MORNING, "am": SessionWish.MORNING,
    "siang": SessionWish.AFTERNOON, "sesisiang": SessionWish.AFTERNOON, "sore": SessionWish.AFTERNOON,
    "afternoon": SessionWish.AFTERNOON, "pm": SessionWish.AFTERNOON,
}
_SOURCE_WORDS = {
    "pembeli": RequestSource.BUYER, "buyer": RequestSource.BUYER, "ikm": RequestSource.IKM,
    "keduanya": RequestSource.MUTUAL, "both": RequestSource.MUTUAL, "mutual": RequestSource.MUTUAL,
    "saransistem": RequestSource.SUGGESTED, "suggested": RequestSource.SUGGESTED,
    "manual": RequestSource.MANUAL, "impor": RequestSource.IMPORTED, "import": RequestSource.IMPORTED,
    "imported": RequestSource.IMPORTED,
}


@dataclass(frozen=True)
class _Person:
    id: int
    code: str
    name: str


@dataclass
class _Row:
    number: int
    a: _Person | None = None
    b: _Person | None = None
    priority: int = 1
    session_wish: str = SessionWish.ANY.value
    source: str | None = None
    note: str | None = None
    meetings: int | None = None  # None: the column is absent (an existing request keeps its number)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    action: RowAction = RowAction.SKIP
    existing: MeetingRequest | None = None
    typed: tuple[str, str] = ("", "")
    skipped: str = ""  # "dilewati: baris jumlah": totals, numbering, titles, signatures are not requests

    @property
    def status(self) -> RowStatus:
        if self.skipped:
            return RowStatus.SKIPPED
        if self.errors:
            return RowStatus.ERROR
        return RowStatus.WARNING if self.warnings else RowStatus.OK


class _People:
    def __init__(self, session: Session) -> None:
        self.by_code: dict[str, _Person] = {}
        self.by_name: dict[str, list[_Person]] = defaultdict(list)
        for pid, code, name in session.execute(select(Participant.id, Participant.code, Participant.business_name)):
            person = _Person(pid, code, name)
            self.by_code[code] = person
            self.by_name[name_key(name)].append(person)

    def find(self, text: str) -> _Person:
        """By registration code first, then by (normalised) business name."""
        person = self.by_code.get(normalize_code(text))
        if person is not None:
            return person
        named = self.by_name.get(name_key(text), [])
        if len(named) == 1:
            return named[0]
        if named:
            raise CellProblem(
                _("\"{text}\" cocok dengan {count} peserta ({codes}); pakai kode registrasi.").format(
                    text=text, count=len(named), codes=", ".join(p.code for p in named)
                )
            )
        raise CellProblem(_("Peserta \"{text}\" tidak ditemukan (kode atau nama usaha).").format(text=text))


def _cell(row: SheetRow, mapping: Mapping, key: str) -> object:
    column = mapping.get(key)
    return row.values[column] if column is not None and column < len(row.values) else None


def _side(row: SheetRow, mapping: Mapping, key: str, result: _Row, people: _People) -> _Person | None:
    caption = _(FIELDS_BY_KEY[key].caption)
    try:
        primary = cells.text(_cell(row, mapping, key), caption)
        fallback = cells.text(_cell(row, mapping, f"{key}_name"), _(FIELDS_BY_KEY[f"{key}_name"].caption))
    except CellProblem as problem:
        result.errors.append(problem.message)
        return None
    if not primary and not fallback:
        result.errors.append(_("Kolom {column} kosong.").format(column=caption))
        return None
    try:
        return people.find(primary or fallback)
    except CellProblem as problem:
        if primary and fallback:
            try:
                return people.find(fallback)
            except CellProblem:
                pass
        result.errors.append(problem.message)
        return None


def _read_row(row: SheetRow, mapping: Mapping, people: _People) -> _Row:
    result = _Row(row.number)
    result.typed = (
        cells.cell_text(_cell(row, mapping, "a") or _cell(row, mapping, "a_name")),
        cells.cell_text(_cell(row, mapping, "b") or _cell(row, mapping, "b_name")),
    )
    result.a = _side(row, mapping, "a", result, people)
    result.b = _side(row, mapping, "b", result, people)
    try:
        priority_text = cells.text(_cell(row, mapping, "priority"), _("Prioritas"))
        if priority_text:
            word = normalise_header(priority_text.removesuffix(".0"))
            if word not in _PRIORITY_WORDS:
                raise CellProblem(
                    _("Prioritas \"{value}\" tidak dikenal: pakai 1 (biasa), 2 (tinggi) atau 3 (wajib).").format(
                        value=priority_text
                    )
                )
            result.priority = _PRIORITY_WORDS[word]
        session_text = cells.text(_cell(row, mapping, "session_wish"), _("Sesi"))
        wish = _SESSION_WORDS.get(normalise_header(session_text))
        if wish is None:
            raise CellProblem(
                _("Sesi \"{value}\" tidak dikenal: pakai pagi, siang atau bebas.").format(value=session_text)
            )
        result.session_wish = wish.value
        if "source" in mapping:
            source_text = cells.text(_cell(row, mapping, "source"), _("Asal"))
            source = _SOURCE_WORDS.get(normalise_header(source_text))
            result.source = source.value if source else RequestSource.IMPORTED.value
        if "note" in mapping:
            result.note = cells.text(_cell(row, mapping, "note"), _("Catatan"), multiline=True)
        if "meetings" in mapping:
            result.meetings = _meetings(_cell(row, mapping, "meetings"))
    except CellProblem as problem:
        result.errors.append(problem.message)
    if result.a and result.b and result.a.id == result.b.id:
        result.errors.append(
            _("{code} tidak dapat dijadwalkan bertemu dengan dirinya sendiri.").format(code=result.a.code)
        )
    return result


@dataclass
class _Plan:
    preview: Preview
    rows: list[_Row]


def _plan(session: Session, table: SheetTable, mapping: Mapping, progress: Progress | None = None) -> _Plan:
    people = _People(session)
    existing = {(r.low_id, r.high_id): r for r in session.scalars(select(MeetingRequest))}
    seen: dict[tuple[int, int], int] = {}
    planned: list[_Row] = []
    readings = classify_rows(table, mapping, name_keys=("a", "b", "a_name", "b_name"))
    for position, (sheet_row, reading) in enumerate(zip(table.rows, readings, strict=True), start=1):
        if progress and position % 500 == 0:
            progress(position, len(table.rows), _("Memeriksa baris {row} …").format(row=sheet_row.number))
        if reading.skip is not None:
            planned.append(_Row(sheet_row.number, skipped=skip_message(reading),
                                typed=(" ".join(cells.cell_text(v) for v in sheet_row.values if cells.cell_text(v))[:60], "")))
            continue
        row = _read_row(sheet_row, mapping, people)
        planned.append(row)
        if row.errors or row.a is None or row.b is None:
            continue
        pair = (min(row.a.id, row.b.id), max(row.a.id, row.b.id))
        if pair in seen:
            row.errors.append(
                _("Pasangan {a} – {b} sudah ada di baris {row}.").format(a=row.a.code, b=row.b.code, row=seen[pair])
            )
            continue
        seen[pair] = row.number
        current = existing.get(pair)
        if current is None:
            row.action = RowAction.CREATE
            continue
        row.existing = current
        same = (
            current.priority == row.priority
            and current.session_wish == row.session_wish
            and (row.note is None or current.note == row.note)
            and (row.source is None or current.source == row.source)
            and (row.meetings is None or current.meetings == row.meetings)
        )
        row.action = RowAction.UNCHANGED if same else RowAction.UPDATE
    preview = Preview(
        file_name=table.file_name,
        sheet=table.sheet,
        header_row=table.header_row,
        rows=tuple(_preview_row(row) for row in planned),
        mapped_columns=tuple(
            (_(FIELDS_BY_KEY[key].caption), table.headers[column])
            for key, column in sorted(mapping.items(), key=lambda item: item[1])
            if key in FIELDS_BY_KEY and column < len(table.headers)
        ),
    )
    return _Plan(preview, planned)


def _preview_row(row: _Row) -> PreviewRow:
    from desktop.models.enums import label

    if row.skipped:
        return PreviewRow(row.number, RowStatus.SKIPPED.value, RowAction.SKIP.value, "", row.typed[0], "", (row.skipped,))
    messages = [*row.errors, *row.warnings]
    if row.action == RowAction.UNCHANGED and not messages:
        messages.append(_("Sudah ada dan sama persis."))
    a_code = row.a.code if row.a else row.typed[0]
    b_code = row.b.code if row.b else row.typed[1]
    return PreviewRow(
        number=row.number,
        status=row.status.value,
        action=(RowAction.SKIP if row.errors else row.action).value,
        code=f"{a_code} ↔ {b_code}",
        name=f"{row.a.name if row.a else '?'} ↔ {row.b.name if row.b else '?'}",
        detail=_("prioritas {priority}, {session}").format(
            priority=row.priority, session=label(row.session_wish, SessionWish)
        ),
        messages=tuple(messages),
    )


def preview_requests(session: Session, table: SheetTable, mapping: Mapping, progress: Progress | None = None) -> Preview:
    return _plan(session, table, mapping, progress).preview


def import_requests(
    session: Session,
    table: SheetTable,
    mapping: Mapping,
    actor: Actor,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write every ok and warning row in the caller's transaction (all or nothing)."""
    if not dry_run:
        require_admin(actor, _("mengimpor permintaan pertemuan"))
    plan = _plan(session, table, mapping, progress)
    preview = plan.preview
    result = ImportResult(
        preview=preview,
        created=preview.count_action(RowAction.CREATE),
        updated=preview.count_action(RowAction.UPDATE),
        unchanged=preview.count_action(RowAction.UNCHANGED),
        skipped=preview.count(RowStatus.ERROR),
        dry_run=dry_run,
        ignored=preview.count(RowStatus.SKIPPED),
    )
    if dry_run or not (result.created or result.updated):
        return result
    for row in plan.rows:
        if row.errors or row.skipped or row.a is None or row.b is None:
            continue
        if row.action == RowAction.CREATE:
            meeting_requests.create_request(
                session, row.a.id, row.b.id, actor,
                priority=row.priority, session_wish=row.session_wish,
                source=row.source or RequestSource.IMPORTED.value, note=row.note or "",
                meetings=row.meetings or 1,
            )
        elif row.action == RowAction.UPDATE and row.existing is not None:
            request = row.existing
            before = {"priority": request.priority, "session": request.session_wish, "note": request.note,
                      "source": request.source}
            request.priority = row.priority
            request.session_wish = row.session_wish
            if row.note is not None:
                request.note = row.note
            if row.source is not None:
                request.source = row.source
            if row.meetings is not None:
                before["meetings"] = request.meetings
                request.meetings = row.meetings
            audit.record(
                session, actor, "request.update", "meeting_request", request.id, before=before,
                after={"priority": request.priority, "session": request.session_wish, "note": request.note,
                       "source": request.source, "meetings": request.meetings},
            )
    session.flush()
    audit.record(
        session, actor, "request.import", "import", None,
        after={"file": table.file_name, "sheet": table.sheet, "created": result.created,
               "updated": result.updated, "unchanged": result.unchanged, "skipped": result.skipped},
    )
    return result


def _meetings(value: cells.CellValue) -> int:
    """The "Jumlah pertemuan" cell: empty means one meeting."""
    number = cells.whole_number(value, _("Jumlah pertemuan"))
    if number is None:
        return 1
    if not 1 <= number <= meeting_requests.MAX_MEETINGS_PER_REQUEST:
        raise CellProblem(_("Jumlah pertemuan harus 1 sampai {most}.").format(
            most=meeting_requests.MAX_MEETINGS_PER_REQUEST))
    return number
