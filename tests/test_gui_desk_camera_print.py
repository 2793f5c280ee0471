"""Registrasi with a (simulated) webcam and printing on the spot: badge to camera → checked in;
slip and badge printed at 100 % on label paper; the print log on the desk card."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from pypdf import PdfReader
from reportlab.lib.units import mm
from sqlalchemy import select

from desktop.models.checkin.checkin import Outcome
from desktop.models.event.database import Database
from desktop.models.orm import AuditLog, CheckInEvent, Participant, PrintLogEntry
from desktop.views import settings
from desktop.views.camera_scanner import CameraScanner
from desktop.views.checkin_page import CheckInPage
from tests.camera_frames import scene
from tests.gui_helpers import make_context, settle
from tests.test_label_papers import render_pages
from desktop.scanning.qr_decoder import decode_frame


def frame_image(code: str | None, **options) -> QImage:  # type: ignore[no-untyped-def]
    pixels = scene(code, size=(640, 480), module_pixels=6, **options)
    image = QImage(pixels.data, pixels.shape[1], pixels.shape[0], pixels.shape[1], QImage.Format.Format_Grayscale8)
    return image.copy()


def hold_badge(qtbot, camera: CameraScanner, code: str | None, frames: int = 1, **options) -> list[str]:  # type: ignore[no-untyped-def]
    """Show the camera ``frames`` frames of a badge; returns the codes it let through."""
    read: list[str] = []
    for _frame in range(frames):
        camera.show_image(frame_image(code, **options))
        read += camera.decode_pending()
    return read


def _page(qtbot, db: Database, tmp_path: Path) -> CheckInPage:  # type: ignore[no-untyped-def]
    context = make_context(db)
    page = CheckInPage(context)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    settle(qtbot, context)
    qtbot.waitUntil(lambda: page.index is not None)
    outputs: list[Path] = []

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setResolution(203)
        outputs.append(tmp_path / f"printed-{len(outputs)}.pdf")
        printer.setOutputFileName(str(outputs[-1]))
        return printer

    page.corner.printer.printer_factory = pdf_printer
    page.printed_files = outputs  # type: ignore[attr-defined]
    return page


def _code(db: Database, index: int = 0) -> tuple[int, str]:
    with db.read() as session:
        participant = session.scalars(select(Participant).order_by(Participant.id)).all()[index]
        return participant.id, participant.code


def test_a_badge_held_to_the_camera_checks_in_once(qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db, tmp_path)
    pid, code = _code(demo_db, 3)
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        assert hold_badge(qtbot, page.corner.camera, code, frames=6, angle=15, blur=1.0) == [code]
    settle(qtbot, page.context)
    assert blocker.args[0].outcome is Outcome.CHECKED_IN and blocker.args[0].person.id == pid
    with demo_db.read() as session:
        assert len(session.scalars(select(CheckInEvent).where(CheckInEvent.participant_id == pid)).all()) == 1
    assert page.sounds.last is Outcome.CHECKED_IN
    # Taken away and shown again: the desk's "already checked in" answer, as with a second scan.
    page.corner.camera.filter.clock = lambda: 10**6
    hold_badge(qtbot, page.corner.camera, None)
    with qtbot.waitSignal(page.result_shown, timeout=5000) as again:
        hold_badge(qtbot, page.corner.camera, code)
    settle(qtbot, page.context)
    assert again.args[0].outcome is Outcome.ALREADY
    assert page.sounds.last is Outcome.ALREADY


def test_no_camera_is_a_calm_line_and_the_desk_keeps_working(qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db, tmp_path)
    page.corner.camera_button.setChecked(True)  # this test machine has no camera (and maybe no multimedia)
    camera = page.corner.camera
    assert camera.state == "unavailable"
    assert "Pakai scanner atau ketik kode" in camera.message.text()
    assert settings.CAMERA_ON.get(settings.app_settings()) is True
    _pid, code = _code(demo_db, 1)
    with qtbot.waitSignal(page.result_shown, timeout=5000) as blocker:
        qtbot.keyClicks(page.scan_input, code)
        qtbot.keyClick(page.scan_input, "\r")
    assert blocker.args[0].outcome is Outcome.CHECKED_IN


def test_a_busy_camera_is_a_calm_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    camera = CameraScanner()
    qtbot.addWidget(camera)
    camera._on_camera_error(None, "Device or resource busy")
    assert camera.state == "unavailable"
    assert "dipakai aplikasi lain" in camera.message.text()
    assert camera.decode_pending() == []


@pytest.mark.parametrize("paper", ["62mm", "102x152", "a4"])
def test_slip_and_badge_print_at_full_scale_and_are_logged(qtbot, demo_db: Database, tmp_path: Path, paper: str) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db, tmp_path)
    pid, code = _code(demo_db, 2)
    with qtbot.waitSignal(page.result_shown, timeout=5000):
        qtbot.keyClicks(page.scan_input, code)
        qtbot.keyClick(page.scan_input, "\r")
    settle(qtbot, page.context)
    corner = page.corner
    assert corner.person_id == pid
    assert "Slip jadwal: belum dicetak" in corner.status.text()
    corner.paper.setCurrentIndex(corner.paper.findData(paper))
    with qtbot.waitSignal(corner.printer.printed, timeout=10000):
        corner.slip_button.click()
    with qtbot.waitSignal(corner.printer.printed, timeout=10000):
        corner.badge_button.click()
    with qtbot.waitSignal(corner.printer.printed, timeout=10000):
        corner.reprint_button.click()
    settle(qtbot, page.context)
    assert "Slip jadwal: dicetak" in corner.status.text() and "Badge: dicetak" in corner.status.text()
    assert "(2×)" in corner.status.text()  # the reprint of the badge
    assert "Badge: dicetak" in page.panel.note_label.text()  # the desk card says so
    with demo_db.read() as session:
        log = session.scalars(select(PrintLogEntry).order_by(PrintLogEntry.id)).all()
        audits = session.scalars(select(AuditLog.action).where(AuditLog.action.like("print.%"))).all()
    assert [(e.document, e.paper, e.participant_id) for e in log] == [
        ("slip", paper, pid), ("badge", paper, pid), ("badge", paper, pid)]
    assert audits == ["print.slip", "print.badge", "print.badge"]
    # The printer got pages of the label's own size (100 %, no fit-to-page), and the QR reads back.
    from desktop.reports.labels import label_paper

    spec = label_paper(paper)
    for printed in page.printed_files:
        reader = PdfReader(str(printed))
        for pdf_page in reader.pages:
            assert float(pdf_page.mediabox.width) / mm == pytest.approx(spec.width_mm, abs=0.3)
            if spec.height_mm:
                assert float(pdf_page.mediabox.height) / mm == pytest.approx(spec.height_mm, abs=0.3)
        first = render_pages(printed, 203)[0]
        assert [c.text for c in decode_frame(first)] == [code]


def test_no_printer_is_a_message_and_nothing_is_logged(qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db, tmp_path)
    page.corner.printer.printer_factory = lambda: None
    _pid, code = _code(demo_db, 2)
    with qtbot.waitSignal(page.result_shown, timeout=5000):
        qtbot.keyClicks(page.scan_input, code)
        qtbot.keyClick(page.scan_input, "\r")
    settle(qtbot, page.context)
    with qtbot.waitSignal(page.corner.printer.failed, timeout=10000):
        page.corner.slip_button.click()
    settle(qtbot, page.context)
    assert "Tidak ada printer" in page.corner.status.text()
    with demo_db.read() as session:
        assert session.scalars(select(PrintLogEntry)).all() == []
    assert page.context.shown_errors == []


def test_a_walk_ins_badge_comes_out_at_once_on_the_chosen_printer(qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = settings.app_settings()
    settings.LABEL_PRINTER.set(store, "Label QL-800")
    settings.LABEL_PAPER.set(store, "62x100")
    page = _page(qtbot, demo_db, tmp_path)
    dialog = page.open_walk_in()
    qtbot.keyClicks(dialog.name_edit, "UD. Sandal Baru Datang")
    qtbot.keyClicks(dialog.contact_edit, "Pak Joko")
    qtbot.keyClicks(dialog.phone_edit, "0813 5555 1234")
    with qtbot.waitSignal(page.corner.printer.printed, timeout=10000) as printed:
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    settle(qtbot, page.context)
    assert printed.args[0].document == "badge" and printed.args[0].paper == "62x100"
    [badge] = page.printed_files
    assert [c.text for c in decode_frame(render_pages(badge, 203)[0])] == [page.panel.result.person.code]
    assert "Badge: dicetak" in page.panel.note_label.text()


def test_without_a_chosen_printer_nothing_prints_by_itself(qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _page(qtbot, demo_db, tmp_path)  # the system default printer only: no automatic prints
    dialog = page.open_walk_in()
    qtbot.keyClicks(dialog.name_edit, "UD. Sandal Baru Datang")
    qtbot.keyClicks(dialog.phone_edit, "0813 5555 1234")
    with qtbot.waitSignal(page.result_shown, timeout=10000):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    settle(qtbot, page.context)
    assert page.printed_files == [] and not page.corner.printer.busy
    assert "Badge: belum dicetak" in page.corner.status.text()


@pytest.mark.parametrize("image_format", [QImage.Format.Format_RGB32, QImage.Format.Format_RGBA8888,
                                          QImage.Format.Format_RGB888, QImage.Format.Format_Grayscale8])
def test_camera_frames_of_each_pixel_format_are_read(qtbot, image_format: QImage.Format) -> None:  # type: ignore[no-untyped-def]
    from desktop.views.camera_scanner import grey_pixels

    camera = CameraScanner()
    qtbot.addWidget(camera)
    image = frame_image("BYR003", angle=-8).convertToFormat(image_format)
    camera.show_image(image)
    with qtbot.waitSignal(camera.code_read, timeout=2000) as blocker:
        camera.decode_pending()
    assert blocker.args == ["BYR003"]
    pixels, step = grey_pixels(frame_image("BYR003").convertToFormat(image_format).scaled(1920, 1440), 1000)
    assert step == 2 and pixels.shape == (720, 960)


def test_a_far_badge_in_a_full_hd_frame_is_found_by_the_periodic_full_read(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.views.camera_scanner import FULL_FRAME_EVERY

    camera = CameraScanner()
    qtbot.addWidget(camera)
    pixels = scene("IKM124", size=(1920, 1080), module_pixels=2, offset=(500, 300), blur=0.8)
    image = QImage(pixels.data, 1920, 1080, 1920, QImage.Format.Format_Grayscale8).copy()
    reads = []
    for _frame in range(FULL_FRAME_EVERY):
        camera.show_image(image)
        reads.append(camera.decode_pending())
    assert reads == [[]] * (FULL_FRAME_EVERY - 1) + [["IKM124"]]


def test_a_slip_of_several_labels_prints_every_label_at_its_size(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.reports.labels import label_paper, render_slip
    from desktop.views.label_printing import print_pdf_full_scale
    from tests.test_label_papers import EVENT, page_sizes_mm, schedule

    source = tmp_path / "slip.pdf"
    pages = render_slip(schedule(14), EVENT, "62x100", source)
    assert pages > 1
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(203)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf_full_scale(source, label_paper("62x100"), printer) == pages
    sizes = page_sizes_mm(tmp_path / "printed.pdf")
    assert len(sizes) == pages and all(abs(w - 62) < 0.3 and abs(h - 100) < 0.3 for w, h in sizes)


def test_a_broken_print_file_is_a_message_not_a_crash(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.reports.labels import label_paper
    from desktop.views.label_printing import print_pdf_full_scale

    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(OSError, match="Berkas cetak rusak"):
        print_pdf_full_scale(broken, label_paper("a6"), QPrinter())
