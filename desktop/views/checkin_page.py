"""The Registrasi page: one field for the scanner and for typing, a big answer, live counts.

A USB keyboard-wedge scanner types the badge code, then Enter (or Tab, two Enters, or
nothing). Input that is exactly a registration code checks in at once (on Enter, or
after a short pause for scanners that send no Enter); anything else searches as you
type. Keys typed anywhere on the page while no other text field has the focus go to
the scan field. Every database call runs on the operation runner; the page only shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import SIGNAL, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.models.checkin.checkin import CheckInResult, DeskOverview, FailedScanRow, Outcome, Status
from desktop.models.checkin.checkin_search import SearchHit, SearchIndex
from desktop.models.checkin.pending_scans import PendingScan
from desktop.models.people.participants import CategoryRow
from desktop.views.arrival_card import ArrivalCard
from desktop.views.scan_input import FocusGrabber, ScanInput
from desktop.views.checkin_results import SearchResults
from desktop.views.checkin_widgets import (
    OUTCOME_COLOURS,
    CountersWidget,
    HistoryDialog,
    ResultCard,
    ResultPanel,
)
from desktop.views.pending_scan_queue import PendingScanNotice, PendingScanQueue
from desktop.views.scan_answer import waiting_scan_text
from desktop.views.toast import Toast
from desktop.views.context import AppContext
from desktop.views import desk_walk_in
from desktop.views.desk_dialogs import WalkInDialog
from desktop.views.desk_actions import DeskActions, DeskData
from desktop.views.desk_extras import DeskCorner
from desktop.views.desk_panels import DeskHeader, DeskLists
from desktop.views.desk_search import DeskSearch
from desktop.views.operator_session import OPERATOR, choose_operator
from desktop.views.desk_sounds import DeskSounds
from desktop.views.operations import CHECK_INS, PARTICIPANTS


SCANNER_IDLE_MS = 300  # a scanner without Enter: the code counts once the keys stop
OVERVIEW_DELAY_MS = 700  # counters catch up after a burst of scans, not after each one
# Other desks' check-ins arrive within a second or two through the live refresh (CHECK_INS on the
# bus, then only the new events); the full reload stays as a safety net.
RESYNC_MS = 300_000
REDO_SECONDS = 8  # long enough to notice a wrong undo, short enough not to linger over the next guest
REDO_KEY = "Ctrl+Y"


class CheckInPage(QWidget):
    """``result_shown`` fires after each answer is on screen (tests and the benchmark wait for it)."""

    result_shown = Signal(object)
    # The CheckInResult of a check_in_scanned call, or (PendingScan, reason) for one kept for later.
    scan_answered = Signal(object)
    loaded = Signal()
    print_schedule_requested = Signal(int)
    print_badge_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.search = DeskSearch()  # the index, the matches and what Enter takes (plain Python)
        self.actions = DeskActions(context, self)  # every database call, on the operation runner
        self.categories: list[CategoryRow] = []
        self.undoable: CheckInResult | None = None
        self.sounds = DeskSounds(self)
        self.active_dialog: WalkInDialog | HistoryDialog | None = None
        self._asked_operator = False

        self.header = DeskHeader()
        self.operator_label = self.header.operator_label
        self.operator_button, self.walk_in_button = self.header.operator_button, self.header.walk_in_button
        self.operator_button.clicked.connect(self.choose_operator)
        self.walk_in_button.clicked.connect(self.open_walk_in)

        self.scan_input = ScanInput()
        self.scan_input.setPlaceholderText(_("Pindai badge, atau ketik kode / nama usaha / kontak / no. HP …"))
        self.scan_input.setStyleSheet("font-size:20pt; padding:8px; border:2px solid #1d4e89; border-radius:6px")
        self.scan_input.setMaxLength(600)
        self.scan_input.textChanged.connect(self._on_text_changed)
        self.scan_input.submitted.connect(self._on_submitted)
        self.scan_input.moved.connect(self._move_highlight)
        self.hint_label = QLabel()
        self.hint_label.setStyleSheet("color:#555")
        self.pending = PendingScanQueue(context, self)  # scans the database could not take yet
        self.pending_notice = PendingScanNotice(self.pending)
        self.panel_waiting = ""  # the nonce of the waiting scan the panel shows, if it does
        self.pending.recorded.connect(self._waiting_recorded)

        self.results = SearchResults()
        self.results.check_in_clicked.connect(self.submit_id)
        self.panel = ResultPanel()
        self.panel.undo_clicked.connect(self.undo_last)
        self.arrival = ArrivalCard(context)  # a late arrival: remaining meetings, cancelled ones back
        self.panel.history_clicked.connect(self.show_history)
        self.panel.schedule_clicked.connect(self.print_schedule)
        self.panel.badge_clicked.connect(self.print_badge)

        self.counters = CountersWidget()
        self.tabs = DeskLists()
        lists = self.tabs  # its models and tables by name: the tests reach them here
        self.missing_model, self.missing_proxy, self.missing_table = lists.missing_model, lists.missing_proxy, lists.missing_table
        self.kind_filter, self.failed_model, self.failed_table = lists.kind_filter, lists.failed_model, lists.failed_table
        lists.history_wanted.connect(self.show_history)

        left = QVBoxLayout()
        left.addWidget(self.scan_input)
        left.addWidget(self.hint_label)
        left.addWidget(self.pending_notice)
        left.addWidget(self.panel)  # the answer stays right under the field; matches come below it
        left.addWidget(self.arrival)
        left.addWidget(self.results)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.counters)
        right.addWidget(self.tabs, 1)
        self.corner = DeskCorner(self)  # webcam scanning and printing on the spot (desk_extras.py)
        right.addWidget(self.corner)
        body = QHBoxLayout()
        body.addLayout(left, 4)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(self.header)
        layout.addLayout(body, 1)

        self.idle_timer = QTimer(self, singleShot=True, interval=SCANNER_IDLE_MS)
        self.idle_timer.timeout.connect(self._on_idle)
        self.overview_timer = QTimer(self, singleShot=True, interval=OVERVIEW_DELAY_MS)
        self.overview_timer.timeout.connect(self.refresh_overview)
        self.resync_timer = QTimer(self, interval=RESYNC_MS)
        self.resync_timer.timeout.connect(self.refresh)
        self.grabber = FocusGrabber(self, self.scan_input)
        self.undo_toast = Toast(self, at_bottom=True)  # the scan field and the answer stay in view
        for keys, slot in (
            ("Ctrl+Z", self.undo_last),
            ("Ctrl+N", self.open_walk_in),
            ("Ctrl+P", self.print_schedule),
            ("Ctrl+H", self.show_history),
            ("Ctrl+L", self.focus_search),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        context.bus.changed.connect(self._on_changed)
        self._update_operator_label()
        self.refresh()

    # ---- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        def show(data: DeskData) -> None:
            self.search.index, self.categories, self.search.presence_mark = data.index, data.categories, data.presence_mark
            self._show_overview((data.overview, data.failed))
            self._on_text_changed(self.scan_input.text())
            self.loaded.emit()

        self.actions.load_all(show)

    def refresh_overview(self) -> None:
        self.actions.load_overview(self._show_overview)

    def _show_overview(self, result: tuple[DeskOverview, list[FailedScanRow]]) -> None:
        overview, failed = result
        self.counters.set_counts(overview.counts)
        self.tabs.show_overview(overview, failed)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if OPERATOR in kinds:
            self._update_operator_label()
        if PARTICIPANTS in kinds:
            self.refresh()
        elif CHECK_INS in kinds:
            self.overview_timer.start()
            self._follow_presence()

    def _follow_presence(self) -> None:
        """Only the check-in events after the last one seen (this desk's or another's)."""
        self.actions.presence_after(self.search.presence_mark, self.search.follow)

    # ---- typing and scanning ---------------------------------------------------------------
    def _on_text_changed(self, text: str) -> None:
        hint = self.search.typed(text)
        self.results.set_hits(self.search.hits)
        self.hint_label.setText(hint)
        if text.strip():
            self.idle_timer.start()
        else:
            self.idle_timer.stop()

    @property
    def index(self) -> SearchIndex | None:
        return self.search.index

    @property
    def hits(self) -> Sequence[SearchHit]:
        return self.search.hits

    @property
    def current_row(self) -> int:
        return self.results.current_row

    @property
    def cards(self) -> list[ResultCard]:
        return self.results.cards

    def _move_highlight(self, step: int) -> None:
        if self.search.hits:
            self.results.move(step)
            self.search.moved_highlight = True

    def _on_idle(self) -> None:
        text = self.scan_input.text()
        if self.search.is_code(text):
            self.submit_code(text)

    def _on_submitted(self, text: str) -> None:
        self.idle_timer.stop()
        target = self.search.enter_target(text, self.current_row)
        if isinstance(target, int):
            self.submit_id(target)
        elif target is not None:
            self.submit_code(target)

    def submit_code(self, text: str) -> None:
        self._submit(text, text)

    def submit_id(self, participant_id: int) -> None:
        self._submit(participant_id, self.search.name_of(participant_id))

    def check_in_scanned(self, raw: str) -> None:
        """The one entry point for a scanned code from any source (a scanner burst anywhere in the
        application, a webcam, a kiosk): checked in, or logged as a failed scan when unknown; the
        answer comes as sound, on the panel and through ``scan_answered`` (a toast elsewhere).
        Whatever the operator is typing in the scan field stays there."""
        if raw.strip():
            self._submit(raw, raw, scanned=True)

    def _submit(self, target: str | int, shown: str, *, scanned: bool = False) -> None:
        if not scanned:
            self.idle_timer.stop()
            self.scan_input.clear()
        self.panel.show_pending(shown)

        def answered(result: CheckInResult) -> None:
            self.show_result(result)
            if scanned:
                self.scan_answered.emit(result)

        def waiting(scan: PendingScan, error: Exception) -> None:
            if not self.pending.keep(scan):
                self._show_error(error)
                return
            headline, body = waiting_scan_text(scan, str(error))
            self.panel.show_problem(body, headline)
            self.panel_waiting = scan.nonce
            self.sounds.play(Outcome.UNKNOWN)
            self.result_shown.emit(None)
            if scanned:
                self.scan_answered.emit((scan, str(error)))

        self.actions.check_in(target, answered, self._show_error, waiting)

    def _waiting_recorded(self, scan: PendingScan, result: CheckInResult) -> None:
        if self.panel_waiting == scan.nonce:  # the panel still says "not yet": now it is
            self.panel_waiting = ""
            self.panel.show_result(result, can_undo=False)
            if result.outcome is Outcome.CHECKED_IN and result.person is not None:
                self.arrival.show_for(result.person.id)  # a late arrival: what is left of their day

    def show_result(self, result: CheckInResult) -> None:
        self.panel_waiting = ""
        self.search.note(result)
        self.undoable = result if result.outcome is Outcome.CHECKED_IN else None
        if result.outcome is Outcome.UNDONE and result.person is not None:
            self._offer_redo(result)
        elif self.undo_toast.action_available:
            self.undo_toast.dismiss()  # the next scan moved on: nothing to bring back any more
        self.panel.show_result(result, can_undo=self.undoable is not None)
        if result.outcome is Outcome.CHECKED_IN and result.person is not None:
            self.arrival.show_for(result.person.id)
        else:
            self.arrival.clear()
        self.sounds.play(result.outcome)
        if result.outcome is Outcome.UNKNOWN:
            self.overview_timer.start()  # the failed-scan list grew; no data-change kind covers it
        self.result_shown.emit(result)

    def _show_error(self, error: Exception) -> None:
        self.panel.show_problem(str(error))
        self.sounds.play(Outcome.UNKNOWN)
        self.result_shown.emit(None)

    # ---- undo, history, printing -------------------------------------------------------------
    def undo_last(self) -> None:
        last = self.undoable
        if last is None or last.person is None:
            self.panel.show_note(_("Tidak ada check-in yang bisa dibatalkan di layar ini."))
            return
        self.undoable = None
        self.actions.undo(last.person.id, last.event_id, self.show_result, self._show_error)

    def _offer_redo(self, result: CheckInResult) -> None:
        """The undo in plain sight, with one key to bring the check-in back."""
        person = result.person
        assert person is not None
        background, accent = OUTCOME_COLOURS[Outcome.UNDONE]
        self.undo_toast.show_message(
            "↶ " + _("Check-in {name} dibatalkan").format(name=person.business_name),
            _("{code} · tercatat belum hadir. Salah tekan? Kembalikan check-in-nya.").format(code=person.code),
            accent=accent, background=background, seconds=REDO_SECONDS,
            action_text=_("Kembalikan"), action_key=REDO_KEY,
            action=lambda: self._submit(person.id, person.business_name),
        )

    def _panel_person_id(self) -> int | None:
        result = self.panel.result
        return result.person.id if result is not None and result.person is not None else None

    def show_history(self, participant_id: int | None = None) -> None:
        target = participant_id if isinstance(participant_id, int) else self._panel_person_id()
        if target is None:
            return

        def show(status: Status) -> None:
            dialog = HistoryDialog(status, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _result: self.dialog_closed(dialog))
            self.active_dialog = dialog
            dialog.open()

        self.actions.status(target, show)

    def _request_print(self, signal: Signal, signature: str, what: str) -> None:
        person_id = self._panel_person_id()
        if person_id is None:
            return
        if self.receivers(SIGNAL(signature)) > 0:
            signal.emit(person_id)  # type: ignore[attr-defined]
        else:
            self.panel.show_note(_("{what} belum tersedia di versi ini (menunggu modul Laporan).").format(what=what))

    def print_schedule(self) -> None:
        self._request_print(self.print_schedule_requested, "print_schedule_requested(int)", _("Cetak jadwal pribadi"))

    def print_badge(self) -> None:
        self._request_print(self.print_badge_requested, "print_badge_requested(int)", _("Cetak badge"))

    # ---- walk-in ---------------------------------------------------------------------------
    def open_walk_in(self) -> WalkInDialog:
        return desk_walk_in.open_walk_in(self)

    def dialog_closed(self, dialog: QWidget) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        self.focus_search()

    # ---- operator and desk -------------------------------------------------------------------
    def _update_operator_label(self) -> None:
        self.header.show_operator(self.context.actor)

    def choose_operator(self) -> None:
        choose_operator(self.context, self, on_chosen=lambda _actor: self._update_operator_label())

    # ---- a rebuilt page (language switch) ------------------------------------------------------
    def take_over(self, old: CheckInPage) -> None:
        """What the operator was doing: the half-typed search, the answer on screen, the undo."""
        self.scan_input.setText(old.scan_input.text())
        self.undoable = old.undoable
        self._asked_operator = self._asked_operator or old._asked_operator
        if old.panel.result is not None:
            self.panel.show_result(old.panel.result, can_undo=self.undoable is not None)

    # ---- visibility ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QApplication.instance().installEventFilter(self.grabber)
        self.resync_timer.start()
        self.focus_search()
        if not self.context.actor.desk and not self._asked_operator:
            self._asked_operator = True  # once per start; the header button changes it later
            QTimer.singleShot(0, self.choose_operator)

    def hideEvent(self, event: QHideEvent) -> None:
        QApplication.instance().removeEventFilter(self.grabber)
        self.resync_timer.stop()
        self.idle_timer.stop()
        super().hideEvent(event)

    def focus_search(self) -> None:
        self.scan_input.setFocus()

