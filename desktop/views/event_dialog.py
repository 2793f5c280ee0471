"""Event setup: name, venue, date, slots generated from start/end/length/break, tables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.i18n import _
from desktop.models.enums import PaperSize, label
from desktop.models.errors import ValidationError
from desktop.models.event.event_setup import Break, EventInfo, EventSettings, SlotPlan, SlotRow, generate_slots, plan_from_slots


@dataclass
class EventSetup:
    settings: EventSettings
    plan: SlotPlan
    tables: int


def _time_edit(value: dt.time) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


class EventDialog(QDialog):
    submitted = Signal(object)

    def __init__(
        self,
        event: EventInfo | None = None,
        *,
        table_count: int = 15,
        slots: list[SlotRow] | None = None,
        slots_locked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Pengaturan event") if event else _("Event baru"))
        self.setMinimumWidth(560)
        self.name_edit = QLineEdit(event.name if event else "")
        self.venue_edit = QLineEdit(event.venue if event else "")
        self.city_edit = QLineEdit(event.city if event else "Kota Mojokerto")
        self.organiser_edit = QLineEdit(
            event.organiser if event else "Dinas Perindustrian dan Perdagangan Kota Mojokerto"
        )
        self.official_name_edit = QLineEdit(event.official_name if event else "")
        self.official_title_edit = QLineEdit(event.official_title if event else "")
        day = event.event_date if event else dt.date.today()
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_label = QLabel()
        self.date_edit.dateChanged.connect(self._update_preview)
        self.paper_combo = QComboBox()
        for size in PaperSize:
            self.paper_combo.addItem(label(size), size.value)
        if event:
            self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(event.paper_size)))

        plan = plan_from_slots(slots) if slots else SlotPlan(
            dt.time(9, 0), dt.time(15, 0), 20, [Break(dt.time(12, 0), dt.time(13, 0))]
        )
        pause = plan.breaks[0] if plan.breaks else Break(plan.end, plan.end)
        self.start_edit = _time_edit(plan.start)
        self.end_edit = _time_edit(plan.end)
        self.break_start_edit = _time_edit(pause.start)
        self.break_end_edit = _time_edit(pause.end)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(5, 240)
        self.minutes_spin.setSuffix(_(" menit"))
        self.minutes_spin.setValue(event.slot_minutes if event else 20)
        self.tables_spin = QSpinBox()
        self.tables_spin.setRange(1, 200)
        self.tables_spin.setValue(table_count)
        self.slot_preview = QLabel()
        self.slot_preview.setWordWrap(True)
        for edit in (self.start_edit, self.end_edit, self.break_start_edit, self.break_end_edit):
            edit.timeChanged.connect(self._update_preview)
        self.minutes_spin.valueChanged.connect(self._update_preview)

        form = QFormLayout()
        form.addRow(_("Nama event *"), self.name_edit)
        form.addRow(_("Tempat"), self.venue_edit)
        form.addRow(_("Kota"), self.city_edit)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.date_label, 1)
        form.addRow(_("Tanggal"), date_row)
        form.addRow(_("Penyelenggara"), self.organiser_edit)
        form.addRow(_("Pejabat penanda tangan"), self.official_name_edit)
        form.addRow(_("Jabatan"), self.official_title_edit)
        form.addRow(_("Ukuran kertas"), self.paper_combo)

        slots_box = QGroupBox(_("Sesi pertemuan dan meja"))
        slots_form = QFormLayout(slots_box)
        hours = QHBoxLayout()
        hours.addWidget(self.start_edit)
        hours.addWidget(QLabel(_("sampai")))
        hours.addWidget(self.end_edit)
        hours.addStretch(1)
        slots_form.addRow(_("Jam pertemuan"), hours)
        pause_row = QHBoxLayout()
        pause_row.addWidget(self.break_start_edit)
        pause_row.addWidget(QLabel(_("sampai")))
        pause_row.addWidget(self.break_end_edit)
        pause_row.addStretch(1)
        slots_form.addRow(_("Istirahat"), pause_row)
        slots_form.addRow(_("Lama satu sesi"), self.minutes_spin)
        slots_form.addRow(_("Jumlah meja"), self.tables_spin)
        slots_form.addRow("", self.slot_preview)
        if slots_locked:
            for widget in (self.start_edit, self.end_edit, self.break_start_edit, self.break_end_edit, self.minutes_spin):
                widget.setEnabled(False)
            slots_form.addRow("", QLabel(_("Sesi tidak dapat diubah: jadwal pertemuan sudah dibuat.")))
        self.slots_locked = slots_locked

        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(slots_box)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.result_setup: EventSetup | None = None
        self._update_preview()

    def collect(self) -> EventSetup:
        qdate = self.date_edit.date()

        def to_time(edit: QTimeEdit) -> dt.time:
            value = edit.time()
            return dt.time(value.hour(), value.minute())

        settings = EventSettings(
            name=self.name_edit.text(),
            venue=self.venue_edit.text(),
            city=self.city_edit.text(),
            event_date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            organiser=self.organiser_edit.text(),
            official_name=self.official_name_edit.text(),
            official_title=self.official_title_edit.text(),
            slot_minutes=self.minutes_spin.value(),
            paper_size=self.paper_combo.currentData(),
        )
        breaks = []
        if self.break_end_edit.time() > self.break_start_edit.time():
            breaks.append(Break(to_time(self.break_start_edit), to_time(self.break_end_edit)))
        plan = SlotPlan(to_time(self.start_edit), to_time(self.end_edit), self.minutes_spin.value(), breaks)
        return EventSetup(settings, plan, self.tables_spin.value())

    def _update_preview(self, *_args: object) -> None:
        setup = self.collect()
        self.date_label.setText(formatting.long_date(setup.settings.event_date))
        try:
            slots = generate_slots(setup.plan)
        except ValidationError as error:
            self.slot_preview.setText(f"<span style='color:#b00020'>{error.message}</span>")
            return
        morning = sum(1 for slot in slots if slot[2] == "pagi")
        self.slot_preview.setText(
            _("{count} sesi: {first} sampai {last} ({morning} pagi, {afternoon} siang)").format(
                count=len(slots),
                first=formatting.clock(slots[0][0]),
                last=formatting.clock(slots[-1][1]),
                morning=morning,
                afternoon=len(slots) - morning,
            )
        )

    def _on_save(self) -> None:
        setup = self.collect()
        if not setup.settings.name.strip():
            self.show_error(_("Nama event wajib diisi."))
            self.name_edit.setFocus()
            return
        try:
            generate_slots(setup.plan)
        except ValidationError as error:
            self.show_error(error.message)
            return
        self.result_setup = setup
        self.submitted.emit(setup)
        self.accept()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
