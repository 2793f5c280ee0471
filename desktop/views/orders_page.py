"""The Pesanan page: record orders at the tables, check capacity, split shortfalls, list and tally."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

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
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.i18n import _
from desktop.models import capacity, cofulfilment, orders, participants, tallies
from desktop.models.database import Database
from desktop.models.enums import OrderStatus, label
from desktop.models.errors import DomainError, ValidationError
from desktop.models.orders import OrderData, OrderPreview, OrderRow, PartyOption, SavedOrder
from desktop.models.participants import CategoryRow
from desktop.views import messages
from desktop.views.context import AppContext
from desktop.views.operations import CHECK_INS, ORDERS, PARTICIPANTS
from desktop.views.order_dialog import OrderDialog
from desktop.views.order_followup_dialogs import CancelOrderDialog, CoFulfilmentDialog
from desktop.views.order_model import COLUMNS, OrderFilterProxy, OrderTableModel

OK_COLOUR = "#1f7a4d"
WARN_COLOUR = "#a15c00"
WIDE_COLUMNS = {"buyer": 165, "seller": 165, "products": 120, "requested": 110, "committed": 110, "link": 160}


@dataclass(frozen=True)
class _PageData:
    orders: list[OrderRow]
    parties: list[PartyOption]
    categories: list[CategoryRow]
    event_date: dt.date
    tally: tallies.OrderTally


class OrdersPage(QWidget):
    loaded = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.parties: list[PartyOption] = []
        self.categories: list[CategoryRow] = []
        self.event_date = dt.date.today()
        self.active_dialog: OrderDialog | CoFulfilmentDialog | CancelOrderDialog | None = None
        self._pending_select: int | None = None

        self.model = OrderTableModel(self)
        self.proxy = OrderFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Cari no., pembeli, penjual, produk … (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda text: self.proxy.set_filters(text=text))
        self.buyer_filter = QComboBox()
        self.seller_filter = QComboBox()
        self.category_filter = QComboBox()
        self.status_filter = QComboBox()
        self.status_filter.addItem(_("Semua status"), None)
        for status in OrderStatus:
            self.status_filter.addItem(label(status), status.value)
        for combo, key in ((self.buyer_filter, "buyer"), (self.seller_filter, "seller"),
                           (self.category_filter, "category"), (self.status_filter, "status")):
            combo.currentIndexChanged.connect(lambda _i, c=combo, k=key: self.proxy.set_filters(**{k: c.currentData()}))

        self.new_button = QPushButton(_("Pesanan baru (Ctrl+N)"))
        self.edit_button = QPushButton(_("Ubah (F2)"))
        self.split_button = QPushButton(_("Bagi kekurangan (Ctrl+B)"))
        self.cancel_button = QPushButton(_("Batalkan (Del)"))
        self.new_button.clicked.connect(self.new_order)
        self.edit_button.clicked.connect(self.edit_selected)
        self.split_button.clicked.connect(lambda: self.split_shortfall())
        self.cancel_button.clicked.connect(self.cancel_selected)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first: the one just typed
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.tally: tallies.OrderTally | None = None
        self.tally_group = QComboBox()
        for key, title in (("ikm", _("Per IKM / penjual")), ("buyer", _("Per pembeli")), ("category", _("Per produk"))):
            self.tally_group.addItem(title, key)
        self.tally_group.currentIndexChanged.connect(lambda _i: self._fill_tally_table())
        self.tally_table = self._tally_table()
        tally_page = QWidget()
        tally_layout = QVBoxLayout(tally_page)
        tally_layout.addWidget(self.tally_group, 0, Qt.AlignmentFlag.AlignLeft)
        tally_layout.addWidget(self.tally_table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, _("Daftar pesanan"))
        self.tabs.addTab(tally_page, _("Rekap"))

        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setStyleSheet("font-size: 11pt;")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.buyer_filter, 2)
        filters.addWidget(self.seller_filter, 2)
        filters.addWidget(self.category_filter, 1)
        filters.addWidget(self.status_filter, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.split_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)

        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_order)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.edit_selected)
        QShortcut(QKeySequence("Ctrl+B"), self, lambda: self.split_shortfall())
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.cancel_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_selected)
        context.bus.changed.connect(self._on_changed)
        self._update_buttons()
        self.refresh()

    @staticmethod
    def _tally_table() -> QTableWidget:
        table = QTableWidget(0, 6)
        table.setHorizontalHeaderLabels(
            [_("Nama"), _("Pesanan"), _("Diminta (pasang)"), _("Disanggupi (pasang)"), _("Belum terpenuhi (pasang)"),
             _("Nilai")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    # ---- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        def load(db: Database) -> _PageData:
            with db.read() as session:
                return _PageData(
                    orders=orders.list_orders(session),
                    parties=orders.list_parties(session),
                    categories=participants.list_categories(session),
                    event_date=capacity.event_day(session),
                    tally=tallies.order_tally(session),
                )

        self.context.runner.run(load, on_success=self._show, parent=self)

    def _show(self, data: _PageData) -> None:
        selected = self.selected_row()
        self.parties, self.categories, self.event_date = data.parties, data.categories, data.event_date
        self.model.set_rows(data.orders)
        self._fit_columns()
        self._fill_filters()
        target = self._pending_select or (selected.id if selected else None)
        self._pending_select = None
        if target is not None:
            self.select_id(target)
        self._show_tally(data.tally)
        self._update_buttons()
        self.loaded.emit()

    def _fit_columns(self) -> None:
        """Fit the columns to their contents, but keep long business names from pushing the rest off screen."""
        self.table.resizeColumnsToContents()
        for column, spec in enumerate(COLUMNS):
            if spec.key in WIDE_COLUMNS:
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), WIDE_COLUMNS[spec.key]))

    def _fill_filters(self) -> None:
        rows = self.model.rows()
        names = {
            self.buyer_filter: (_("Semua pembeli"), sorted({(r.buyer_name, r.buyer_id) for r in rows})),
            self.seller_filter: (_("Semua penjual"), sorted({(r.seller_name, r.seller_id) for r in rows})),
            self.category_filter: (_("Semua produk"), [(c.name, c.id) for c in self.categories]),
        }
        for combo, (everyone, choices) in names.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, None)
            for name, key in choices:
                combo.addItem(name, key)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _show_tally(self, tally: tallies.OrderTally) -> None:
        self.summary_label.setText(
            _("{orders} pesanan LoI/pasti · diminta <b>{requested}</b> · disanggupi <b>{committed}</b> · "
              "belum terpenuhi <b>{unfulfilled}</b> · <b>{value}</b>").format(
                orders=tally.orders,
                requested=formatting.pairs(tally.requested_pairs),
                committed=formatting.pairs(tally.committed_pairs),
                unfulfilled=formatting.pairs(tally.unfulfilled_pairs),
                value=formatting.rupiah(tally.value_rupiah),
            )
        )
        self.tally = tally
        self._fill_tally_table()

    def _fill_tally_table(self) -> None:
        """Requested counts the buyer's demand once; committed counts every maker (see tallies.py)."""
        if self.tally is None:
            return
        rows = {"ikm": self.tally.by_ikm, "buyer": self.tally.by_buyer, "category": self.tally.by_category}[
            self.tally_group.currentData()
        ]
        table = self.tally_table
        table.setRowCount(len(rows))
        for position, row in enumerate(rows):
            cells = [
                str(row.name), formatting.number(row.orders), formatting.number(row.requested_pairs),
                formatting.number(row.committed_pairs), formatting.number(row.unfulfilled_pairs),
                formatting.rupiah(row.value_rupiah),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(position, column, item)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {ORDERS, PARTICIPANTS, CHECK_INS}:
            self.refresh()

    def say(self, text: str, colour: str = OK_COLOUR) -> None:
        """A calm line under the list (no box to click away at a busy table)."""
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"color: {colour};")

    # ---- selection -----------------------------------------------------------------------
    def selected_row(self) -> OrderRow | None:
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row())

    def select_id(self, order_id: int) -> None:
        position = self.model.row_of_id(order_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected_row()
        live = row is not None and not row.is_cancelled
        self.edit_button.setEnabled(live)
        self.cancel_button.setEnabled(live)
        self.split_button.setEnabled(live and row is not None and row.parent_order_id is None and row.open_shortfall_pairs > 0)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def unsaved_work(self) -> str | None:
        """What quitting now would throw away (asked by the main window on Ctrl+Q)."""
        dialog = self.active_dialog
        if dialog is not None and dialog.isVisible():
            if isinstance(dialog, OrderDialog) and not dialog.has_unsaved_input():
                return None
            return _("Formulir pesanan masih terbuka dan belum disimpan.")
        return None

    # ---- entering and editing ------------------------------------------------------------
    def new_order(self) -> OrderDialog:
        return self._open_order_dialog(OrderDialog(self.parties, self.categories, self.event_date, parent=self), None)

    def new_order_from_meeting(self, meeting_id: int) -> None:
        """Open the entry form with buyer and seller taken from a meeting (the schedule's cards call this)."""

        def load(db: Database) -> orders.MeetingParties:
            with db.read() as session:
                return orders.meeting_parties(session, meeting_id)

        def show(parties: orders.MeetingParties) -> None:
            dialog = self.new_order()
            dialog.set_meeting(parties)

        self.context.runner.run(load, on_success=show, parent=self)

    def edit_selected(self) -> OrderDialog | None:
        row = self.selected_row()
        if row is None or row.is_cancelled:
            return None
        dialog = OrderDialog(self.parties, self.categories, self.event_date, row, parent=self)
        return self._open_order_dialog(dialog, row)

    def _open_order_dialog(self, dialog: OrderDialog, existing: OrderRow | None) -> OrderDialog:
        actor = self.context.actor
        exclude = existing.id if existing else None

        def preview(data: OrderData) -> None:
            def work(db: Database) -> OrderPreview:
                with db.read() as session:
                    return orders.preview(session, data, exclude_order_id=exclude)

            def shown(result: OrderPreview) -> None:
                if self.active_dialog is dialog:
                    dialog.show_preview(result)

            self.context.runner.run(work, on_success=shown, on_error=lambda _e: None, parent=dialog)

        def submit(data: OrderData, allow_duplicate: bool = False) -> None:
            def save(db: Database) -> SavedOrder:
                with db.transaction() as session:
                    filled = orders.commit_what_fits(session, data, exclude_order_id=exclude)
                    if existing is None:
                        return orders.create_order(session, filled, actor, allow_duplicate=allow_duplicate)
                    return orders.update_order(session, existing.id, filled, actor, expected_version=existing.version)

            def failed(error: Exception) -> None:
                dialog.set_busy(False)
                if isinstance(error, orders.DuplicateOrderError):
                    if messages.confirm(dialog, error.message, title=_("Pesanan ganda?"), yes=_("Simpan juga"),
                                        no=_("Jangan simpan"), destructive=True):
                        submit(data, allow_duplicate=True)
                    return
                if isinstance(error, ValidationError):
                    dialog.show_problems(error.problems, "" if error.problems else error.message)
                else:
                    dialog.show_problems({}, str(error))

            dialog.set_busy(True)
            self.context.runner.run(save, on_success=lambda saved: self._saved(dialog, saved), on_error=failed,
                                    changes={ORDERS}, parent=dialog)

        dialog.submitted.connect(submit)
        dialog.preview_wanted.connect(preview)
        return self._show_dialog(dialog)

    def _show_dialog(self, dialog: OrderDialog | CoFulfilmentDialog | CancelOrderDialog):  # type: ignore[no-untyped-def]
        def finished(_result: int) -> None:
            if self.active_dialog is dialog:
                self.active_dialog = None

        dialog.finished.connect(finished)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, dialog: OrderDialog, saved: SavedOrder) -> None:
        order = saved.order
        self._pending_select = order.id
        dialog.saved(order)
        text = _("Pesanan {number} tersimpan: {buyer} dari {seller}, {value}.").format(
            number=order.number, buyer=order.buyer_name, seller=order.seller_name,
            value=formatting.rupiah(order.value_rupiah),
        )
        self.say(" ".join([text, *saved.warnings]), WARN_COLOUR if saved.warnings else OK_COLOUR)
        if order.parent_order_id is None and order.open_shortfall_pairs > 0:
            self.split_shortfall(order.id, automatic=True)

    # ---- co-fulfilment -------------------------------------------------------------------
    def split_shortfall(self, order_id: int | None = None, *, automatic: bool = False) -> None:
        """Offer present makers for the open shortfall of an order (the selected one by default)."""
        if order_id is None:
            row = self.selected_row()
            if row is None:
                return
            order_id = row.id

        def load(db: Database) -> cofulfilment.CoFulfilmentPlan:
            with db.read() as session:
                return cofulfilment.plan(session, order_id)

        def show(plan: cofulfilment.CoFulfilmentPlan) -> None:
            if automatic and not plan.helpers:
                self.say(_("Kekurangan {pairs} pada {number} tercatat sebagai belum terpenuhi: tidak ada IKM hadir "
                           "dengan produk sama yang masih punya kapasitas.").format(
                    pairs=formatting.pairs(plan.open_shortfall), number=plan.order.number), WARN_COLOUR)
                return
            self._open_split_dialog(plan)

        self.context.runner.run(load, on_success=show, parent=self)

    def _open_split_dialog(self, plan: cofulfilment.CoFulfilmentPlan) -> CoFulfilmentDialog:
        dialog = CoFulfilmentDialog(plan, parent=self)
        actor = self.context.actor

        def submit(allocations: list[tuple[int, int]]) -> None:
            def create(db: Database) -> list[OrderRow]:
                with db.transaction() as session:
                    return cofulfilment.create_linked_orders(session, plan.order.id, plan.line.position, allocations, actor)

            def created(rows: list[OrderRow]) -> None:
                self._pending_select = plan.order.id
                dialog.accept()
                self.say(_("Kekurangan {number} dibagi ke {makers}.").format(
                    number=plan.order.number,
                    makers=", ".join(f"{r.seller_name} ({formatting.pairs(r.committed_pairs)}, {r.number})" for r in rows),
                ))

            def failed(error: Exception) -> None:
                dialog.set_busy(False)
                dialog.show_error(str(error) if isinstance(error, DomainError) else _("Gagal membuat pesanan terkait."))

            dialog.set_busy(True)
            self.context.runner.run(create, on_success=created, on_error=failed, changes={ORDERS}, parent=dialog)

        dialog.submitted.connect(submit)
        return self._show_dialog(dialog)

    # ---- cancelling ----------------------------------------------------------------------
    def cancel_selected(self) -> CancelOrderDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        if row.is_cancelled:
            self.say(_("Pesanan {number} sudah dibatalkan (alasan: {reason}).").format(
                number=row.number, reason=row.cancel_reason), WARN_COLOUR)
            return None
        dialog = CancelOrderDialog(row, parent=self)
        actor = self.context.actor

        def submit(reason: str) -> None:
            def cancel(db: Database) -> orders.CancelResult:
                with db.transaction() as session:
                    return orders.cancel_order(session, row.id, reason, actor, expected_version=row.version)

            def done(result: orders.CancelResult) -> None:
                self._pending_select = row.id
                dialog.accept()
                self.say(_("Pesanan {number} dibatalkan.").format(number=row.number), WARN_COLOUR)

            def failed(error: Exception) -> None:
                dialog.set_busy(False)
                dialog.show_error(str(error) if isinstance(error, DomainError) else _("Pembatalan gagal."))

            dialog.set_busy(True)
            self.context.runner.run(cancel, on_success=done, on_error=failed, changes={ORDERS}, parent=dialog)

        dialog.submitted.connect(submit)
        return self._show_dialog(dialog)


__all__ = ["OrdersPage"]
