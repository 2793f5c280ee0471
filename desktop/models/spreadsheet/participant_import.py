"""Importing participants from a sheet: preview every row, then write the good ones in one go.

Rows that are not people (totals, column numbers, section titles, signatures) are skipped
with their own outcome; a section title's kecamatan/kelurahan/kind is carried into the rows
below it. An optional field that cannot be read never drops a row: the field stays empty
and a warning says so. Matching (participant_matching) makes a re-import update, never
duplicate; an uncertain match is shown for the admin to decide (``decisions``).
Validation is the participants service's own :func:`participants.validate`.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from collections.abc import Mapping as MappingOf
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.i18n import _
from desktop.models.access import audit
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.enums import CODE_PREFIX, ParticipantKind
from desktop.models.orm import Participant, ParticipantProblem, ProductCategory
from desktop.models.people.participants import ParticipantData, ParticipantRow
from desktop.models.access.permissions import require_admin
from desktop.models.people.phone import display_phone
from desktop.models.spreadsheet import cells
from desktop.models.spreadsheet.columns import Mapping, normalise_header
from desktop.models.spreadsheet.participant_fields import (
    FIELDS_BY_KEY,
    PARTICIPANT_FIELDS,
    guess_participant_columns,
    section_fields,
)
from desktop.models.spreadsheet.participant_matching import Matcher, name_key, place_key
from desktop.models.spreadsheet.participant_rows import ImportRow, read_row, validate_row
from desktop.models.spreadsheet.preview import ImportResult, Preview, PreviewRow, RowAction, RowStatus
from desktop.models.spreadsheet.reader import SheetTable
from desktop.models.spreadsheet.row_kinds import RowReading, classify_rows, skip_message

Progress = Callable[[int, int, str], None]
Decisions = MappingOf[int, bool]  # sheet row number → "is the likely participant" (the admin's answer)

@dataclass
class _Lookups:
    by_id: dict[int, Participant]
    rows: dict[int, ParticipantRow]
    matcher: Matcher
    categories: dict[str, ProductCategory]  # code → category
    category_words: dict[str, str]  # normalised name or code → code
    category_order: dict[str, int]


def _lookups(session: Session) -> _Lookups:
    existing = session.scalars(
        select(Participant).options(selectinload(Participant.categories), selectinload(Participant.problems))
    ).all()
    rows = {participant.id: participants.to_row(participant) for participant in existing}
    lookups = _Lookups({participant.id: participant for participant in existing}, rows, Matcher(rows.values()),
                       {}, {}, {})
    for category in session.scalars(select(ProductCategory)):
        lookups.categories[category.code] = category
        lookups.category_order[category.code] = category.sort_order
        for word in (category.code, category.name, re.sub(r"\(.*?\)", "", category.name)):
            lookups.category_words[normalise_header(word)] = category.code
    return lookups


def _canonical(data: ParticipantData, order: dict[str, int]) -> ParticipantData:
    return dataclasses.replace(
        data,
        category_codes=sorted(data.category_codes, key=lambda code: (order.get(code, 0), code)),
        problems=sorted(data.problems),
    )


# ---- planning ---------------------------------------------------------------------------
@dataclass
class _Plan:
    preview: Preview
    rows: list[ImportRow]
    lookups: _Lookups


def _classify(table: SheetTable, mapping: Mapping, lookups: _Lookups) -> list[RowReading]:
    """Row kinds; a bare title such as "MAGERSARI" is a kecamatan (kelurahan) when the event or the file
    already knows a kecamatan (kelurahan) of that name."""
    places: dict[str, tuple[str, str]] = {}
    for key in ("kelurahan", "kecamatan"):  # a kecamatan wins over a kelurahan of the same name
        known = [getattr(row, key) for row in lookups.rows.values()]
        if key in mapping:
            known += [cells.cell_text(row.values[mapping[key]]) for row in table.rows if mapping[key] < len(row.values)]
        places.update({place_key(name): (key, name) for name in known if name and place_key(name)})

    def read_title(title: str) -> dict[str, str]:
        place = places.get(place_key(title))
        if place is not None:
            key, name = place
            return {key: " ".join(part.capitalize() for part in name.split()) if name.isupper() else name}
        return section_fields(title)

    return classify_rows(table, mapping, name_keys=("business_name",),
                         number_keys=("monthly_capacity", "delegation_size"),
                         detail_keys=("phone", "address", "contact_person"), section_reader=read_title)


def _plan(session: Session, table: SheetTable, mapping: Mapping, progress: Progress | None = None,
          decisions: Decisions | None = None) -> _Plan:
    lookups = _lookups(session)
    decisions = decisions or {}
    planned: list[ImportRow] = []
    claimed_targets: dict[int, int] = {}  # participant id → first row number
    claimed_codes: dict[str, int] = {}
    claimed_keys: dict[tuple[str, str], int] = {}
    phones_in_file: dict[str, tuple[int, str]] = {}
    total = len(table.rows)
    for position, (sheet_row, reading) in enumerate(zip(table.rows, _classify(table, mapping, lookups), strict=True), start=1):
        if progress and position % 500 == 0:
            progress(position, total, _("Memeriksa baris {row} …").format(row=sheet_row.number))
        if reading.skip is not None:
            planned.append(ImportRow(sheet_row.number, skipped=skip_message(reading),
                                name=" ".join(cells.cell_text(v) for v in sheet_row.values if cells.cell_text(v))[:80]))
            continue
        row, values = read_row(sheet_row, mapping, lookups.category_words, reading)
        planned.append(row)
        code = str(values.get("code") or "")
        row.code = code
        row.name = str(values.get("business_name") or "")
        target_id = lookups.matcher.by_code.get(code) if code else None
        base = lookups.rows[target_id].to_data() if target_id is not None else ParticipantData(business_name="")
        data = validate_row(row, base, values)
        if data is None or row.errors:
            continue
        if target_id is None and not code:
            match = lookups.matcher.find(data)
            if match.ambiguous:
                codes = ", ".join(lookups.rows[m].code for m in match.ambiguous)
                row.errors.append(
                    _("Cocok dengan beberapa peserta ({codes}); isi kolom Kode agar jelas yang mana.").format(codes=codes)
                )
                continue
            target_id = match.target_id
            if match.likely_id is not None:
                other = lookups.rows[match.likely_id]
                row.maybe_same = (other.code, other.business_name, match.likely_reason)
                row.same_by_default = match.same_by_default
                if decisions.get(row.number, match.same_by_default):
                    target_id = match.likely_id
            if target_id is not None:
                data = validate_row(row, lookups.rows[target_id].to_data(), values) or data
        key = (name_key(data.business_name), data.phone)
        first = (
            claimed_targets.get(target_id) if target_id is not None
            else claimed_codes.get(code) if code else claimed_keys.get(key)
        )
        if first is not None:
            row.errors.append(
                _("Sama dengan baris {row} (peserta yang sama); baris ini dilewati.").format(row=first)
            )
            continue
        if target_id is not None:
            claimed_targets[target_id] = row.number
        elif code:
            claimed_codes[code] = row.number
        else:
            claimed_keys[key] = row.number
        _warn_same_phone(row, data, key, target_id, lookups, phones_in_file)
        row.data = _canonical(data, lookups.category_order)
        if target_id is not None:
            existing = lookups.rows[target_id]
            row.target = lookups.by_id[target_id]
            row.code = existing.code
            same = _canonical(existing.to_data(), lookups.category_order) == row.data
            row.action = RowAction.UNCHANGED if same else RowAction.UPDATE
        else:
            row.action = RowAction.CREATE
    # Codes for new rows only now, so they never collide with a code written further down the file.
    next_number = _next_numbers([*lookups.matcher.by_code, *claimed_codes])
    for row in planned:
        if row.action == RowAction.CREATE and not row.code and row.data is not None:
            prefix = CODE_PREFIX[ParticipantKind(row.data.kind)]
            next_number[prefix] += 1
            row.code = f"{prefix}{next_number[prefix]:03d}"
    auto = guess_participant_columns(table.headers)
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
        guessed_columns=tuple(
            (_(FIELDS_BY_KEY[key].caption), reason) for key, reason in auto.guesses.items()
            if key in mapping and auto.mapping.get(key) == mapping[key]
        ),
        notes=(table.note,) if table.note else (),
    )
    return _Plan(preview, planned, lookups)


def _warn_same_phone(
    row: ImportRow,
    data: ParticipantData,
    key: tuple[str, str],
    target_id: int | None,
    lookups: _Lookups,
    phones_in_file: dict[str, tuple[int, str]],
) -> None:
    """Same phone under another name: maybe a typo, maybe two shops of one family."""
    if not data.phone:
        return
    others = [pid for pid in lookups.matcher.by_phone.get(data.phone, []) if pid != target_id]
    likely = row.maybe_same[0] if row.maybe_same else None
    others = [pid for pid in others if lookups.rows[pid].code != likely]
    if others:
        other = lookups.rows[others[0]]
        row.warnings.append(_("Nomor HP sama dengan {code} {name}.").format(code=other.code, name=other.business_name))
    earlier = phones_in_file.get(data.phone)
    if earlier and earlier[1] != key[0]:
        row.warnings.append(_("Nomor HP sama dengan baris {row}.").format(row=earlier[0]))
    phones_in_file.setdefault(data.phone, (row.number, key[0]))


def _next_numbers(codes: Sequence[str]) -> dict[str, int]:
    numbers: dict[str, int] = defaultdict(int)
    for code in codes:
        for prefix in CODE_PREFIX.values():
            rest = code[len(prefix):]
            if code.startswith(prefix) and rest.isascii() and rest.isdigit():
                numbers[prefix] = max(numbers[prefix], int(rest))
    return numbers


def _preview_row(row: ImportRow) -> PreviewRow:
    if row.skipped:
        return PreviewRow(row.number, RowStatus.SKIPPED.value, RowAction.SKIP.value, "", row.name, "", (row.skipped,))
    messages = [*row.errors, *row.warnings]
    if row.maybe_same and not row.errors:
        code, name, why = row.maybe_same
        taken = row.action in (RowAction.UPDATE, RowAction.UNCHANGED) and row.code == code
        messages.insert(0, (_("Mungkin sama dengan {code} {name} ({why}): dianggap sama, {code} diperbarui.")
                            if taken else
                            _("Mungkin sama dengan {code} {name} ({why}): dibuat sebagai peserta baru."))
                        .format(code=code, name=name, why=why))
    messages.extend(row.notes)
    if row.action == RowAction.UNCHANGED and not messages:
        messages.append(_("Sudah ada dan sama persis."))
    return PreviewRow(
        number=row.number,
        status=row.status.value,
        action=(RowAction.SKIP if row.errors else row.action).value,
        code=row.code,
        name=row.data.business_name if row.data else row.name,
        detail=display_phone(row.data.phone) if row.data else "",
        messages=tuple(messages),
        maybe_same=row.maybe_same,
        same_by_default=row.same_by_default,
    )


# ---- public API ---------------------------------------------------------------------------
def preview_participants(
    session: Session, table: SheetTable, mapping: Mapping, progress: Progress | None = None,
    decisions: Decisions | None = None,
) -> Preview:
    return _plan(session, table, mapping, progress, decisions).preview


def import_participants(
    session: Session,
    table: SheetTable,
    mapping: Mapping,
    actor: Actor,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    decisions: Decisions | None = None,
) -> ImportResult:
    """Write every ok and warning row in the caller's transaction (all or nothing)."""
    if not dry_run:
        require_admin(actor, _("mengimpor peserta"))
    plan = _plan(session, table, mapping, progress, decisions)
    result = ImportResult(
        preview=plan.preview,
        created=plan.preview.count_action(RowAction.CREATE),
        updated=plan.preview.count_action(RowAction.UPDATE),
        unchanged=plan.preview.count_action(RowAction.UNCHANGED),
        skipped=plan.preview.count(RowStatus.ERROR),
        dry_run=dry_run,
        ignored=plan.preview.count(RowStatus.SKIPPED),
    )
    if dry_run or not (result.created or result.updated):
        return result
    if progress:
        progress(len(table.rows), len(table.rows), _("Menyimpan …"))
    written: list[tuple[ImportRow, Participant, dict[str, object] | None]] = []
    for row in plan.rows:
        if row.errors or row.skipped or row.data is None or row.action in (RowAction.UNCHANGED, RowAction.SKIP):
            continue
        if row.action == RowAction.UPDATE and row.target is not None:
            before = _snapshot(participants.to_row(row.target))
            _apply(row.target, row.data, plan.lookups.categories)
            written.append((row, row.target, before))
        else:
            participant = Participant(code=row.code)
            _apply(participant, row.data, plan.lookups.categories)
            session.add(participant)
            written.append((row, participant, None))
    session.flush()  # one flush for the whole file: ids and versions for the audit trail
    for row, participant, before in written:
        after = _snapshot(participants.to_row(participant))
        if before is None:
            audit.record(session, actor, "participant.create", "participant", participant.id, after=after)
        else:
            audit.record(session, actor, "participant.update", "participant", participant.id, before=before, after=after)
    audit.record(
        session, actor, "participant.import", "import", None,
        after={"file": table.file_name, "sheet": table.sheet, "created": result.created,
               "updated": result.updated, "unchanged": result.unchanged, "skipped": result.skipped,
               "not_people": result.ignored},
    )
    return result


def _apply(participant: Participant, data: ParticipantData, categories: dict[str, ProductCategory]) -> None:
    """Like the service's own apply, but with categories looked up once for the whole file."""
    for name in ("kind", "business_name", "contact_person", "phone", "address", "kecamatan", "kelurahan",
                 "monthly_capacity", "delegation_size", "kur_interest", "max_meetings", "is_walk_in", "notes"):
        setattr(participant, name, getattr(data, name))
    participant.categories = [categories[code] for code in data.category_codes]
    existing = {problem.problem: problem for problem in participant.problems}
    participant.problems = [existing.get(code) or ParticipantProblem(problem=code) for code in data.problems]


def _snapshot(row: ParticipantRow) -> dict[str, object]:
    """The audit snapshot the service writes; shallow (``asdict`` deep-copies, 20 % of a 10k import)."""
    return {f.name: getattr(row, f.name) for f in dataclasses.fields(row) if f.name != "category_names"}


def export_headers() -> list[str]:
    """The Peserta sheet's headers (current language), in field order: re-importable as they are."""
    return [_(field.caption) for field in PARTICIPANT_FIELDS]


__all__: Sequence[str] = (
    "PARTICIPANT_FIELDS", "export_headers", "guess_participant_columns", "import_participants", "name_key",
    "preview_participants",
)
