"""Print a slip or a badge straight to the desk's printer, on the chosen paper, at 100 %.

The PDF is drawn for the paper (desktop/reports/labels.py), then each page is painted on a
QPrinter whose page is exactly that size, full page, no margins, pixel for pixel at the
printer's resolution: nothing is fitted or shrunk, so a 62 mm label comes out 62 mm wide and
the QR keeps its size. Only after the printer took the job is it written to the print log.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSize, QSizeF, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.models.people import participants
from desktop.models.reporting import print_log
from desktop.models.reporting import report_data
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database
from desktop.models.reporting.print_log import PrintedDocument, PrintSummary
from desktop.reports.labels import LabelPaper, label_paper, render_badge, render_slip
from desktop.views import settings
from desktop.views.context import AppContext

PrinterFactory = Callable[[], QPrinter | None]


@dataclass(frozen=True)
class LabelJob:
    participant_id: int
    code: str
    document: str
    paper: str
    path: Path
    pages: int


@dataclass(frozen=True)
class PrintOutcome:
    participant_id: int
    document: str
    paper: str
    summary: PrintSummary


def make_label_job(db: Database, participant_id: int, document: str, paper: str) -> LabelJob:
    """Draw the participant's slip or badge for ``paper`` into a temporary PDF (worker thread)."""
    with db.read() as session:
        code = participants.get_participant(session, participant_id).code
        if document == PrintedDocument.SLIP.value:
            data = report_data.schedules_data(session, code)
            event, schedule, person = data.event, data.schedules[0], None
        else:
            badges = report_data.badges_data(session, code)
            event, schedule, person = badges.event, None, badges.people[0]
    folder = Path(tempfile.mkdtemp(prefix="temudesk-label-"))
    path = folder / f"{document}-{code}-{paper}.pdf"
    try:
        pages = render_slip(schedule, event, paper, path) if schedule is not None else render_badge(person, event, paper, path)
    except Exception:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return LabelJob(participant_id, code, document, paper, path, pages)


def page_size_for(paper: LabelPaper, width_pt: float, height_pt: float) -> QPageSize:
    """The printer page: A4/A6 by their standard ids (drivers know them), labels by exact size."""
    if paper.key == "a4":
        return QPageSize(QPageSize.PageSizeId.A4)
    if paper.key == "a6":
        return QPageSize(QPageSize.PageSizeId.A6)
    # A roll's length comes from the slip; the driver cuts there.
    return QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point, paper.title,
                     QPageSize.SizeMatchPolicy.ExactMatch)


def print_pdf_full_scale(path: Path, paper: LabelPaper, printer: QPrinter) -> int:
    """Paint every page of ``path`` on ``printer`` at 100 % on a page of its own size; returns pages."""
    document = QPdfDocument()
    document.load(str(path))
    if document.pageCount() < 1:
        raise OSError(_("Berkas cetak rusak: {path}").format(path=path.name))
    printer.setFullPage(True)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)

    def set_page(index: int) -> None:
        points = document.pagePointSize(index)
        printer.setPageSize(page_size_for(paper, points.width(), points.height()))
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)

    pages = document.pageCount()
    set_page(0)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_("Printer tidak dapat dibuka."))
    try:
        for index in range(pages):
            if index:
                set_page(index)
                printer.newPage()
            points = document.pagePointSize(index)
            dpi = printer.resolution()
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), document.render(index, size))
    finally:
        painter.end()
        document.close()
    return pages


def system_printer() -> QPrinter | None:
    """The printer chosen in the settings, else the system's default; ``None`` when there is none."""
    name = settings.LABEL_PRINTER.get(settings.app_settings())
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    if info.isNull():
        info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def printer_chosen() -> bool:
    """Prints nobody asked for (the kiosk's slip, a walk-in's badge) go only to a printer picked in
    the settings: never to whatever office printer happens to be the system's default."""
    return bool(settings.LABEL_PRINTER.get(settings.app_settings()))


class LabelPrinter(QObject):
    """Make → print → log, one job at a time; ``printed`` / ``failed`` tell the view what happened."""

    printed = Signal(object)  # PrintOutcome
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget, printer_factory: PrinterFactory = system_printer,
                 *, actor: Actor | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor  # who the print log names; the desk's operator when None (the kiosk has its own)
        self.parent_widget = parent
        self.printer_factory = printer_factory
        self.last: tuple[int, str, str] | None = None  # participant, document, paper of the last print
        self.busy = False

    def print_document(self, participant_id: int, document: str, paper: str | None = None) -> bool:
        if self.busy:
            return False
        paper = paper or settings.LABEL_PAPER.get(settings.app_settings())
        try:
            spec = label_paper(paper)
        except ValueError as error:
            self.failed.emit(str(error))
            return False
        self.busy = True
        self.context.runner.run(
            lambda db: make_label_job(db, participant_id, document, spec.key),
            on_success=lambda job: self._print(job, spec), on_error=self._fail, parent=self.parent_widget)
        return True

    def reprint(self) -> bool:
        """The last document again (a jammed label, a slip taken by the wind)."""
        if self.last is None:
            self.failed.emit(_("Belum ada yang dicetak di meja ini."))
            return False
        return self.print_document(*self.last)

    def _print(self, job: LabelJob, spec: LabelPaper) -> None:
        try:
            printer = self.printer_factory()
            if printer is None:
                self._fail(OSError(_("Tidak ada printer terpasang. Pasang printer atau pilih di Pengaturan kamera & cetak.")))
                return
            print_pdf_full_scale(job.path, spec, printer)
        except OSError as error:
            self._fail(error)
            return
        finally:
            shutil.rmtree(job.path.parent, ignore_errors=True)
        self.last = (job.participant_id, job.document, job.paper)
        actor = self.actor or self.context.actor
        printer_name = printer.printerName() or printer.outputFileName()

        def record(db: Database) -> PrintSummary:
            with db.transaction() as session:
                print_log.record_print(session, job.participant_id, job.document, job.paper, actor, printer_name)
            with db.read() as session:
                return print_log.summary(session, job.participant_id)

        self.context.runner.run(
            record, on_success=lambda summary: self._done(PrintOutcome(job.participant_id, job.document, job.paper,
                                                                       summary)),
            on_error=self._fail, parent=self.parent_widget)

    def _done(self, outcome: PrintOutcome) -> None:
        self.busy = False
        self.printed.emit(outcome)

    def _fail(self, error: Exception) -> None:
        self.busy = False
        self.failed.emit(str(error) or _("Cetak gagal."))
