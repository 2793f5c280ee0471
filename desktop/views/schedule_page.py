"""The Jadwal page: the board (run the scheduler, drag, lock, outcomes), requests, and the day.

Every edit goes through :mod:`desktop.models.meetings` on the DB worker; the board only
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
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models import board as board_service
from desktop.models import meetings, suggestions
from desktop.models.board import Board, MeetingCard
from desktop.models.database import Database
from desktop.models.enums import MeetingStatus, ParticipantKind
from desktop.models.errors import DomainError
from desktop.models.meeting_requests import list_requests
from desktop.models.meetings import OrderLink
from desktop.models.schedule_run import problem_for_run
from desktop.models.schedule_store import StoreSummary, started_slot_ids, store_schedule
from desktop.models.schedule_undo import ScheduleChanges, UndoSummary, schedule_changes, undo_store
from desktop.models.suggestions import HostLoad
from desktop.scheduling import Problem, ScheduleResult
from desktop.views.context import AppContext
from desktop.views.meeting_dialogs import OutcomeDialog, PlaceRequestDialog
from desktop.views.next_slot_panel import NextSlotPanel
from desktop.views.operations import CHECK_INS, EVENT, MEETINGS, ORDERS, PARTICIPANTS, REQUESTS
from desktop.views.request_model import RequestLine
from desktop.views.requests_tab import RequestsTab
from desktop.views.schedule_board import PEOPLE, TABLES, BoardModel, BoardView
from desktop.views import messages
from desktop.views.schedule_commands import AddCommand, LockCommand, MoveCommand, StoreRunCommand
from desktop.views.schedule_run import RunDialog

ERROR_STYLE = "background: #fde8e8; color: #8a1020; padding: 4px 8px; border-radius: 3px;"
INFO_STYLE = "background: #e8f1fb; color: #1d4e89; padding: 4px 8px; border-radius: 3px;"


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
        self.outcome_dialog: OutcomeDialog | None = None
        self.place_dialog: PlaceRequestDialog | None = None
        self.last_result: ScheduleResult | None = None
        self._run_problem: Problem | None = None

        self.model = BoardModel(self)
        self.model.move_requested.connect(self.request_move)
        self.view = BoardView(self.model)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(self._double_clicked)

        self.run_button = QPushButton(_("Jadwalkan otomatis"))
        self.run_button.setToolTip(_("Pertemuan yang dikunci, terlaksana atau tidak hadir tetap di tempatnya."))
        self.run_button.clicked.connect(self.run_scheduler)
        self.time_limit_spin = QDoubleSpinBox()
        self.time_limit_spin.setRange(1, 600)
        self.time_limit_spin.setDecimals(0)
        self.time_limit_spin.setValue(10)
        self.time_limit_spin.setSuffix(_(" dtk"))
        self.time_limit_spin.setToolTip(_("Batas waktu pencarian"))
        self.view_combo = QComboBox()
        self.view_combo.addItem(_("Sesi × meja"), TABLES)
        self.view_combo.addItem(_("Per peserta"), PEOPLE)
        self.view_combo.currentIndexChanged.connect(self._mode_changed)
        self.focus_combo = QComboBox()
        self.focus_combo.setMinimumWidth(260)
        self.focus_combo.setEditable(True)
        self.focus_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.focus_combo.currentIndexChanged.connect(self._focus_changed)
        self.undo_button = QPushButton(_("Urungkan"))
        self.redo_button = QPushButton(_("Ulangi"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda text: self.undo_button.setToolTip(text + " (Ctrl+Z)"))
        self.undo_stack.redoTextChanged.connect(lambda text: self.redo_button.setToolTip(text + " (Ctrl+Y)"))
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("color: #333;")
        self.legend_label = QLabel(self._legend())
        self.legend_label.setStyleSheet("color: #555;")
        self.legend_label.setWordWrap(True)  # its own line, wrapped: it fits any width

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.run_button)
        toolbar.addWidget(self.time_limit_spin)
        toolbar.addSpacing(12)
        toolbar.addWidget(QLabel(_("Tampilan")))
        toolbar.addWidget(self.view_combo)
        toolbar.addWidget(QLabel(_("Peserta")))
        toolbar.addWidget(self.focus_combo, 1)
        toolbar.addWidget(self.undo_button)
        toolbar.addWidget(self.redo_button)
        board_tab = QWidget()
        board_layout = QVBoxLayout(board_tab)
        board_layout.setContentsMargins(4, 4, 4, 2)
        board_layout.setSpacing(3)
        board_layout.addLayout(toolbar)
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
            placed = len(loaded.board.meetings)
            self.result_label.setText(_("{placed} pertemuan di papan dari {requested} permintaan.").format(
                placed=placed, requested=len(loaded.lines)))
        self.next_panel.refresh()
        self.loaded.emit()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {MEETINGS, REQUESTS, PARTICIPANTS, CHECK_INS, EVENT, ORDERS}:
            self.refresh()

    def _fill_focus(self, board: Board) -> None:
        current = self.focus_combo.currentData()
        self.focus_combo.blockSignals(True)
        self.focus_combo.clear()
        self.focus_combo.addItem(_("Semua peserta"), None)
        involved = {pid for card in board.meetings for pid in (card.a.participant_id, card.b.participant_id)}
        for person in board.people:
            if person.id in involved:
                self.focus_combo.addItem(f"{person.code} — {person.name}", person.id)
        position = self.focus_combo.findData(current)
        self.focus_combo.setCurrentIndex(max(position, 0))
        self.focus_combo.blockSignals(False)
        self.model.set_focus(self.focus_combo.currentData())

    def _focus_changed(self) -> None:
        self.model.set_focus(self.focus_combo.currentData())

    def _mode_changed(self) -> None:
        mode = self.view_combo.currentData()
        self.model.set_mode(mode)
        self.view.apply_mode(mode)

    @staticmethod
    def _legend() -> str:
        return _("Putih: terjadwal · hijau: terlaksana · merah: tidak hadir · abu-abu: sesi lewat · "
                 "oranye ▶: sesi berjalan · gembok: dikunci")

    # ---- messages ------------------------------------------------------------------------
    def say(self, message: str, *, error: bool = False) -> None:
        self.message_label.setText(message)
        self.message_label.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message_label.setVisible(bool(message))

    def _succeeded(self) -> None:
        """A later action worked: an old refusal no longer describes the board."""
        if self.message_label.isVisible() and self.message_label.styleSheet() == ERROR_STYLE:
            self.say("")

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
            self.run_store(result, lambda summary: self._run_stored(result, summary), on_error=failed)

        def failed(error: Exception) -> None:
            self._run_done(str(error), error=True)

        self.context.runner.run(preview, on_success=previewed, on_error=failed, parent=self)

    def _run_stored(self, result: ScheduleResult, summary: StoreSummary) -> None:
        self.last_result = result
        self.undo_stack.clear()  # the hand edits before the run refer to the schedule it replaced
        if summary.audit_id is not None:
            self.undo_stack.push(StoreRunCommand(self, result, summary.audit_id))
        self.result_label.setText(self.describe_result(result))
        message = _("Jadwal disimpan: {added} pertemuan baru, {kept} tetap di tempatnya.").format(
            added=summary.added, kept=summary.kept)
        if summary.frozen:
            message += " " + _("{count} pertemuan di sesi yang sudah dimulai tidak diubah.").format(count=summary.frozen)
        self._run_done(message)
        self.schedule_stored.emit(result)

    def run_store(self, result: ScheduleResult, done: Callable[[StoreSummary], None] | None,
                  on_error: Callable[[Exception], None] | None = None) -> None:
        actor, moment = self.context.actor, self.moment()

        def store(db: Database) -> StoreSummary:
            with db.transaction() as session:
                return store_schedule(session, result, actor, moment=moment)

        self.context.runner.run(store, on_success=lambda summary: done(summary) if done else None,
                                on_error=on_error or self._undo_failed, changes={MEETINGS}, parent=self)

    def run_undo_store(self, store_id: int, done: Callable[[], None] | None) -> None:
        actor, moment = self.context.actor, self.moment()

        def undo(db: Database) -> UndoSummary:
            with db.transaction() as session:
                return undo_store(session, actor, store_id, moment=moment)

        def undone(summary: UndoSummary) -> None:
            self.say(_("Penjadwalan diurungkan: jadwal sebelumnya dipulihkan ({count} pertemuan).").format(
                count=summary.restored))
            if done:
                done()

        self.context.runner.run(undo, on_success=undone, on_error=self._undo_failed, changes={MEETINGS}, parent=self)

    def describe_result(self, result: ScheduleResult) -> str:
        stats = result.stats
        problem = self._run_problem
        ikm = {p.id for p in problem.participants if p.kind == ParticipantKind.IKM.value} if problem else set()
        met = {side for m in result.meetings for side in (m.a, m.b)}
        proved = [goal for goal, ok in stats.proved_optimal.items() if ok]
        breaks = str(stats.breaks_total)
        if not stats.proved_optimal.get("d", False) and stats.breaks_lower_bound > 0:
            breaks += " " + _("(paling sedikit yang mungkin: {bound})").format(bound=stats.breaks_lower_bound)
        text = _(
            "Terjadwal {placed} dari {requested} (batas atas {bound}) · IKM dengan pertemuan {ikm_met} dari {ikm} · "
            "jeda {breaks} · wajib {must} dari {must_total} · terbukti optimal: {proved} · {seconds:.1f} dtk"
        ).format(
            placed=stats.scheduled, requested=stats.requested, bound=stats.upper_bound, ikm_met=len(ikm & met),
            ikm=len(ikm), breaks=breaks, must=stats.must_scheduled, must_total=stats.must_requested,
            proved=", ".join(proved) if proved else _("belum ada"), seconds=stats.seconds,
        )
        return text

    # ---- hand edits (also the Editor the undo commands use) ---------------------------------
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
            self.undo_stack.push(MoveCommand(self, meeting_id, (card.slot_id, card.table_id), (slot_id, table_id),
                                             self._what(card)))
            self.say(_("Dipindah: {what}. Ctrl+Z mengurungkan.").format(what=self._what(card)))

        self.run_move(meeting_id, slot_id, table_id, done, on_error=self._refused)

    def run_move(self, meeting_id: int, slot_id: int, table_id: int, done: Callable[[], None] | None,
                 on_error: Callable[[Exception], None] | None = None) -> None:
        actor, moment = self.context.actor, self.moment()

        def move(db: Database) -> int:
            with db.transaction() as session:
                return meetings.move_meeting(session, meeting_id, slot_id, table_id, actor, now=moment)

        self.context.runner.run(move, on_success=lambda _v: self._after(done),
                                on_error=on_error or self._undo_failed, changes={MEETINGS}, parent=self)

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
            self.undo_stack.push(LockCommand(self, meeting_id, locked, self._what(card)))

        self.run_lock(meeting_id, locked, done, on_error=self._refused)

    def run_lock(self, meeting_id: int, locked: bool, done: Callable[[], None] | None,
                 on_error: Callable[[Exception], None] | None = None) -> None:
        actor = self.context.actor

        def lock(db: Database) -> int:
            with db.transaction() as session:
                return meetings.set_locked(session, meeting_id, locked, actor)

        self.context.runner.run(lock, on_success=lambda _v: self._after(done),
                                on_error=on_error or self._undo_failed, changes={MEETINGS}, parent=self)

    def add_meeting_at(self, slot_id: int, table_id: int) -> PlaceRequestDialog | None:
        """Offer the waiting requests for a free cell (those whose two sides are free then first)."""
        if self.board is None:
            return None
        busy = {pid for c in self.board.meetings if c.slot_id == slot_id
                for pid in (c.a.participant_id, c.b.participant_id)}
        waiting = [line for line in self.lines if not line.scheduled]
        waiting.sort(key=lambda line: (line.row.participant_a_id in busy or line.row.participant_b_id in busy,
                                       -line.row.priority, line.row.a_name))
        slot, table = self.board.slot(slot_id), self.board.table(table_id)
        where = f"{table.label if table else ''} · {slot.title if slot else ''}"
        dialog = PlaceRequestDialog(where, waiting, self)

        def chosen(request_id: int) -> None:
            line = next(line for line in waiting if line.row.id == request_id)

            def done(meeting_id: int) -> None:
                self.undo_stack.push(AddCommand(self, meeting_id, request_id, (slot_id, table_id),
                                                f"{line.row.a_name} × {line.row.b_name}"))
                dialog.accept()

            self.run_add(request_id, slot_id, table_id, done, on_error=lambda error: dialog.show_error(str(error)))

        dialog.chosen.connect(chosen)
        dialog.finished.connect(lambda _result: setattr(self, "place_dialog", None))
        self.place_dialog = dialog
        dialog.open()
        return dialog

    def run_add(self, request_id: int, slot_id: int, table_id: int, done: Callable[[int], None] | None,
                on_error: Callable[[Exception], None] | None = None) -> None:
        actor, moment = self.context.actor, self.moment()

        def add(db: Database) -> int:
            with db.transaction() as session:
                return meetings.add_meeting(session, request_id, slot_id, table_id, actor, now=moment)

        def added(meeting_id: int) -> None:
            self._succeeded()
            if done:
                done(meeting_id)

        self.context.runner.run(add, on_success=added, on_error=on_error or self._undo_failed, changes={MEETINGS},
                                parent=self)

    def run_remove(self, meeting_id: int, done: Callable[[], None] | None) -> None:
        actor, moment = self.context.actor, self.moment()

        def remove(db: Database) -> None:
            with db.transaction() as session:
                meetings.remove_meeting(session, meeting_id, actor, now=moment)

        self.context.runner.run(remove, on_success=lambda _r: self._after(done),
                                on_error=self._undo_failed, changes={MEETINGS}, parent=self)

    def _after(self, done: Callable[[], None] | None) -> None:
        self._succeeded()
        if done:
            done()

    # ---- outcomes and orders ---------------------------------------------------------------
    def open_outcome(self, meeting_id: int) -> None:
        card = self._card(meeting_id)
        if card is None:
            return

        def load(db: Database) -> list[OrderLink]:
            with db.read() as session:
                return meetings.orders_of_meeting(session, meeting_id)

        self.context.runner.run(load, on_success=lambda orders: self._show_outcome(card, orders), parent=self)

    def _show_outcome(self, card: MeetingCard, orders: list[OrderLink]) -> None:
        dialog = OutcomeDialog(card, self.model.where(card), orders, self)
        actor = self.context.actor

        def submit(status: str, note: str) -> None:
            def save(db: Database) -> int:
                with db.transaction() as session:
                    return meetings.set_outcome(session, card.id, status, note, actor, expected_version=card.version)

            self.context.runner.run(save, on_success=lambda _v: (self._succeeded(), dialog.accept()),
                                    on_error=lambda error: dialog.show_error(str(error)), changes={MEETINGS},
                                    parent=dialog)

        dialog.submitted.connect(submit)
        dialog.order_requested.connect(lambda: (dialog.reject(), self.record_order(card.id)))
        dialog.finished.connect(lambda _result: setattr(self, "outcome_dialog", None))
        self.outcome_dialog = dialog
        dialog.open()

    def record_order(self, meeting_id: int) -> None:
        """Catat pesanan: switch to the Pesanan page with buyer and seller taken from the meeting."""
        window = self.window()
        page = getattr(window, "page", None)
        if not callable(page):
            return
        orders_page = page("orders")
        specs = getattr(window, "specs", [])
        number = next((i for i, spec in enumerate(specs) if spec.key == "orders"), None)
        if number is not None:
            window.show_page(number)  # type: ignore[attr-defined]
        orders_page.new_order_from_meeting(meeting_id)

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
