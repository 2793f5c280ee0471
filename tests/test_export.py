"""The event workbook: sheets, real numbers and dates, styling, escaping, and the round trip."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.models.schedule import meeting_requests
from desktop.models.people import participants
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database
from desktop.models.errors import DomainError
from desktop.models.orm import CheckInEvent, Meeting, MeetingRequest, MeetingTable, Order, OrderLine, Participant, TimeSlot
from desktop.models.people.participants import ParticipantData
from desktop.models.spreadsheet import columns, reader
from desktop.models.spreadsheet.export import export_event
from desktop.models.spreadsheet.participant_import import PARTICIPANT_FIELDS, import_participants
from desktop.models.spreadsheet.request_import import REQUEST_FIELDS, import_requests
from sqlalchemy import select


def _add_day_activity(db: Database) -> None:
    """Check-ins, a meeting and an order written straight into the tables (their services live elsewhere)."""
    with db.transaction() as session:
        buyer = session.scalar(select(Participant).where(Participant.code == "BYR001"))
        maker = session.scalar(select(Participant).where(Participant.code == "IKM001"))
        at = dt.datetime(2020, 3, 6, 8, 42)
        session.add_all([
            CheckInEvent(participant_id=maker.id, at=at, desk="Meja 1", operator_name="Sari", nonce="n1"),
            CheckInEvent(participant_id=buyer.id, at=at, desk="Meja 2", operator_name="Budi", nonce="n2"),
            CheckInEvent(participant_id=buyer.id, action="undo", at=at + dt.timedelta(minutes=1), desk="Meja 2",
                         operator_name="Budi", nonce="n3"),
        ])
        request = session.scalars(select(MeetingRequest)).first()
        slot = session.scalar(select(TimeSlot).order_by(TimeSlot.ordinal))
        table = session.scalar(select(MeetingTable).order_by(MeetingTable.number))
        session.add(Meeting(request_id=request.id, slot_id=slot.id, table_id=table.id))
        order = Order(buyer_id=buyer.id, seller_id=maker.id, status="confirmed", created_by="Sari",
                      created_at=dt.datetime(2020, 3, 6, 10, 5))
        order.lines = [OrderLine(position=1, description="Sepatu pantofel", unit_entered="kodi", quantity_entered=50,
                                 requested_quantity=1000, committed_quantity=800, unit_price=85_000,
                                 delivery_date=dt.date(2020, 4, 1))]
        session.add(order)


def test_workbook_sheets_values_and_styling(demo_db: Database, tmp_path: Path) -> None:
    _add_day_activity(demo_db)
    with demo_db.read() as session:
        summary = export_event(session, tmp_path / "event")
    assert summary.path.name == "event.xlsx" and summary.check_ins == 3 and summary.order_lines == 1
    book = load_workbook(summary.path)
    assert book.sheetnames == ["Peserta", "Permintaan", "Kehadiran", "Jadwal", "Pesanan", "Ringkasan"]
    people = book["Peserta"]
    assert people.freeze_panes == "A2" and people["A1"].font.bold and people["A1"].fill.fgColor.rgb.endswith("1D4E89")
    assert people.column_dimensions["B"].width > 20
    capacity = next(row for row in people.iter_rows(min_row=2) if row[0].value == "IKM001")[9]
    assert isinstance(capacity.value, int) and capacity.number_format == "#,##0"
    attendance = book["Kehadiran"]
    assert attendance["A2"].value == dt.datetime(2020, 3, 6, 8, 42) and attendance["A2"].is_date
    assert attendance["G2"].value in ("Sari", "Budi")
    orders = book["Pesanan"]
    header = [cell.value for cell in orders[1]]
    line = {name: cell for name, cell in zip(header, orders[2], strict=True)}
    assert line["Harga satuan"].value == 85_000 and "Rp" in line["Harga satuan"].number_format
    assert line["Nilai disanggupi"].value == 800 * 85_000
    assert line["Tanggal kirim"].value.date() == dt.date(2020, 4, 1) and line["Tanggal kirim"].is_date
    schedule = book["Jadwal"]
    assert schedule["B2"].value == dt.time(9, 0) and schedule["B2"].number_format == "hh:mm"
    totals = {row[0].value: row[1] for row in book["Ringkasan"].iter_rows(min_row=2)}
    assert totals["Hadir (check-in terakhir)"].value == 1  # the buyer's check-in was undone
    assert totals["Nilai disanggupi"].value == 68_000_000 and "Rp" in totals["Nilai disanggupi"].number_format
    assert totals["Tanggal"].value.date() == dt.date(2020, 3, 6)


def test_formula_text_is_escaped_and_special_characters_survive(empty_event: Database, tmp_path: Path, admin: Actor) -> None:
    names = ["=cmd|' /C calc'!A0", "+SUM(1)", "@now", "Toko \"Sepatu & Sandal\" <Mojo> 'Asli' 👞"]
    with empty_event.transaction() as session:
        for number, name in enumerate(names):
            participants.create_participant(
                session, ParticipantData(name, phone=f"0812-3456-78{number:02d}", notes="baris 1\nbaris 2\x07"), admin
            )
    with empty_event.read() as session:
        path = export_event(session, tmp_path / "e.xlsx").path
    book = load_workbook(path)
    cells = {row[1].value: row[1] for row in book["Peserta"].iter_rows(min_row=2)}
    assert set(cells) == set(names)
    for name in names[:3]:
        assert cells[name].data_type == "s" and cells[name].quotePrefix  # text, never a formula
    raw = __import__("zipfile").ZipFile(path).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in raw


def test_export_refuses_a_file_without_event_and_a_missing_folder(empty_db: Database, demo_db: Database, tmp_path: Path) -> None:
    with empty_db.read() as session, pytest.raises(DomainError, match="belum berisi data event"):
        export_event(session, tmp_path / "x.xlsx")
    with demo_db.read() as session, pytest.raises(DomainError, match="Folder"):
        export_event(session, tmp_path / "none" / "x.xlsx")


def test_round_trip_demo_export_import_into_empty_event(demo_db: Database, empty_event: Database, tmp_path: Path,
                                                         admin: Actor) -> None:
    with demo_db.read() as session:
        path = export_event(session, tmp_path / "demo.xlsx").path
        original = participants.list_participants(session)
        original_requests = meeting_requests.list_requests(session)
    for sheet, fields, run in (("Peserta", PARTICIPANT_FIELDS, import_participants),
                               ("Permintaan", REQUEST_FIELDS, import_requests)):
        table = reader.read_table(path, sheet, columns.header_score(fields))
        mapping = columns.guess_mapping(table.headers, fields)
        assert len(mapping) == len(fields)  # every exported column is recognised
        with empty_event.transaction() as session:
            result = run(session, table, mapping, admin)
        assert result.skipped == 0 and result.preview.count("warning") == 0
    with empty_event.read() as session:
        copied = participants.list_participants(session)
        copied_requests = meeting_requests.list_requests(session)

    def comparable(row: participants.ParticipantRow) -> tuple:
        return (row.code, row.to_data())

    assert [comparable(row) for row in copied] == [comparable(row) for row in original]

    def pairs(rows: list) -> list:
        return sorted((r.a_code, r.b_code, r.priority, r.session_wish, r.source, r.note) for r in rows)

    assert pairs(copied_requests) == pairs(original_requests)


def test_workbook_exported_in_english_imports_back(demo_db: Database, empty_event: Database, tmp_path: Path,
                                                    admin: Actor) -> None:
    from desktop import i18n

    i18n.set_language("en")
    with demo_db.read() as session:
        path = export_event(session, tmp_path / "en.xlsx").path
    i18n.set_language("id")
    assert load_workbook(path, read_only=True).sheetnames[:2] == ["Participants", "Requests"]
    for sheet, fields, run in (("Participants", PARTICIPANT_FIELDS, import_participants),
                               ("Requests", REQUEST_FIELDS, import_requests)):
        table = reader.read_table(path, sheet, columns.header_score(fields))
        mapping = columns.guess_mapping(table.headers, fields)
        assert len(mapping) == len(fields)
        with empty_event.transaction() as session:
            result = run(session, table, mapping, admin)
        assert result.skipped == 0 and result.preview.count("warning") == 0, result.preview.rows[:3]
    with demo_db.read() as session, empty_event.read() as copy:
        assert [(r.code, r.to_data()) for r in participants.list_participants(copy)] == [
            (r.code, r.to_data()) for r in participants.list_participants(session)]
