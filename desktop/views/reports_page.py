"""The Laporan page: pick a printed paper, choose paper size (and a participant), preview, print."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models.enums import PaperSize, label
from desktop.reports import REPORTS, ReportInfo
from desktop.views.context import AppContext
from desktop.views.pdf_preview import PdfPreviewDialog
from desktop.views.report_actions import generate_and_preview


class ReportsPage(QWidget):
    preview_opened = Signal(object)  # the PdfPreviewDialog, or None when making it failed

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last_preview: PdfPreviewDialog | None = None
        self._pending_title = ""

        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 6px; }")
        for info in REPORTS:
            item = QListWidgetItem(f"{info.title}\n{info.description}")
            item.setData(Qt.ItemDataRole.UserRole, info.kind.value)
            item.setToolTip(info.description)
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self._update_options)
        self.list.itemActivated.connect(lambda _item: self.generate())

        self.paper_combo = QComboBox()
        self.paper_combo.addItem(_("Sesuai pengaturan event"), None)
        for size in PaperSize:
            self.paper_combo.addItem(label(size), size.value)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(_("Kosongkan untuk semua peserta, atau ketik kode (mis. IKM001)"))
        self.code_edit.setClearButtonEnabled(True)
        self.code_edit.returnPressed.connect(self.generate)
        self.code_label = QLabel(_("Peserta"))
        self.generate_button = QPushButton(_("Buat dan pratinjau (Enter)"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #444;")
        self.status_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(_("Kertas"), self.paper_combo)
        form.addRow(self.code_label, self.code_edit)
        side = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        side.addWidget(self.heading)
        side.addLayout(form)
        side.addWidget(self.generate_button)
        side.addWidget(self.progress)
        side.addWidget(self.status_label)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 3)
        layout.addLayout(side, 2)

        QShortcut(QKeySequence(Qt.Key.Key_Return), self.list, self.generate)
        self.list.setCurrentRow(0)

    # ---- state ---------------------------------------------------------------------------
    def current_info(self) -> ReportInfo:
        return REPORTS[max(self.list.currentRow(), 0)]

    def select_kind(self, kind: str) -> None:
        for row, info in enumerate(REPORTS):
            if info.kind == kind:
                self.list.setCurrentRow(row)

    def _update_options(self, _row: int = 0) -> None:
        info = self.current_info()
        self.heading.setText(f"<h3>{info.title}</h3><p>{info.description}</p>")
        self.code_edit.setEnabled(info.per_participant)
        self.code_label.setEnabled(info.per_participant)

    def focus_search(self) -> None:
        self.list.setFocus()

    # ---- generating ----------------------------------------------------------------------
    def generate(self) -> None:
        if not self.generate_button.isEnabled():
            return  # already working: a second Enter must not start a second batch
        info = self.current_info()
        code = self.code_edit.text().strip() if info.per_participant else ""
        self.generate_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._pending_title = info.title
        self.status_label.setText(_("Membuat {title} …").format(title=info.title))
        generate_and_preview(
            self.context, self, info.kind.value, code=code or None, paper=self.paper_combo.currentData(),
            on_progress=self._progress, on_done=self._done,
        )

    def _progress(self, done: int, total: int, title: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.status_label.setText(_("Membuat {title}: {done} dari {total} halaman").format(
                title=title, done=done, total=total))
        else:
            self.status_label.setText(_("Membuat {title}: halaman {done}").format(title=title, done=done))

    def _done(self, dialog: PdfPreviewDialog | None) -> None:
        self.generate_button.setEnabled(True)
        self.progress.setVisible(False)
        if dialog is None:
            self.status_label.setText(_("Laporan tidak dapat dibuat."))
        else:
            self.status_label.setText(_("{title}: {pages} halaman, terbuka di pratinjau.").format(
                title=self._pending_title, pages=dialog.page_count()))
        self.last_preview = dialog
        self.preview_opened.emit(dialog)
