"""Automatic backups while the GUI runs, and the Berkas → Cadangan menu (backup now, restore).

Every :data:`INTERVAL_MS` a backup is taken if something changed since the last one (the
change bus says so), and once more when the event is closed. Backups run on the DB worker
through the operation runner, so they never race a write and never freeze the window.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QWidget

from desktop import paths
from desktop.i18n import _
from desktop.models.event import backup
from desktop.models.event.database import Database
from desktop.models.errors import DomainError
from desktop.views import messages
from desktop.views.context import AppContext

log = logging.getLogger(__name__)
INTERVAL_MS = 5 * 60 * 1000
BACKUP_FILTER = "Cadangan TemuDesk (*.sqlite);;Semua berkas (*)"


def event_file(db: Database) -> Path | None:
    """The SQLite file behind ``db``; None for a server database or an in-memory one."""
    return db.sqlite_path


class AutoBackup(QObject):
    def __init__(self, context: AppContext, interval_ms: int = INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = event_file(context.db)
        self.dirty = False
        self.last: Path | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.backup_if_changed)
        if self.path is not None:
            context.bus.changed.connect(self._on_changed)
            self.timer.start()

    def _on_changed(self, _kinds: frozenset[str]) -> None:
        self.dirty = True

    def backup_if_changed(self) -> None:
        if self.dirty:
            self.backup_now()

    def backup_now(self, on_done: Callable[[Path], None] | None = None) -> None:
        """Queue a backup on the DB worker (after any pending write)."""
        if self.path is None:
            return
        source = self.path
        self.dirty = False

        def done(path: Path) -> None:
            self.last = path
            if on_done is not None:
                on_done(path)

        def failed(error: Exception) -> None:
            self.dirty = True  # try again at the next tick
            log.warning("Pencadangan otomatis gagal: %s", error)

        self.context.runner.run(lambda _db: backup.make_backup(source), on_success=done, on_error=failed)

    def finish(self) -> None:
        """On close: stop the timer and back up what changed, synchronously (the worker is drained first)."""
        self.timer.stop()
        if self.path is None or not self.dirty:
            return
        self.context.runner.wait(10_000)
        try:
            self.last = backup.make_backup(self.path)
            self.dirty = False
        except DomainError as error:
            log.warning("Pencadangan saat keluar gagal: %s", error)


def install_backup_menu(window: QMainWindow, auto: AutoBackup, restore: Callable[[], None]) -> QMenu | None:
    """Berkas → Cadangan: "Cadangkan sekarang", "Pulihkan dari cadangan …" (before Keluar)."""
    file_menu: QMenu | None = getattr(window, "file_menu", None)
    if file_menu is None:
        return None
    menu = QMenu(_("&Cadangan"), file_menu)
    now_action = menu.addAction(_("Cadangkan &sekarang"))
    now_action.setEnabled(auto.path is not None)
    now_action.triggered.connect(
        lambda: auto.backup_now(lambda path: messages.show_info(
            window, _("Cadangan dibuat: {path}").format(path=path), title=_("Cadangan")))
    )
    menu.addAction(_("&Pulihkan dari cadangan …"), restore)
    quit_action = file_menu.actions()[-1]
    file_menu.insertMenu(quit_action, menu)
    file_menu.insertSeparator(quit_action)
    return menu


def choose_restore(parent: QWidget | None, current: Path | None, release_current: Callable[[], None]) -> Path | None:
    """Ask for a backup and a new file name; restore it there. Returns the new event file or None.

    Overwriting an existing file (above all the open one) needs an explicit "Timpa" that is not
    the default button; the open file is released first so no stale WAL survives.
    """
    folder = backup.backup_folder(current) if current is not None else paths.events_dir()
    source, _selected = QFileDialog.getOpenFileName(
        parent, _("Pilih cadangan yang dipulihkan"), str(folder if folder.is_dir() else paths.events_dir()),
        BACKUP_FILTER,
    )
    if not source:
        return None
    stem = (current.stem if current is not None else Path(source).stem)
    suggestion = paths.events_dir() / f"{stem}-pulih-{dt.datetime.now():%Y%m%d-%H%M}.sqlite"
    target_text, _selected = QFileDialog.getSaveFileName(
        parent, _("Simpan cadangan sebagai event baru"), str(suggestion), BACKUP_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not target_text:
        return None
    target = Path(target_text)
    overwrite = False
    if target.exists():
        is_open = current is not None and target.resolve() == current.resolve()
        warning = (
            _("{name} adalah event yang sedang dibuka. Timpa seluruh isinya dengan cadangan ini?") if is_open
            else _("{name} sudah ada. Timpa isinya dengan cadangan ini?")
        ).format(name=target.name)
        if not messages.confirm(parent, warning + "\n\n" + _("Tindakan ini tidak dapat dibatalkan."),
                                title=_("Pulihkan cadangan"), yes=_("Timpa"), destructive=True):
            return None
        if is_open:
            release_current()
        overwrite = True
    try:
        return backup.restore_backup(source, target, overwrite=overwrite)
    except DomainError as error:
        messages.show_error(parent, error.message, title=_("Pemulihan gagal"))
        return None
