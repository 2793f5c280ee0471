"""The Permintaan tab of the Jadwal page: requests, their schedule state, suggested pairs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _, ngettext
from desktop.models.schedule import meeting_requests
from desktop.models.schedule import suggestions
from desktop.models.event.database import Database
from desktop.models.enums import RequestSource
from desktop.models.errors import DomainError
from desktop.models.orders import PartyOption, list_parties
from desktop.models.schedule.suggestions import HostLoad, Suggestion
from desktop.views import messages
from desktop.views.context import AppContext
from desktop.views.operations import MEETINGS, REQUESTS
from desktop.views.request_dialogs import RequestDialog, RequestInput
from desktop.views.suggestions_dialog import SuggestionsDialog
from desktop.views.request_model import ALL, SCHEDULED, WAITING, RequestFilterProxy, RequestLine, RequestTableModel

COLUMN_WIDTHS = [250, 70, 250, 70, 70, 60, 90, 300]


class RequestsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RequestTableModel(self)
        self.proxy = RequestFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.active_dialog: RequestDialog | None = None
        self.suggestions_dialog: SuggestionsDialog | None = None

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Cari peserta dalam permintaan …"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.proxy.set_text)
        self.state_combo = QComboBox()
        self.state_combo.addItem(_("Semua permintaan"), ALL)
        self.state_combo.addItem(_("Sudah terjadwal"), SCHEDULED)
        self.state_combo.addItem(_("Belum terjadwal"), WAITING)
        self.state_combo.currentIndexChanged.connect(lambda: self.proxy.set_state(self.state_combo.currentData()))
        self.add_button = QPushButton(_("Tambah"))
        self.edit_button = QPushButton(_("Ubah"))
        self.delete_button = QPushButton(_("Hapus"))
        self.suggest_button = QPushButton(_("Saran pasangan …"))
        self.add_button.clicked.connect(lambda: self.add_request())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.suggest_button.clicked.connect(self.show_suggestions)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMN_WIDTHS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_selected)

        self.loads_label = QLabel()
        self.loads_label.setWordWrap(True)
        self.loads_label.setStyleSheet("color: #a15c00;")
        self.count_label = QLabel()

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.search_edit, 3)
        toolbar.addWidget(self.state_combo, 1)
        for button in (self.add_button, self.edit_button, self.delete_button, self.suggest_button):
            toolbar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.loads_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    # ---- data ----------------------------------------------------------------------------
    def show_lines(self, lines: list[RequestLine], loads: list[HostLoad]) -> None:
        self.model.set_rows(lines)
        over = [load.describe() for load in loads if load.oversubscribed]
        self.loads_label.setText(_("Permintaan melebihi sesi: {hosts}").format(hosts="; ".join(over)) if over else "")
        self.loads_label.setVisible(bool(over))
        waiting = sum(1 for line in lines if not line.scheduled)
        self.count_label.setText(
            ngettext("{count} permintaan", "{count} permintaan", len(lines)).format(count=len(lines))
            + " · " + _("{count} belum terjadwal").format(count=waiting)
        )

    def selected_line(self) -> RequestLine | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row())

    # ---- add / edit / delete -------------------------------------------------------------
    def _with_parties(self, show: Callable[[list[PartyOption]], None]) -> None:
        def load(db: Database) -> list[PartyOption]:
            with db.read() as session:
                return list_parties(session)

        self.context.runner.run(load, on_success=show, parent=self)

    def add_request(self, *, title: str | None = None, note: str = "") -> None:
        """A new request (also how a walk-in joins the standby list)."""
        self._with_parties(lambda parties: self._open(RequestDialog(parties, None, self, title=title, note=note)))

    def edit_selected(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        self._with_parties(lambda parties: self._open(RequestDialog(parties, line.row, self)))

    def _open(self, dialog: RequestDialog) -> None:
        actor = self.context.actor
        existing = dialog.existing

        def submit(data: RequestInput) -> None:
            def save(db: Database) -> None:
                with db.transaction() as session:
                    if existing is None:
                        meeting_requests.create_request(
                            session, data.a_id, data.b_id, actor, priority=data.priority,
                            session_wish=data.session_wish, source=RequestSource.MANUAL.value, note=data.note,
                            meetings=data.meetings)
                    else:
                        meeting_requests.update_request(session, existing.id, actor, priority=data.priority,
                                                        session_wish=data.session_wish, note=data.note,
                                                        meetings=data.meetings)

            self.context.runner.run(save, on_success=lambda _r: dialog.saved(),
                                    on_error=lambda error: dialog.show_error(str(error)),
                                    changes={REQUESTS}, parent=dialog)

        dialog.submitted.connect(submit)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "active_dialog", None))
        self.active_dialog = dialog
        dialog.open()

    def delete_selected(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        text = _("Hapus permintaan {a} × {b}?").format(a=line.row.a_name, b=line.row.b_name)
        if line.scheduled:
            text += "\n\n" + _("Pertemuannya ({where}) ikut terhapus dari jadwal.").format(where=line.status_text())
        if not messages.confirm(self, text, title=_("Hapus permintaan"), yes=_("Hapus"), destructive=True):
            return
        actor = self.context.actor

        def delete(db: Database) -> None:
            with db.transaction() as session:
                meeting_requests.delete_request(session, line.row.id, actor)

        self.context.runner.run(delete, changes={REQUESTS, MEETINGS}, parent=self)

    # ---- suggestions ---------------------------------------------------------------------
    def show_suggestions(self) -> None:
        def load(db: Database) -> tuple[list[Suggestion], list[HostLoad]]:
            with db.read() as session:
                return suggestions.suggest_pairs(session), suggestions.host_loads(session)

        self.context.runner.run(load, on_success=lambda result: self._suggest(*result), parent=self)

    def _suggest(self, found: list[Suggestion], loads: list[HostLoad]) -> None:
        dialog = SuggestionsDialog(found, loads, self)
        dialog.accept_requested.connect(lambda chosen: self.accept_suggestions(chosen, dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "suggestions_dialog", None))
        self.suggestions_dialog = dialog
        dialog.open()

    def accept_suggestions(self, chosen: list[Suggestion], dialog: SuggestionsDialog | None = None) -> None:
        if not chosen:
            messages.show_info(self, _("Centang dulu saran yang ingin diterima."))
            return
        actor = self.context.actor

        def accept(db: Database) -> int:
            with db.transaction() as session:
                return suggestions.accept_suggestions(session, chosen, actor)

        def done(added: int) -> None:
            if dialog is not None:
                dialog.accept()
            self.count_label.setText(_("{count} permintaan baru dari saran.").format(count=added))

        def failed(error: Exception) -> None:
            if isinstance(error, DomainError):
                self.context.runner.error_presenter(self, error.message)

        self.context.runner.run(accept, on_success=done, on_error=failed, changes={REQUESTS}, parent=self)
