"""The Pesanan page: record orders at the tables, check capacity, split shortfalls, list and tally."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models import orders
from desktop.models.orders import capacity
from desktop.models.orders import cofulfilment
from desktop.models.people import participants
from desktop.models.reporting import tallies
from desktop.models.event.database import Database
from desktop.models.errors import DomainError, ValidationError
from desktop.models.orders import OrderData, OrderPreview, OrderRow, PartyOption, SavedOrder
from desktop.models.people.participants import CategoryRow
from desktop.views import messages
from desktop.views.context import AppContext
from desktop.views.operations import CHECK_INS, ORDERS, PARTICIPANTS
from desktop.views.order_dialog import OrderDialog
from desktop.views.order_followup_dialogs import CancelOrderDialog, CoFulfilmentDialog
from desktop.views.order_filters import OrderFilters
from desktop.views.order_model import COLUMNS, OrderFilterProxy, OrderTableModel
from desktop.views.order_tally_view import OrderTallyView, tally_summary
from desktop.views.orders_words import needs_split, no_helpers_message, row_actions, saved_message, split_message

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

        self.filters = OrderFilters(self.proxy)
        bar = self.filters  # its controls by name: the shortcuts and the tests reach them here
        self.search_edit, self.buyer_filter, self.seller_filter = bar.search_edit, bar.buyer_filter, bar.seller_filter
        self.category_filter, self.status_filter = bar.category_filter, bar.status_filter

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

        self.tally_view = OrderTallyView()
        self.tally_group, self.tally_table = self.tally_view.tally_group, self.tally_view.tally_table
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, _("Daftar pesanan"))
        self.tabs.addTab(self.tally_view, _("Rekap"))

        self.summary_label = QLabel()
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.summary_label.setStyleSheet("font-size: 11pt;")
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)

        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.split_button)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
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
        self.filters.fill(self.model.rows(), self.categories)

    def _show_tally(self, tally: tallies.OrderTally) -> None:
        self.summary_label.setText(tally_summary(tally))
        self.tally_view.show_tally(tally)

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
        allowed = row_actions(self.selected_row())
        self.edit_button.setEnabled(allowed.edit)
        self.cancel_button.setEnabled(allowed.cancel)
        self.split_button.setEnabled(allowed.split)

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
        self.say(saved_message(saved), WARN_COLOUR if saved.warnings else OK_COLOUR)
        if needs_split(order):
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
                self.say(no_helpers_message(plan), WARN_COLOUR)
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
                self.say(split_message(plan, rows))

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
