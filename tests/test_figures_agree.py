"""One truth for the order figures: the rekap PDF, the export's Ringkasan and the Dasbor agree on the played day."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from desktop.models.reporting import figures
from desktop.models.reporting import report_data
from desktop.models.reporting import tallies
from desktop.models.event.database import Database
from desktop.models.enums import Unit, label
from desktop.models.spreadsheet.export import build_workbook
from desktop.reports import ReportKind, render
from tests.played_day import _day_end_template, _played_template, at, day_end_db, played_db  # noqa: F401


def _number(text: str) -> int:
    return int(text.replace(".", ""))


def _rekap_units(db: Database) -> dict[str, tuple[int, int, int]]:
    """Requested, committed, unfulfilled per unit, read back from the printed rekap's text."""
    with db.read() as session:
        data = report_data.tally_data(session)
    buffer = io.BytesIO()
    render(ReportKind.TALLY.value, data, buffer)
    buffer.seek(0)
    text = "\n".join(page.extract_text() for page in PdfReader(buffer).pages)
    section = text[text.index("Per satuan"):]
    found = {}
    for unit in Unit:
        match = re.search(re.escape(label(unit.value, Unit)) + r"\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+Rp", section)
        if match:
            found[unit.value] = tuple(_number(group) for group in match.groups())
    totals = re.search(r"Per pembeli.*?JUMLAH\s+\d+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", text, re.S)
    assert totals is not None
    found["per-buyer pairs"] = tuple(_number(group) for group in totals.groups())
    return found  # type: ignore[return-value]


def _ringkasan(db: Database) -> dict[str, object]:
    with db.read() as session:
        workbook, _counts = build_workbook(session)
    sheet = workbook["Ringkasan"]
    return {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}


@pytest.mark.parametrize("fixture", ["played_db", "day_end_db"])
def test_rekap_export_and_dasbor_show_the_same_order_figures(fixture: str, request: pytest.FixtureRequest) -> None:
    db: Database = request.getfixturevalue(fixture)
    rekap = _rekap_units(db)
    sheet = _ringkasan(db)
    with db.read() as session:
        dasbor = figures.event_figures(session, at(10, 10)).orders
        tally = tallies.order_tally(session)
    pairs = Unit.PAIR.value
    assert len(tally.units) >= 2  # the played day has pairs and square feet: never added together
    for unit in tally.units:
        name = label(unit.unit, Unit)
        from_sheet = (sheet[f"Diminta ({name})"], sheet[f"Disanggupi ({name})"], sheet[f"Belum terpenuhi ({name})"])
        assert rekap[unit.unit] == from_sheet, unit.unit
    assert rekap[pairs] == rekap["per-buyer pairs"]
    assert rekap[pairs] == (dasbor.requested_pairs, dasbor.committed_pairs, dasbor.unfulfilled_pairs)
    assert sheet["Nilai disanggupi"] == dasbor.value_rupiah
    # The split order's demand counts once: the demand is the top-level orders' lines, nothing more.
    assert sum(row.requested for row in tally.shortfalls if row.unit == pairs) <= dasbor.requested_pairs
    assert sum(row.unfulfilled for row in tally.shortfalls if row.unit == pairs) == dasbor.unfulfilled_pairs
