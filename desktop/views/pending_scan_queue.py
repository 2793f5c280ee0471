"""The desk's scans waiting for the database: kept in the journal, tried again until recorded.

:mod:`desktop.models.checkin.pending_scans` holds the rules and the file; this object only times the
retries on the operation runner and tells the page what happened. One scan is tried at a time, in
the order they were made, so a person scanned twice is recorded once (the second is "already").
"""

from __future__ import annotations

import logging

import shiboken6

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop import formatting, paths
from desktop.i18n import _, ngettext
from desktop.models.checkin import pending_scans
from desktop.models.checkin.checkin import CheckInResult
from desktop.models.checkin.pending_scans import PendingScan, PendingScanJournal, StillAway
from desktop.models.event.database import Database
from desktop.views.context import AppContext
from desktop.views.operations import CHECK_INS
from desktop.views.scan_answer import scan_shown

log = logging.getLogger(__name__)
RETRY_MS = 5_000
DONE_SHOWN_MS = 8_000


class PendingScanQueue(QObject):
    """``recorded`` (scan, result) once a waiting scan is in the database; ``dropped`` (scan, message)
    when the database refused it for good; ``count_changed`` whenever the number waiting changes."""

    recorded = Signal(object, object)
    dropped = Signal(object, str)
    count_changed = Signal(int)

    def __init__(self, context: AppContext, page: QWidget) -> None:
        super().__init__(page)
        self.context, self.page = context, page
        self.journal = PendingScanJournal(paths.data_dir() / pending_scans.JOURNAL_NAME)
        self.event_key = context.db.display_name
        self._trying = False
        self.timer = QTimer(self, interval=RETRY_MS)
        self.timer.timeout.connect(self.try_next)
        if self.waiting():  # left from before a restart (or a crash) while the database was away
            self.timer.start()

    def waiting(self) -> list[PendingScan]:
        try:
            return self.journal.waiting(self.event_key)
        except OSError as error:
            log.warning("Jurnal scan tertunda tidak terbaca: %s", error)
            return []

    def keep(self, scan: PendingScan) -> bool:
        """False when even this computer's disk refused it: the scan is not kept."""
        try:
            self.journal.add(scan)
        except OSError as error:
            log.error("Scan %s tidak dapat disimpan di jurnal: %s", scan.target, error)
            return False
        self.count_changed.emit(len(self.waiting()))
        self.timer.start()
        return True

    def try_next(self) -> None:
        """Record the oldest waiting scan; on success the next follows at once."""
        waiting = self.waiting()
        if not waiting:
            self.timer.stop()
            return
        if self._trying:
            return
        self._trying = True
        scan = waiting[0]

        def work(db: Database) -> CheckInResult | StillAway:
            return pending_scans.attempt(db, lambda session: pending_scans.record(session, scan))

        def done(result: CheckInResult | StillAway) -> None:
            self._trying = False
            if isinstance(result, StillAway):
                return  # the timer tries again
            self._forget(scan)
            self.recorded.emit(scan, result)
            self.context.bus.changed.emit(frozenset({CHECK_INS}))
            QTimer.singleShot(0, self.try_next)

        def failed(error: Exception) -> None:
            if not shiboken6.isValid(self):
                return
            self._trying = False
            self._forget(scan)
            self.dropped.emit(scan, str(error))

        self.context.runner.run(work, on_success=done, on_error=failed, parent=self.page)

    def _forget(self, scan: PendingScan) -> None:
        try:
            self.journal.remove(scan.nonce)
        except OSError as error:  # the nonce keeps a second recording from counting twice
            log.warning("Scan %s tetap di jurnal: %s", scan.target, error)
        self.count_changed.emit(len(self.waiting()))



class PendingScanNotice(QLabel):
    """One line on the Registrasi page while scans wait: how many, and that they are safe."""

    def __init__(self, queue: PendingScanQueue) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a scanned code may hold "<" or "&"
        self.setStyleSheet("background:#fff4e0; color:#9a5b00; font-weight:bold; padding:6px;"
                           "border:1px solid #9a5b00; border-radius:4px")
        self._hide_later = QTimer(self, singleShot=True, interval=DONE_SHOWN_MS)
        self._hide_later.timeout.connect(self.hide)
        self._shown_waiting = False
        queue.count_changed.connect(self.show_count)
        queue.dropped.connect(self._dropped)
        self.show_count(len(queue.waiting()))

    def show_count(self, count: int) -> None:
        if count:
            self._hide_later.stop()
            self._shown_waiting = True
            self.setText("⚠ " + ngettext(
                "{count} scan belum tercatat di basis data: aman di komputer ini, dicoba lagi otomatis.",
                "{count} scan belum tercatat di basis data: aman di komputer ini, dicoba lagi otomatis.",
                count).format(count=count))
            self.show()
        elif self._shown_waiting:
            self._shown_waiting = False
            self.setText("✔ " + _("Semua scan yang tertunda sudah tercatat."))
            self._hide_later.start()
        else:
            self.hide()

    def _dropped(self, scan: PendingScan, message: str) -> None:
        self._hide_later.stop()
        self.setText("✖ " + _("Scan {code} (jam {time}) tidak dapat dicatat: {message}").format(
            code=scan_shown(scan), time=formatting.clock(scan.scanned_time), message=message))
        self.show()
