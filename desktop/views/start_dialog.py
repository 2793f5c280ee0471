"""Shown when TemuDesk starts without a known event: demo, open a file, or a new event."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import _


class StartDialog(QDialog):
    DEMO, OPEN, NEW = 1, 2, 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("TemuDesk")
        self.choice = 0
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>TemuDesk</h2>" + _("Pilih event yang akan dibuka:")))
        for text, choice in (
            (_("Buka berkas event …"), self.OPEN),
            (_("Buat event baru …"), self.NEW),
            (_("Coba dengan event demo"), self.DEMO),
        ):
            button = QPushButton(text)
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            layout.addWidget(button)
        cancel = QPushButton(_("Keluar"))
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()
