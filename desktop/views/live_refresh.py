"""Other desks' changes within about a second, and a plain word when the server is gone.

:class:`LiveRefresh` runs the one-row :func:`desktop.models.event.live.live_stamp` query every
:data:`POLL_MS` on its own thread (never the UI thread, never queued behind the DB worker's
long jobs) and announces the kinds that changed on the change bus, so every page refreshes
exactly as after this desk's own work. A failing poll means the server is unreachable:
``connection_changed(False, message)``; the status bar says so until it is back.
"""

from __future__ import annotations

import datetime as dt
import logging

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.i18n import _
from desktop.models.event.live import LiveStamp, changed_kinds, live_stamp
from desktop.views.context import AppContext

log = logging.getLogger(__name__)
POLL_MS = 1_000


class _Signals(QObject):
    polled = Signal(object)
    failed = Signal(str)


class _Poll(QRunnable):
    def __init__(self, context: AppContext, signals: _Signals) -> None:
        super().__init__()
        self.context = context
        self.signals = signals

    def run(self) -> None:
        try:
            with self.context.db.read() as session:
                stamp = live_stamp(session)
        except Exception as error:  # a poll never brings the desk down: it reports
            self.signals.failed.emit(str(error))
        else:
            self.signals.polled.emit(stamp)


class LiveRefresh(QObject):
    connection_changed = Signal(bool, str)  # ok, message for the desk

    def __init__(self, context: AppContext, interval_ms: int = POLL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stamp: LiveStamp | None = None
        self.connected = True
        self.lost_at: dt.datetime | None = None
        self._in_flight = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.polled.connect(self._on_polled)
        self._signals.failed.connect(self._on_failed)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.poll()

    def poll(self) -> None:
        if self._in_flight:
            return  # a slow server: one poll at a time
        self._in_flight = True
        self._pool.start(_Poll(self.context, self._signals))

    @Slot(object)
    def _on_polled(self, stamp: LiveStamp) -> None:
        self._in_flight = False
        kinds = changed_kinds(self.stamp, stamp)
        self.stamp = stamp
        if not self.connected:
            self.connected, self.lost_at = True, None
            self.connection_changed.emit(True, _("Tersambung lagi ke server event."))
        if kinds:
            self.context.bus.changed.emit(kinds)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._in_flight = False
        if self.connected:
            log.warning("Basis data tidak terjangkau: %s", message)
            self.connected, self.lost_at = False, dt.datetime.now()
            self.connection_changed.emit(False, message)

    def stop(self) -> None:
        self.timer.stop()
        self._pool.waitForDone(10_000)


def lost_text(live: LiveRefresh) -> str:
    since = live.lost_at.strftime("%H:%M:%S") if live.lost_at else "?"
    if live.context.db.is_sqlite:
        return _("Berkas event tidak dapat dibaca sejak {time}.").format(time=since)
    return _("SERVER TERPUTUS sejak {time}: scan disimpan di laptop ini, dicatat begitu server kembali (berkas darurat: Berkas → Event di jaringan)").format(
        time=since)


def install_live_status(window: QMainWindow, live: LiveRefresh) -> QLabel:
    """A status-bar label: quiet while all is well, red and plain when the database is gone."""
    label = QLabel()
    label.setObjectName("live_status")
    on_server = not live.context.db.is_sqlite

    def show(ok: bool, _message: str) -> None:
        if not shiboken6.isValid(label):  # its window was replaced (language switch); the watcher lives on
            live.connection_changed.disconnect(show)
            return
        if ok:
            label.setStyleSheet("color: #1b7f3b;")
            label.setText(_("● Server tersambung") if on_server else "")
            label.setToolTip(_("Perubahan dari meja lain tampil dalam 1–2 detik."))
        else:
            label.setStyleSheet("color: white; background: #b3261e; padding: 2px 8px; font-weight: bold;")
            label.setText(lost_text(live))
            label.setToolTip(_message)

    show(live.connected, "")
    live.connection_changed.connect(show)
    window.statusBar().addPermanentWidget(label)
    return label
