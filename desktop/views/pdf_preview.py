"""Preview a generated PDF inside TemuDesk, print it (pages, copies) or save it elsewhere."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, ngettext
from desktop.views import messages

PRINT_DPI = 300  # sharp on paper without multi-hundred-megabyte page images


def print_document(document: QPdfDocument, printer: QPrinter, first: int = 1, last: int | None = None) -> int:
    """Paint pages ``first``…``last`` (1-based) of ``document`` on ``printer``; returns pages printed.

    Copies: the printer driver makes them when it can; otherwise the pages are sent again.
    """
    last = min(last or document.pageCount(), document.pageCount())
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(_("Printer tidak dapat dibuka."))
    printed = 0
    try:
        for copy in range(copies):
            for index in range(first - 1, last):
                if printed:
                    printer.newPage()
                target = printer.pageLayout().paintRectPixels(printer.resolution())
                points = document.pagePointSize(index)
                scale = min(target.width() / points.width(), target.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = document.render(index, size)
                offset = QPointF((target.width() - size.width()) / 2, (target.height() - size.height()) / 2)
                painter.drawImage(offset, image)
                printed += 1
    finally:
        painter.end()
    return printed


class PdfPreviewDialog(QDialog):
    """Shows one generated PDF; the file is temporary and removed when the dialog closes."""

    def __init__(self, path: Path, title: str, suggested_name: str, parent: QWidget | None = None,
                 *, temporary: bool = True) -> None:
        super().__init__(parent)
        self.path = path
        self.suggested_name = suggested_name
        self.temporary = temporary
        self.setWindowTitle(_("Pratinjau — {title}").format(title=title))
        self.resize(980, 760)
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.print_button = QPushButton(_("Cetak … (Ctrl+P)"))
        self.save_button = QPushButton(_("Simpan sebagai PDF … (Ctrl+S)"))
        self.fit_button = QPushButton(_("Satu halaman penuh"))
        self.fit_button.setCheckable(True)
        close_button = QPushButton(_("Tutup"))
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.save_pdf)
        self.fit_button.toggled.connect(self._toggle_fit)
        close_button.clicked.connect(self.close)
        pages = self.document.pageCount()
        self.info_label = QLabel(ngettext("{count} halaman", "{count} halaman", pages).format(count=pages))
        self.info_label.setStyleSheet("color: #444;")

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.print_button)
        toolbar.addWidget(self.save_button)
        toolbar.addWidget(self.fit_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.info_label)
        toolbar.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.view, 1)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_pdf)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_pdf)
        self.print_button.setDefault(True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finished.connect(self._cleanup)

    def page_count(self) -> int:
        return self.document.pageCount()

    def _toggle_fit(self, whole_page: bool) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView if whole_page else QPdfView.ZoomMode.FitToWidth)

    def print_pdf(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName(self.suggested_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(_("Cetak"))
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first, last = 1, self.page_count()
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), printer.toPage() or self.page_count()
        try:
            print_document(self.document, printer, first, last)
        except OSError as error:
            messages.show_error(self, str(error))

    def save_pdf(self) -> Path | None:
        start = str(Path.home() / self.suggested_name)
        target, _filter = QFileDialog.getSaveFileName(self, _("Simpan sebagai PDF"), start, _("Dokumen PDF (*.pdf)"))
        if not target:
            return None
        destination = Path(target)
        if destination.suffix.lower() != ".pdf":
            destination = destination.with_suffix(".pdf")
        try:
            shutil.copyfile(self.path, destination)
        except OSError as error:
            messages.show_error(self, _("PDF tidak dapat disimpan ke {path}: {error}").format(
                path=destination, error=error.strerror))
            return None
        self.info_label.setText(_("Disimpan: {path}").format(path=destination))
        return destination

    def _cleanup(self, _result: int = 0) -> None:
        self.document.close()
        if self.temporary:
            shutil.rmtree(self.path.parent, ignore_errors=True)
