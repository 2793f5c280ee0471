"""The GUI application: QApplication, language, settings, opening an event, the main window."""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import signal
import sys
from pathlib import Path
from types import TracebackType

from desktop import formatting, i18n, paths
from desktop.i18n import _
from desktop.models import event_setup, operators
from desktop.models.event_file import writable as file_is_writable
from desktop.models.enums import OperatorRole
from desktop.models.actor import Actor
from desktop.models.database import Database, integrity_problem, open_database
from desktop.models.instance_lock import HEARTBEAT_EVERY, InstanceLock, LockOwner
from desktop.models.errors import DomainError

# The domain (SQLAlchemy, the ORM, the Dasbor's figures) is imported before PySide6 on purpose:
# once PySide6 is loaded, shiboken reads the source of every module imported after it
# (PYSIDE-2029, looking for ``__feature__`` switches), which costs the desk ~20 % of its start-up.
import desktop.models.figures  # noqa: E402,F401  (first page's figures; loaded here for the reason above)
from PySide6.QtCore import QLocale, QTimer, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget  # noqa: E402

from desktop.views import messages, settings
from desktop.views.auto_backup import AutoBackup, choose_restore, event_file, install_backup_menu
from desktop.views.live_refresh import LiveRefresh, install_live_status
from desktop.views.network_menu import EmergencyCopies, install_network_menu
from desktop.views.context import AppContext
from desktop.views.event_dialog import EventDialog
from desktop.views.main_window import MainWindow
from desktop.views.operations import ChangeBus, OperationRunner, wait_with_progress
from desktop.views.operator_session import choose_operator
from desktop.views.qt_catalog import load_qt_catalog
from desktop.views.start_dialog import StartDialog

log = logging.getLogger(__name__)
_qt_translator: QTranslator | None = None  # the Qt catalogue installed now (see Application.apply_language)
DEMO_OPENS_AT = dt.time(10, 10)
OLD_WINDOW_GRACE_MS = 3000  # a replaced window lives on hidden this long (language switch)
EVENT_FILE_FILTER = "Event TemuDesk (*.sqlite *.temudesk);;Semua berkas (*)"


def setup_logging() -> Path:
    path = paths.log_dir() / "temudesk.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


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
        lock: InstanceLock | None = None
        read_only = False
        # On read-only media no lock can be written and nobody can change the file: it opens read-only.
        if "://" not in str(target) and Path(target).is_file() and file_is_writable(Path(target)):
            lock = InstanceLock(Path(target).resolve())
            other = lock.acquire()
            if other is not None:
                lock = None
                if not self._ask_read_only(other):
                    return False
                read_only = True
        try:
            db = open_database(target, create=False, read_only=read_only)
            problem = wait_with_progress(self.window, _("Memeriksa keutuhan berkas event …"), lambda: integrity_problem(db))
            if problem is not None:
                db.close()
                raise DomainError(
                    _("Berkas event rusak ({problem}). Buka salinan cadangan terakhirnya.").format(problem=problem)
                )
            with db.read() as session:
                if not event_setup.has_event(session):
                    db.close()
                    raise DomainError(_("Berkas ini bukan berkas event TemuDesk (belum berisi data event)."))
                event_setup.get_event(session)
        except DomainError as error:
            if lock is not None:
                lock.release()
            messages.show_error(self.window, error.message, title=_("Event tidak dapat dibuka"))
            return False
        self._use(db, lock)
        if "://" not in str(target):
            settings.LAST_EVENT.set(settings.app_settings(), str(Path(target).resolve()))
        return True

    def open_demo(self, target: str | Path | None = None) -> bool:
        """A fresh copy of the demo event as it stands at 10:10 on the day: a schedule, most people
        checked in, a few meetings held, orders including the 40,000-pair one still to be split.
        Written to ``target`` when given (``--demo --db FILE``), never over an existing file."""
        path = Path(target) if target is not None else paths.new_demo_path()
        if "://" in str(target or "") or path.exists():
            messages.show_error(self.window, _("Event demo dibuat sebagai berkas baru; {path} sudah ada atau bukan "
                                               "berkas. Pilih nama berkas lain.").format(path=target))
            return False

        def build() -> None:
            from desktop.models.demo import create_demo_event  # the day's play needs the solver: loaded only here
            from desktop.models.demo_day import play_day
            from desktop.models.new_event import building

            with building(path) as partial:  # the same complete-or-nothing step as `temudesk demo`
                db = open_database(partial)
                try:
                    with db.transaction() as session:
                        create_demo_event(session)
                    with db.transaction() as session:
                        play_day(session, DEMO_OPENS_AT)
                finally:
                    db.close()

        try:
            wait_with_progress(self.window, _("Menyiapkan event demo (jadwal dan hari sampai pukul 10.10) …"), build)
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
        dialog = EventDialog(parent=self.window)
        if not dialog.exec() or dialog.result_setup is None:
            return False
        setup = dialog.result_setup
        from desktop.models.new_event import create_event_file

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

    def _use(self, db: Database, lock: InstanceLock | None = None) -> None:
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
        store = settings.app_settings()
        with db.read() as session:
            actor = operators.startup_actor(session, settings.OPERATOR.get(store), settings.DESK.get(store))
        self.context = AppContext(
            db=db, runner=runner, bus=bus, actor=actor or Actor(name="", role=OperatorRole.DESK.value)
        )
        self.auto_backup = AutoBackup(self.context)
        self.live = LiveRefresh(self.context)
        self.emergency = EmergencyCopies(self.context)
        self._show_window(self.context)
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

    def _stop_watchers(self) -> None:
        for watcher in (self.live, self.emergency):
            if watcher is not None:
                watcher.stop()
        self.live = self.emergency = None

    def _show_window(self, context: AppContext) -> None:
        with context.db.read() as session:
            event = event_setup.get_event(session)
        old = self.window
        if old is not None:
            old.save_state()
        window = MainWindow(context, event)
        window.language_change_requested.connect(self.change_language)
        window.open_event_requested.connect(self.choose_file)
        window.new_event_requested.connect(self.new_event)
        window.demo_requested.connect(self.open_demo)
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
            return self.open(db)
        last = settings.LAST_EVENT.get(settings.app_settings())
        if last and Path(last).exists() and self.open(last):
            return True
        while True:
            chooser = StartDialog()
            if not chooser.exec():
                return False
            opened = {
                StartDialog.DEMO: self.open_demo,
                StartDialog.OPEN: self.choose_file,
                StartDialog.NEW: self.new_event,
            }[chooser.choice]()
            if opened:
                return True


def install_excepthook(log_path: Path, parent: QWidget | None = None) -> None:
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("Kesalahan tak tertangani", exc_info=(kind, error, trace))
        try:
            messages.show_error(
                QApplication.activeWindow() or parent,
                _("Terjadi kesalahan yang tidak terduga. Data yang sudah disimpan aman.\n"
                  "Catatan teknis ada di: {path}").format(path=log_path),
            )
        except Exception:  # never let the error handler itself crash the program
            pass

    sys.excepthook = hook


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


def install_sigterm(app: Application) -> QTimer:
    """SIGTERM (logging out, a service manager, ``kill``) closes like the user closing the window:
    the window saves its state, then :meth:`Application.shutdown` makes the exit backup and frees
    the lock. Python only runs signal handlers between bytecodes, so a timer wakes it while Qt waits."""

    def close(_signal: int, _frame: object) -> None:
        log.info("SIGTERM: closing like a normal exit")
        if app.window is not None:
            app.window.close()
        app.qt_app.quit()

    signal.signal(signal.SIGTERM, close)
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer
