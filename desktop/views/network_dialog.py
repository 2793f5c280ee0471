"""Berkas → Event di jaringan: connect to the hall's server, copy events, use and merge emergency files.

Everything that talks to a server runs on the dialog's own worker thread (a dead server takes
seconds to say so); the buttons that need a good connection unlock after "Uji sambungan".
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting, paths
from desktop.i18n import _
from desktop.models.event import emergency
from desktop.models.access.actor import Actor
from desktop.models.checkin.checkin_merge import MergePreview, Verdict, apply_merge, preview_merge
from desktop.models.event.database import Database, open_database
from desktop.models.errors import DomainError, ValidationError
from desktop.models.event.event_copy import CopyReport, copy_event_to
from desktop.models.event.network_event import DEFAULT_PORT, ConnectionCheck, ServerAddress, check_connection
from desktop.views import messages, settings

SERVER_HOST = settings.Option("network/host", "")
SERVER_PORT = settings.Option("network/port", DEFAULT_PORT)
SERVER_DATABASE = settings.Option("network/database", "")
SERVER_USER = settings.Option("network/user", "")
EVENT_FILE_FILTER = "Event TemuDesk (*.sqlite);;Semua berkas (*)"
OK_STYLE = "color: #1b7f3b; font-weight: bold;"
PROBLEM_STYLE = "color: #b3261e; font-weight: bold;"


def emergency_folder() -> Path:
    return paths.events_dir() / "darurat"


# ---- a tiny worker of its own ---------------------------------------------------------------
class _Signals(QObject):
    finished = Signal(int, object, object)  # job, result, error


class _Job(QRunnable):
    def __init__(self, number: int, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.number, self.work, self.signals = number, work, signals

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # shown in the dialog, never raised in the worker
            self.signals.finished.emit(self.number, None, error)
        else:
            self.signals.finished.emit(self.number, result, None)


class NetworkEventDialog(QDialog):
    open_requested = Signal(str)  # a server URL or an event file to open as the current event

    def __init__(self, current: Database | None, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = current
        self.actor = actor
        self.check: ConnectionCheck | None = None
        self.setWindowTitle(_("Event di jaringan"))
        self.setMinimumWidth(660)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.finished.connect(self._finished)
        self._jobs: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None] | None]] = {}
        self._numbers = itertools.count(1)

        intro = QLabel(_(
            "Beberapa laptop memakai satu event bersama lewat server PostgreSQL di laptop server "
            "(cara menyiapkannya ada di README). Isi alamatnya, lalu uji sambungan."))
        intro.setWordWrap(True)
        store = settings.app_settings()
        self.host_edit = QLineEdit(SERVER_HOST.get(store))
        self.host_edit.setPlaceholderText(_("mis. 192.168.1.10"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setMaximumWidth(110)
        self.port_spin.setValue(SERVER_PORT.get(store))
        self.database_edit = QLineEdit(SERVER_DATABASE.get(store))
        self.database_edit.setPlaceholderText(_("mis. gmsc2020"))
        self.user_edit = QLineEdit(SERVER_USER.get(store))
        self.user_edit.setPlaceholderText(_("mis. meja"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(_("Alamat server:"), self.host_edit)
        form.addRow(_("Port:"), self.port_spin)
        form.addRow(_("Basis data:"), self.database_edit)
        form.addRow(_("Pengguna:"), self.user_edit)
        form.addRow(_("Kata sandi:"), self.password_edit)
        for edit in (self.host_edit, self.database_edit, self.user_edit, self.password_edit):
            edit.textEdited.connect(self._address_changed)
        self.port_spin.valueChanged.connect(self._address_changed)

        self.test_button = QPushButton(_("&Uji sambungan"))
        self.test_button.setDefault(True)
        self.test_button.clicked.connect(self.test_connection)
        self.status_label = QLabel(_("Belum diuji."))
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("network_status")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.status_label, 1)

        self.open_button = QPushButton(_("&Buka event di server"))
        self.open_button.clicked.connect(self.open_server_event)
        self.upload_button = QPushButton(_("&Salin event ini ke server"))
        self.upload_button.clicked.connect(self.copy_current_to_server)
        event_box = QGroupBox(_("Event di server"))
        event_row = QHBoxLayout(event_box)
        event_row.addWidget(self.open_button)
        event_row.addWidget(self.upload_button)

        self.archive_button = QPushButton(_("Salin event server ke &berkas …"))
        self.archive_button.clicked.connect(self.copy_server_to_file)
        self.emergency_button = QPushButton(_("Buka berkas &darurat terbaru"))
        self.emergency_button.clicked.connect(self.open_latest_emergency)
        self.merge_button = QPushButton(_("&Gabungkan check-in dari berkas darurat …"))
        self.merge_button.clicked.connect(self.choose_merge_file)
        self.emergency_label = QLabel()
        self.emergency_label.setWordWrap(True)
        files_box = QGroupBox(_("Arsip dan berkas darurat"))
        files_layout = QVBoxLayout(files_box)
        files_grid = QGridLayout()
        files_grid.addWidget(self.archive_button, 0, 0)
        files_grid.addWidget(self.emergency_button, 0, 1)
        files_grid.addWidget(self.merge_button, 1, 0, 1, 2)
        files_layout.addLayout(files_grid)
        files_layout.addWidget(self.emergency_label)

        buttons = QDialogButtonBox()
        buttons.addButton(_("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(event_box)
        layout.addWidget(files_box)
        layout.addWidget(buttons)
        self._update_buttons()

    # ---- address ---------------------------------------------------------------------------
    def address(self) -> ServerAddress:
        return ServerAddress(self.host_edit.text().strip(), self.database_edit.text().strip(),
                             self.user_edit.text().strip(), self.password_edit.text(), self.port_spin.value())

    def set_address(self, address: ServerAddress) -> None:
        self.host_edit.setText(address.host)
        self.port_spin.setValue(address.port)
        self.database_edit.setText(address.database)
        self.user_edit.setText(address.user)
        self.password_edit.setText(address.password)
        self._address_changed()

    def _address_changed(self) -> None:
        self.check = None
        self.status_label.setStyleSheet("")
        self.status_label.setText(_("Belum diuji."))
        self._update_buttons()

    def _update_buttons(self, busy: bool = False) -> None:
        ok = self.check is not None and self.check.ok and not busy
        has_event = ok and self.check is not None and self.check.has_event
        local = self.current is not None and self.current.is_sqlite
        self.test_button.setEnabled(not busy)
        self.open_button.setEnabled(has_event)
        self.upload_button.setEnabled(ok and not has_event and local)
        self.archive_button.setEnabled(has_event)
        self.merge_button.setEnabled(has_event)
        on_server = self.current is not None and not self.current.is_sqlite
        latest = emergency.copies(self.current, emergency_folder()) if on_server and self.current else []
        self.emergency_button.setEnabled(bool(latest) and not busy)
        self._latest_emergency = latest[0] if latest else None
        if latest:
            self.emergency_label.setText(_("Berkas darurat terbaru: {name}").format(name=latest[0].name))
        else:
            self.emergency_label.setText(_(
                "Selama tersambung ke server, TemuDesk menyimpan berkas darurat setiap 5 menit di {folder}."
            ).format(folder=emergency_folder()))

    def _remember(self, address: ServerAddress) -> None:
        store = settings.app_settings()
        SERVER_HOST.set(store, address.host)
        SERVER_PORT.set(store, address.port)
        SERVER_DATABASE.set(store, address.database)
        SERVER_USER.set(store, address.user)  # never the password

    def _show_status(self, ok: bool, text: str) -> None:
        self.status_label.setStyleSheet(OK_STYLE if ok else PROBLEM_STYLE)
        self.status_label.setText(text)

    # ---- background work ---------------------------------------------------------------------
    def _run(self, work: Callable[[], Any], on_success: Callable[[Any], None],
             on_error: Callable[[Exception], None] | None = None, busy_text: str = "") -> None:
        number = next(self._numbers)
        self._jobs[number] = (on_success, on_error)
        if busy_text:
            self.status_label.setStyleSheet("")
            self.status_label.setText(busy_text)
        self._update_buttons(busy=True)
        self._pool.start(_Job(number, work, self._signals))

    @Slot(int, object, object)
    def _finished(self, number: int, result: Any, error: Exception | None) -> None:
        on_success, on_error = self._jobs.pop(number)
        self._update_buttons()
        if error is None:
            on_success(result)
        elif on_error is not None:
            on_error(error)
        else:
            self._show_status(False, error.message if isinstance(error, DomainError) else str(error))

    def wait(self) -> None:
        self._pool.waitForDone(30_000)

    # ---- actions -------------------------------------------------------------------------------
    def test_connection(self) -> None:
        try:
            address = self.address().validated()
        except ValidationError as error:
            self._show_status(False, error.message)
            return

        def done(result: ConnectionCheck) -> None:
            self.check = result
            self._show_status(result.ok, result.message)
            if result.ok:
                self._remember(address)
            self._update_buttons()

        self._run(lambda: check_connection(address), done, busy_text=_("Menghubungi server …"))

    def open_server_event(self) -> None:
        self.open_requested.emit(self.address().url())
        self.accept()

    def copy_current_to_server(self) -> None:
        current, address = self.current, self.address()
        if current is None:
            return
        if not messages.confirm(self, _("Salin event ini ({source}) ke server {server}? Event di laptop ini tetap ada.").format(
                source=current.display_name, server=address.display()), yes=_("Salin")):
            return

        def done(report: CopyReport) -> None:
            self.check = ConnectionCheck(True, "", has_schema=True, has_event=True)
            self._show_status(True, _("Tersalin ke server dan terverifikasi: {rows} baris. Buka event di server "
                                      "di setiap laptop meja.").format(rows=formatting.number(report.rows)))
            self._update_buttons()

        self._run(lambda: copy_event_to(current, address.url()), done, busy_text=_("Menyalin ke server …"))

    def copy_server_to_file(self) -> None:
        address = self.address()
        suggestion = paths.events_dir() / f"{address.database}-arsip-{dt.datetime.now():%Y%m%d-%H%M}.sqlite"
        path, _selected = QFileDialog.getSaveFileName(self, _("Simpan salinan event sebagai"), str(suggestion),
                                                      EVENT_FILE_FILTER)
        if path:
            self.copy_server_to(Path(path))

    def copy_server_to(self, path: Path) -> None:
        address = self.address()

        def work() -> CopyReport:
            server = open_database(address.url(), create=False)
            try:
                return copy_event_to(server, path)
            finally:
                server.close()

        def done(report: CopyReport) -> None:
            self._show_status(True, _("Tersalin ke {path} dan terverifikasi: {rows} baris.").format(
                path=path, rows=formatting.number(report.rows)))

        self._run(work, done, busy_text=_("Menyalin dari server …"))

    def open_latest_emergency(self) -> None:
        if self._latest_emergency is None:
            return
        if messages.confirm(self, _(
                "Buka berkas darurat {name} dan lanjutkan check-in di laptop ini?\n\nCheck-in yang dicatat di sana "
                "digabungkan ke server nanti (tombol Gabungkan check-in).").format(name=self._latest_emergency.name),
                yes=_("Buka berkas darurat")):
            self.open_requested.emit(str(self._latest_emergency))
            self.accept()

    def choose_merge_file(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(self, _("Pilih berkas darurat"), str(emergency_folder()),
                                                      EVENT_FILE_FILTER)
        if path:
            self.preview_merge_from(Path(path))

    def preview_merge_from(self, path: Path) -> None:
        address = self.address()

        def work() -> MergePreview:
            file, server = open_database(path, create=False), open_database(address.url(), create=False)
            try:
                with file.read() as offline, server.read() as online:
                    return preview_merge(offline, online)
            finally:
                file.close()
                server.close()

        self._run(work, lambda preview: self._show_preview(path, preview), busy_text=_("Membandingkan …"))

    def _show_preview(self, path: Path, preview: MergePreview) -> None:
        self._show_status(True, _("Pratinjau siap."))
        dialog = MergePreviewDialog(preview, self)
        self.preview_dialog = dialog
        dialog.accepted.connect(lambda: self.apply_merge_from(path))
        dialog.open()

    def apply_merge_from(self, path: Path) -> None:
        address, actor = self.address(), self.actor

        def work() -> MergePreview:
            file, server = open_database(path, create=False), open_database(address.url(), create=False)
            try:
                with file.read() as offline, server.transaction() as online:
                    return apply_merge(offline, online, actor)
            finally:
                file.close()
                server.close()

        def done(result: MergePreview) -> None:
            self._show_status(True, _("Digabungkan: {added} check-in ditambahkan ke server, {already} sudah ada.").format(
                added=result.count(Verdict.ADD), already=result.count(Verdict.ALREADY)))

        self._run(work, done, busy_text=_("Menggabungkan …"))


class MergePreviewDialog(QDialog):
    """Every check-in of the emergency file that the server has not seen, and what merging does with it."""

    def __init__(self, preview: MergePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Pratinjau penggabungan check-in"))
        self.resize(860, 460)
        labels = {
            Verdict.ADD: _("ditambahkan"), Verdict.ALREADY: _("sudah hadir"), Verdict.UNKNOWN: _("kode tak dikenal"),
            Verdict.UNDO_SKIPPED: _("dilewati"), Verdict.NOTHING: _("tidak ada perubahan"),
        }
        summary = QLabel(_("{add} check-in akan ditambahkan ke server; {other} baris lain hanya dilaporkan.").format(
            add=preview.count(Verdict.ADD), other=len(preview.items) - preview.count(Verdict.ADD)))
        summary.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(len(preview.items), 6)
        self.table.setHorizontalHeaderLabels(
            [_("Hasil"), _("Kode"), _("Nama"), _("Jam"), _("Meja registrasi"), _("Keterangan")])
        for row, item in enumerate(preview.items):
            cells = [labels[item.verdict], item.code, item.name, formatting.clock_seconds(item.at), item.desk, item.note]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(str(text)))
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(_("Gabungkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)  # the safe answer
        self.apply_button.setEnabled(preview.count(Verdict.ADD) > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
