"""Importing the Dinas' participant list: row-level errors, idempotent re-import, all or nothing."""

from pathlib import Path

import pytest

from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database
from desktop.models.errors import DomainError
from desktop.models.spreadsheet import columns, reader
from desktop.models.spreadsheet.participant_import import (
    PARTICIPANT_FIELDS,
    import_participants,
    name_key,
    preview_participants,
)
from desktop.models.spreadsheet.preview import ImportResult, Preview
from tests.spreadsheet_files import DATA, MESSY_ROWS, csv_file, dump, xlsx


def load(path: Path) -> tuple[reader.SheetTable, columns.Mapping]:
    table = reader.read_table(path, None, columns.header_score(PARTICIPANT_FIELDS))
    return table, columns.guess_mapping(table.headers, PARTICIPANT_FIELDS)


def run_import(db: Database, path: Path, actor: Actor) -> ImportResult:
    table, mapping = load(path)
    with db.transaction() as session:
        return import_participants(session, table, mapping, actor)


def by_number(preview: Preview) -> dict[int, object]:
    return {row.number: row for row in preview.rows}


def test_messy_dinas_sheet_preview(demo_db: Database, tmp_path: Path) -> None:
    table, mapping = load(xlsx(tmp_path / "p.xlsx", MESSY_ROWS, title="DAFTAR PESERTA"))
    with demo_db.read() as session:
        preview = preview_participants(session, table, mapping)
    rows = by_number(preview)
    assert rows[3].status == "ok" and rows[3].action == "create" and rows[3].detail == "0812-3456-7890"
    assert rows[4].status == "ok" and rows[4].code == "IKM072"  # codes continue after the demo's IKM070
    assert rows[5].status == "ok"  # capacity 1250 as a number cell, empty kind = IKM
    assert rows[7].status == "error" and "baris 3" in rows[7].reason  # CV. Sinar Jaya Sepatu again
    # An optional field never drops a row: "12345" is no phone (emptied, said), "sekitar seribu" is 1,000.
    assert rows[8].status == "warning" and rows[8].action == "create"
    assert "12345" in rows[8].reason and "baris tetap diimpor" in rows[8].reason
    assert rows[9].status == "warning" and "sepatu kuda" in rows[9].reason and rows[9].code == "BYR008"
    assert rows[10].status == "warning" and "tanggal" in rows[10].reason  # a date in capacity: emptied
    assert 6 not in rows  # the empty row is not a row at all
    assert preview.importable == 6


def test_import_writes_good_rows_and_reimport_changes_nothing(demo_db: Database, tmp_path: Path, admin: Actor) -> None:
    path = xlsx(tmp_path / "p.xlsx", MESSY_ROWS)
    first = run_import(demo_db, path, admin)
    assert (first.created, first.updated, first.unchanged, first.skipped) == (6, 0, 0, 1)
    with demo_db.read() as session:
        sinar = participants.find_by_code(session, "IKM071")
        karya = participants.find_by_code(session, "IKM072")
        buyer = participants.find_by_code(session, "BYR008")
        count = len(participants.list_participants(session))
    assert sinar is not None and sinar.phone == "+6281234567890" and sinar.monthly_capacity == 1500
    assert sinar.category_codes == ("sepatu_pria", "sandal")
    assert karya is not None and karya.monthly_capacity == 1500 and karya.phone == "+6281322223333"
    assert buyer is not None and buyer.kind == "buyer" and buyer.phone == "+6281311112222"
    again = run_import(demo_db, path, admin)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 6)
    with demo_db.read() as session:
        assert len(participants.list_participants(session)) == count


def test_reimport_matches_by_name_and_phone_and_updates(demo_db: Database, tmp_path: Path, admin: Actor) -> None:
    run_import(demo_db, xlsx(tmp_path / "a.xlsx", MESSY_ROWS[:1]), admin)
    changed = [[1, "Sinar Jaya Sepatu", "Slamet Santoso", "+62 812 3456 7890", "Jl. Baru 9", "Magersari", "Sandal", "2 rb", "IKM"]]
    result = run_import(demo_db, xlsx(tmp_path / "b.xlsx", changed), admin)
    assert (result.created, result.updated) == (0, 1)
    with demo_db.read() as session:
        row = participants.find_by_code(session, "IKM071")
    assert row is not None and row.address == "Jl. Baru 9" and row.monthly_capacity == 2000
    assert row.business_name == "Sinar Jaya Sepatu" and row.version == 2


def test_code_column_wins_and_new_codes_never_collide(demo_db: Database, tmp_path: Path, admin: Actor) -> None:
    headers = ["Kode", "Nama Usaha", "No. HP/WA"]
    rows = [["", "Usaha Tanpa Kode", "0812-1111-0000"], ["ikm-071", "Usaha Berkode", "0812-1111-0001"],
            ["IKM001", "Nama Baru Untuk IKM001", ""]]
    result = run_import(demo_db, xlsx(tmp_path / "k.xlsx", rows, headers=headers), admin)
    assert (result.created, result.updated) == (2, 1)
    with demo_db.read() as session:
        assert participants.find_by_code(session, "IKM071").business_name == "Usaha Berkode"
        assert participants.find_by_code(session, "IKM072").business_name == "Usaha Tanpa Kode"
        assert participants.find_by_code(session, "IKM001").business_name == "Nama Baru Untuk IKM001"


def test_libreoffice_file_imports(empty_event: Database, admin: Actor) -> None:
    result = run_import(empty_event, DATA / "dinas_libreoffice.xlsx", admin)
    rows = by_number(result.preview)
    assert rows[6].status == "ok"  # the formula's stored result 1250
    assert rows[8].status == "warning" and "06/03/2020" in rows[8].reason  # a date typed into capacity: emptied
    assert rows[9].status == "error"  # "sinar jaya sepatu" = "CV. Sinar Jaya Sepatu", same phone
    assert result.created == 4
    with empty_event.read() as session:
        names = {row.business_name for row in participants.list_participants(session)}
    assert "Berkah Abadi Footwear" in names


def test_special_characters_and_formula_text_are_kept_as_text(empty_event: Database, tmp_path: Path, admin: Actor) -> None:
    rows = [
        [1, "Toko \"Sepatu & Sandal\" <Mojo> 'Asli' 👞✨", "Ibu Siti 😊", "0812-3456-7890", "", "", "", "", ""],
        [2, "=cmd|' /C calc'!A0", "@SUM(A1)", "0812-3456-7891", "", "", "", "", ""],
    ]
    result = run_import(empty_event, xlsx(tmp_path / "x.xlsx", rows, text_cells=True), admin)
    assert result.created == 2
    assert result.preview.rows[1].status == "warning" and "seperti rumus" in result.preview.rows[1].reason
    with empty_event.read() as session:
        names = {row.business_name for row in participants.list_participants(session)}
    assert names == {"Toko \"Sepatu & Sandal\" <Mojo> 'Asli' 👞✨", "=cmd|' /C calc'!A0"}


def test_semicolon_windows_1252_csv(empty_event: Database, tmp_path: Path, admin: Actor) -> None:
    rows = [[1, "Sepatu Señorita", "José", "0812-3456-7890", "Jl. A; No. 5", "Magersari", "Sandal", "1.500", "IKM"]]
    result = run_import(empty_event, csv_file(tmp_path / "p.csv", rows, encoding="cp1252"), admin)
    assert result.created == 1
    with empty_event.read() as session:
        row = participants.list_participants(session)[0]
    assert (row.business_name, row.address, row.monthly_capacity) == ("Sepatu Señorita", "Jl. A; No. 5", 1500)


def test_failed_import_leaves_the_event_file_unchanged(demo_db: Database, demo_path: Path, tmp_path: Path,
                                                       admin: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    before = dump(demo_path)
    table, mapping = load(xlsx(tmp_path / "p.xlsx", MESSY_ROWS))
    from desktop.models.spreadsheet import participant_import

    def broken_audit(*_args: object, **_kwargs: object) -> None:
        raise DomainError("disk penuh")

    monkeypatch.setattr(participant_import.audit, "record", broken_audit)
    with pytest.raises(DomainError), demo_db.transaction() as session:
        import_participants(session, table, mapping, admin)
    assert dump(demo_path) == before


def test_dry_run_and_only_errors_write_nothing(demo_db: Database, demo_path: Path, tmp_path: Path, admin: Actor) -> None:
    before = dump(demo_path)
    table, mapping = load(xlsx(tmp_path / "p.xlsx", MESSY_ROWS))
    with demo_db.transaction() as session:
        assert import_participants(session, table, mapping, admin, dry_run=True).created == 6
    bad = [[1, "", "", "123", "", "", "", "x", "Alien"]]
    table, mapping = load(xlsx(tmp_path / "bad.xlsx", bad))
    with demo_db.transaction() as session:
        assert import_participants(session, table, mapping, admin).imported == 0
    assert dump(demo_path) == before


def test_name_key() -> None:
    assert name_key("CV. Sinar  Jaya") == name_key("sinar jaya") == name_key("UD Sinar-Jaya") == "sinar jaya"
    assert name_key("PT. Citra (Persero)") == "citra"
    assert name_key("C.V. SINAR-JAYA") == name_key("Toko Sinar Jaya") == "sinar jaya"
