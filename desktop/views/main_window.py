"""The main window: navigation between the pages, menus, status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QApplication,
    QDialog,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop import __version__, formatting
from desktop.i18n import _
from desktop.views import messages, settings
from desktop.views.loading_page import LoadingPage
from desktop.views.main_menus import build_menus
from desktop.views.operations import EVENT, OPERATOR
from desktop.views.page_specs import PageSpec, page_specs  # noqa: F401  (PageSpec: part of this module's API)
from desktop.views.scan_filter import ScanBurstFilter
from desktop.views.toast import Toast

if TYPE_CHECKING:  # the window is on screen before the database layer (SQLAlchemy, the ORM) is loaded
    from desktop.models.event.database import Database
    from desktop.models.event.event_setup import EventInfo
    from desktop.views.context import AppContext
# Start-up: the page on screen is built (and loads its data) first; the others are built a moment
# after the window shows, one per step, or at once when the user goes there.
PREBUILD_AFTER_MS = 1500
PREBUILD_STEP_MS = 150


class MainWindow(QMainWindow):
    """Built either around an open event, or first *opening* (``context=None``): then the window
    is on screen while the event file opens elsewhere, every page stands in with a
    :class:`LoadingPage`, scanner bursts are queued, and :meth:`attach` fills it in."""

    language_change_requested = Signal(str)
    open_event_requested = Signal()
    new_event_requested = Signal()
    demo_requested = Signal()

    def __init__(self, context: AppContext | None, event: EventInfo | None, *, opening: str = "") -> None:
        super().__init__()
        self.context: AppContext | None = None
        self.event_info: EventInfo | None = None
        self.opening = opening  # the file being opened, shown while there is no event yet
        self.queued_scans: list[str] = []  # scans made while the event was still opening
        self.setWindowTitle(f"TemuDesk — {opening} …" if opening else "TemuDesk")
        self.setMinimumSize(QSize(1024, 640))

        self.nav = QListWidget()
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 12pt; border: none; background: #f2f4f7; }"
            "QListWidget::item { padding: 10px 8px; }"
            "QListWidget::item:selected { background: #1d4e89; color: white; }"
        )
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}  # the pages built so far
        self._closing_unasked = False
        self.specs = page_specs()
        for number, spec in enumerate(self.specs, start=1):
            self.stack.addWidget(LoadingPage(spec.title, with_field=spec.key == "checkin"))  # until built
            item = QListWidgetItem(self.style().standardIcon(spec.icon), spec.title)
            item.setToolTip(f"{spec.title} (Ctrl+{number})")
            self.nav.addItem(item)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=number - 1: self.show_page(n),
                      context=Qt.ShortcutContext.ApplicationShortcut)
        self.nav.currentRowChanged.connect(self._show_built)
        self._prebuild = QTimer(self, singleShot=True, interval=PREBUILD_AFTER_MS)
        self._prebuild.timeout.connect(self._build_next)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.event_label = QLabel(_("Membuka event …"))
        self.file_label = QLabel(_("Data: {file}").format(file=opening))
        self.operator_label = QLabel()
        self.busy_label = QLabel()
        status = self.statusBar()
        status.addWidget(self.event_label)
        status.addWidget(self.file_label, 1)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.operator_label)
        self.event_actions: list[QAction] = build_menus(self)
        self.toast = Toast(self.stack)  # answers to scans made while another page is on screen
        self.stack.currentChanged.connect(self.toast.raise_)  # the stack raises the page it shows
        self.scan_filter = ScanBurstFilter(self.check_in_scanned, self, accepting=self._accepting_scans)
        self.scan_filter.install()
        self.restore_state()
        if self.focusWidget() is None:
            self.nav.setFocus()  # keys work from the start (Ctrl+1 … Ctrl+6, arrows in the list)
        if context is None:
            for action in self.event_actions:
                action.setEnabled(False)
        else:
            assert event is not None
            self.attach(context, event)

    def attach(self, context: AppContext, event: EventInfo) -> None:
        """The event is open: connect to it, build the page on screen, check in queued scans."""
        from desktop.views.operator_session import IDLE_LOCK_MINUTES, IdleLock

        self.context = context
        self.event_info = event
        self._set_title()
        # A method, not a lambda: the runner outlives this window (language switch), and Qt drops
        # a method's connection when its window is deleted.
        context.runner.busy_changed.connect(self._show_busy)
        context.bus.changed.connect(self._on_changed)
        for action in self.event_actions:
            action.setEnabled(True)
        self._update_status()
        self.idle_lock = IdleLock(context, self, IDLE_LOCK_MINUTES.get(settings.app_settings()))
        self.show_page(self.nav.currentRow())  # the page on screen first (its data loads now)
        if self.isVisible() and len(self.pages) < len(self.specs):
            self._prebuild.start(PREBUILD_AFTER_MS)
        self._check_in_queued()

    def open_kiosk(self) -> None:
        from desktop.views.kiosk_window import open_kiosk  # loaded only when a kiosk is wanted

        if self.context is not None and self.event_info is not None:
            open_kiosk(self.context, self, self.event_info.name)

    def choose_operator(self) -> None:
        from desktop.views.operator_session import choose_operator

        if self.context is not None:
            choose_operator(self.context, self)

    def about(self) -> None:
        messages.show_info(
            self,
            _("TemuDesk {version}\nAplikasi meja registrasi temu bisnis, tanpa internet.\n"
              "Untuk Dinas Perindustrian dan Perdagangan Kota Mojokerto.").format(version=__version__),
            title=_("Tentang TemuDesk"),
        )

    # ---- pages ---------------------------------------------------------------------------
    def show_page(self, number: int) -> None:
        if 0 <= number < self.nav.count():
            self.nav.setCurrentRow(number)
            page = self._built(number)
            focus = getattr(page, "focus_search", None)
            if callable(focus):
                focus()

    def page(self, key: str) -> QWidget:
        """The page ``key``, built now if it was not yet."""
        number = next(i for i, spec in enumerate(self.specs) if spec.key == key)
        return self._built(number)

    def _built(self, number: int) -> QWidget:
        spec = self.specs[number]
        page = self.pages.get(spec.key)
        if page is None and self.context is None:
            return self.stack.widget(number)  # the event is still opening: its stand-in
        if page is None:
            focused = QApplication.focusWidget()  # a page built in the background never takes the keys
            stand_in = self.stack.widget(number)
            typed = stand_in.typed_text() if isinstance(stand_in, LoadingPage) else ""
            if focused is not None and stand_in.isAncestorOf(focused):
                focused = None  # the stand-in had the keys: they go to the page that replaces it
            page = spec.build(self.context)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            scan_input = getattr(page, "scan_input", None)
            if typed and scan_input is not None:
                scan_input.setText(typed)  # typed while the event opened: not lost
            current = self.stack.currentIndex()
            self.stack.insertWidget(number, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.stack.setCurrentIndex(current)
            self._connect_page(spec.key, page)
            if focused is not None and focused is not QApplication.focusWidget() and focused.isVisible():
                focused.setFocus()
        return page

    def _show_built(self, number: int) -> None:
        if 0 <= number < len(self.specs):
            self._built(number)
            self.stack.setCurrentIndex(number)
            if self.specs[number].key == "checkin":
                self.toast.dismiss()  # the desk's panel has that answer too; the toast would cover the field

    def _build_next(self) -> None:
        """Build one page not built yet, then come back for the next (the UI stays responsive)."""
        waiting = [n for n, spec in enumerate(self.specs) if spec.key not in self.pages]
        if waiting:
            self._built(waiting[0])
            if len(waiting) > 1:
                self._prebuild.start(PREBUILD_STEP_MS)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.context is not None and len(self.pages) < len(self.specs) and not self._prebuild.isActive():
            self._prebuild.start(PREBUILD_AFTER_MS)

    def current_page_key(self) -> str:
        return self.specs[self.nav.currentRow()].key

    def _set_title(self) -> None:
        assert self.context is not None and self.event_info is not None
        suffix = " " + _("(hanya-baca)") if self.context.db.read_only else ""
        self.setWindowTitle(f"TemuDesk — {self.event_info.name}{suffix}")

    # ---- status --------------------------------------------------------------------------
    def _update_status(self) -> None:
        assert self.context is not None and self.event_info is not None
        self.event_label.setText(
            f"<b>{self.event_info.name}</b> · {formatting.long_date(self.event_info.event_date)}"
        )
        self.file_label.setText(_("Data: {file}").format(file=self.context.db.display_name))
        self.operator_label.setText(_("Operator: {name}").format(name=self.context.actor.name))

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(_("Menyimpan …") if busy else "")

    def _on_changed(self, kinds: frozenset[str]) -> None:
        assert self.context is not None
        if OPERATOR in kinds:
            self._update_status()
            self._check_in_queued()  # scans made before anybody was signed in
        if EVENT in kinds:
            def load(db: Database) -> EventInfo:
                from desktop.models.event import event_setup

                with db.read() as session:
                    return event_setup.get_event(session)

            self.context.runner.run(load, on_success=self._event_loaded, parent=self)

    def _event_loaded(self, event: EventInfo) -> None:
        self.event_info = event
        self._set_title()
        self._update_status()

    def edit_event(self) -> None:
        from desktop.views.event_settings_action import edit_event  # the event dialog: loaded when asked

        if self.context is not None:
            edit_event(self, self.context)

    def _connect_page(self, key: str, page: QWidget) -> None:
        if key == "checkin":
            page.print_schedule_requested.connect(lambda pid: self._print_for(pid, "preview_participant_schedule"))
            page.print_badge_requested.connect(lambda pid: self._print_for(pid, "preview_participant_badge"))
            page.scan_answered.connect(self._scan_answered)

    def check_in_scanned(self, code: str) -> None:
        """A scanned code from any source: the Registrasi page checks it in, wherever the user is.
        While the event is still opening (or nobody is signed in yet) it waits in the queue."""
        if self.context is None or not self.context.actor.name or self.queued_scans:
            self.queued_scans.append(code)  # in order, after any scan already waiting
            if self.context is None:
                self.toast.show_message(
                    _("Scan {code} diterima").format(code=code),
                    _("Sebentar, event masih dibuka: check-in dicatat begitu siap."),
                    accent="#1d4e89", background="#eef3fa")
            self._check_in_queued()
            return
        checkin_page = self.page("checkin")  # built now when it was not yet: a scan never waits
        checkin_page.check_in_scanned(code)  # type: ignore[attr-defined]

    def _check_in_queued(self) -> None:
        if self.context is None or not self.context.actor.name:
            return
        waiting, self.queued_scans = self.queued_scans, []
        for code in waiting:
            self.check_in_scanned(code)

    def _accepting_scans(self) -> bool:
        """Scans are checked in under the operator's name: none while nobody is signed in (the keys
        go to the sign-in as typed). While the event opens they are taken and queued."""
        return self.context is None or bool(self.context.actor.name)

    def _scan_answered(self, result: object) -> None:
        from desktop.models.checkin.checkin import CheckInResult
        from desktop.views.scan_answer import show_scan_answer, show_waiting_scan

        if self.current_page_key() == "checkin":
            self.toast.dismiss()  # an answer from another page must not cover this one
            return  # the page's own panel answers
        if isinstance(result, CheckInResult):
            show_scan_answer(self.toast, result)
        elif isinstance(result, tuple):  # (PendingScan, reason): kept, to be recorded later
            show_waiting_scan(self.toast, *result)

    def _print_for(self, participant_id: int, action_name: str) -> None:
        from desktop.views import report_actions  # ReportLab and the report data: loaded when first printed

        from desktop.models.people import participants

        action: Callable[..., None] = getattr(report_actions, action_name)
        assert self.context is not None

        def load(db: Database) -> str:
            with db.read() as session:
                return participants.get_participant(session, participant_id).code

        self.context.runner.run(load, on_success=lambda code: action(self.context, self, code), parent=self)

    def show_audit(self) -> None:
        from desktop.views.audit_dialog import AuditDialog

        if self.context is None:
            return

        self.audit_dialog = AuditDialog(self.context, self)
        self.audit_dialog.show()

    # ---- rebuilt in another language -------------------------------------------------------
    def take_over(self, old: MainWindow) -> None:
        """Carry the desk's work over from the window this one replaces (a language switch).

        The old window's scan filter carries on for this window: keys of a scan made while the
        window was being rebuilt are still addressed to the old one, and must count all the same."""
        self.show_page(old.nav.currentRow())
        self.scan_filter.remove()
        self.scan_filter = old.scan_filter
        self.scan_filter.setParent(self)
        self.scan_filter.on_scan = self.check_in_scanned
        self.scan_filter.accepting = self._accepting_scans
        old_desk = old.pages.get("checkin")
        if old_desk is not None:  # the desk's half-typed search, last answer and pending undo carry over
            self.page("checkin").take_over(old_desk)  # type: ignore[attr-defined]

    def retire(self) -> None:
        """Replaced by another window (its scan filter moves there in :meth:`take_over`)."""
        self.toast.dismiss()

    # ---- state ---------------------------------------------------------------------------
    def restore_state(self) -> None:
        store = settings.app_settings()
        geometry = settings.WINDOW_GEOMETRY.get(store)
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        self.show_page(min(max(settings.LAST_PAGE.get(store), 0), len(self.specs) - 1))

    def save_state(self) -> None:
        store = settings.app_settings()
        settings.WINDOW_GEOMETRY.set(store, self.saveGeometry())
        settings.LAST_PAGE.set(store, self.nav.currentRow())

    def unsaved_work(self) -> list[str]:
        """Work in progress on the pages (a scheduler run, a filled form) that quitting would lose."""
        found = []
        for page in self.pages.values():
            check = getattr(page, "unsaved_work", None)
            reason = check() if callable(check) else None
            if reason:
                found.append(reason)
        return found

    def close_unasked(self) -> None:
        """Closed from outside (SIGTERM: a logout, a service manager): nobody may be there to answer,
        and a question would keep the process, its event lock and its exit backup waiting for ever."""
        work = self.unsaved_work()
        if work:
            logging.getLogger(__name__).warning("closed from outside; not kept: %s", " / ".join(work))
        self._closing_unasked = True
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                QDialog.done(widget, QDialog.DialogCode.Rejected)  # not their own reject(): that asks
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        work = [] if self._closing_unasked else self.unsaved_work()
        if work and not messages.confirm(
            self, "\n".join(work) + "\n\n" + _("Tetap keluar dari TemuDesk?"),
            title=_("Keluar?"), yes=_("Keluar"), no=_("Kembali"), destructive=True,
        ):
            event.ignore()
            return
        self.save_state()
        if self.context is not None:
            self.context.runner.wait(10_000)
        super().closeEvent(event)
