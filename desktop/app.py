"""The GUI application: QApplication, language, settings, opening an event, the main window."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from desktop import formatting, i18n, paths
from desktop.i18n import _
from desktop.models.access.actor import Actor
from desktop.models.enums import OperatorRole
from desktop.models.errors import DomainError
from desktop.models.event.event_file import writable as file_is_writable
from desktop.models.event.event_opening import OpenedEvent, create_demo_file, open_event, shown_name
from desktop.models.event.instance_lock import HEARTBEAT_EVERY, InstanceLock, LockOwner
from desktop.views import messages, settings
from desktop.views.context import AppContext
from desktop.views.main_window import MainWindow
from desktop.views.operations import ChangeBus, OperationRunner, run_detached, wait_with_progress
from desktop.views.qt_catalog import load_qt_catalog
from desktop.views.process_hooks import install_excepthook, install_sigterm, setup_logging
from desktop.views.start_dialog import StartDialog

# Nothing above loads the database layer: the window shows first, ``open_event`` imports it on a thread.
if TYPE_CHECKING:
    from desktop.models.event.event_setup import EventInfo
    from desktop.views.auto_backup import AutoBackup
    from desktop.views.live_refresh import LiveRefresh
    from desktop.views.network_menu import EmergencyCopies

log = logging.getLogger(__name__)
_qt_translator: QTranslator | None = None  # the Qt catalogue installed now (see Application.apply_language)
DEMO_OPENS_AT = dt.time(10, 10)
OLD_WINDOW_GRACE_MS = 3000  # a replaced window lives on hidden this long (language switch)
EVENT_FILE_FILTER = "Event TemuDesk (*.sqlite *.temudesk);;Semua berkas (*)"
# Qt-free modules imported on the opening thread rather than on the UI thread: what every open event
# needs, and what the page on screen needs (the desk's labels bring ReportLab and numpy).
OPENING_MODULES = ("desktop.models.event.live", "desktop.models.event.backup", "desktop.models.event.emergency")
PAGE_MODULES = {"dashboard": ("desktop.models.reporting.figures",), "checkin": (
    "desktop.models.checkin.checkin", "desktop.models.checkin.checkin_search", "desktop.models.checkin.walk_in", "desktop.reports.labels")}


class Application:
    """Owns the open event and the main window; swaps them when the user opens another."""

    def __init__(self, qt_app: QApplication) -> None:
        self.qt_app = qt_app
        self.window: MainWindow | None = None
        self.context: AppContext | None = None
        self.lock: InstanceLock | None = None
        self._heartbeat = QTimer()
        self._heartbeat.setInterval(int(HEARTBEAT_EVERY.total_seconds() * 1000))
        self._heartbeat.timeout.connect(lambda: self.lock.heartbeat() if self.lock else None)
        self.auto_backup: AutoBackup | None = None
        self.live: LiveRefresh | None = None  # other desks' changes, and whether the database is there
        self.emergency: EmergencyCopies | None = None  # local copies while on a server
        self._opening_lock: InstanceLock | None = None  # held while the start-up window waits for the file

    # ---- language ------------------------------------------------------------------------
    def apply_language(self, language: str) -> None:
        i18n.set_language(language)
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English))
        global _qt_translator
        # One Qt catalogue per process, whichever Application installed it: a second one left
        # behind would keep answering in the old language.
        if _qt_translator is not None:
            self.qt_app.removeTranslator(_qt_translator)
            _qt_translator = None
        translator = QTranslator(self.qt_app)
        if load_qt_catalog(translator, language):
            self.qt_app.installTranslator(translator)
            _qt_translator = translator

    def change_language(self, language: str) -> None:
        settings.LANGUAGE.set(settings.app_settings(), language)
        self.apply_language(language)
        if self.context is not None:
            self._show_window(self.context)  # rebuilt so every label is in the new language

    # ---- events --------------------------------------------------------------------------
    def open(self, target: str | Path) -> bool:
        """Open ``target`` now (the window waits, a progress window shows when it takes long)."""
        locked = self._lock_for(target)
        if locked is None:
            return False
        lock, read_only = locked
        operator, desk = self._remembered_operator()
        try:
            opened = wait_with_progress(self.window, _("Memeriksa keutuhan berkas event …"), lambda: open_event(
                target, read_only=read_only, operator=operator, desk=desk))
        except DomainError as error:
            if lock is not None:
                lock.release()
            messages.show_error(self.window, error.message, title=_("Event tidak dapat dibuka"))
            return False
        self._use(opened, lock)
        self._remember(target)
        return True

    def open_at_start(self, target: str | Path, *, fall_back: bool) -> bool:
        """Start-up: the main window is on screen at once (its scan field takes input, scans are
        queued), while the event file opens on another thread; then the window is filled in.
        When the file cannot be opened, its message is shown and, with ``fall_back``, the start
        dialog offers another event; otherwise the program ends as before."""
        locked = self._lock_for(target)
        if locked is None:
            return False
        lock, read_only = locked
        operator, desk = self._remembered_operator()
        window = self._new_window(None, None, opening=shown_name(target))
        self.window = window
        self._opening_lock = lock  # released by shutdown() if the window is closed meanwhile
        window.show()
        window.activateWindow()  # just started by the user: the keys come here (the scan field)

        def opened(result: OpenedEvent) -> None:
            self._opening_lock = None
            if self.window is not window or not window.isVisible():  # closed while it opened
                result.db.close()
                if lock is not None:
                    lock.release()
                return
            self._use(result, lock)
            self._remember(target)

        def failed(error: BaseException, details: str) -> None:
            self._opening_lock = None
            if lock is not None:
                lock.release()
            if self.window is not window or not window.isVisible():
                return
            if isinstance(error, DomainError):
                message = error.message
            else:
                log.error("Event tidak dapat dibuka:\n%s", details)
                message = _("Event tidak dapat dibuka ({error}).").format(error=f"{type(error).__name__}: {error}")
            lost = window.queued_scans
            if lost:  # said, never silently dropped: these people are not checked in
                message += "\n\n" + _("Scan yang belum tercatat: {codes}").format(codes=", ".join(lost))
                window.queued_scans = []
            messages.show_error(window, message, title=_("Event tidak dapat dibuka"))
            if not (fall_back and self.choose_start()):
                window.close()

        preload = OPENING_MODULES + PAGE_MODULES.get(window.current_page_key(), ())
        run_detached(lambda: open_event(target, read_only=read_only, operator=operator, desk=desk,
                                        preload=preload), on_success=opened, on_error=failed)
        return True

    def _lock_for(self, target: str | Path) -> tuple[InstanceLock | None, bool] | None:
        """This desk's lock (none for a server, or on read-only media where nobody can change the file)
        and whether it opens read-only; None when another TemuDesk has it and the user declined to look."""
        if "://" in str(target) or not Path(target).is_file() or not file_is_writable(Path(target)):
            return None, False
        lock = InstanceLock(Path(target).resolve())
        other = lock.acquire()
        if other is None:
            return lock, False
        return (None, True) if self._ask_read_only(other) else None

    @staticmethod
    def _remembered_operator() -> tuple[str, str]:
        return settings.OPERATOR.get(settings.app_settings()), settings.DESK.get(settings.app_settings())

    @staticmethod
    def _remember(target: str | Path) -> None:
        if "://" not in str(target):
            settings.LAST_EVENT.set(settings.app_settings(), str(Path(target).resolve()))

    def open_demo(self, target: str | Path | None = None) -> bool:
        """A fresh copy of the demo event as it stands at 10:10 on the day: a schedule, most people
        checked in, a few meetings held, orders including the 40,000-pair one still to be split.
        Written to ``target`` when given (``--demo --db FILE``), never over an existing file."""
        path = Path(target) if target is not None else paths.new_demo_path()
        if "://" in str(target or "") or path.exists():
            messages.show_error(self.window, _("Event demo dibuat sebagai berkas baru; {path} sudah ada atau bukan "
                                               "berkas. Pilih nama berkas lain.").format(path=target))
            return False

        try:
            wait_with_progress(self.window, _("Menyiapkan event demo (jadwal dan hari sampai pukul 10.10) …"),
                               lambda: create_demo_file(path, DEMO_OPENS_AT))
        except (DomainError, OSError) as error:
            path.unlink(missing_ok=True)
            messages.show_error(self.window, getattr(error, "message", str(error)))
            return False
        return self.open(path)

    def choose_file(self) -> bool:
        path, _selected = QFileDialog.getOpenFileName(
            self.window, _("Buka berkas event"), str(paths.events_dir()), EVENT_FILE_FILTER
        )
        return bool(path) and self.open(path)

    def new_event(self) -> bool:
        path, _selected = QFileDialog.getSaveFileName(
            self.window, _("Simpan event baru sebagai"), str(paths.events_dir() / "event.sqlite"), EVENT_FILE_FILTER
        )
        if not path:
            return False
        if Path(path).exists():
            messages.show_error(self.window, _("Berkas itu sudah ada. Pilih nama lain agar data lama tidak tertimpa."))
            return False
        from desktop.views.event_dialog import EventDialog

        dialog = EventDialog(parent=self.window)
        if not dialog.exec() or dialog.result_setup is None:
            return False
        setup = dialog.result_setup
        from desktop.models.event.new_event import create_event_file

        try:  # the same service as `temudesk new`: complete or no file at all
            create_event_file(path, setup.settings, setup.plan, setup.tables)
        except DomainError as error:
            messages.show_error(self.window, error.message)
            return False
        return self.open(path)

    def _ask_read_only(self, other: LockOwner) -> bool:
        text = _(
            "Event ini sedang dibuka oleh {user} di komputer {host} sejak {since}.\n\n"
            "Dua TemuDesk yang mengubah berkas yang sama bisa merusak data. "
            "Anda dapat membukanya hanya untuk dilihat."
        ).format(user=other.user or "?", host=other.host, since=formatting.date_time(other.since))
        return messages.confirm(
            self.window, text, title=_("Event sedang dipakai"), yes=_("Buka hanya-baca"), no=_("Batal")
        )

    def _use(self, opened: OpenedEvent, lock: InstanceLock | None = None) -> None:
        from desktop.views.auto_backup import AutoBackup
        from desktop.views.live_refresh import LiveRefresh
        from desktop.views.network_menu import EmergencyCopies
        from desktop.views.operator_session import choose_operator

        db, actor = opened.db, opened.actor
        old = self.context
        old_lock = self.lock
        if self.auto_backup is not None:
            self.auto_backup.finish()  # the event being left gets its last backup
        self._stop_watchers()
        self.lock = lock
        if lock is not None:
            self._heartbeat.start()
        else:
            self._heartbeat.stop()
        bus = ChangeBus()
        runner = OperationRunner(db, bus)
        self.context = AppContext(
            db=db, runner=runner, bus=bus, actor=actor or Actor(name="", role=OperatorRole.DESK.value)
        )
        self.auto_backup = AutoBackup(self.context)
        self.live = LiveRefresh(self.context)
        self.emergency = EmergencyCopies(self.context)
        self._show_window(self.context, opened.event)
        if actor is None:  # operators here use PINs: nobody works unnamed
            assert self.window is not None
            choose_operator(self.context, self.window, closable=False)
        if old is not None:
            old.runner.wait(10_000)
            old.db.close()
        if old_lock is not None:
            old_lock.release()

    def shutdown(self) -> None:
        """Last backup, finish queued work, close the database and free the event file for others."""
        self._heartbeat.stop()
        if self.auto_backup is not None:
            self.auto_backup.finish()
            self.auto_backup = None
        self._stop_watchers()
        if self.context is not None:
            self.context.runner.wait(10_000)
            self.context.db.close()
            self.context = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self._opening_lock is not None:
            self._opening_lock.release()
            self._opening_lock = None

    def _stop_watchers(self) -> None:
        for watcher in (self.live, self.emergency):
            if watcher is not None:
                watcher.stop()
        self.live = self.emergency = None

    def _new_window(self, context: AppContext | None, event: EventInfo | None, *, opening: str = "") -> MainWindow:
        window = MainWindow(context, event, opening=opening)
        window.language_change_requested.connect(self.change_language)
        window.open_event_requested.connect(self.choose_file)
        window.new_event_requested.connect(self.new_event)
        window.demo_requested.connect(self.open_demo)
        return window

    def _show_window(self, context: AppContext, event: EventInfo | None = None) -> None:
        from desktop.views.auto_backup import install_backup_menu
        from desktop.views.live_refresh import install_live_status
        from desktop.views.network_menu import install_network_menu

        if event is None:
            from desktop.models.event import event_setup

            with context.db.read() as session:
                event = event_setup.get_event(session)
        old = self.window
        if old is not None and old.context is None:  # the start-up window, shown while the file opened
            window, old = old, None
            window.attach(context, event)
        else:
            if old is not None:
                old.save_state()
            window = self._new_window(context, event)
        if self.auto_backup is not None:
            install_backup_menu(window, self.auto_backup, self.restore_from_backup)
        install_network_menu(window, context, self.open)
        if self.live is not None:
            install_live_status(window, self.live)
        if old is not None:
            old.retire()
            window.take_over(old)
        self.window = window
        window.show()
        if old is not None:
            window.activateWindow()  # the keyboard moves to the new window with the work
            old.hide()
            # Not at once: keys typed during the rebuild are still addressed to the old window.
            QTimer.singleShot(OLD_WINDOW_GRACE_MS, old.deleteLater)

    def restore_from_backup(self) -> None:
        """Open a backup as a new event file (overwriting only after a confirmation)."""
        from desktop.views.auto_backup import choose_restore, event_file

        if self.context is not None and not self.context.actor.is_admin:
            messages.show_error(self.window, _("Memulihkan cadangan hanya boleh dilakukan admin."))
            return
        current = event_file(self.context.db) if self.context is not None else None
        released: list[bool] = []

        def release() -> None:
            self.shutdown()
            if self.context is not None:
                self.context.runner.wait(10_000)
                self.context.db.close()
            released.append(True)

        target = choose_restore(self.window, current, release)
        if target is not None:
            self.open(target)
        elif released and current is not None:
            self.open(current)

    def start(self, db: str | None, demo: bool) -> bool:
        if demo:
            return self.open_demo(db)
        if db:
            return self.open_at_start(db, fall_back=False)
        last = settings.LAST_EVENT.get(settings.app_settings())
        if last and Path(last).exists() and self.open_at_start(last, fall_back=True):
            return True
        return self.choose_start()

    def choose_start(self) -> bool:
        """The start dialog until an event is open (demo, a file, a new one) or the user gives up."""
        while True:
            chooser = StartDialog(self.window)
            if not chooser.exec():
                return False
            opened = {
                StartDialog.DEMO: self.open_demo,
                StartDialog.OPEN: self.choose_file,
                StartDialog.NEW: self.new_event,
            }[chooser.choice]()
            if opened:
                return True


def run_gui(db: str | None = None, demo: bool = False, language: str | None = None) -> int:
    log_path = setup_logging()
    qt_app = QApplication.instance() or QApplication(sys.argv)
    qt_app.setOrganizationName(settings.ORGANIZATION)
    qt_app.setApplicationName(settings.APPLICATION)
    app = Application(qt_app)  # type: ignore[arg-type]
    app.apply_language(language or settings.LANGUAGE.get(settings.app_settings()))
    install_excepthook(log_path)
    stop_timer = install_sigterm(app)
    if not app.start(db, demo):
        app.shutdown()
        return 0
    code = qt_app.exec()
    stop_timer.stop()
    app.shutdown()
    return code
