"""The one way to run database or PDF work off the UI thread.

``OperationRunner.run(work, on_success=…)`` runs ``work(db)`` on a single worker
thread (so writes never race each other), delivers the plain result to
``on_success`` on the UI thread, turns a :class:`DomainError` into a calm message,
and announces which kinds of data changed so every page can refresh just that.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop.i18n import _
from desktop.models.errors import DomainError

if TYPE_CHECKING:  # the database layer (SQLAlchemy) is not loaded before the first window shows
    from desktop.models.event.database import Database

log = logging.getLogger(__name__)

# Kinds of change a page may listen for.
PARTICIPANTS = "participants"
CHECK_INS = "check_ins"
MEETINGS = "meetings"
REQUESTS = "requests"
ORDERS = "orders"
EVENT = "event"
OPERATOR = "operator"  # the operator or desk changed (see operator_session)


class ChangeBus(QObject):
    """Fired once per finished operation with the kinds of data it changed."""

    changed = Signal(frozenset)


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int, str)


class _Task(QRunnable):
    def __init__(self, work: Callable[..., Any], db: Database, signals: _Signals, with_progress: bool) -> None:
        super().__init__()
        self._work = work
        self._db = db
        self._signals = signals
        self._with_progress = with_progress

    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._work(self._db, self._signals.progress.emit)
            else:
                result = self._work(self._db)
        except Exception as error:  # routed to the UI; nothing escapes the worker thread
            self._signals.failed.emit(error, traceback.format_exc())
        else:
            self._signals.succeeded.emit(result)


class OperationRunner(QObject):
    """Runs operations against one :class:`Database` on one worker thread."""

    busy_changed = Signal(bool)

    def __init__(self, db: Database, bus: ChangeBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.bus = bus
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending = 0
        self._alive: set[_Signals] = set()
        self.error_presenter: Callable[[QWidget | None, str], None] = _default_presenter

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        work: Callable[..., Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        changes: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        """Run ``work(db)`` (or ``work(db, progress)`` when ``on_progress`` is given)."""
        signals = _Signals()
        self._alive.add(signals)
        changed = frozenset(changes)

        @Slot(object)
        def succeeded(result: Any) -> None:
            self._finish(signals)
            # The page that asked may have been closed meanwhile: its widgets are gone, the data is not.
            if on_success is not None and (parent is None or shiboken6.isValid(parent)):
                on_success(result)
            if changed:
                self.bus.changed.emit(changed)

        @Slot(object, str)
        def failed(error: Exception, details: str) -> None:
            self._finish(signals)
            if on_error is not None and isinstance(error, DomainError):
                on_error(error)
                return
            if isinstance(error, DomainError):
                self.error_presenter(parent, error.message)
                return
            log.error("Operasi gagal:\n%s", details)
            if on_error is not None:
                on_error(error)
            self.error_presenter(
                parent,
                _("Terjadi kesalahan yang tidak terduga. Data Anda aman; perubahan terakhir tidak disimpan.\n\n{error}").format(
                    error=f"{type(error).__name__}: {error}"
                ),
            )

        signals.succeeded.connect(succeeded)
        signals.failed.connect(failed)
        if on_progress is not None:
            signals.progress.connect(on_progress)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Task(work, self.db, signals, on_progress is not None))

    def _finish(self, signals: _Signals) -> None:
        self._alive.discard(signals)
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued work is done (shutdown and tests)."""
        return self._pool.waitForDone(msecs)


class _Detached(QObject):
    succeeded = Signal(object)
    failed = Signal(object, str)


_detached_alive: set[_Detached] = set()


def run_detached(work: Callable[[], Any], *, on_success: Callable[[Any], None],
                 on_error: Callable[[BaseException, str], None], parent: QWidget | None = None) -> None:
    """Run ``work()`` on a thread of its own and hand its result (or its error with the traceback
    text) to the UI thread, without blocking anything. For the one step before an event's runner
    exists: opening the event file (and importing the database layer) while the window is already
    on screen. Nothing is delivered to a ``parent`` that was deleted meanwhile."""
    relay = _Detached()  # lives on the UI thread, so its signals arrive there
    _detached_alive.add(relay)

    @Slot(object)
    def succeeded(result: Any) -> None:
        _detached_alive.discard(relay)
        if parent is None or shiboken6.isValid(parent):
            on_success(result)

    @Slot(object, str)
    def failed(error: BaseException, details: str) -> None:
        _detached_alive.discard(relay)
        if parent is None or shiboken6.isValid(parent):
            on_error(error, details)

    relay.succeeded.connect(succeeded)
    relay.failed.connect(failed)

    def target() -> None:
        try:
            result = work()
        except Exception as error:  # routed to the UI; nothing escapes the thread
            relay.failed.emit(error, traceback.format_exc())
        else:
            relay.succeeded.emit(result)

    threading.Thread(target=target, name="temudesk-open", daemon=True).start()


def _default_presenter(parent: QWidget | None, message: str) -> None:
    from desktop.views.messages import show_error

    show_error(parent, message)


def wait_with_progress(parent: QWidget | None, text: str, work: Callable[[], Any], *,
                       show_after_ms: int = 300) -> Any:
    """Run ``work()`` on a thread of its own while the UI keeps painting, and return its result
    (or raise its error) here. For the steps before an event is open and its runner exists (the
    integrity check of the file, building the demo day); a small progress window appears when the
    step takes longer than ``show_after_ms``."""
    from PySide6.QtCore import QEventLoop, QTimer, Qt
    from PySide6.QtWidgets import QProgressDialog

    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the caller on the UI thread
            outcome["error"] = error

    thread = threading.Thread(target=target, name="temudesk-start", daemon=True)
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setCancelButton(None)  # these steps cannot be stopped half-way safely
    dialog.setWindowTitle("TemuDesk")
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setMinimumWidth(380)
    loop = QEventLoop()
    poll = QTimer(interval=20)
    poll.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    thread.start()
    poll.start()
    dialog.setValue(0)  # starts the "show after" clock
    loop.exec()
    poll.stop()
    dialog.reset()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
