"""The Hari H tab: the coming slot's meetings with each side's check-in, the no-show repair,
slips for whoever changed, and walk-ins onto the standby list."""

from __future__ import annotations

import tempfile
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting, reports
from desktop.i18n import _
from desktop.models.schedule import onsite
from desktop.models.event.database import Database
from desktop.models.enums import MeetingStatus, label
from desktop.models.schedule.onsite import NextSlot, RepairPlan
from desktop.reports import ReportKind
from desktop.views.context import AppContext
from desktop.views.meeting_dialogs import RepairDialog
from desktop.views.operations import MEETINGS
from desktop.views.report_actions import GeneratedReport, show_preview, suggested_file_name

PRESENT, ABSENT = "#1f7a4d", "#b00020"


class NextSlotPanel(QWidget):
    walk_in_requested = Signal()
    repaired = Signal(object)  # RepairPlan

    def __init__(self, context: AppContext, moment: Callable[[], dt.datetime],
                 rehearsal: Callable[[], bool] = lambda: False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.moment = moment  # the page's event moment
        self.rehearsal = rehearsal  # the computer's date is not the event's
        self.repair_dialog: RepairDialog | None = None
        self.last_plan: RepairPlan | None = None
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.clock_label = QLabel()
        self.clock_label.setStyleSheet("color: #555;")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Meja"), _("Pihak A"), _("Pihak B"), _("Status")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.repair_button = QPushButton(_("Perbaiki jadwal untuk yang belum hadir …"))
        self.repair_button.clicked.connect(self.plan_repair)
        self.slips_button = QPushButton(_("Cetak slip yang berubah"))
        self.slips_button.setEnabled(False)
        self.slips_button.clicked.connect(self.print_slips)
        self.walk_in_button = QPushButton(_("Walk-in ke daftar tunggu …"))
        self.walk_in_button.setToolTip(_("Buat permintaan pertemuan untuk peserta walk-in; perbaikan berikutnya mengisinya."))
        self.walk_in_button.clicked.connect(self.walk_in_requested.emit)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.repair_button)
        buttons.addWidget(self.slips_button)
        buttons.addStretch(1)
        buttons.addWidget(self.walk_in_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addLayout(buttons)
        layout.addWidget(self.result_label)

    # ---- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        moment = self.moment()

        def load(db: Database) -> NextSlot:
            with db.read() as session:
                return onsite.next_slot(session, moment)

        self.context.runner.run(load, on_success=self.show_next, parent=self)

    def show_next(self, coming: NextSlot) -> None:
        moment = self.moment()
        text = _("Waktu acuan: {time}").format(time=formatting.clock(moment))
        if self.rehearsal():
            text += " " + _("(bukan hari event: jam komputer dibaca pada tanggal event)")
        self.clock_label.setText(text)
        if coming.slot is None:
            self.title_label.setText(_("Tidak ada sesi berikutnya hari ini."))
        else:
            self.title_label.setText(_("Sesi berikutnya: {slot}").format(slot=coming.slot.title))
        self.repair_button.setEnabled(coming.slot is not None)
        self.table.setRowCount(len(coming.meetings))
        missing = 0
        for row, card in enumerate(coming.meetings):
            self.table.setItem(row, 0, QTableWidgetItem(coming.table_labels.get(card.table_id, "")))
            for column, side in ((1, card.a), (2, card.b)):
                mark = "✓" if side.present else "✗"
                item = QTableWidgetItem(f"{mark} {side.name}")
                item.setForeground(QColor(PRESENT if side.present else ABSENT))
                item.setToolTip(_("sudah check-in") if side.present else _("belum check-in"))
                self.table.setItem(row, column, item)
                missing += not side.present
            self.table.setItem(row, 3, QTableWidgetItem(label(card.status, MeetingStatus)))
        text = _("{meetings} pertemuan · {missing} pihak belum check-in").format(meetings=len(coming.meetings), missing=missing)
        if coming.at_risk:  # later meetings stay; the repair before their slot cancels them if still absent
            absent = sorted({side.name for card in coming.at_risk for side in (card.a, card.b) if not side.present})
            text += "\n" + _("⚠ Berisiko: {count} pertemuan sesudahnya, belum hadir: {names}").format(
                count=len(coming.at_risk), names=", ".join(absent))
        self.summary_label.setText(text)

    # ---- the repair ----------------------------------------------------------------------
    def plan_repair(self) -> None:
        moment = self.moment()

        def plan(db: Database) -> RepairPlan:
            with db.read() as session:
                return onsite.plan_repair(session, moment)

        self.context.runner.run(plan, on_success=self._confirm, parent=self)

    def _confirm(self, plan: RepairPlan) -> None:
        dialog = RepairDialog(plan, self)
        dialog.accepted.connect(lambda: self.apply(plan, print_slips=dialog.print_slips))
        dialog.finished.connect(lambda _result: setattr(self, "repair_dialog", None))
        self.repair_dialog = dialog
        dialog.open()

    def apply(self, plan: RepairPlan, *, print_slips: bool = False) -> None:
        actor = self.context.actor

        def apply(db: Database) -> RepairPlan:
            with db.transaction() as session:
                return onsite.apply_repair(session, plan, actor)

        def done(stored: RepairPlan) -> None:
            self.last_plan = stored
            self.slips_button.setEnabled(bool(stored.changed_codes))
            self.result_label.setText(_(
                "Jadwal diperbarui: {cancelled} dibatalkan, {moved} dipindah, {added} baru. "
                "{people} peserta perlu slip baru: {codes}."
            ).format(cancelled=stored.count(onsite.CANCELLED), moved=stored.count(onsite.MOVED),
                     added=stored.count(onsite.ADDED), people=len(stored.changed_codes),
                     codes=", ".join(stored.changed_codes)))
            self.repaired.emit(stored)
            if print_slips:
                self.print_slips()

        self.context.runner.run(apply, on_success=done, changes={MEETINGS}, parent=self)

    def print_slips(self) -> None:
        """The personal schedules of everyone the last repair changed, in one PDF."""
        if self.last_plan is None or not self.last_plan.changed_codes:
            return
        codes = self.last_plan.changed_codes

        def work(db: Database) -> GeneratedReport:
            with db.read() as session:
                data = onsite.slips_for(session, codes)
            path = Path(tempfile.mkdtemp(prefix="temudesk-")) / "slips.pdf"
            pages = reports.render(ReportKind.SCHEDULES, data, path)
            name = suggested_file_name(ReportKind.SCHEDULES, data.event.event_date, stem=_("jadwal-berubah"))
            return GeneratedReport(ReportKind.SCHEDULES.value, _("Slip jadwal yang berubah"), path, pages, name)

        self.context.runner.run(work, on_success=lambda result: setattr(self, "slips_preview", show_preview(result, self)),
                                parent=self)


