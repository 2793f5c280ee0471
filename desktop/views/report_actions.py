"""Make a report off the UI thread and open it in the preview.

Other pages use these too: the check-in page prints one participant's schedule (or a walk-in's
badge) with :func:`preview_participant_schedule` / :func:`preview_participant_badge`.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop import reports
from desktop.i18n import N_, _
from desktop.models.reporting import report_data
from desktop.models.event.database import Database
from desktop.models.errors import DomainError
from desktop.reports import ReportKind, report_info
from desktop.views.context import AppContext
from desktop.views.pdf_preview import PdfPreviewDialog

ProgressSlot = Callable[[int, int, str], None]


# File names offered in the save dialog, in the user's language (a name is also a word people read).
FILE_STEMS: dict[str, str] = {
    ReportKind.BADGES: N_("badge"),
    ReportKind.SCHEDULES: N_("jadwal"),
    ReportKind.TABLE_CARDS: N_("kartu-meja"),
    ReportKind.GRID: N_("jadwal-induk"),
    ReportKind.ATTENDANCE: N_("daftar-hadir"),
    ReportKind.TALLY: N_("rekap-transaksi"),
    ReportKind.EVENT_REPORT: N_("laporan-kegiatan"),
}


def suggested_file_name(kind: str, event_date: dt.date, code: str | None = None, stem: str | None = None) -> str:
    """``jadwal-IKM052-2020-03-06.pdf`` in Indonesian, ``schedules-IKM052-2020-03-06.pdf`` in English."""
    words = stem if stem is not None else _(FILE_STEMS.get(kind, kind))
    suffix = f"-{code.upper()}" if code else ""
    return f"{words}{suffix}-{event_date.isoformat()}.pdf"


@dataclass(frozen=True)
class GeneratedReport:
    kind: str
    title: str
    path: Path
    pages: int
    suggested_name: str


def make_report(db: Database, kind: str, code: str | None = None, paper: str | None = None,
                progress: Callable[[int, int, str], None] | None = None) -> GeneratedReport:
    """Gather and draw report ``kind`` into a fresh temporary folder (runs on the worker thread)."""
    info = report_info(kind)
    with db.read() as session:
        data = report_data.gather(session, kind, code=code, paper=paper)
        event_date = data.event.event_date
    folder = Path(tempfile.mkdtemp(prefix="temudesk-"))
    path = folder / f"{kind}.pdf"
    forward = (lambda done, total: progress(done, total, info.title)) if progress else None
    pages = reports.render(kind, data, path, forward)
    return GeneratedReport(kind, info.title, path, pages, suggested_file_name(kind, event_date, code))


def show_preview(result: GeneratedReport, parent: QWidget | None) -> PdfPreviewDialog:
    dialog = PdfPreviewDialog(result.path, result.title, result.suggested_name, parent)
    dialog.show()
    return dialog


def generate_and_preview(
    context: AppContext,
    parent: QWidget | None,
    kind: str,
    *,
    code: str | None = None,
    paper: str | None = None,
    on_progress: ProgressSlot | None = None,
    on_done: Callable[[PdfPreviewDialog | None], None] | None = None,
) -> None:
    """Make the report in the background, then open its preview (``on_done`` gets the dialog)."""

    def work(db: Database, progress: ProgressSlot | None = None) -> GeneratedReport:
        return make_report(db, kind, code, paper, progress)

    def done(result: GeneratedReport) -> None:
        dialog = show_preview(result, parent)
        if on_done is not None:
            on_done(dialog)

    def failed(error: Exception) -> None:
        # The runner hands domain errors to us instead of showing them: show them the same way.
        if isinstance(error, DomainError):
            context.runner.error_presenter(parent, error.message)
        if on_done is not None:
            on_done(None)

    context.runner.run(work, on_success=done, on_error=failed, on_progress=on_progress, parent=parent)


def preview_participant_schedule(context: AppContext, parent: QWidget | None, code: str,
                                 on_done: Callable[[PdfPreviewDialog | None], None] | None = None) -> None:
    """One participant's personal schedule, ready to print (e.g. from the check-in desk)."""
    generate_and_preview(context, parent, ReportKind.SCHEDULES, code=code, on_done=on_done)


def preview_participant_badge(context: AppContext, parent: QWidget | None, code: str,
                              on_done: Callable[[PdfPreviewDialog | None], None] | None = None) -> None:
    """A single badge for a walk-in."""
    generate_and_preview(context, parent, ReportKind.BADGES, code=code, on_done=on_done)
