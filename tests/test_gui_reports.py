"""The Laporan page, the PDF preview (save, print to a PDF printer) and the check-in action."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from desktop.models.event.database import Database
from desktop.reports import REPORTS, ReportKind
from desktop.views import report_actions
from desktop.views.pdf_preview import PdfPreviewDialog, print_document
from desktop.views.reports_page import ReportsPage
from tests.gui_helpers import make_context, settle
from tests.report_fixtures import simulate_day


@pytest.fixture
def day_db(demo_db: Database) -> Database:
    with demo_db.transaction() as session:
        simulate_day(session)
    return demo_db


def _page(qtbot, db: Database):  # type: ignore[no-untyped-def]
    context = make_context(db)
    page = ReportsPage(context)
    qtbot.addWidget(page)
    page.show()
    return page, context


def _generate(qtbot, page: ReportsPage, context) -> PdfPreviewDialog | None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.preview_opened, timeout=15000) as blocker:
        page.generate()
    settle(qtbot, context)
    return blocker.args[0]  # a child of the page: closed with it


def test_page_lists_every_report_and_previews_the_tally(qtbot, day_db) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, day_db)
    assert page.list.count() == len(REPORTS) == 7
    assert page.list.item(4).text().startswith("Daftar hadir")
    page.select_kind(ReportKind.TALLY)
    assert not page.code_edit.isEnabled()
    dialog = _generate(qtbot, page, context)
    assert dialog is not None and dialog.isVisible()
    assert dialog.page_count() >= 2
    assert "Rekap transaksi" in dialog.windowTitle()
    assert page.generate_button.isEnabled() and not page.progress.isVisible()
    assert "halaman" in page.status_label.text()
    path = dialog.path
    dialog.close()
    assert not path.exists()  # the temporary PDF goes with its preview


def test_schedules_batch_reports_progress(qtbot, day_db) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, day_db)
    page.select_kind(ReportKind.SCHEDULES)
    seen: list[tuple[int, int]] = []
    original = page._progress
    page._progress = lambda done, total, title: (seen.append((done, total)), original(done, total, title))  # type: ignore[method-assign]
    dialog = _generate(qtbot, page, context)
    assert dialog is not None and dialog.page_count() == seen[-1][1] >= 70
    assert seen[-1][0] == seen[-1][1]


def test_one_participant_badge_from_the_page(qtbot, day_db) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, day_db)
    page.select_kind(ReportKind.BADGES)
    assert page.code_edit.isEnabled()
    qtbot.keyClicks(page.code_edit, "byr002")
    dialog = _generate(qtbot, page, context)
    assert dialog is not None and dialog.page_count() == 1


def test_unknown_code_shows_a_message_not_a_preview(qtbot, day_db) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, day_db)
    page.select_kind(ReportKind.SCHEDULES)
    page.code_edit.setText("XYZ999")
    assert _generate(qtbot, page, context) is None
    assert context.shown_errors == ["Peserta dengan kode XYZ999 tidak ditemukan."]
    assert page.generate_button.isEnabled()


def test_save_as_pdf_and_print_to_a_pdf_printer(qtbot, day_db, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page, context = _page(qtbot, day_db)
    page.select_kind(ReportKind.GRID)
    page.paper_combo.setCurrentIndex(page.paper_combo.findData("f4"))
    dialog = _generate(qtbot, page, context)
    assert dialog is not None
    target = tmp_path / "grid"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    saved = dialog.save_pdf()
    assert saved == tmp_path / "grid.pdf" and "Meja 15" in PdfReader(saved).pages[0].extract_text()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(72)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setCopyCount(2)
    printed = print_document(dialog.document, printer)
    assert printed == (1 if printer.supportsMultipleCopies() else 2)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == printed


def test_check_in_action_previews_one_schedule(qtbot, day_db) -> None:  # type: ignore[no-untyped-def]
    context = make_context(day_db)
    opened: list[PdfPreviewDialog | None] = []
    report_actions.preview_participant_schedule(context, None, "IKM010", on_done=opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=15000)
    dialog = opened[0]
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 1 and "IKM010" in dialog.suggested_name


def test_main_window_has_the_reports_page(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.event import event_setup
    from desktop.views.main_window import MainWindow

    context = make_context(demo_db)
    with demo_db.read() as session:
        event = event_setup.get_event(session)
    window = MainWindow(context, event)
    qtbot.addWidget(window)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.page("reports"), ReportsPage)
    settle(qtbot, context)
