"""Dialogs of the Registrasi page: who is at the desk, and a walk-in registration."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models.enums import ParticipantKind, label
from desktop.models.people.participants import CategoryRow, ParticipantData
from desktop.models.people.phone import display_phone
from desktop.models.checkin.walk_in import DuplicateCandidate


class OperatorDialog(QDialog):
    """Pick the operator's name and the desk at the start of a shift; Enter confirms."""

    submitted = Signal(str, str, str)

    def __init__(self, names: list[str], current: str, desk: str, parent: QWidget | None = None,
                 *, allow_new: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Operator dan meja"))
        self.setMinimumWidth(420)
        self.name_combo = QComboBox()
        # Once operators use PINs, a typed new name would be a way round them: only an admin adds one.
        self.name_combo.setEditable(allow_new)
        self.name_combo.addItems(names)
        if allow_new or current in names:
            self.name_combo.setCurrentText(current)
        self.desk_edit = QLineEdit(desk)
        self.desk_edit.setPlaceholderText(_("mis. Meja Registrasi 1"))
        self.pin_edit = QLineEdit()
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setPlaceholderText(_("kosongkan bila operator tidak memakai PIN"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color:#b3261e")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(_("Nama operator"), self.name_combo)
        form.addRow(_("Meja registrasi"), self.desk_edit)
        form.addRow(_("PIN"), self.pin_edit)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(_("Mulai bertugas"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Setiap check-in dicatat atas nama operator dan meja ini.")))
        layout.addLayout(form)
        if not allow_new:
            layout.addWidget(QLabel(_("Operator baru hanya dapat ditambahkan oleh admin.")))
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        self.submitted.emit(self.name_combo.currentText(), self.desk_edit.text(), self.pin_edit.text())

    def show_problem(self, message: str) -> None:
        self.error_label.setText(message)
        self.pin_edit.clear()


class WalkInDialog(QDialog):
    """A short form: name, contact, phone, kind, products → saved and checked in.

    ``submitted(data, allow_duplicates)``; when the desk suspects a duplicate,
    :meth:`show_duplicates` lists who it may be and ``existing_chosen(id)`` picks one.
    """

    submitted = Signal(object, bool)
    existing_chosen = Signal(int)

    def __init__(self, categories: list[CategoryRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Peserta tanpa daftar (walk-in)"))
        self.setMinimumWidth(600)
        self._errors: dict[str, QLabel] = {}
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("mis. UD. Sepatu Jaya"))
        self.contact_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText("0812-3456-7890")
        self.kind_combo = QComboBox()
        for kind in ParticipantKind:
            self.kind_combo.addItem(label(kind), kind.value)
        form = QFormLayout()
        self._row(form, _("Nama usaha *"), self.name_edit, "business_name")
        self._row(form, _("Kontak / pemilik"), self.contact_edit, "contact_person")
        self._row(form, _("Telepon / HP"), self.phone_edit, "phone")
        self._row(form, _("Jenis"), self.kind_combo, "kind")

        products = QGroupBox(_("Produk"))
        grid = QGridLayout(products)
        self.category_checks: dict[str, QCheckBox] = {}
        for number, category in enumerate(categories):
            check = QCheckBox(category.name)
            self.category_checks[category.code] = check
            grid.addWidget(check, number // 3, number % 3)

        self.duplicate_box = QGroupBox(_("Mungkin sudah terdaftar"))
        self.duplicate_box.setStyleSheet("QGroupBox { color:#9a5b00; font-weight:bold }")
        self.duplicate_list = QListWidget()
        self.duplicate_list.setMinimumHeight(90)
        self.duplicate_list.itemActivated.connect(lambda _item: self._choose_existing())
        self.use_existing_button = QPushButton(_("Pakai yang dipilih (check-in)"))
        self.use_existing_button.clicked.connect(self._choose_existing)
        self.register_new_button = QPushButton(_("Bukan, daftarkan baru"))
        self.register_new_button.clicked.connect(lambda: self._submit(allow_duplicates=True))
        for button in (self.use_existing_button, self.register_new_button):
            button.setAutoDefault(False)  # Enter in the form saves; these need a deliberate choice
        duplicate_layout = QVBoxLayout(self.duplicate_box)
        duplicate_layout.addWidget(self.duplicate_list)
        duplicate_layout.addWidget(self.use_existing_button)
        duplicate_layout.addWidget(self.register_new_button)
        self.duplicate_box.hide()

        self.message_label = QLabel()
        self.message_label.setStyleSheet("color:#b3261e")
        self.message_label.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Simpan dan check-in (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(lambda: self._submit(allow_duplicates=False))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(products)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)  # after the layout, so the dialog knows its default
        self.name_edit.setFocus()

    def _row(self, form: QFormLayout, text: str, widget: QWidget, key: str) -> None:
        error = QLabel()
        error.setStyleSheet("color:#b3261e")
        error.hide()
        box = QVBoxLayout()
        box.setSpacing(1)
        box.addWidget(widget)
        box.addWidget(error)
        form.addRow(text, box)
        self._errors[key] = error

    def data(self) -> ParticipantData:
        return ParticipantData(
            business_name=self.name_edit.text(),
            contact_person=self.contact_edit.text(),
            phone=self.phone_edit.text(),
            kind=self.kind_combo.currentData(),
            category_codes=[code for code, check in self.category_checks.items() if check.isChecked()],
            is_walk_in=True,
        )

    def _submit(self, *, allow_duplicates: bool) -> None:
        if not self.save_button.isEnabled():
            return  # a second Enter while the first save is still running
        self.set_busy(True)
        self.show_problems({}, "")
        self.submitted.emit(self.data(), allow_duplicates)

    def _choose_existing(self) -> None:
        item = self.duplicate_list.currentItem()
        if item is not None:
            self.existing_chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def set_busy(self, busy: bool) -> None:
        for button in (self.save_button, self.use_existing_button, self.register_new_button):
            button.setEnabled(not busy)

    def show_problems(self, problems: dict[str, str], message: str) -> None:
        for key, error in self._errors.items():
            error.setText(problems.get(key, ""))
            error.setVisible(key in problems)
        self.message_label.setText(message)

    def show_duplicates(self, candidates: list[DuplicateCandidate]) -> None:
        self.duplicate_list.clear()
        for candidate in candidates:
            person = candidate.person
            why = _("nomor HP sama") if candidate.same_phone else _("nama mirip")
            text = f"{person.code} — {person.business_name} · {person.contact_person} · {display_phone(person.phone)} ({why})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.duplicate_list.addItem(item)
        self.duplicate_list.setCurrentRow(0)
        self.duplicate_box.show()
        self.message_label.setText(html.escape(_("Periksa dulu: pilih peserta yang sudah ada, atau daftarkan baru.")))
        self.set_busy(False)
        self.duplicate_list.setFocus()
