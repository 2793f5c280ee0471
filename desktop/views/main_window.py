"""The main window: navigation between the pages, menus, status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QApplication,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QWidget,
)

from desktop import __version__, formatting
from desktop.i18n import SUPPORTED_LANGUAGES, _, current_language
from desktop.models import event_setup, participants
from desktop.models.checkin import CheckInResult
from desktop.models.database import Database
from desktop.models.event_setup import EventInfo
from desktop.views import messages, settings
from desktop.views.context import AppContext
from desktop.views.event_dialog import EventDialog, EventSetup
from desktop.views.operations import EVENT
from desktop.views.operator_session import IDLE_LOCK_MINUTES, OPERATOR, IdleLock, choose_operator
from desktop.views.placeholder_page import PlaceholderPage
from desktop.views.scan_answer import show_scan_answer
from desktop.views.scan_filter import ScanBurstFilter
from desktop.views.toast import Toast

# Start-up: the page on screen is built (and loads its data) first; the others are built a moment
# after the window shows, one per step, or at once when the user goes there.
PREBUILD_AFTER_MS = 1500
PREBUILD_STEP_MS = 150


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: QStyle.StandardPixmap
    build: Callable[[AppContext], QWidget]


def _placeholder(title: str, description: str) -> Callable[[AppContext], QWidget]:
    return lambda _context: PlaceholderPage(title, description)


def _lazy(module: str, name: str) -> Callable[[AppContext], QWidget]:
    """A page class imported when the page is first built (its module and what it pulls in
    are not loaded before the window shows)."""
    def build(context: AppContext) -> QWidget:
        return getattr(importlib.import_module(module), name)(context)

    return build


def page_specs() -> list[PageSpec]:
    """The pages in navigation order; Ctrl+1 … Ctrl+6 follow this order."""
    sp = QStyle.StandardPixmap
    return [
        PageSpec("dashboard", _("Dasbor"), sp.SP_ComputerIcon, _lazy("desktop.views.dashboard_page", "DashboardPage")),
        PageSpec("checkin", _("Registrasi"), sp.SP_DialogApplyButton, _lazy("desktop.views.checkin_page", "CheckInPage")),
        PageSpec("participants", _("Peserta"), sp.SP_FileDialogDetailedView,
                 _lazy("desktop.views.participants_page", "ParticipantsPage")),
        PageSpec("schedule", _("Jadwal"), sp.SP_FileDialogListView, _lazy("desktop.views.schedule_page", "SchedulePage")),
        PageSpec("orders", _("Pesanan"), sp.SP_FileDialogContentsView, _lazy("desktop.views.orders_page", "OrdersPage")),
        PageSpec("reports", _("Laporan"), sp.SP_FileIcon, _lazy("desktop.views.reports_page", "ReportsPage")),
    ]


class MainWindow(QMainWindow):
    language_change_requested = Signal(str)
    open_event_requested = Signal()
    new_event_requested = Signal()
    demo_requested = Signal()

    def __init__(self, context: AppContext, event: EventInfo) -> None:
        super().__init__()
        self.context = context
        self.event_info = event
        self._set_title()
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
        self.specs = page_specs()
        for number, spec in enumerate(self.specs, start=1):
            self.stack.addWidget(QWidget())  # stands in until the page is built
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

        self.event_label = QLabel()
        self.file_label = QLabel()
        self.operator_label = QLabel()
        self.busy_label = QLabel()
        status = self.statusBar()
        status.addWidget(self.event_label)
        status.addWidget(self.file_label, 1)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.operator_label)
        # A method, not a lambda: the runner outlives this window (language switch), and Qt drops
        # a method's connection when its window is deleted.
        context.runner.busy_changed.connect(self._show_busy)
        context.bus.changed.connect(self._on_changed)
        self._build_menus()
        self._update_status()
        self.toast = Toast(self.stack)  # answers to scans made while another page is on screen
        self.scan_filter = ScanBurstFilter(self.check_in_scanned, self, accepting=self._accepting_scans)
        self.scan_filter.install()
        self.idle_lock = IdleLock(context, self, IDLE_LOCK_MINUTES.get(settings.app_settings()))
        self.restore_state()
        if self.focusWidget() is None:
            self.nav.setFocus()  # keys work from the start (Ctrl+1 … Ctrl+6, arrows in the list)

    # ---- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&Berkas"))
        self.file_menu = file_menu  # features add their entries (e.g. Cadangan) before Keluar
        new_action = file_menu.addAction(_("Event &baru …"))
        new_action.triggered.connect(self.new_event_requested.emit)
        open_action = file_menu.addAction(_("&Buka event …"))
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.open_event_requested.emit)
        demo_action = file_menu.addAction(_("Buka event &demo"))
        demo_action.triggered.connect(self.demo_requested.emit)
        file_menu.addSeparator()
        setup_action = file_menu.addAction(_("&Pengaturan event …"))
        setup_action.triggered.connect(self.edit_event)
        audit_action = file_menu.addAction(_("&Log audit …"))
        audit_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        audit_action.triggered.connect(self.show_audit)
        operator_action = file_menu.addAction(_("Ganti &operator …"))
        operator_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        operator_action.triggered.connect(lambda: choose_operator(self.context, self))
        file_menu.addSeparator()
        quit_action = file_menu.addAction(_("&Keluar"))
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)

        view_menu = self.menuBar().addMenu(_("&Tampilan"))
        for number, spec in enumerate(self.specs, start=1):
            action = view_menu.addAction(f"{spec.title}\tCtrl+{number}")
            action.triggered.connect(lambda _checked=False, n=number - 1: self.show_page(n))
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(_("&Bahasa / Language"))
        group = QActionGroup(self)
        for code, name in SUPPORTED_LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current_language())
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.language_change_requested.emit(c))
            group.addAction(action)
            language_menu.addAction(action)
        view_menu.addSeparator()
        kiosk_action = view_menu.addAction(_("Mode &kiosk (check-in mandiri) …"))
        kiosk_action.triggered.connect(self.open_kiosk)

        help_menu = self.menuBar().addMenu(_("Ban&tuan"))
        about = help_menu.addAction(_("&Tentang TemuDesk"))
        about.triggered.connect(self._about)

    def open_kiosk(self) -> None:
        from desktop.views.kiosk_window import open_kiosk  # loaded only when a kiosk is wanted

        open_kiosk(self.context, self, self.event_info.name)

    def _about(self) -> None:
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
        if page is None:
            focused = QApplication.focusWidget()  # a page built in the background never takes the keys
            page = spec.build(self.context)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            stand_in = self.stack.widget(number)
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

    def _build_next(self) -> None:
        """Build one page not built yet, then come back for the next (the UI stays responsive)."""
        waiting = [n for n, spec in enumerate(self.specs) if spec.key not in self.pages]
        if waiting:
            self._built(waiting[0])
            if len(waiting) > 1:
                self._prebuild.start(PREBUILD_STEP_MS)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if len(self.pages) < len(self.specs) and not self._prebuild.isActive():
            self._prebuild.start(PREBUILD_AFTER_MS)

    def current_page_key(self) -> str:
        return self.specs[self.nav.currentRow()].key

    def _set_title(self) -> None:
        suffix = " " + _("(hanya-baca)") if self.context.db.read_only else ""
        self.setWindowTitle(f"TemuDesk — {self.event_info.name}{suffix}")

    # ---- status --------------------------------------------------------------------------
    def _update_status(self) -> None:
        self.event_label.setText(
            f"<b>{self.event_info.name}</b> · {formatting.long_date(self.event_info.event_date)}"
        )
        self.file_label.setText(_("Data: {file}").format(file=self.context.db.display_name))
        self.operator_label.setText(_("Operator: {name}").format(name=self.context.actor.name))

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(_("Menyimpan …") if busy else "")

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if OPERATOR in kinds:
            self._update_status()
        if EVENT in kinds:
            def load(db: Database) -> EventInfo:
                with db.read() as session:
                    return event_setup.get_event(session)

            self.context.runner.run(load, on_success=self._event_loaded, parent=self)

    def _event_loaded(self, event: EventInfo) -> None:
        self.event_info = event
        self._set_title()
        self._update_status()

    def edit_event(self) -> None:
        def load(db: Database) -> tuple[int, list[event_setup.SlotRow], bool]:
            from desktop.models import overview

            with db.read() as session:
                counts = overview.event_counts(session)
                return counts.tables, event_setup.list_slots(session), counts.meetings > 0

        def show(result: tuple[int, list[event_setup.SlotRow], bool]) -> None:
            tables, slots, locked = result
            dialog = EventDialog(
                self.event_info, table_count=tables, slots=slots, slots_locked=locked, parent=self
            )
            dialog.submitted.connect(self._save_event)
            dialog.open()
            self.event_dialog = dialog

        self.context.runner.run(load, on_success=show, parent=self)

    def _save_event(self, setup: EventSetup) -> None:
        actor = self.context.actor

        def save(db: Database) -> EventInfo:
            with db.transaction() as session:
                return event_setup.apply_setup(session, setup.settings, setup.plan, setup.tables, actor)

        self.context.runner.run(save, changes={EVENT}, parent=self)

    def _connect_page(self, key: str, page: QWidget) -> None:
        if key == "checkin":
            page.print_schedule_requested.connect(lambda pid: self._print_for(pid, "preview_participant_schedule"))
            page.print_badge_requested.connect(lambda pid: self._print_for(pid, "preview_participant_badge"))
            page.scan_answered.connect(self._scan_answered)

    def check_in_scanned(self, code: str) -> None:
        """A scanned code from any source: the Registrasi page checks it in, wherever the user is."""
        checkin_page = self.page("checkin")  # built now when it was not yet: a scan never waits
        checkin_page.check_in_scanned(code)  # type: ignore[attr-defined]

    def _accepting_scans(self) -> bool:
        """Scans are checked in under the operator's name: none while nobody is signed in."""
        return bool(self.context.actor.name)

    def _scan_answered(self, result: object) -> None:
        if self.current_page_key() != "checkin" and isinstance(result, CheckInResult):
            show_scan_answer(self.toast, result)

    def _print_for(self, participant_id: int, action_name: str) -> None:
        from desktop.views import report_actions  # ReportLab and the report data: loaded when first printed

        action: Callable[..., None] = getattr(report_actions, action_name)

        def load(db: Database) -> str:
            with db.read() as session:
                return participants.get_participant(session, participant_id).code

        self.context.runner.run(load, on_success=lambda code: action(self.context, self, code), parent=self)

    def show_audit(self) -> None:
        from desktop.views.audit_dialog import AuditDialog

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

    def closeEvent(self, event: QCloseEvent) -> None:
        work = self.unsaved_work()
        if work and not messages.confirm(
            self, "\n".join(work) + "\n\n" + _("Tetap keluar dari TemuDesk?"),
            title=_("Keluar?"), yes=_("Keluar"), no=_("Kembali"), destructive=True,
        ):
            event.ignore()
            return
        self.save_state()
        self.context.runner.wait(10_000)
        super().closeEvent(event)
