"""The import wizard: file and sheet → columns → preview with every row's status → import or nothing.

All file reading, checking and writing runs through the operation runner (off the UI
thread); the wizard only shows plain data from :mod:`desktop.models.spreadsheet`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
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
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.i18n import _
from desktop.models.database import Database
from desktop.models.spreadsheet import columns, reader
from desktop.models.spreadsheet.columns import Field, Mapping
from desktop.models.spreadsheet.participant_fields import IMPORT_FIELDS
from desktop.models.spreadsheet.participant_import import (
    guess_participant_columns,
    import_participants,
    preview_participants,
)
from desktop.models.spreadsheet.preview import ImportResult, Preview, PreviewRow, RowStatus, action_label, status_label
from desktop.models.spreadsheet.request_import import REQUEST_FIELDS, import_requests, preview_requests
from desktop.views.context import AppContext
from desktop.views.operations import PARTICIPANTS, REQUESTS

FILE_FILTER = "Lembar kerja (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Semua berkas (*)"
ERROR_STYLE = "color: #b00020; font-weight: bold;"
STATUS_COLOURS = {
    RowStatus.OK: QColor("#e6f4ea"),
    RowStatus.WARNING: QColor("#fff4d6"),
    RowStatus.ERROR: QColor("#fde7e9"),
    RowStatus.SKIPPED: QColor("#eceff1"),
}
GUESS_STYLE = "background: #fff4d6;"
STATUS_ORDER = ["error", "warning", "skipped", "ok"]
SAME_COLUMN = 6
NOT_USED = -1


@dataclass(frozen=True)
class ImportKind:
    """What is being imported: its fields, sheet names to prefer, services and change kinds."""

    title: str
    fields: tuple[Field, ...]
    preferred_sheets: tuple[str, ...]
    preview: Any
    run: Any
    changes: frozenset[str]
    name_header: str
    detail_header: str
    guess: Any = None  # headers → ColumnGuess; None: the plain header guess
    decides_matches: bool = False  # the preview offers "same as the likely participant?" per row


def participants_kind() -> ImportKind:
    return ImportKind(_("Impor peserta"), IMPORT_FIELDS, ("Peserta", "Participants"), preview_participants,
                      import_participants, frozenset({PARTICIPANTS}), _("Nama usaha"), _("No. HP/WA"),
                      guess_participant_columns, True)


def requests_kind() -> ImportKind:
    return ImportKind(_("Impor permintaan pertemuan"), REQUEST_FIELDS, ("Permintaan", "Requests"), preview_requests,
                      import_requests, frozenset({REQUESTS}), _("Pasangan"), _("Prioritas dan sesi"))


# ---- preview table --------------------------------------------------------------------------
class PreviewModel(QAbstractTableModel):
    decided = Signal()

    def __init__(self, kind: ImportKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PreviewRow] = []
        self._headers = [_("Baris"), _("Status"), _("Tindakan"), _("Kode"), kind.name_header, kind.detail_header,
                         _("Sama dengan?"), _("Alasan")]
        self.decisions: dict[int, bool] = {}

    def set_rows(self, rows: list[PreviewRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, position: int) -> PreviewRow:
        return self._rows[position]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        same = row.maybe_same[0] if row.maybe_same else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return [row.number, status_label(row.status), action_label(row.action), row.code, row.name, row.detail,
                    same, row.reason][column]
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return [row.number, STATUS_ORDER.index(row.status), row.action, row.code, row.name,
                    row.detail, same, row.reason][column]
        if role == Qt.ItemDataRole.CheckStateRole and column == SAME_COLUMN and row.maybe_same and row.importable:
            taken = self.decisions.get(row.number, row.same_by_default)
            return Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and column in (0, 1):
            return QBrush(STATUS_COLOURS[RowStatus(row.status)])
        if role == Qt.ItemDataRole.ToolTipRole and row.messages:
            return "\n".join(row.messages)
        if role == Qt.ItemDataRole.ForegroundRole and column == 7 and row.status == RowStatus.ERROR:
            return QBrush(QColor("#8a0014"))
        if role == Qt.ItemDataRole.ForegroundRole and row.status == RowStatus.SKIPPED:
            return QBrush(QColor("#5f6b73"))
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == SAME_COLUMN and self._rows[index.row()].maybe_same:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The admin's answer to "mungkin sama dengan …"; the wizard checks the file again with it."""
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != SAME_COLUMN:
            return False
        row = self._rows[index.row()]
        self.decisions[row.number] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index)
        self.decided.emit()
        return True


class PreviewFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems_only = False
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_problems_only(self, value: bool) -> None:
        self.beginFilterChange()
        self.problems_only = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.problems_only:
            return True
        model = self.sourceModel()
        assert isinstance(model, PreviewModel)
        return model.row_at(source_row).status != RowStatus.OK


# ---- pages ----------------------------------------------------------------------------------
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
            caption = QLabel(_(field.caption) + (" *" if field.required else ""))
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
        text = _("Judul kolom dibaca dari baris {row} lembar \"{sheet}\"; {count} baris data. Periksa tebakan di bawah; "
                 "kolom bertanda * wajib.").format(row=table.header_row, sheet=table.sheet, count=len(table.rows))
        if guess.guesses:
            text += " " + _("Isian berlatar kuning adalah tebakan: {reasons}.").format(reasons="; ".join(guess.guesses.values()))
        if table.note:
            text = table.note + " " + text
        self.header_label.setText(text)
        for key, caption in self.captions.items():
            field = next(item for item in self.wizard_.kind.fields if item.key == key)
            guessed = key in guess.guesses
            caption.setText(_(field.caption) + (" *" if field.required else "") + (" " + _("(tebakan)") if guessed else ""))
            caption.setToolTip(guess.guesses.get(key, ""))
            self.combos[key].setStyleSheet(GUESS_STYLE if guessed else "")
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("— tidak dipakai —"), NOT_USED)
            untitled = _("(tanpa judul)")
            for index, header in enumerate(table.headers):
                combo.addItem(f"{_column_letter(index)}: {header or untitled}", index)
            combo.setCurrentIndex(combo.findData(mapping.get(key, NOT_USED)))
            combo.blockSignals(False)
        sample = table.sample(5)
        self.sample.setColumnCount(len(table.headers))
        self.sample.setRowCount(len(sample))
        self.sample.setHorizontalHeaderLabels([f"{_column_letter(i)}: {h}" for i, h in enumerate(table.headers)])
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
        mapping = self.mapping()
        missing = columns.missing_required(mapping, self.wizard_.kind.fields)
        used = list(mapping.values())
        if missing:
            self.message.setText(_("Pilih kolom untuk: {fields}.").format(
                fields=", ".join(_(field.caption) for field in missing)))
        elif len(used) != len(set(used)):
            self.message.setText(_("Satu kolom dipilih untuk dua isian; pilih kolom yang berbeda."))
        else:
            self.message.clear()

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
        ok, warnings, errors = (preview.count(RowStatus.OK), preview.count(RowStatus.WARNING),
                                preview.count(RowStatus.ERROR))
        text = _("<b>{file}</b>, lembar {sheet}: <span style='color:#1f7a4d'><b>{ok} ok</b></span> · "
                 "<span style='color:#8a6d00'><b>{warnings} peringatan</b></span> · "
                 "<span style='color:#b00020'><b>{errors} galat</b></span>").format(
            file=html.escape(preview.file_name), sheet=html.escape(preview.sheet), ok=ok, warnings=warnings,
            errors=errors)
        skipped = preview.count(RowStatus.SKIPPED)
        if skipped:
            text += " · " + _("<b>{count} dilewati</b> (bukan peserta: jumlah, nomor kolom, judul bagian, "
                              "tanda tangan)").format(count=skipped)
        likely = sum(1 for row in preview.rows if row.maybe_same and row.importable)
        if likely:
            text += "<br>" + _("<b>{count} baris mungkin sama</b> dengan peserta yang ada: centang kolom "
                               "\"Sama dengan?\" bila memang sama, hapus centang bila peserta baru.").format(count=likely)
        for caption, why in preview.guessed_columns:
            text += "<br>" + html.escape(_("Tebakan kolom {field}: {why}.").format(field=caption, why=why))
        for note in preview.notes:
            text += "<br>" + html.escape(note)
        self.summary.setText(text)
        if (errors or likely) and not self.problems_only.isChecked():
            self.problems_only.setChecked(True)
        self.wizard_.setButtonText(
            QWizard.WizardButton.CommitButton,
            _("Impor {count} baris").format(count=preview.importable) if preview.importable else _("Impor"),
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


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


# ---- the wizard -----------------------------------------------------------------------------
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
