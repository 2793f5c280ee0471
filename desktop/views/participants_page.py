"""The Peserta page: search, filter by kind, add / edit / delete participants."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
from desktop.models.people import participants
from desktop.models.event.database import Database
from desktop.models.enums import ParticipantKind, label
from desktop.models.errors import ValidationError
from desktop.models.people.participants import CategoryRow, ParticipantData, ParticipantRow
from desktop.views import messages
from desktop.views.context import AppContext
from desktop.views.import_export_buttons import ImportExportButtons
from desktop.views.operations import PARTICIPANTS
from desktop.views.participant_dialog import ParticipantDialog
from desktop.views.participant_model import ParticipantFilterProxy, ParticipantTableModel


# Code, name (stretches), kind, contact, phone, kecamatan, products, capacity.
COLUMN_WIDTHS = [80, 260, 100, 170, 125, 115, 190, 110]


class ParticipantsPage(QWidget):
    loaded = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.categories: list[CategoryRow] = []
        self.model = ParticipantTableModel(self)
        self.proxy = ParticipantFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Cari kode, nama usaha, kontak atau nomor HP … (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.proxy.set_text)
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(_("Semua jenis"), None)
        for kind in ParticipantKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(lambda: self.proxy.set_kind(self.kind_combo.currentData()))

        self.add_button = QPushButton(_("Tambah (Ctrl+N)"))
        self.edit_button = QPushButton(_("Ubah (F2)"))
        self.delete_button = QPushButton(_("Hapus (Del)"))
        self.add_button.clicked.connect(self.add_participant)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #444;")

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.search_edit, 3)
        toolbar.addWidget(self.kind_combo, 1)
        toolbar.addWidget(self.add_button)
        toolbar.addWidget(self.edit_button)
        toolbar.addWidget(self.delete_button)
        self.spreadsheet_buttons = ImportExportButtons(context, self)
        toolbar.addWidget(self.spreadsheet_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        QShortcut(QKeySequence("Ctrl+F"), self, self.search_edit.setFocus)
        QShortcut(QKeySequence("Ctrl+N"), self, self.add_participant)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.edit_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_selected)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        context.bus.changed.connect(self._on_changed)
        self._pending_select: int | None = None
        self.active_dialog: ParticipantDialog | None = None
        self._update_buttons()
        self.refresh()

    # ---- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        def load(db: Database) -> tuple[list[ParticipantRow], list[CategoryRow]]:
            with db.read() as session:
                return participants.list_participants(session), participants.list_categories(session)

        self.context.runner.run(load, on_success=self._show, parent=self)

    def _show(self, result: tuple[list[ParticipantRow], list[CategoryRow]]) -> None:
        selected = self.selected_row()
        rows, self.categories = result
        self.model.set_rows(rows)
        target = self._pending_select or (selected.id if selected else None)
        self._pending_select = None
        if target is not None:
            self.select_id(target)
        self._update_count()
        self._update_buttons()
        self.loaded.emit()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if PARTICIPANTS in kinds:
            self.refresh()

    def _update_count(self, *_args: object) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        ikm = sum(1 for row in self.model.rows() if row.kind == ParticipantKind.IKM.value)
        text = ngettext("{count} peserta", "{count} peserta", total).format(count=total)
        text += " · " + _("{count} IKM").format(count=ikm)
        if shown != total:
            text += " · " + _("{shown} cocok dengan pencarian").format(shown=shown)
        self.count_label.setText(text)

    # ---- selection -----------------------------------------------------------------------
    def selected_row(self) -> ParticipantRow | None:
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not indexes:
            return None
        source = self.proxy.mapToSource(indexes[0])
        return self.model.row_at(source.row())

    def select_id(self, participant_id: int) -> None:
        position = self.model.row_of_id(participant_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _update_buttons(self, *_args: object) -> None:
        has = self.selected_row() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # ---- actions -------------------------------------------------------------------------
    def add_participant(self) -> ParticipantDialog:
        return self._open_dialog(ParticipantDialog(self.categories, parent=self), None)

    def edit_selected(self) -> ParticipantDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        return self._open_dialog(ParticipantDialog(self.categories, row, parent=self), row)

    def _open_dialog(self, dialog: ParticipantDialog, existing: ParticipantRow | None) -> ParticipantDialog:
        """Show the dialog; it stays open until the service has accepted the data."""
        actor = self.context.actor

        def submit(data: ParticipantData) -> None:
            def save(db: Database) -> ParticipantRow:
                with db.transaction() as session:
                    if existing is None:
                        return participants.create_participant(session, data, actor)
                    return participants.update_participant(
                        session, existing.id, data, actor, expected_version=existing.version
                    )

            def saved(row: ParticipantRow) -> None:
                self._pending_select = row.id
                dialog.saved(row)

            def failed(error: Exception) -> None:
                if isinstance(error, ValidationError):
                    dialog.show_problems(error.problems, "" if error.problems else error.message)
                else:
                    dialog.show_problems({}, str(error))
                dialog.set_busy(False)

            dialog.set_busy(True)
            self.context.runner.run(save, on_success=saved, on_error=failed, changes={PARTICIPANTS}, parent=dialog)

        dialog.submitted.connect(submit)
        dialog.finished.connect(lambda _result: setattr(self, "active_dialog", None))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return

        def impact(db: Database) -> participants.DeletionImpact:
            with db.read() as session:
                return participants.deletion_impact(session, row.id)

        self.context.runner.run(impact, on_success=lambda result: self._confirm_delete(row, result), parent=self)

    def _confirm_delete(self, row: ParticipantRow, impact: participants.DeletionImpact) -> None:
        if impact.blocked:
            if impact.orders:
                text = _("{name} tidak dapat dihapus karena sudah punya {count} pesanan. Batalkan pesanannya saja bila perlu.")
                count = impact.orders
            else:
                text = _("{name} tidak dapat dihapus karena {count} pertemuannya sudah terlaksana dan tercatat.")
                count = impact.held_meetings
            messages.show_error(self, text.format(name=row.business_name, count=count))
            return
        consequences = []
        if impact.requests:
            consequences.append(_("{count} permintaan pertemuan").format(count=impact.requests))
        if impact.meetings:
            consequences.append(_("{count} pertemuan terjadwal").format(count=impact.meetings))
        if impact.check_ins:
            consequences.append(_("{count} catatan check-in").format(count=impact.check_ins))
        if impact.hosted_tables:
            consequences.append(_("status tuan rumah di {count} meja").format(count=impact.hosted_tables))
        text = _("Hapus {code} — {name}?").format(code=row.code, name=row.business_name)
        if consequences:
            text += "\n\n" + _("Ikut terhapus: {items}.").format(items=", ".join(consequences))
        text += "\n\n" + _("Tindakan ini tidak dapat dibatalkan.")
        if not messages.confirm(self, text, title=_("Hapus peserta"), yes=_("Hapus"), destructive=True):
            return

        def delete(db: Database) -> None:
            with db.transaction() as session:
                participants.delete_participant(session, row.id, self.context.actor)

        self.context.runner.run(delete, changes={PARTICIPANTS}, parent=self)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()


