"""The printed papers, drawn with ReportLab from plain data (``desktop.reports.data``); no Qt, no ORM.

``render(kind, data, target)`` writes one report; :data:`REPORTS` names and describes them
for the Laporan page and the ``report`` command.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from desktop.i18n import N_, _

if TYPE_CHECKING:  # ReportLab loads only when a report is drawn (start-up time)
    from desktop.reports.page import Progress, Target


class ReportKind(StrEnum):
    BADGES = "badges"
    SCHEDULES = "schedules"
    TABLE_CARDS = "table-cards"
    GRID = "grid"
    ATTENDANCE = "attendance"
    TALLY = "tally"
    EVENT_REPORT = "event-report"


@dataclass(frozen=True)
class ReportInfo:
    kind: ReportKind
    title_text: str
    description_text: str
    per_participant: bool = False  # can be made for one participant (badge, schedule)

    @property
    def title(self) -> str:
        return _(self.title_text)

    @property
    def description(self) -> str:
        return _(self.description_text)


REPORTS: tuple[ReportInfo, ...] = (
    ReportInfo(ReportKind.BADGES, N_("Badge peserta"),
               N_("Tanda nama dengan QR kode registrasi, 8 per lembar dengan tanda potong."), True),
    ReportInfo(ReportKind.SCHEDULES, N_("Jadwal pertemuan pribadi"),
               N_("Satu halaman per peserta: waktu, meja, mitra dan produknya, dengan QR."), True),
    ReportInfo(ReportKind.TABLE_CARDS, N_("Kartu meja"),
               N_("Satu halaman per meja: nomor besar, tuan rumah, tamu per sesi.")),
    ReportInfo(ReportKind.GRID, N_("Jadwal induk"),
               N_("Sesi × meja dalam satu lembar lanskap untuk panitia.")),
    ReportInfo(ReportKind.ATTENDANCE, N_("Daftar hadir"),
               N_("Untuk SPJ: nomor, nama, jenis, jam hadir, kolom tanda tangan, pengesahan.")),
    ReportInfo(ReportKind.TALLY, N_("Rekap transaksi"),
               N_("Jumlah pesanan, pasang dan Rupiah per IKM, pembeli dan kategori; permintaan belum terpenuhi.")),
    ReportInfo(ReportKind.EVENT_REPORT, N_("Laporan kegiatan"),
               N_("Sampul, kehadiran, pertemuan, transaksi dan permasalahan IKM untuk tindak lanjut KUR.")),
)


def report_info(kind: str) -> ReportInfo:
    return next(info for info in REPORTS if info.kind == kind)


def _renderers() -> dict[ReportKind, Callable[..., int]]:
    from desktop.reports.attendance import render_attendance
    from desktop.reports.badges import render_badges
    from desktop.reports.event_report import render_event_report
    from desktop.reports.grid import render_grid
    from desktop.reports.schedules import render_schedules
    from desktop.reports.table_cards import render_table_cards
    from desktop.reports.tally import render_tally

    return {
        ReportKind.BADGES: render_badges,
        ReportKind.SCHEDULES: render_schedules,
        ReportKind.TABLE_CARDS: render_table_cards,
        ReportKind.GRID: render_grid,
        ReportKind.ATTENDANCE: render_attendance,
        ReportKind.TALLY: render_tally,
        ReportKind.EVENT_REPORT: render_event_report,
    }


def render(kind: str, data: Any, target: Target, progress: Progress | None = None) -> int:
    """Write report ``kind`` drawn from ``data`` to ``target`` (path or binary file); returns pages."""
    return _renderers()[ReportKind(kind)](data, target, progress)
