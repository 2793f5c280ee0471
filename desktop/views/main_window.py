"""The main window: navigation between the pages, menus, status bar."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QWidget,
)

from desktop import __version__, formatting
from desktop.i18n import SUPPORTED_LANGUAGES, _, current_language
from desktop.models import event_setup, participants
from desktop.models.database import Database
from desktop.models.event_setup import EventInfo
from desktop.views import messages, settings
from desktop.views.checkin_page import CheckInPage
from desktop.views.context import AppContext
from desktop.views.dashboard_page import DashboardPage
from desktop.views.event_dialog import EventDialog, EventSetup
from desktop.views.operations import EVENT
from desktop.views.operator_session import IDLE_LOCK_MINUTES, OPERATOR, IdleLock, choose_operator
from desktop.views.report_actions import preview_participant_badge, preview_participant_schedule
from desktop.views.orders_page import OrdersPage
from desktop.views.participants_page import ParticipantsPage
from desktop.views.placeholder_page import PlaceholderPage
from desktop.views.reports_page import ReportsPage
from desktop.views.schedule_page import SchedulePage


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: QStyle.StandardPixmap
    build: Callable[[AppContext], QWidget]


def _placeholder(title: str, description: str) -> Callable[[AppContext], QWidget]:
    return lambda _context: PlaceholderPage(title, description)


def page_specs() -> list[PageSpec]:
    """The pages in navigation order; Ctrl+1 … Ctrl+6 follow this order."""
    sp = QStyle.StandardPixmap
    return [
        PageSpec("dashboard", _("Dasbor"), sp.SP_ComputerIcon, DashboardPage),
        PageSpec("checkin", _("Registrasi"), sp.SP_DialogApplyButton, CheckInPage),
        PageSpec("participants", _("Peserta"), sp.SP_FileDialogDetailedView, ParticipantsPage),
        PageSpec("schedule", _("Jadwal"), sp.SP_FileDialogListView, SchedulePage),
        PageSpec("orders", _("Pesanan"), sp.SP_FileDialogContentsView, OrdersPage),
        PageSpec("reports", _("Laporan"), sp.SP_FileIcon, ReportsPage),
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
        self.pages: dict[str, QWidget] = {}
        self.specs = page_specs()
        for number, spec in enumerate(self.specs, start=1):
            page = spec.build(context)
            page.setObjectName(f"page_{spec.key}")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(self.style().standardIcon(spec.icon), spec.title)
            item.setToolTip(f"{spec.title} (Ctrl+{number})")
            self.nav.addItem(item)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda n=number - 1: self.show_page(n),
                      context=Qt.ShortcutContext.ApplicationShortcut)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)

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
        context.runner.busy_changed.connect(
            lambda busy: self.busy_label.setText(_("Menyimpan …") if busy else "")
        )
        context.bus.changed.connect(self._on_changed)
        self._build_menus()
        self._update_status()
        self._connect_pages()
        self.idle_lock = IdleLock(context, self, IDLE_LOCK_MINUTES.get(settings.app_settings()))
        self.restore_state()

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
            page = self.stack.widget(number)
            focus = getattr(page, "focus_search", None)
            if callable(focus):
                focus()

    def page(self, key: str) -> QWidget:
        return self.pages[key]

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

    def _connect_pages(self) -> None:
        checkin_page = self.pages.get("checkin")
        if isinstance(checkin_page, CheckInPage):
            checkin_page.print_schedule_requested.connect(lambda pid: self._print_for(pid, preview_participant_schedule))
            checkin_page.print_badge_requested.connect(lambda pid: self._print_for(pid, preview_participant_badge))

    def _print_for(self, participant_id: int, action: Callable[..., None]) -> None:
        def load(db: Database) -> str:
            with db.read() as session:
                return participants.get_participant(session, participant_id).code

        self.context.runner.run(load, on_success=lambda code: action(self.context, self, code), parent=self)

    def show_audit(self) -> None:
        from desktop.views.audit_dialog import AuditDialog

        self.audit_dialog = AuditDialog(self.context, self)
        self.audit_dialog.show()

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.context.runner.wait(10_000)
        super().closeEvent(event)
