"""Importing meeting requests from a sheet of pairs."""

from pathlib import Path

from desktop.models.schedule import meeting_requests
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database
from desktop.models.spreadsheet import columns, reader
from desktop.models.spreadsheet.request_import import REQUEST_FIELDS, import_requests
from tests.spreadsheet_files import xlsx

HEADERS = ["Peserta A", "Peserta B", "Prioritas", "Sesi", "Catatan"]


def run(db: Database, path: Path, actor: Actor, dry_run: bool = False):  # type: ignore[no-untyped-def]
    table = reader.read_table(path, None, columns.header_score(REQUEST_FIELDS))
    mapping = columns.guess_mapping(table.headers, REQUEST_FIELDS)
    with db.transaction() as session:
        return import_requests(session, table, mapping, actor, dry_run=dry_run)


def test_pairs_by_code_or_name_with_row_errors(demo_db: Database, tmp_path: Path, admin: Actor) -> None:
    with demo_db.read() as session:
        existing = {(r.a_code, r.b_code) for r in meeting_requests.list_requests(session)}
    assert ("BYR001", "IKM002") not in existing and ("BYR001", "IKM005") not in existing
    rows = [
        ["BYR001", "ikm-002", 2, "pagi", "dari formulir"],
        ["PT Toserba Nusantara Raya", "IKM005", "wajib", "", ""],
        ["BYR001", "IKM999", 1, "", ""],  # unknown participant
        ["IKM010", "IKM010", 1, "", ""],  # self-meeting
        ["IKM002", "BYR001", 1, "", ""],  # the first pair again, reversed
        ["BYR002", "IKM007", 7, "malam", ""],  # unreadable priority
    ]
    result = run(demo_db, xlsx(tmp_path / "r.xlsx", rows, headers=HEADERS), admin)
    statuses = [(row.number, row.status) for row in result.preview.rows]
    assert statuses == [(2, "ok"), (3, "ok"), (4, "error"), (5, "error"), (6, "error"), (7, "error")]
    reasons = [row.reason for row in result.preview.rows]
    assert "IKM999" in reasons[2] and "dirinya sendiri" in reasons[3] and "baris 2" in reasons[4]
    assert result.created == 2
    with demo_db.read() as session:
        made = {(r.a_code, r.b_code): r for r in meeting_requests.list_requests(session)}
    assert made[("BYR001", "IKM002")].priority == 2 and made[("BYR001", "IKM002")].session_wish == "pagi"
    assert made[("BYR001", "IKM002")].source == "imported" and made[("BYR001", "IKM002")].note == "dari formulir"
    assert made[("BYR001", "IKM005")].priority == 3


def test_reimport_is_idempotent_and_updates_changed_pairs(demo_db: Database, tmp_path: Path, admin: Actor) -> None:
    rows = [["BYR001", "IKM002", 2, "pagi", ""]]
    run(demo_db, xlsx(tmp_path / "a.xlsx", rows, headers=HEADERS), admin)
    again = run(demo_db, xlsx(tmp_path / "a.xlsx", rows, headers=HEADERS), admin)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    changed = run(demo_db, xlsx(tmp_path / "b.xlsx", [["BYR001", "IKM002", 3, "siang", ""]], headers=HEADERS), admin)
    assert changed.updated == 1
    with demo_db.read() as session:
        request = next(r for r in meeting_requests.list_requests(session) if (r.a_code, r.b_code) == ("BYR001", "IKM002"))
    assert (request.priority, request.session_wish) == (3, "siang")


def test_ambiguous_name_asks_for_the_code(empty_event: Database, tmp_path: Path, admin: Actor) -> None:
    from desktop.models.people import participants
    from desktop.models.people.participants import ParticipantData

    with empty_event.transaction() as session:
        participants.create_participant(session, ParticipantData("CV Sinar Jaya", phone="0812-1111-2222"), admin)
        participants.create_participant(session, ParticipantData("UD Sinar Jaya", phone="0812-1111-3333"), admin)
        participants.create_participant(session, ParticipantData("Toko Pembeli", kind="buyer"), admin)
    result = run(empty_event, xlsx(tmp_path / "r.xlsx", [["Toko Pembeli", "Sinar Jaya", 1, "", ""]], headers=HEADERS), admin)
    assert result.imported == 0 and "IKM001, IKM002" in result.preview.rows[0].reason


def test_request_list_with_numbering_totals_and_signature_rows(demo_db: Database, tmp_path: Path, admin: Actor) -> None:
    rows = [
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["BYR001", "IKM002", 2, "pagi", ""],
        ["BYR001", "IKM005", 1, "", ""],
        ["JUMLAH", None, 3, None, None],
        [None, None, None, "Mojokerto, 6 Maret 2020", None],
        [None, None, None, "Ketua Panitia", None],
    ]
    path = xlsx(tmp_path / "r.xlsx", rows, headers=HEADERS, title="DAFTAR PERMINTAAN TEMU BISNIS")
    result = run(demo_db, path, admin)
    outcomes = [(row.number, row.status, row.reason) for row in result.preview.rows]
    assert [(number, status) for number, status, _reason in outcomes] == [
        (3, "skipped"), (4, "ok"), (5, "ok"), (6, "skipped"), (7, "skipped"), (8, "skipped")]
    assert "baris nomor kolom" in outcomes[0][2] and "baris jumlah" in outcomes[3][2]
    assert "tanda tangan" in outcomes[4][2] and "tanda tangan" in outcomes[5][2]
    assert (result.created, result.skipped, result.ignored) == (2, 0, 4)
