"""The import wizard: file and sheet → columns → preview with every row's status → import or nothing.

All file reading, checking and writing runs through the operation runner (off the UI
thread); the wizard only shows plain data from :mod:`desktop.models.spreadsheet`. Its pages
are in :mod:`desktop.views.import_pages`, what can be imported in :mod:`desktop.views.import_kinds`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard

from desktop.i18n import _
from desktop.models.event.database import Database
from desktop.models.spreadsheet import columns, reader
from desktop.models.spreadsheet.preview import ImportResult, Preview
from desktop.views.context import AppContext
from desktop.views.import_kinds import ImportKind
from desktop.views.import_pages import ColumnsPage, DonePage, FilePage, PreviewPage


class ImportWizard(QWizard):
    imported = Signal(object)

    def __init__(self, context: AppContext, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.setWindowTitle(kind.title)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(1000, 640)
        for button, text in (
            (QWizard.WizardButton.BackButton, _("< Kembali")),
            (QWizard.WizardButton.NextButton, _("Lanjut >")),
            (QWizard.WizardButton.CommitButton, _("Impor")),
            (QWizard.WizardButton.FinishButton, _("Selesai")),
            (QWizard.WizardButton.CancelButton, _("Batal")),
        ):
            self.setButtonText(button, text)
        self.busy = False
        self.path: Path | None = None
        self.table: reader.SheetTable | None = None
        self.result_: ImportResult | None = None
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = DonePage()
        for page in (self.file_page, self.columns_page, self.preview_page, self.done_page):
            self.addPage(page)

    def _run(self, work: Any, on_success: Any, on_error: Any, **options: Any) -> None:
        self.busy = True
        page = self.currentPage()
        if page is not None:
            page.completeChanged.emit()  # Next/Import stay disabled while the worker is busy

        def done(result: Any) -> None:
            self.busy = False
            on_success(result)

        def failed(error: Exception) -> None:
            self.busy = False
            on_error(getattr(error, "message", None) or str(error))

        self.context.runner.run(work, on_success=done, on_error=failed, parent=self, **options)

    def _decisions(self) -> dict[str, Any]:
        if not self.kind.decides_matches:
            return {}
        return {"decisions": dict(self.preview_page.model.decisions)}

    # ---- steps -------------------------------------------------------------------------------
    def open_file(self, path: Path) -> None:
        self.path = path
        self.table = None
        self.file_page.path_edit.setText(str(path))
        self._run(lambda _db: reader.inspect_file(path),
                  lambda info: self.file_page.show_file(info, self.kind.preferred_sheets),
                  self.file_page.show_error)

    def load_table(self) -> None:
        path, sheet = self.path, self.file_page.sheet()
        assert path is not None
        self.table = None
        score = columns.header_score(self.kind.fields)

        def loaded(table: reader.SheetTable) -> None:
            self.table = table
            if self.file_page.auto_sheet and table.sheet != self.file_page.sheet_combo.currentText():
                self.file_page.first_choice = table.sheet  # the combo shows the sheet the reader took
                self.file_page.sheet_combo.setCurrentText(table.sheet)
            guess = (self.kind.guess(table.headers) if self.kind.guess is not None
                     else columns.guess_columns(table.headers, self.kind.fields))
            self.columns_page.show_table(table, guess)

        self._run(lambda _db: reader.read_table(path, sheet, score), loaded, self.columns_page.show_error)

    def load_preview(self) -> None:
        table, mapping, preview = self.table, self.columns_page.mapping(), self.kind.preview
        options = self._decisions()
        assert table is not None

        def work(db: Database, progress: Any) -> Preview:
            with db.read() as session:
                return preview(session, table, mapping, progress, **options)

        self._run(work, self.preview_page.show_preview, self.preview_page.show_error,
                  on_progress=self.preview_page.show_progress)

    def run_import(self) -> None:
        table, mapping, run, actor = self.table, self.columns_page.mapping(), self.kind.run, self.context.actor
        options = self._decisions()
        assert table is not None

        def work(db: Database) -> ImportResult:
            with db.transaction() as session:  # all rows or none
                return run(session, table, mapping, actor, **options)

        def finished(result: ImportResult) -> None:
            self.result_ = result
            self.done_page.show_result(result)
            self.imported.emit(result)
            self.next()

        self._run(work, finished, self.preview_page.show_error, changes=self.kind.changes)


def open_import_wizard(context: AppContext, kind: ImportKind, parent: QWidget | None = None,
                       path: Path | None = None) -> ImportWizard:
    wizard = ImportWizard(context, kind, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    if path is not None:
        wizard.open_file(path)
    return wizard


__all__ = ["ImportWizard", "open_import_wizard"]
