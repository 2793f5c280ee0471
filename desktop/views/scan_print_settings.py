"""Pengaturan kamera & cetak: which camera scans, which printer prints, on which paper.

These are settings of this computer (QSettings), not of the event: the kiosk laptop and the
desk laptop each have their own camera and label printer.
"""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from desktop.i18n import _
from desktop.reports.labels import DEFAULT_PAPER, LABEL_PAPERS
from desktop.views import settings
from desktop.views.camera_scanner import camera_devices


def paper_combo(current: str) -> QComboBox:
    combo = QComboBox()
    for key, paper in LABEL_PAPERS.items():
        combo.addItem(paper.title, key)
    index = combo.findData(current if current in LABEL_PAPERS else DEFAULT_PAPER)
    combo.setCurrentIndex(max(index, 0))
    return combo


class ScanPrintSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Pengaturan kamera & cetak"))
        store = settings.app_settings()
        self.camera_combo = QComboBox()
        self.camera_combo.addItem(_("Kamera bawaan sistem"), "")
        for device_id, description in camera_devices():
            self.camera_combo.addItem(description, device_id)
        self._select(self.camera_combo, settings.CAMERA_DEVICE.get(store))
        self.printer_combo = QComboBox()
        self.printer_combo.addItem(_("Printer bawaan sistem"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer_combo.addItem(name, name)
        self._select(self.printer_combo, settings.LABEL_PRINTER.get(store))
        self.paper_combo = paper_combo(settings.LABEL_PAPER.get(store))
        self.kiosk_check = QCheckBox(_("Kiosk mencetak slip jadwal setelah check-in"))
        self.kiosk_check.setChecked(settings.KIOSK_PRINTS_SLIP.get(store))
        self.walk_in_check = QCheckBox(_("Meja langsung mencetak badge peserta walk-in"))
        self.walk_in_check.setChecked(settings.WALK_IN_BADGE_AT_ONCE.get(store))
        note = QLabel(_("Dicetak 100 %, tanpa diperkecil: pilih kertas yang terpasang di printer."))
        note.setWordWrap(True)
        note.setStyleSheet("color:#555")
        form = QFormLayout(self)
        form.addRow(_("Kamera:"), self.camera_combo)
        if self.camera_combo.count() == 1:
            form.addRow("", QLabel(_("Tidak ada kamera terpasang saat ini.")))
        form.addRow(_("Printer:"), self.printer_combo)
        form.addRow(_("Kertas:"), self.paper_combo)
        form.addRow("", note)
        form.addRow("", self.kiosk_check)
        form.addRow("", self.walk_in_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def accept(self) -> None:
        store = settings.app_settings()
        settings.CAMERA_DEVICE.set(store, self.camera_combo.currentData())
        settings.LABEL_PRINTER.set(store, self.printer_combo.currentData())
        settings.LABEL_PAPER.set(store, self.paper_combo.currentData())
        settings.KIOSK_PRINTS_SLIP.set(store, self.kiosk_check.isChecked())
        settings.WALK_IN_BADGE_AT_ONCE.set(store, self.walk_in_check.isChecked())
        super().accept()
