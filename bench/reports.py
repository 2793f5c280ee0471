"""Speed of the personal schedules next to ReportLab's bare canvas drawing the same text.

    python bench/reports.py

Builds the demo event with a simulated day (tests/report_fixtures.py), then times
(best of 3) 70 personal schedules and a 1,000-page batch (unique codes, so every page
encodes its own QR; the cache is cleared before every timed run), each next to a baseline measured in the same run: a bare ReportLab
canvas drawing the same strings in the same embedded fonts, one page per participant,
without layout, QR codes or page totals. The ratio is the figure.
Targets: 70 schedules ≤ 1 s, ratio ≤ 2×.
"""

from __future__ import annotations

import dataclasses
import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from desktop import formatting  # noqa: E402
from desktop.models.reporting import report_data  # noqa: E402
from desktop.models.event.database import open_database  # noqa: E402
from desktop.models.event.demo import create_demo_event  # noqa: E402
from desktop.reports import qr  # noqa: E402
from desktop.reports.data import PersonalSchedule, SchedulesReport  # noqa: E402
from desktop.reports.fonts import BOLD, CONDENSED, REGULAR, register_fonts  # noqa: E402
from desktop.reports.page import paper, when  # noqa: E402
from desktop.reports.schedules import render_schedules  # noqa: E402
from tests.report_fixtures import simulate_day  # noqa: E402


def schedules_report() -> SchedulesReport:
    folder = Path(tempfile.mkdtemp(prefix="temudesk-bench-"))
    db = open_database(folder / "bench.sqlite")
    with db.transaction() as session:
        create_demo_event(session)
    with db.transaction() as session:
        simulate_day(session)
    with db.read() as session:
        report = report_data.schedules_data(session)
    db.close()
    return report


def baseline(report: SchedulesReport) -> bytes:
    """Bare canvas: the same strings, fixed positions, no fitting, no QR."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=paper(report.event.paper_size))
    for schedule in report.schedules:
        person = schedule.person
        y = 800.0
        canvas.setFont(BOLD, 9.5)
        canvas.drawString(40, y, report.event.name)
        canvas.setFont(REGULAR, 8.5)
        canvas.drawString(40, y - 12, when(report.event))
        canvas.setFont(BOLD, 16)
        canvas.drawString(40, y - 36, "JADWAL PERTEMUAN")
        canvas.drawString(40, y - 60, person.business_name)
        canvas.setFont(REGULAR, 10)
        canvas.drawString(40, y - 76, f"{person.contact_person} · {person.code}")
        y -= 110
        for line in schedule.lines:
            canvas.setFont(BOLD, 11)
            canvas.drawString(40, y, formatting.time_range(line.slot.start, line.slot.end))
            canvas.drawString(130, y, str(line.table.number))
            canvas.setFont(CONDENSED, 10)
            canvas.drawString(170, y, line.counterpart.business_name)
            canvas.drawString(170, y - 11, line.counterpart.contact_person)
            canvas.drawString(390, y, ", ".join(line.counterpart.products))
            y -= 31
        canvas.setFont(REGULAR, 7.5)
        canvas.drawString(40, 22, f"{report.event.name} — Jadwal pertemuan")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def ours(report: SchedulesReport) -> bytes:
    buffer = io.BytesIO()
    render_schedules(report, buffer)
    return buffer.getvalue()


def best_of(runs: int, work: Callable[[], bytes]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def batch(report: SchedulesReport, pages: int) -> SchedulesReport:
    """``pages`` schedules cycling through the real ones, each with its own code (and so its own QR)."""
    schedules: list[PersonalSchedule] = []
    for index in range(pages):
        source = report.schedules[index % len(report.schedules)]
        person = dataclasses.replace(source.person, code=f"BCH{index:04d}")
        schedules.append(dataclasses.replace(source, person=person))
    return dataclasses.replace(report, schedules=tuple(schedules))


def main() -> int:
    register_fonts()
    full = schedules_report()
    # IKM first, then the hosts: the first 70 pages of the real batch.
    seventy = dataclasses.replace(full, schedules=full.schedules[:70])
    big = batch(full, 1000)
    ours(seventy)  # warm up: font subsetting tables, imports
    rows = []
    for name, report, runs in (("70 schedules", seventy, 3), ("1,000-page batch", big, 3)):
        base = best_of(runs, lambda r=report: baseline(r))
        mine = best_of(runs, lambda r=report: (qr.modules.cache_clear(), ours(r))[1])
        rows.append((name, len(report.schedules), mine, base, mine / base))
    # Where the gap comes from: the same batch with every QR matrix already encoded.
    for code in (s.person.code for s in big.schedules):
        qr.modules(code)
    warm = best_of(3, lambda: ours(big))
    base = best_of(3, lambda: baseline(big))
    rows.append(("… QR pre-encoded", len(big.schedules), warm, base, warm / base))
    print(f"{'document':<18} {'pages':>6} {'TemuDesk':>10} {'bare canvas':>12} {'ratio':>7}")
    for name, pages, mine, base, ratio in rows:
        print(f"{name:<18} {pages:>6} {mine:>9.3f}s {base:>11.3f}s {ratio:>6.2f}×")
    seventy_time, worst_ratio = rows[0][2], max(row[4] for row in rows[:2])
    print(f"targets: 70 schedules ≤ 1 s: {'met' if seventy_time <= 1 else 'MISSED'} ({seventy_time:.3f} s); "
          f"ratio ≤ 2×: {'met' if worst_ratio <= 2 else 'MISSED'} (worst {worst_ratio:.2f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
