"""Every printed report generated from the demo event after a simulated day, checked through its text."""

from __future__ import annotations

import io
import math
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop import formatting, i18n
from desktop.models.people import participants
from desktop.models.checkin import presence
from desktop.models.reporting import report_data
from desktop.models.reporting import tallies
from desktop.models.event.database import Database, open_database
from desktop.models.errors import DomainError, NotFoundError
from desktop.reports import REPORTS, ReportKind, render
from desktop.reports.fonts import clean, markup
from desktop.reports.page import F4
from tests.report_fixtures import BIG_ORDER_COMMITTED, BIG_ORDER_REQUESTED, HELPER_COMMITTED, SPECIAL_NAME, simulate_day

SPECIAL_PRINTED = SPECIAL_NAME.replace(" 👟", "")  # the emoji is dropped, every other character kept


@pytest.fixture(scope="module")
def day_db(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("day") / "day.sqlite"
    shutil.copyfile(_demo_template, path)
    db = open_database(path)
    with db.transaction() as session:
        simulate_day(session)
    yield db
    db.close()


def generate(db: Database, kind: str, **options: str) -> tuple[PdfReader, int]:
    with db.read() as session:
        data = report_data.gather(session, kind, **options)
    buffer = io.BytesIO()
    pages = render(kind, data, buffer)
    buffer.seek(0)
    return PdfReader(buffer), pages


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def squeeze(text: str) -> str:
    """Text without any whitespace: names wrapped over two lines still match."""
    return "".join(text.split())


@pytest.mark.parametrize("kind", [kind.value for kind in ReportKind])
def test_every_report_numbers_its_pages(day_db: Database, kind: str) -> None:
    reader, pages = generate(day_db, kind)
    assert len(reader.pages) == pages >= 1
    for number, text in enumerate(page_texts(reader), start=1):
        assert f"Halaman {number} dari {pages}" in text
        assert "Dibuat" in text
    assert "Business Matching 2020" in reader.metadata.title


def test_daftar_hadir_lists_every_ikm_with_check_in_time(day_db: Database) -> None:
    reader, _pages = generate(day_db, ReportKind.ATTENDANCE)
    text = squeeze("\n".join(page_texts(reader)))
    with day_db.read() as session:
        ikm = participants.list_participants(session, kind="ikm")
        states = presence.presence_map(session)
    assert len(ikm) == 70
    for row in ikm:
        assert squeeze(clean(row.business_name)) in text, row.business_name
    assert squeeze(SPECIAL_PRINTED) in text
    present = [r for r in ikm if r.id in states and states[r.id].present]
    first = states[present[0].id].first_check_in_at
    assert first is not None and formatting.clock(first) in text
    assert "DAFTARHADIR" in text and "Drs.HartonoWibisono,M.Si." in text
    assert "70." in text and "87." in text  # numbered signature boxes to the last row


def test_tally_totals_equal_the_domain_service(day_db: Database) -> None:
    with day_db.read() as session:
        expected = tallies.order_tally(session)
        data = report_data.tally_data(session)
    figures = data.figures
    assert (figures.orders, figures.confirmed_orders, figures.transacting_ikm) == (
        expected.orders, expected.confirmed_orders, expected.transacting_ikm)
    assert (figures.requested_pairs, figures.committed_pairs, figures.value_rupiah) == (
        expected.requested_pairs, expected.committed_pairs, expected.value_rupiah)
    assert figures.unfulfilled_pairs == expected.unfulfilled_pairs > 0
    reader, _pages = generate(day_db, ReportKind.TALLY)
    text = "\n".join(page_texts(reader))
    for figure in (formatting.rupiah(expected.value_rupiah), formatting.number(expected.committed_pairs),
                   formatting.number(expected.requested_pairs), formatting.number(expected.unfulfilled_pairs)):
        assert figure in text, figure
    assert [line.name for line in data.by_ikm] == [str(row.name) for row in expected.by_ikm]
    assert squeeze(SPECIAL_PRINTED) in squeeze(text) or all(
        row.name != SPECIAL_NAME for row in expected.by_ikm)


def test_tally_shows_the_40000_vs_20000_shortfall(day_db: Database) -> None:
    with day_db.read() as session:
        shortfalls = report_data.shortfalls(session)
    big = next(line for line in shortfalls if line.requested_pairs == BIG_ORDER_REQUESTED)
    assert big.committed_pairs == BIG_ORDER_COMMITTED + HELPER_COMMITTED
    assert big.unfulfilled_pairs == BIG_ORDER_REQUESTED - BIG_ORDER_COMMITTED - HELPER_COMMITTED
    reader, _pages = generate(day_db, ReportKind.TALLY)
    text = "\n".join(page_texts(reader))
    assert "40.000" in text and "25.000" in text and "15.000" in text


def test_one_schedule_page_per_participant_with_meetings(day_db: Database) -> None:
    with day_db.read() as session:
        data = report_data.schedules_data(session)
    reader, pages = generate(day_db, ReportKind.SCHEDULES)
    assert pages == len(reader.pages) == len(data.schedules) >= 70
    for schedule, text in zip(data.schedules, page_texts(reader), strict=True):
        assert schedule.person.code in text
        assert len(schedule.lines) >= 1
        first = schedule.lines[0]
        assert formatting.time_range(first.slot.start, first.slot.end) in text
    special = next(i for i, s in enumerate(data.schedules) if s.person.business_name == SPECIAL_NAME)
    assert squeeze(SPECIAL_PRINTED) in squeeze(page_texts(reader)[special])


def test_schedule_for_one_participant_on_demand(day_db: Database) -> None:
    with day_db.read() as session:
        buyer = participants.list_participants(session, kind="buyer")[0]
    reader, pages = generate(day_db, ReportKind.SCHEDULES, code=buyer.code.lower())
    assert pages == 1
    text = page_texts(reader)[0]
    assert buyer.business_name in text and "tuan rumah" in text
    with pytest.raises(NotFoundError):
        generate(day_db, ReportKind.SCHEDULES, code="TIDAKADA")


def test_badges_eight_per_sheet_and_single(day_db: Database) -> None:
    reader, pages = generate(day_db, ReportKind.BADGES)
    assert pages == math.ceil(87 / 8)
    texts = page_texts(reader)
    assert squeeze(SPECIAL_PRINTED) in squeeze(texts[0]) and "Dédé Nur'aini & Söhne" in texts[0]
    assert "IKM001" in texts[0] and "IKM008" in texts[0] and "IKM009" not in texts[0]
    reader, pages = generate(day_db, ReportKind.BADGES, code="BYR001")
    assert pages == 1 and "PTToserbaNusantaraRaya" in squeeze(page_texts(reader)[0])


def test_table_cards_and_grid(day_db: Database) -> None:
    reader, pages = generate(day_db, ReportKind.TABLE_CARDS)
    assert pages == 15
    assert "PT Toserba Nusantara Raya" in page_texts(reader)[0]
    reader, pages = generate(day_db, ReportKind.GRID)
    assert pages == 1
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    text = page_texts(reader)[0]
    assert "Meja 1" in text and "Meja 15" in text and "09:00" in text and "14:40" in text


def test_event_report_sections(day_db: Database) -> None:
    reader, _pages = generate(day_db, ReportKind.EVENT_REPORT)
    texts = page_texts(reader)
    assert "LAPORAN KEGIATAN" in texts[0]
    text = "\n".join(texts)
    for heading in ("Kehadiran", "Pertemuan bisnis", "Transaksi", "tindak lanjut KUR", "Permodalan", "Pemasaran"):
        assert heading in text
    with day_db.read() as session:
        data = report_data.event_report_data(session)
    assert data.meetings.held > 0 and data.meetings.no_show > 0
    assert sum(row.registered for row in data.attendance) == 87
    ikm = next(row for row in data.attendance if row.kind == "ikm")
    assert 0 < ikm.present < 70


def test_f4_paper_and_english(day_db: Database) -> None:
    reader, _pages = generate(day_db, ReportKind.ATTENDANCE, paper="f4")
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(F4[0]), round(F4[1]))
    i18n.set_language("en")
    reader, pages = generate(day_db, ReportKind.ATTENDANCE)
    text = page_texts(reader)[0]
    assert f"Page 1 of {pages}" in text and "ATTENDANCE LIST" in text and "Friday, 6 March 2020" in text


def test_reports_on_the_bare_demo_event(demo_db: Database) -> None:
    """Before the scheduler and the orders: no batch of empty schedules, but every other report prints."""
    with demo_db.read() as session, pytest.raises(DomainError):
        report_data.schedules_data(session)
    for kind in (ReportKind.BADGES, ReportKind.TABLE_CARDS, ReportKind.GRID, ReportKind.ATTENDANCE,
                 ReportKind.TALLY, ReportKind.EVENT_REPORT):
        reader, pages = generate(demo_db, kind)
        assert pages == len(reader.pages) >= 1
    reader, _pages = generate(demo_db, ReportKind.SCHEDULES, code="IKM001")
    assert "Belum ada pertemuan terjadwal" in page_texts(reader)[0]


def test_text_is_cleaned_and_escaped_for_the_font() -> None:
    assert clean("Sepatu 👟 Jaya 🥿\u200d") == "Sepatu Jaya"
    assert clean("Toko 鞋 Ñoño") == "Toko ? Ñoño"
    assert markup("A & B <C> \"D\" 'E'") == "A &amp; B &lt;C&gt; &quot;D&quot; &#39;E&#39;"
    assert len(REPORTS) == len(ReportKind)
