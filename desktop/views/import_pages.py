"""The four pages of the import wizard: file and sheet, columns, preview, done.

Pages lay out and show; the wizard (:class:`desktop.views.import_wizard.ImportWizard`) runs the
steps on the worker, and the words come from :mod:`desktop.views.import_steps`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from desktop.i18n import _
from desktop.models.spreadsheet import columns, reader
from desktop.models.spreadsheet.columns import Mapping
from desktop.models.spreadsheet.preview import ImportResult, Preview, RowStatus
from desktop.views.import_preview_model import PreviewFilter, PreviewModel
from desktop.views.import_steps import (
    column_letter,
    field_caption,
    header_text,
    import_button_text,
    likely_matches,
    mapping_problem,
    preview_summary,
)

if TYPE_CHECKING:
    from desktop.views.import_wizard import ImportWizard

FILE_FILTER = "Lembar kerja (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Semua berkas (*)"
ERROR_STYLE = "color: #b00020; font-weight: bold;"
GUESS_STYLE = "background: #fff4d6;"
NOT_USED = -1


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(_("Pilih berkas"))
        self.setSubTitle(_("Berkas .xlsx atau .csv (pemisah koma atau titik koma). Judul kolom boleh di bawah "
                           "baris judul dokumen."))
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(_("belum ada berkas"))
        self.browse_button = QPushButton(_("Pilih berkas …"))
        self.browse_button.clicked.connect(self.browse)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setEnabled(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout(self)
        form.addRow(_("Berkas"), row)
        form.addRow(_("Lembar"), self.sheet_combo)
        form.addRow(self.message)
        self.info: reader.FileInfo | None = None
        self.auto_sheet = False
        self.first_choice = ""

    def browse(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(self, _("Pilih berkas peserta"), "", FILE_FILTER)
        if path:
            self.wizard_.open_file(Path(path))

    def show_file(self, info: reader.FileInfo, preferred: tuple[str, ...]) -> None:
        self.info = info
        self.message.clear()
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(info.sheets))
        choice = next((name for name in preferred if name in info.sheets), None)
        # Without a sheet named as expected the reader picks the sheet that holds the columns (and says so).
        self.auto_sheet = choice is None and len(info.sheets) > 1
        self.first_choice = choice or info.sheets[0]
        self.sheet_combo.setCurrentText(self.first_choice)
        self.sheet_combo.setEnabled(len(info.sheets) > 1)
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.info = None
        self.sheet_combo.clear()
        self.message.setText(message)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.info is not None and not self.wizard_.busy

    def sheet(self) -> str | None:
        if self.info is None or self.info.kind == "csv":
            return None
        current = self.sheet_combo.currentText()
        return None if self.auto_sheet and current == self.first_choice else current


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(_("Cocokkan kolom"))
        self.header_label = QLabel()
        self.header_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.combos: dict[str, QComboBox] = {}
        self.captions: dict[str, QLabel] = {}
        grid = QGridLayout()  # two columns of "field: column" so the sample below stays visible
        half = (len(wizard.kind.fields) + 1) // 2
        for position, field in enumerate(wizard.kind.fields):
            combo = QComboBox()
            combo.currentIndexChanged.connect(self.completeChanged.emit)
            combo.currentIndexChanged.connect(self._check)
            self.combos[field.key] = combo
            caption = QLabel(field_caption(field))
            caption.setBuddy(combo)
            self.captions[field.key] = caption
            row, column = position % half, (position // half) * 2
            grid.addWidget(caption, row, column)
            grid.addWidget(combo, row, column + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.sample = QTableWidget()
        self.sample.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header_label)
        layout.addLayout(grid)
        layout.addWidget(QLabel(_("Contoh isi berkas:")))
        layout.addWidget(self.sample, 1)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        self.wizard_.load_table()

    def show_table(self, table: reader.SheetTable, guess: columns.ColumnGuess) -> None:
        mapping = guess.mapping
        self.header_label.setText(header_text(table, guess))
        for key, caption in self.captions.items():
            field = next(item for item in self.wizard_.kind.fields if item.key == key)
            guessed = key in guess.guesses
            caption.setText(field_caption(field, guessed))
            caption.setToolTip(guess.guesses.get(key, ""))
            self.combos[key].setStyleSheet(GUESS_STYLE if guessed else "")
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("— tidak dipakai —"), NOT_USED)
            untitled = _("(tanpa judul)")
            for index, header in enumerate(table.headers):
                combo.addItem(f"{column_letter(index)}: {header or untitled}", index)
            combo.setCurrentIndex(combo.findData(mapping.get(key, NOT_USED)))
            combo.blockSignals(False)
        sample = table.sample(5)
        self.sample.setColumnCount(len(table.headers))
        self.sample.setRowCount(len(sample))
        self.sample.setHorizontalHeaderLabels([f"{column_letter(i)}: {h}" for i, h in enumerate(table.headers)])
        self.sample.setVerticalHeaderLabels([str(row.number) for row in sample])
        for r, row in enumerate(sample):
            for c, value in enumerate(row.values):
                self.sample.setItem(r, c, QTableWidgetItem(reader.cell_text(value)))
        self.sample.resizeColumnsToContents()
        self._check()
        self.completeChanged.emit()

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.completeChanged.emit()

    def mapping(self) -> Mapping:
        return {key: combo.currentData() for key, combo in self.combos.items()
                if combo.currentData() is not None and combo.currentData() != NOT_USED}

    def _check(self, *_args: object) -> None:
        self.message.setText(mapping_problem(self.mapping(), self.wizard_.kind.fields))

    def isComplete(self) -> bool:
        return (self.wizard_.table is not None and not self.wizard_.busy and not self.message.text())


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.setTitle(_("Pratinjau"))
        self.setSubTitle(_("Hanya baris ok dan peringatan yang diimpor, sekaligus; baris galat dilewati. "
                           "Perbaiki berkasnya lalu impor lagi: baris yang sudah masuk tidak akan ganda."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.problems_only = QCheckBox(_("Tampilkan hanya baris bermasalah"))
        self.model = PreviewModel(wizard.kind, self)
        self.model.decided.connect(self.wizard_.load_preview)
        self.proxy = PreviewFilter(self)
        self.proxy.setSourceModel(self.model)
        self.problems_only.toggled.connect(self.proxy.set_problems_only)
        self.problems_only.toggled.connect(lambda _checked: self._fit_rows())
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems_only)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self.preview: Preview | None = None
        self.setCommitPage(True)

    def initializePage(self) -> None:
        self.preview = None
        self.model.decisions = {}
        self.model.set_rows([])
        self.message.clear()
        self.wizard_.load_preview()

    def show_preview(self, preview: Preview) -> None:
        self.preview = preview
        self.progress.hide()
        self.model.set_rows(list(preview.rows))
        for column, width in ((0, 50), (1, 85), (2, 90), (3, 75), (4, 200), (5, 120), (6, 95)):
            self.table.setColumnWidth(column, width)
        self._fit_rows()
        self.summary.setText(preview_summary(preview))
        errors, likely = preview.count(RowStatus.ERROR), likely_matches(preview)
        if (errors or likely) and not self.problems_only.isChecked():
            self.problems_only.setChecked(True)
        self.wizard_.setButtonText(
            QWizard.WizardButton.CommitButton,
            import_button_text(preview),
        )
        if not preview.importable:
            self.message.setText(_("Tidak ada baris yang dapat diimpor. Perbaiki berkasnya lalu coba lagi."))
        self.completeChanged.emit()

    def _fit_rows(self) -> None:
        """Whole reasons visible; skipped for huge files where measuring every row would stall."""
        if self.proxy.rowCount() <= 2000:
            self.table.resizeRowsToContents()

    def show_error(self, message: str) -> None:
        self.progress.hide()
        self.message.setText(message)
        self.completeChanged.emit()

    def show_progress(self, done: int, total: int, text: str) -> None:
        self.progress.show()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(text)

    def isComplete(self) -> bool:
        return self.preview is not None and self.preview.importable > 0 and not self.wizard_.busy

    def validatePage(self) -> bool:
        """Commit: import on the worker; the wizard moves on only when the transaction succeeded."""
        if self.wizard_.result_ is not None:
            return True
        self.wizard_.run_import()
        return False


class DonePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_("Selesai"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def show_result(self, result: ImportResult) -> None:
        self.label.setText(_("Impor selesai: {summary}").format(summary=result.summary()))


__all__ = ["ColumnsPage", "DonePage", "FilePage", "PreviewPage"]
