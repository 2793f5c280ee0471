"""What a page shows before it is built: "opening the event", never "no data".

At start-up the main window is on screen while the event file opens on another thread; every
page stands in with this widget until its real page is built. The Registrasi stand-in already
has the desk's field: what the operator types there is carried into the real field (scanner
bursts are taken by the application-wide scan filter and queued, see ``MainWindow``).
Qt only, no database: this module is loaded before SQLAlchemy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.i18n import _


class LoadingPage(QWidget):
    def __init__(self, title: str, *, with_field: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field: QLineEdit | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        heading = QLabel(f"<h2>{title}</h2>")
        layout.addWidget(heading)
        if with_field:
            self.field = QLineEdit()
            # The same look and words as the Registrasi field that replaces it.
            self.field.setPlaceholderText(_("Pindai badge, atau ketik kode / nama usaha / kontak / no. HP …"))
            self.field.setStyleSheet("font-size:20pt; padding:8px; border:2px solid #1d4e89; border-radius:6px")
            self.field.setMaxLength(600)
            self.field.returnPressed.connect(self._not_yet)
            layout.addWidget(self.field)
        self.status = QLabel(_("Membuka event …"))
        self.status.setStyleSheet("font-size:14pt; color:#555")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _not_yet(self) -> None:
        self.status.setText(_("Sebentar, event masih dibuka. Yang Anda ketik tetap di sini; "
                              "tekan Enter lagi begitu daftar peserta muncul."))

    def typed_text(self) -> str:
        return self.field.text() if self.field is not None else ""

    def focus_search(self) -> None:
        if self.field is not None:
            self.field.setFocus()
