"""Dialogs for meeting requests: add / edit one (suggested pairs: ``suggestions_dialog``)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models.enums import SessionWish, label
from desktop.models.schedule.meeting_requests import MAX_MEETINGS_PER_REQUEST, RequestRow
from desktop.models.orders import PartyOption
from desktop.views.party_picker import PartyPicker
from desktop.views.request_model import PRIORITY_WORDS


@dataclass(frozen=True)
class RequestInput:
    a_id: int
    b_id: int
    priority: int
    session_wish: str
    note: str
    meetings: int = 1


class RequestDialog(QDialog):
    """Add a request (two participants) or edit one (priority, session, note).

    Stays open until the page reports the service accepted it (``saved``) or shows why not.
    """

    submitted = Signal(object)

    def __init__(self, parties: list[PartyOption], existing: RequestRow | None = None,
                 parent: QWidget | None = None, *, title: str | None = None, note: str = "") -> None:
        super().__init__(parent)
        self.existing = existing
        self.setWindowTitle(title or (_("Ubah permintaan pertemuan") if existing else _("Permintaan pertemuan baru")))
        self.a_picker = PartyPicker(_("Ketik nama atau kode, atau pindai badge …"))
        self.b_picker = PartyPicker(_("Ketik nama atau kode, atau pindai badge …"))
        for picker in (self.a_picker, self.b_picker):
            picker.set_options(parties)
        self.priority_combo = QComboBox()
        for value, words in PRIORITY_WORDS.items():
            self.priority_combo.addItem(f"{value} — {_(words)}", value)
        self.session_combo = QComboBox()
        for wish in SessionWish:
            self.session_combo.addItem(label(wish), wish.value)
        # A pair may meet more than once (a second meeting in the afternoon, two representatives).
        self.meetings_spin = QSpinBox()
        self.meetings_spin.setRange(1, MAX_MEETINGS_PER_REQUEST)
        self.meetings_spin.setSuffix(_(" kali"))
        self.note_edit = QLineEdit(note)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(_("Pihak A"), self.a_picker)
        form.addRow(_("Pihak B"), self.b_picker)
        form.addRow(_("Prioritas"), self.priority_combo)
        form.addRow(_("Sesi"), self.session_combo)
        form.addRow(_("Jumlah pertemuan"), self.meetings_spin)
        form.addRow(_("Catatan"), self.note_edit)
        if existing is not None:
            self.a_picker.set_selected_id(existing.participant_a_id)
            self.b_picker.set_selected_id(existing.participant_b_id)
            self.a_picker.setEnabled(False)
            self.b_picker.setEnabled(False)
            self.priority_combo.setCurrentIndex(self.priority_combo.findData(existing.priority))
            self.session_combo.setCurrentIndex(self.session_combo.findData(existing.session_wish))
            self.note_edit.setText(existing.note)
            self.meetings_spin.setValue(existing.meetings)
        self.save_button = QPushButton(_("Simpan"))
        self.save_button.setDefault(True)
        cancel = QPushButton(_("Batal"))
        self.save_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(520, 0)

    def submit(self) -> None:
        a, b = self.a_picker.selected_id(), self.b_picker.selected_id()
        if a is None or b is None:
            self.show_error(_("Pilih kedua peserta dulu."))
            return
        self.show_error("")
        self.save_button.setEnabled(False)
        self.submitted.emit(RequestInput(a, b, int(self.priority_combo.currentData()),
                                         str(self.session_combo.currentData()), self.note_edit.text(),
                                         self.meetings_spin.value()))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.save_button.setEnabled(True)

    def saved(self) -> None:
        self.accept()
