"""Papers that look official: long names wrap, the sign-off keeps company, headings stay whole,
the KUR list has phones, English papers read English (labels and numbers)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from desktop import i18n
from desktop.models.reporting import report_data
from desktop.models.event.database import Database
from desktop.models.orm import Participant
from desktop.reports import ReportKind, render
from tests.played_day import _played_template, played_db  # noqa: F401

LONG_NAME = "Koperasi Produsen Alas Kaki dan Kerajinan Kulit Kota Mojokerto Sejahtera Jaya Abadi"


def _pages(db: Database, kind: ReportKind, paper: str = "a4") -> list[str]:
    with db.read() as session:
        data = report_data.gather(session, kind.value, paper=paper)
    buffer = io.BytesIO()
    render(kind.value, data, buffer)
    buffer.seek(0)
    return [page.extract_text() for page in PdfReader(buffer).pages]


def _squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def long_names(played_db: Database) -> Database:
    with played_db.transaction() as session:
        session.execute(update(Participant).where(Participant.code == "IKM002").values(business_name=LONG_NAME))
        session.execute(update(Participant).where(Participant.kind == "bank").values(phone="+62215475333"))
    return played_db


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_daftar_hadir_wraps_long_names_and_signs_with_the_last_rows(long_names: Database, paper: str) -> None:
    pages = _pages(long_names, ReportKind.ATTENDANCE, paper)
    text = "\n".join(pages)
    assert _squeeze(LONG_NAME) in _squeeze(text)  # printed whole, over several lines of its own row
    assert any(len(line) < len(LONG_NAME) and line.strip() and line.strip() in LONG_NAME for line in text.splitlines())
    last = pages[-1]
    assert "Hadir:" in last and "Kepala Dinas" in last
    with long_names.read() as session:
        rows = report_data.attendance_data(session).rows
    assert rows[-1].person.business_name.split()[0] in last  # the last participant is on the signed page


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_rekap_keeps_its_sign_off_with_a_table_and_headings_whole(long_names: Database, paper: str) -> None:
    pages = _pages(long_names, ReportKind.TALLY, paper)
    assert "Kepala Dinas" in pages[-1] and "Permintaan yang belum terpenuhi" in pages[-1]
    text = "\n".join(pages)
    assert "Disanggupi" in text and "Disanggu\n" not in text


def test_event_report_lists_kur_banks_and_ikm_phones(long_names: Database) -> None:
    text = "\n".join(_pages(long_names, ReportKind.EVENT_REPORT))
    assert "021-5475333" in text  # a landline keeps its area code whole
    assert "Bank penyalur KUR" in text and "Kontak dan telepon" in text
    assert "08" in _squeeze(text.split("Kontak dan telepon", 1)[1])


def test_english_papers_read_english(long_names: Database) -> None:
    i18n.set_language("en")
    tally = "\n".join(_pages(long_names, ReportKind.TALLY))
    report = "\n".join(_pages(long_names, ReportKind.EVENT_REPORT))
    with long_names.read() as session:
        code = report_data.schedules_data(session).schedules[0].person.code
        data = report_data.schedules_data(session, code)
    buffer = io.BytesIO()
    render(ReportKind.SCHEDULES.value, data, buffer)
    buffer.seek(0)
    slips = PdfReader(buffer).pages[0].extract_text()
    assert "Total" in tally and "Quantity" not in tally and "JUMLAH" not in tally
    assert "Total" in report and "Quantity" not in report
    assert "Table" in slips and "Desk" not in slips
    with long_names.read() as session:
        figures = report_data.tally_data(session).figures
    assert f"{figures.requested_pairs:,}" in tally  # 44,300: English separators


def test_report_data_carries_the_words_and_colours_the_papers_draw(played_db: Database) -> None:
    from desktop.models.enums import KIND_COLOURS, MeetingStatus, ParticipantKind, Unit, label

    i18n.set_language("en")
    with played_db.read() as session:
        schedules = report_data.schedules_data(session)
        grid = report_data.grid_data(session)
        event = report_data.event_report_data(session)
    person = schedules.schedules[0].person
    assert person.kind_label == label(person.kind, ParticipantKind) and person.kind_label != person.kind
    assert person.kind_colour == KIND_COLOURS[ParticipantKind(person.kind)]
    lines = [line for schedule in schedules.schedules for line in schedule.lines]
    assert {line.status_label for line in lines if line.status == MeetingStatus.SCHEDULED.value} <= {""}
    assert all(line.status_label == label(line.status, MeetingStatus) for line in lines
               if line.status != MeetingStatus.SCHEDULED.value)
    assert {cell.fill for cell in grid.cells if cell.status == MeetingStatus.SCHEDULED.value} <= {None}
    assert all(cell.fill for cell in grid.cells if cell.status == MeetingStatus.HELD.value)
    assert any(cell.status == MeetingStatus.HELD.value for cell in grid.cells)  # the played day has held meetings
    assert [row.label for row in event.attendance] == [label(row.kind, ParticipantKind) for row in event.attendance]
    assert event.meetings.held_label == label(MeetingStatus.HELD) == "Held"
    assert all(unit.unit_label == label(unit.unit, Unit) for unit in event.tally.units)
    assert event.tally.colours.committed == KIND_COLOURS[ParticipantKind.IKM]
