"""Every list of the corpus (tests/import_corpus.py) imports to exactly the participants a person expects.

Each row under the header has its outcome asserted (participant, skipped as not a person and
why, or error), no row is left unaccounted for, and the stored participants carry the values a
person reads in the sheet. Refused files are refused in words and leave the event untouched.
"""

from __future__ import annotations

import pytest

from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database
from desktop.models.errors import DomainError
from desktop.models.spreadsheet import columns, reader
from desktop.models.spreadsheet.participant_import import (
    PARTICIPANT_FIELDS,
    guess_participant_columns,
    import_participants,
)
from desktop.models.spreadsheet.preview import ImportResult
from tests.import_corpus import CASES, Case, numbered

BY_FILE = {case.file: case for case in CASES}


def _import(db: Database, case: Case, actor: Actor) -> tuple[reader.SheetTable, ImportResult]:
    table = reader.read_table(case.path, None, columns.header_score(PARTICIPANT_FIELDS))
    mapping = guess_participant_columns(table.headers).mapping
    with db.transaction() as session:
        return table, import_participants(session, table, mapping, actor)


def test_the_corpus_is_big_enough_and_every_file_is_committed() -> None:
    readable = [case for case in CASES if not case.refused]
    assert len(readable) >= 25
    assert {case.path.suffix for case in CASES} >= {".xlsx", ".xls", ".ods", ".csv"}
    assert all(case.path.is_file() for case in CASES), "run tools/make_import_corpus.py"


@pytest.mark.sqlite_only
@pytest.mark.parametrize("case", [case for case in CASES if not case.refused], ids=lambda case: case.file)
def test_list_imports_as_a_person_reads_it(empty_event: Database, admin: Actor, case: Case) -> None:
    if case.before:
        _import(empty_event, BY_FILE[case.before], admin)
    table, result = _import(empty_event, case, admin)
    expected_sheet = next(sheet for sheet in case.sheets if numbered(sheet))
    expected = dict(numbered(expected_sheet))
    got = {row.number: row for row in result.preview.rows}
    assert sorted(got) == sorted(expected), "every row under the header has exactly one outcome"
    for number, want in expected.items():
        row = got[number]
        assert row.status == want.status, (number, row.status, row.reason)
        for words in want.says:
            assert words in row.reason, (number, words, row.reason)
        if want.action:
            assert row.action == want.action, (number, row.action, row.reason)
    assert result.ignored == sum(1 for row in expected.values() if row.status == "skipped")
    if case.sheet_note:
        assert case.sheet_note in table.note and table.sheet == case.sheet_note
    guessed = {caption for caption, _why in result.preview.guessed_columns}
    assert set(case.guessed) <= guessed, (case.guessed, result.preview.guessed_columns)
    with empty_event.read() as session:
        stored = participants.list_participants(session)
    by_code = {row.code: row for row in stored}
    people = [(number, row) for number, row in expected.items() if row.status in ("ok", "warning")]
    if case.total_after is not None:
        assert len(stored) == case.total_after
    else:
        assert len(stored) == len(people)
    for number, want in people:
        code = got[number].code
        assert code in by_code, (number, code)
        participant = by_code[code]
        for name, value in want.expect.items():
            assert getattr(participant, name) == value, (number, name, getattr(participant, name), value)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("case", [case for case in CASES if case.refused], ids=lambda case: case.file)
def test_file_without_a_list_is_refused_in_words_and_writes_nothing(
    empty_event: Database, admin: Actor, case: Case
) -> None:
    with pytest.raises(DomainError, match=case.refused):
        _import(empty_event, case, admin)
    with empty_event.read() as session:
        assert participants.list_participants(session) == []
