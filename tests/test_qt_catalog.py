"""Qt's own dialogs in Indonesian: our catalogue matches Qt's strings, compiles, and is used."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from desktop import i18n
from desktop.app import Application
from desktop.reports import ReportKind
from desktop.views.qt_catalog import QT_CATALOG_DIR
from desktop.views.report_actions import suggested_file_name

TS = QT_CATALOG_DIR / "qtbase_id.ts"


def _messages() -> list[tuple[str, str, str, str]]:
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.findtext("comment") or "",
         message.findtext("translation") or "")
        for context in root.iter("context") for message in context.iter("message")
    ]


def test_every_string_is_one_qt_really_shows_and_is_translated() -> None:
    german = QTranslator()  # Qt's most complete catalogue: a string it lacks is not Qt's
    assert german.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    messages = _messages()
    assert len(messages) > 200
    unknown = [(c, s) for c, s, comment, _t in messages if not german.translate(c, s, comment or None)]
    assert unknown == []
    assert all(t.strip() for *_rest, t in messages)


def test_the_committed_qm_is_the_compiled_ts(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    assert lrelease.exists(), "pyside6-lrelease comes with PySide6"
    fresh = tmp_path / "qtbase_id.qm"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == (QT_CATALOG_DIR / "qtbase_id.qm").read_bytes()


def test_file_dialog_and_message_box_speak_indonesian(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = Application(QApplication.instance())
    app.apply_language("id")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
        dialog = QFileDialog(None, "Simpan", "", "PDF (*.pdf)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(dialog)
        texts = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"&Cari di:", "&Nama berkas:", "&Jenis berkas:"} <= texts
        buttons = dialog.findChild(QDialogButtonBox)
        assert {b.text() for b in buttons.buttons()} == {"&Simpan", "Batal"}
        box = QMessageBox(QMessageBox.Icon.Question, "T", "?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        qtbot.addWidget(box)
        assert {b.text() for b in box.buttons()} == {"&Ya", "&Tidak"}
        app.apply_language("en")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        app.apply_language("id")


def test_default_file_names_follow_the_language() -> None:
    day = dt.date(2020, 3, 6)
    assert suggested_file_name(ReportKind.SCHEDULES, day, "ikm052") == "jadwal-IKM052-2020-03-06.pdf"
    assert suggested_file_name(ReportKind.TALLY, day) == "rekap-transaksi-2020-03-06.pdf"
    i18n.set_language("en")
    assert suggested_file_name(ReportKind.SCHEDULES, day, "ikm052") == "schedules-IKM052-2020-03-06.pdf"


def test_print_dialog_speaks_indonesian(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QAbstractButton, QGroupBox

    app = Application(QApplication.instance())
    app.apply_language("id")
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    words = ({w.text() for w in dialog.findChildren(QLabel)} | {w.text() for w in dialog.findChildren(QAbstractButton)}
             | {w.title() for w in dialog.findChildren(QGroupBox)})
    assert {"Printer", "Rentang cetak", "Batal"} <= words and "Cancel" not in words and "Print range" not in words
