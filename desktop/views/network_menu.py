"""Berkas → Event di jaringan, and the emergency files a desk on a server keeps taking."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.i18n import _
from desktop.models.event import emergency
from desktop.views.context import AppContext

log = logging.getLogger(__name__)
INTERVAL_MS = 5 * 60 * 1000
FIRST_COPY_MS = 15_000


class _Signals(QObject):
    done = Signal(object)


class _Copy(QRunnable):
    def __init__(self, context: AppContext, signals: _Signals) -> None:
        super().__init__()
        from desktop.views.network_dialog import emergency_folder  # on the UI thread, at the first copy only

        self.context, self.signals, self.folder = context, signals, emergency_folder()

    def run(self) -> None:
        try:
            path, _report = emergency.take_copy(self.context.db, self.folder)
        except Exception as error:  # the server may be gone: the last good copy stays
            log.warning("Berkas darurat tidak dapat dibuat: %s", error)
            self.signals.done.emit(None)
        else:
            self.signals.done.emit(path)


class EmergencyCopies(QObject):
    """While the event is on a server: a local copy every few minutes, on its own thread."""

    def __init__(self, context: AppContext, interval_ms: int = INTERVAL_MS, first_ms: int = FIRST_COPY_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last = None
        self._busy = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.done.connect(self._done)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.copy_now)
        if not context.db.is_sqlite:
            self.timer.start()
            QTimer.singleShot(first_ms, self, self.copy_now)

    def copy_now(self) -> None:
        if self._busy or self.context.db.is_sqlite:
            return
        self._busy = True
        self._pool.start(_Copy(self.context, self._signals))

    @Slot(object)
    def _done(self, path: object) -> None:
        self._busy = False
        if path is not None:
            self.last = path

    def stop(self) -> None:
        self.timer.stop()
        self._pool.waitForDone(30_000)


def install_network_menu(window: QMainWindow, context: AppContext, open_target: Callable[[str], object]) -> QAction | None:
    """Adds *Event di jaringan …* to the Berkas menu, before Keluar."""
    file_menu: QMenu | None = getattr(window, "file_menu", None)
    if file_menu is None:
        return None
    action = QAction(_("Event di &jaringan …"), window)

    def show() -> None:
        from desktop.views.network_dialog import NetworkEventDialog  # start-up: loaded on first use

        dialog = NetworkEventDialog(context.db, context.actor, window)
        if not context.db.is_sqlite:
            from desktop.models.event.network_event import ServerAddress

            dialog.set_address(ServerAddress.from_url(context.db.url))
        dialog.open_requested.connect(open_target)
        window.network_dialog = dialog  # type: ignore[attr-defined]
        dialog.open()

    action.triggered.connect(show)
    file_menu.insertAction(file_menu.actions()[-1], action)
    return action
