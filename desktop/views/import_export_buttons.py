"""The Impor / Ekspor buttons of the Peserta page: the wizard, and the whole event to Excel."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMenu, QPushButton, QWidget

from desktop import paths
from desktop.i18n import _
from desktop.models.event import event_setup
from desktop.models.event.database import Database
from desktop.views import messages
from desktop.views.context import AppContext
from desktop.views.import_kinds import participants_kind, requests_kind
from desktop.views.import_wizard import ImportWizard, open_import_wizard


class ImportExportButtons(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.wizard: ImportWizard | None = None
        self.import_button = QPushButton(_("Impor …"))
        menu = QMenu(self.import_button)
        menu.addAction(_("Peserta dari Excel/CSV …"), lambda: self.start_import("participants"))
        menu.addAction(_("Permintaan pertemuan dari Excel/CSV …"), lambda: self.start_import("requests"))
        self.import_button.setMenu(menu)
        self.export_button = QPushButton(_("Ekspor Excel …"))
        self.export_button.setToolTip(_("Seluruh event ke satu berkas .xlsx: peserta, kehadiran, jadwal, pesanan, ringkasan"))
        self.export_button.clicked.connect(self.choose_export)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.import_button)
        layout.addWidget(self.export_button)

    def start_import(self, what: str, path: Path | None = None) -> ImportWizard:
        kind = participants_kind() if what == "participants" else requests_kind()
        self.wizard = open_import_wizard(self.context, kind, self.window(), path)
        if path is None:
            self.wizard.file_page.browse()
        return self.wizard

    def choose_export(self) -> None:
        def suggest(db: Database) -> str:
            with db.read() as session:
                event = event_setup.get_event(session)
            slug = re.sub(r"[^0-9A-Za-z]+", "-", event.name).strip("-") or "event"
            return f"{slug}-{event.event_date:%Y%m%d}.xlsx"

        def ask(name: str) -> None:
            path, _selected = QFileDialog.getSaveFileName(
                self, _("Ekspor event ke Excel"), str(paths.events_dir() / name), "Excel (*.xlsx)"
            )
            if path:
                self.export_to(Path(path))

        self.context.runner.run(suggest, on_success=ask, parent=self)

    def export_to(self, path: Path) -> None:
        from desktop.models.spreadsheet.export import ExportSummary, export_event  # openpyxl: on use only

        def work(db: Database) -> ExportSummary:
            with db.read() as session:
                return export_event(session, path)

        def done(summary: ExportSummary) -> None:
            self.last_export = summary
            messages.show_info(
                self,
                _("Event diekspor ke {path}\n{participants} peserta, {check_ins} catatan kehadiran, {meetings} pertemuan, "
                  "{lines} baris pesanan.").format(path=summary.path, participants=summary.participants,
                                                   check_ins=summary.check_ins, meetings=summary.meetings,
                                                   lines=summary.order_lines),
                title=_("Ekspor selesai"),
            )

        self.context.runner.run(work, on_success=done, parent=self)
