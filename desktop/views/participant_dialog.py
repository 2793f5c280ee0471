"""Add or edit one participant, with every problem shown next to its field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models.enums import ParticipantKind, Problem, label
from desktop.models.errors import ValidationError
from desktop.models.people.participants import CategoryRow, ParticipantData, ParticipantRow, validate
from desktop.models.people.phone import display_phone

KECAMATAN_SUGGESTIONS = ["Prajurit Kulon", "Magersari", "Kranggan"]


class ParticipantDialog(QDialog):
    """Collects :class:`ParticipantData`; validation runs in the domain, errors show inline.

    ``submitted`` carries valid data; the dialog closes only when :meth:`saved` is called.
    """

    submitted = Signal(object)

    def __init__(
        self,
        categories: list[CategoryRow],
        participant: ParticipantRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.participant = participant
        self.setWindowTitle(_("Ubah peserta") if participant else _("Tambah peserta"))
        self.setMinimumWidth(640)
        self._error_labels: dict[str, QLabel] = {}

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("mis. CV. Sepatu Jaya Abadi"))
        self.kind_combo = QComboBox()
        for kind in ParticipantKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.contact_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.phone_edit.setPlaceholderText("0812-3456-7890")
        self.address_edit = QLineEdit()
        self.kecamatan_combo = QComboBox()
        self.kecamatan_combo.setEditable(True)
        self.kecamatan_combo.addItems([""] + KECAMATAN_SUGGESTIONS)
        self.kelurahan_edit = QLineEdit()
        self.capacity_edit = QLineEdit()
        self.capacity_edit.setValidator(QIntValidator(0, 10_000_000, self))
        self.capacity_edit.setPlaceholderText(_("pasang per bulan, mis. 1500"))
        self.delegation_spin = QSpinBox()
        self.delegation_spin.setRange(1, 500)
        self.kur_check = QCheckBox(_("Berminat kredit KUR"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setFixedHeight(60)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        code_text = participant.code if participant else _("(dibuat otomatis saat disimpan)")
        form.addRow(_("Kode registrasi"), QLabel(f"<b>{code_text}</b>"))
        self._add_row(form, _("Nama usaha *"), self.name_edit, "business_name")
        self._add_row(form, _("Jenis *"), self.kind_combo, "kind")
        self._add_row(form, _("Kontak / pemilik"), self.contact_edit, "contact_person")
        self._add_row(form, _("No. HP/WA"), self.phone_edit, "phone")
        self._add_row(form, _("Alamat"), self.address_edit, "address")
        place = QHBoxLayout()
        place.addWidget(self.kecamatan_combo, 1)
        place.addWidget(QLabel(_("Kelurahan")))
        place.addWidget(self.kelurahan_edit, 1)
        place_widget = QWidget()
        place_widget.setLayout(place)
        place.setContentsMargins(0, 0, 0, 0)
        self._add_row(form, _("Kecamatan"), place_widget, "kecamatan")
        numbers = QHBoxLayout()
        numbers.setContentsMargins(0, 0, 0, 0)
        numbers.addWidget(self.capacity_edit, 1)
        numbers.addWidget(QLabel(_("Jumlah delegasi")))
        numbers.addWidget(self.delegation_spin)
        numbers_widget = QWidget()
        numbers_widget.setLayout(numbers)
        self._add_row(form, _("Kapasitas/bulan"), numbers_widget, "monthly_capacity")
        self._error_labels["delegation_size"] = self._error_labels["monthly_capacity"]

        self.category_checks: dict[str, QCheckBox] = {}
        products = QGroupBox(_("Produk"))
        grid = QGridLayout(products)
        for position, category in enumerate(categories):
            check = QCheckBox(category.name)
            self.category_checks[category.code] = check
            grid.addWidget(check, position // 3, position % 3)

        self.problem_checks: dict[str, QCheckBox] = {}
        problems = QGroupBox(_("Masalah usaha yang dilaporkan"))
        problem_row = QHBoxLayout(problems)
        for problem in Problem:
            check = QCheckBox(label(problem))
            self.problem_checks[problem.value] = check
            problem_row.addWidget(check)
        problem_row.addStretch(1)

        self.general_error = QLabel()
        self.general_error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(products)
        layout.addWidget(problems)
        notes_form = QFormLayout()
        notes_form.addRow("", self.kur_check)
        notes_form.addRow(_("Catatan"), self.notes_edit)
        layout.addLayout(notes_form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        self.result_data: ParticipantData | None = None
        self.saved_row: ParticipantRow | None = None
        if participant is not None:
            self._fill(participant)
        self.name_edit.setFocus()

    def _add_row(self, form: QFormLayout, caption: str, widget: QWidget, key: str) -> None:
        error = QLabel()
        error.setStyleSheet("color: #b00020;")
        error.setWordWrap(True)
        error.hide()
        self._error_labels[key] = error
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        holder = QWidget()
        holder.setLayout(column)
        form.addRow(caption, holder)

    def _fill(self, row: ParticipantRow) -> None:
        self.name_edit.setText(row.business_name)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(row.kind)))
        self.contact_edit.setText(row.contact_person)
        self.phone_edit.setText(display_phone(row.phone))
        self.address_edit.setText(row.address)
        self.kecamatan_combo.setCurrentText(row.kecamatan)
        self.kelurahan_edit.setText(row.kelurahan)
        self.capacity_edit.setText("" if row.monthly_capacity is None else str(row.monthly_capacity))
        self.delegation_spin.setValue(row.delegation_size)
        self.kur_check.setChecked(row.kur_interest)
        self.notes_edit.setPlainText(row.notes)
        for code, check in self.category_checks.items():
            check.setChecked(code in row.category_codes)
        for code, check in self.problem_checks.items():
            check.setChecked(code in row.problems)

    def collect(self) -> ParticipantData:
        capacity = self.capacity_edit.text().strip()
        return ParticipantData(
            business_name=self.name_edit.text(),
            kind=self.kind_combo.currentData(),
            contact_person=self.contact_edit.text(),
            phone=self.phone_edit.text(),
            address=self.address_edit.text(),
            kecamatan=self.kecamatan_combo.currentText(),
            kelurahan=self.kelurahan_edit.text(),
            category_codes=[code for code, check in self.category_checks.items() if check.isChecked()],
            monthly_capacity=int(capacity) if capacity else None,
            delegation_size=self.delegation_spin.value(),
            problems=[code for code, check in self.problem_checks.items() if check.isChecked()],
            kur_interest=self.kur_check.isChecked(),
            max_meetings=self.participant.max_meetings if self.participant else None,
            is_walk_in=self.participant.is_walk_in if self.participant else False,
            notes=self.notes_edit.toPlainText(),
        )

    def show_problems(self, problems: dict[str, str], general: str = "") -> None:
        for key, error_label in self._error_labels.items():
            message = problems.get(key, "")
            error_label.setText(message)
            error_label.setVisible(bool(message))
        unplaced = [msg for key, msg in problems.items() if key not in self._error_labels]
        text = " ".join([general] + unplaced).strip()
        self.general_error.setText(text)
        self.general_error.setVisible(bool(text))
        focus_targets = {
            "business_name": self.name_edit,
            "phone": self.phone_edit,
            "monthly_capacity": self.capacity_edit,
            "contact_person": self.contact_edit,
            "address": self.address_edit,
        }
        for key in problems:
            if key in focus_targets:
                focus_targets[key].setFocus()
                break

    def _on_save(self) -> None:
        if not self.save_button.isEnabled():
            return  # a second Enter while the first save is still running
        data = self.collect()
        try:
            validate(data)  # the same rules the service applies; shown here without a round trip
        except ValidationError as error:
            self.show_problems(error.problems, "" if error.problems else error.message)
            return
        self.show_problems({})
        self.result_data = data
        self.submitted.emit(data)

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)

    def saved(self, row: ParticipantRow) -> None:
        self.saved_row = row
        self.accept()


__all__ = ["ParticipantDialog"]
