"""The Jadwal page: the board (run the scheduler, drag, lock, outcomes), requests, and the day.

Every edit goes through :mod:`desktop.models.schedule.meetings` on the DB worker; the board only
changes when the file did (it reloads on the MEETINGS/REQUESTS change kinds). A refused
edit shows its reason in the bar above the board.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models.schedule import board as board_service
from desktop.models.schedule import suggestions
from desktop.models.schedule.board import Board, MeetingCard
from desktop.models.event.database import Database
from desktop.models.enums import MeetingStatus
from desktop.models.errors import DomainError
from desktop.models.schedule.meeting_requests import list_requests
from desktop.models.schedule.schedule_run import problem_for_run
from desktop.models.schedule.schedule_store import StoreSummary, started_slot_ids
from desktop.models.schedule.schedule_undo import ScheduleChanges, schedule_changes
from desktop.models.schedule.suggestions import HostLoad
from desktop.scheduling import Problem, ScheduleResult
from desktop.views.context import AppContext
from desktop.views.meeting_dialogs import OutcomeDialog, PlaceRequestDialog
from desktop.views.next_slot_panel import NextSlotPanel
from desktop.views.operations import CHECK_INS, EVENT, MEETINGS, ORDERS, PARTICIPANTS, REQUESTS
from desktop.views.request_model import RequestLine
from desktop.views.requests_tab import RequestsTab
from desktop.views.board_view import BoardView
from desktop.views.schedule_board import BoardModel
from desktop.views import messages
from desktop.views.schedule_commands import AddCommand, LockCommand, MoveCommand, StoreRunCommand
from desktop.views.schedule_editor import ScheduleEditor
from desktop.views.schedule_run import RunDialog
from desktop.views.schedule_outcome import MeetingOutcomes, record_order
from desktop.views.schedule_toolbar import NoticeBar, ScheduleToolbar
from desktop.views.schedule_words import board_summary, describe_result, legend, stored_message, waiting_for_cell

def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class _Loaded:
    board: Board
    lines: list[RequestLine]
    loads: list[HostLoad]


class SchedulePage(QWidget):
    loaded = Signal()
    schedule_stored = Signal(object)  # ScheduleResult

    def __init__(self, context: AppContext, clock: Callable[[], dt.datetime] = _now, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.clock = clock
        self.board: Board | None = None
        self.lines: list[RequestLine] = []
        self.undo_stack = QUndoStack(self)
        self.run_dialog: RunDialog | None = None
        self.place_dialog: PlaceRequestDialog | None = None
        self.last_result: ScheduleResult | None = None
        self._run_problem: Problem | None = None

        self.editor = ScheduleEditor(context, self.moment, self, succeeded=self._succeeded, failed=self._undo_failed,
                                     say=self.say)
        self.model = BoardModel(self)
        self.outcomes = MeetingOutcomes(context, self, self.model.where, self._succeeded)
        self.model.move_requested.connect(self.request_move)
        self.view = BoardView(self.model)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(self._double_clicked)

        self.toolbar = ScheduleToolbar(self.undo_stack)
        bar = self.toolbar  # its controls by name: the shortcuts and the tests reach them here
        self.run_button, self.time_limit_spin = bar.run_button, bar.time_limit_spin
        self.view_combo, self.focus_combo = bar.view_combo, bar.focus_combo
        self.undo_button, self.redo_button = bar.undo_button, bar.redo_button
        self.run_button.clicked.connect(self.run_scheduler)
        self.view_combo.currentIndexChanged.connect(self._mode_changed)
        self.focus_combo.currentIndexChanged.connect(self._focus_changed)

        self.message_label = NoticeBar()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("color: #333;")
        self.legend_label = QLabel(legend())
        self.legend_label.setStyleSheet("color: #555;")
        self.legend_label.setWordWrap(True)  # its own line, wrapped: it fits any width

        board_tab = QWidget()
        board_layout = QVBoxLayout(board_tab)
        board_layout.setContentsMargins(4, 4, 4, 2)
        board_layout.setSpacing(3)
        board_layout.addLayout(self.toolbar)
        board_layout.addWidget(self.message_label)
        board_layout.addWidget(self.view, 1)
        board_layout.addWidget(self.result_label)
        board_layout.addWidget(self.legend_label)

        self.requests_tab = RequestsTab(context)
        self.next_panel = NextSlotPanel(context, self.moment, self.rehearsal)
        self.next_panel.walk_in_requested.connect(
            lambda: self.requests_tab.add_request(title=_("Walk-in ke daftar tunggu"), note=_("walk-in")))
        self.tabs = QTabWidget()
        self.tabs.addTab(board_tab, _("Papan jadwal"))
        self.tabs.addTab(self.requests_tab, _("Permintaan"))
        self.tabs.addTab(self.next_panel, _("Sesi berikutnya"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.undo_stack.redo)
        QShortcut(QKeySequence("Ctrl+L"), self.view, self.toggle_lock_selected)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.run_scheduler)
        # The coming slot changes with the clock, not with the data: look again every minute.
        self.minute = QTimer(self)
        self.minute.setInterval(60_000)
        self.minute.timeout.connect(self.next_panel.refresh)
        self.minute.start()
        context.bus.changed.connect(self._on_changed)
        self.refresh()

    # ---- time ----------------------------------------------------------------------------
    def moment(self) -> dt.datetime:
        """The moment that decides past slots and the coming slot (see ``board.event_moment``)."""
        event_date = self.board.event_date if self.board else self.clock().date()
        return board_service.event_moment(event_date, self.clock())

    def rehearsal(self) -> bool:
        return self.board is not None and self.clock().date() != self.board.event_date

    # ---- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        def load(db: Database) -> _Loaded:
            with db.read() as session:
                statuses = board_service.request_statuses(session)
                lines = [RequestLine(row, statuses.get(row.id)) for row in list_requests(session)]
                return _Loaded(board_service.load_board(session), lines, suggestions.host_loads(session))

        self.context.runner.run(load, on_success=self._show, parent=self)

    def _show(self, loaded: _Loaded) -> None:
        self.board, self.lines = loaded.board, loaded.lines
        self.model.set_board(loaded.board, self.moment())
        self._fill_focus(loaded.board)
        self.requests_tab.show_lines(loaded.lines, loaded.loads)
        if self.last_result is None:
            self.result_label.setText(board_summary(len(loaded.board.meetings), len(loaded.lines)))
        self.next_panel.refresh()
        self.loaded.emit()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {MEETINGS, REQUESTS, PARTICIPANTS, CHECK_INS, EVENT, ORDERS}:
            self.refresh()

    def _fill_focus(self, board: Board) -> None:
        self.toolbar.fill_focus(board)
        self.model.set_focus(self.focus_combo.currentData())

    def _focus_changed(self) -> None:
        self.model.set_focus(self.focus_combo.currentData())

    def _mode_changed(self) -> None:
        mode = self.view_combo.currentData()
        self.model.set_mode(mode)
        self.view.apply_mode(mode)

    # ---- messages ------------------------------------------------------------------------
    def say(self, message: str, *, error: bool = False) -> None:
        self.message_label.say(message, error=error)

    def _succeeded(self) -> None:
        self.message_label.clear_refusal()

    def _refused(self, error: Exception) -> None:
        if isinstance(error, DomainError):
            self.say(error.message, error=True)

    def _undo_failed(self, error: Exception) -> None:
        self._refused(error)
        self.undo_stack.clear()  # what it remembers no longer matches the file

    def unsaved_work(self) -> str | None:
        """What quitting now would throw away (asked by the main window on Ctrl+Q)."""
        if self.run_dialog is not None:
            return _("Penjadwalan otomatis sedang berjalan; hasilnya belum disimpan.")
        return None

    # ---- the scheduler -------------------------------------------------------------------
    def run_scheduler(self) -> None:
        if self.run_dialog is not None:
            return
        limit, moment = self.time_limit_spin.value(), self.moment()

        def prepare(db: Database) -> Problem:
            with db.read() as session:
                return problem_for_run(session, limit, moment=moment)

        self.run_button.setEnabled(False)
        self.say("")
        self.context.runner.run(prepare, on_success=self._start_run, on_error=self._run_refused, parent=self)

    def _run_refused(self, error: Exception) -> None:
        self.run_button.setEnabled(True)
        self._refused(error)

    def _start_run(self, problem: Problem) -> None:
        self._run_problem = problem
        dialog = RunDialog(problem, self)
        dialog.finished_with.connect(self._run_finished)
        dialog.failed.connect(lambda message: self._run_done(message, error=True))
        self.run_dialog = dialog
        dialog.show()
        dialog.start()

    def _run_done(self, message: str, *, error: bool = False) -> None:
        self.run_dialog = None
        self.run_button.setEnabled(True)
        self.say(message, error=error)

    def _run_finished(self, result: ScheduleResult | None) -> None:
        if result is None:
            self._run_done(_("Penjadwalan dibatalkan; jadwal tidak diubah."))
            return
        moment = self.moment()

        def preview(db: Database) -> tuple[ScheduleChanges, bool]:
            with db.read() as session:
                return schedule_changes(session, result), bool(started_slot_ids(session, moment))

        def previewed(value: tuple[ScheduleChanges, bool]) -> None:
            changes, under_way = value
            if not changes.meetings:
                self.last_result = result
                self.result_label.setText(self.describe_result(result))
                self._run_done(_("Jadwal tidak berubah; tidak ada yang disimpan."))
                return
            # During the event printed slips are out there: say what changes and ask first.
            if under_way and not messages.confirm(
                self, changes.sentence() + "\n\n" + _("Sesi yang sudah dimulai tidak diubah. Simpan jadwal baru?"),
                title=_("Simpan jadwal baru?"), yes=_("Simpan jadwal baru"), no=_("Batal, biarkan jadwal"),
            ):
                self._run_done(_("Jadwal baru tidak disimpan; jadwal tidak diubah."))
                return
            self.editor.run_store(result, lambda summary: self._run_stored(result, summary), on_error=failed)

        def failed(error: Exception) -> None:
            self._run_done(str(error), error=True)

        self.context.runner.run(preview, on_success=previewed, on_error=failed, parent=self)

    def _run_stored(self, result: ScheduleResult, summary: StoreSummary) -> None:
        self.last_result = result
        self.undo_stack.clear()  # the hand edits before the run refer to the schedule it replaced
        if summary.audit_id is not None:
            self.undo_stack.push(StoreRunCommand(self.editor, result, summary.audit_id))
        self.result_label.setText(self.describe_result(result))
        self._run_done(stored_message(summary))
        self.schedule_stored.emit(result)

    def describe_result(self, result: ScheduleResult) -> str:
        return describe_result(result, self._run_problem)

    # ---- hand edits (written by self.editor, which the undo commands use too) ---------------
    def _card(self, meeting_id: int) -> MeetingCard | None:
        return next((c for c in self.board.meetings if c.id == meeting_id), None) if self.board else None

    @staticmethod
    def _what(card: MeetingCard) -> str:
        return f"{card.a.name} × {card.b.name}"

    def request_move(self, meeting_id: int, slot_id: int, table_id: int) -> None:
        """A drop on the board: move if the rules allow, else say why."""
        card = self._card(meeting_id)
        if card is None or (card.slot_id, card.table_id) == (slot_id, table_id):
            return

        def done() -> None:
            self.undo_stack.push(MoveCommand(self.editor, meeting_id, (card.slot_id, card.table_id), (slot_id, table_id),
                                             self._what(card)))
            self.say(_("Dipindah: {what}. Ctrl+Z mengurungkan.").format(what=self._what(card)))

        self.editor.run_move(meeting_id, slot_id, table_id, done, on_error=self._refused)

    def toggle_lock_selected(self) -> None:
        card = self.model.card_at(self.view.currentIndex())
        if card is not None:
            self.toggle_lock(card.id)

    def toggle_lock(self, meeting_id: int) -> None:
        card = self._card(meeting_id)
        if card is None:
            return
        locked = not card.locked

        def done() -> None:
            self.undo_stack.push(LockCommand(self.editor, meeting_id, locked, self._what(card)))

        self.editor.run_lock(meeting_id, locked, done, on_error=self._refused)

    def add_meeting_at(self, slot_id: int, table_id: int) -> PlaceRequestDialog | None:
        """Offer the waiting requests for a free cell (those whose two sides are free then first)."""
        if self.board is None:
            return None
        waiting = waiting_for_cell(self.board, self.lines, slot_id)
        slot, table = self.board.slot(slot_id), self.board.table(table_id)
        where = f"{table.label if table else ''} · {slot.title if slot else ''}"
        dialog = PlaceRequestDialog(where, waiting, self)

        def chosen(request_id: int) -> None:
            line = next(line for line in waiting if line.row.id == request_id)

            def done(meeting_id: int) -> None:
                self.undo_stack.push(AddCommand(self.editor, meeting_id, request_id, (slot_id, table_id),
                                                f"{line.row.a_name} × {line.row.b_name}"))
                dialog.accept()

            self.editor.run_add(request_id, slot_id, table_id, done, on_error=lambda error: dialog.show_error(str(error)))

        dialog.chosen.connect(chosen)
        dialog.finished.connect(lambda _result: setattr(self, "place_dialog", None))
        self.place_dialog = dialog
        dialog.open()
        return dialog

    # ---- outcomes and orders ---------------------------------------------------------------
    def open_outcome(self, meeting_id: int) -> None:
        card = self._card(meeting_id)
        if card is not None:
            self.outcomes.open(card)

    @property
    def outcome_dialog(self) -> OutcomeDialog | None:
        return self.outcomes.dialog

    def record_order(self, meeting_id: int) -> None:
        record_order(self, meeting_id)

    # ---- mouse ---------------------------------------------------------------------------
    def _double_clicked(self, index: QModelIndex) -> None:
        card = self.model.card_at(index)
        if card is not None:
            self.open_outcome(card.id)
            return
        cell = self.model.cell_at(index)
        if cell is not None:
            self.add_meeting_at(*cell)

    def _context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        menu = QMenu(self)
        card = self.model.card_at(index)
        if card is not None:
            menu.addAction(_("Hasil pertemuan …"), lambda: self.open_outcome(card.id))
            menu.addAction(_("Catat pesanan …"), lambda: self.record_order(card.id))
            if card.status != MeetingStatus.CANCELLED.value:
                menu.addAction(_("Buka kunci (Ctrl+L)") if card.locked else _("Kunci (Ctrl+L)"),
                               lambda: self.toggle_lock(card.id))
        else:
            cell = self.model.cell_at(index)
            if cell is not None:
                menu.addAction(_("Tambah pertemuan di sini …"), lambda: self.add_meeting_at(*cell))
        if not menu.isEmpty():
            menu.exec(self.view.viewport().mapToGlobal(point))

    def focus_search(self) -> None:
        self.view.setFocus()
