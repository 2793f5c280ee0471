"""The Registrasi page's corner: the webcam scanner, printing on the spot, and what was printed.

Kept apart from checkin_page.py so that page can change freely: the page builds one
:class:`DeskCorner` and puts it in its right-hand column; everything else goes through
:func:`check_in_scanned_code` and the page's public ``panel`` / ``result_shown``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop.i18n import _
from desktop.models.reporting import print_log
from desktop.models.checkin.checkin import CheckInResult, Outcome
from desktop.models.event.database import Database
from desktop.models.reporting.print_log import PrintedDocument, PrintSummary
from desktop.views import settings
from desktop.views.camera_scanner import CameraScanner
from desktop.views.label_printing import LabelPrinter, PrintOutcome, printer_chosen
from desktop.views.scan_print_settings import ScanPrintSettingsDialog, paper_combo

if TYPE_CHECKING:
    from desktop.views.checkin_page import CheckInPage


def check_in_scanned_code(page: CheckInPage, code: str) -> None:
    """A code read by the webcam: checked in exactly as a scanner burst on the page.

    The one place where the camera meets the desk's check-in path (same duplicate rules,
    same sounds, same answer card, and the toast when another page is on screen).
    """
    if page.active_dialog is not None:
        return  # a walk-in form or the history is open: the camera must not check in behind it
    page.check_in_scanned(code)


class DeskCorner(QFrame):
    """Camera on/off and its picture, paper choice, print slip / badge / reprint, the print log line."""

    def __init__(self, page: CheckInPage) -> None:
        super().__init__(page)
        self.page = page
        self.context = page.context
        self.person_id: int | None = None
        self.setObjectName("deskCorner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.camera = CameraScanner(self)
        self.camera.code_read.connect(lambda code: check_in_scanned_code(self.page, code))
        self.camera_button = QPushButton(_("Kamera"))
        self.camera_button.setCheckable(True)
        self.camera_button.setToolTip(_("Pindai QR badge dengan kamera laptop"))
        self.camera_button.toggled.connect(self._toggle_camera)
        self.settings_button = QPushButton(_("Pengaturan …"))
        self.settings_button.clicked.connect(self.open_settings)
        self.paper = paper_combo(settings.LABEL_PAPER.get(settings.app_settings()))
        self.paper.setToolTip(_("Kertas di printer meja ini"))
        self.paper.currentIndexChanged.connect(
            lambda: settings.LABEL_PAPER.set(settings.app_settings(), self.paper.currentData()))
        self.slip_button = QPushButton(_("Cetak slip"))
        self.badge_button = QPushButton(_("Cetak badge"))
        self.reprint_button = QPushButton(_("Cetak ulang"))
        self.slip_button.clicked.connect(lambda: self.print_now(PrintedDocument.SLIP))
        self.badge_button.clicked.connect(lambda: self.print_now(PrintedDocument.BADGE))
        self.reprint_button.clicked.connect(self.reprint)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color:#333")
        for widget in (self.camera_button, self.settings_button, self.paper, self.slip_button, self.badge_button,
                       self.reprint_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        self.printer = LabelPrinter(self.context, self)
        self.printer.printed.connect(self._printed)
        self.printer.failed.connect(self._print_failed)

        # Picture on the left, controls on the right: the corner stays low and the list above keeps its rows.
        self.camera.picture.setFixedSize(200, 150)
        self.camera.preview_size = self.camera.picture.size()
        top = QHBoxLayout()
        top.addWidget(self.camera_button)
        top.addWidget(self.settings_button)
        paper_row = QHBoxLayout()
        paper_row.addWidget(QLabel(_("Kertas:")))
        paper_row.addWidget(self.paper, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.slip_button)
        buttons.addWidget(self.badge_button)
        controls = QVBoxLayout()
        controls.addLayout(top)
        controls.addLayout(paper_row)
        controls.addLayout(buttons)
        controls.addWidget(self.reprint_button)
        controls.addWidget(self.status)
        controls.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.camera, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(controls, 1)
        self.camera.setVisible(False)
        page.result_shown.connect(self._on_result)
        self._set_person(None)

    # ---- camera ------------------------------------------------------------------------------
    def _toggle_camera(self, on: bool) -> None:
        settings.CAMERA_ON.set(settings.app_settings(), on)
        self.camera.setVisible(on)
        if on:
            self.camera.start(settings.CAMERA_DEVICE.get(settings.app_settings()))
        else:
            self.camera.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        wanted = settings.CAMERA_ON.get(settings.app_settings())
        if wanted != self.camera_button.isChecked():
            self.camera_button.setChecked(wanted)
        elif wanted and self.camera.state == "off":
            self.camera.start(settings.CAMERA_DEVICE.get(settings.app_settings()))

    def hideEvent(self, event: QHideEvent) -> None:
        self.camera.stop()
        super().hideEvent(event)

    def open_settings(self) -> ScanPrintSettingsDialog:
        dialog = ScanPrintSettingsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._settings_saved)
        dialog.open()
        return dialog

    def _settings_saved(self) -> None:
        store = settings.app_settings()
        index = self.paper.findData(settings.LABEL_PAPER.get(store))
        self.paper.setCurrentIndex(max(index, 0))
        if self.camera_button.isChecked():
            self.camera.start(settings.CAMERA_DEVICE.get(store))

    # ---- the person on the answer card ---------------------------------------------------------
    def _on_result(self, result: CheckInResult | None) -> None:
        person = result.person if result is not None else None
        keep = result is not None and result.outcome is not Outcome.UNDONE
        self._set_person(person.id if person is not None and keep else None)
        if (person is not None and person.is_walk_in and result is not None and result.outcome is Outcome.CHECKED_IN
                and settings.WALK_IN_BADGE_AT_ONCE.get(settings.app_settings()) and printer_chosen()):
            self.print_now(PrintedDocument.BADGE)  # a walk-in has no badge yet: it comes out at once

    def _set_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        for button in (self.slip_button, self.badge_button):
            button.setEnabled(person_id is not None)
        self.reprint_button.setEnabled(self.printer.last is not None)
        if person_id is None:
            self.status.setText(_("Cetak slip atau badge untuk peserta yang tampil."))
            return

        def load(db: Database) -> PrintSummary:
            with db.read() as session:
                return print_log.summary(session, person_id)

        self.context.runner.run(load, on_success=self._show_summary, parent=self)

    def _show_summary(self, summary: PrintSummary) -> None:
        if summary.participant_id != self.person_id:
            return  # a newer scan came meanwhile
        text = summary.describe()
        self.status.setText(text)
        self.page.panel.show_note(text)  # the desk card itself says what was printed

    # ---- printing -----------------------------------------------------------------------------
    def print_now(self, document: PrintedDocument) -> None:
        if self.person_id is None:
            return
        if self.printer.print_document(self.person_id, document.value, self.paper.currentData()):
            self.status.setText(_("Mencetak …"))

    def reprint(self) -> None:
        if self.printer.reprint():
            self.status.setText(_("Mencetak ulang …"))

    def _printed(self, outcome: PrintOutcome) -> None:
        self.reprint_button.setEnabled(True)
        if outcome.participant_id == self.person_id:
            self._show_summary(outcome.summary)

    def _print_failed(self, message: str) -> None:
        self.status.setText(message)
        self.page.panel.show_note(message)
