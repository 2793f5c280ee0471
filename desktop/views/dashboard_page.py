"""The Dasbor page: keeps :class:`EventFigures` fresh and shows them, also full-screen (F11).

When it recomputes, and why that stays cheap:
- a change announced on the bus (this desk) marks the figures stale; a short single-shot
  timer folds a burst (30 check-ins a minute) into one recompute on the worker thread;
- every 30 s a one-row :func:`change_stamp` query notices other desks' changes; the
  figures are recomputed only when it moved, and the order figures (the costly part) only
  when orders or participants changed;
- a 1 s timer moves the clock and the countdown without touching the database, and asks
  for a recompute when a slot begins or ends;
- while neither the page nor the full-screen window is visible, nothing is computed; the
  page catches up when shown.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QHideEvent, QKeyEvent, QKeySequence, QScreen, QShortcut, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget
from sqlalchemy.exc import SQLAlchemyError

from desktop.i18n import _
from desktop.models.event.database import Database
from desktop.models.reporting.figures import ChangeStamp, EventFigures, OrderFigures, change_stamp, event_figures
from desktop.views.context import AppContext
from desktop.views.dashboard_view import DashboardView
from desktop.views.operations import CHECK_INS, EVENT, MEETINGS, ORDERS, PARTICIPANTS

log = logging.getLogger(__name__)

WATCHED = frozenset({CHECK_INS, ORDERS, MEETINGS, PARTICIPANTS, EVENT})
ORDER_KINDS = frozenset({ORDERS, PARTICIPANTS, EVENT})  # what the order figures depend on
COALESCE_MS = 400
POLL_MS = 30_000
TICK_MS = 1_000


@dataclass(frozen=True)
class _Computed:
    stamp: ChangeStamp
    figures: EventFigures


@dataclass(frozen=True)
class _Failed:
    message: str


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class DashboardWindow(QWidget):
    """The same figures, large, on a second monitor or a projector. Esc or F11 closes it."""

    hidden = Signal()

    def __init__(self, scale: float, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(_("TemuDesk — Dasbor"))
        self.view = DashboardView(scale=scale, fullscreen=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.hide()
        event.ignore()  # kept for the next F11; it goes when the page goes

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.hidden.emit()


class DashboardPage(QWidget):
    def __init__(self, context: AppContext, clock: Callable[[], dt.datetime] = _now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.clock = clock
        self.figures: EventFigures | None = None
        self.stamp: ChangeStamp | None = None
        self.recomputations = 0
        self.fullscreen_window: DashboardWindow | None = None
        self._watched_window: QWidget | None = None
        self._computing = False
        self._again = False
        self._stale = True
        self._orders_stale = True
        self._polling = False

        self.view = DashboardView(scale=1.0)
        self.view.fullscreen_requested.connect(self.toggle_fullscreen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self._compute)
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self.poll)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        context.bus.changed.connect(self._on_changed)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_fullscreen,
                  context=Qt.ShortcutContext.ApplicationShortcut)

    # ---- when to recompute ----------------------------------------------------------------
    def is_watching(self) -> bool:
        return self.isVisible() or (self.fullscreen_window is not None and self.fullscreen_window.isVisible())

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if not kinds & WATCHED:
            return
        if kinds & ORDER_KINDS:
            self._orders_stale = True
        self.request_refresh()

    def request_refresh(self) -> None:
        """Recompute soon (bursts fold into one), or when next shown."""
        self._stale = True
        if self.is_watching() and not self._coalesce.isActive():
            self._coalesce.start()

    def poll(self) -> None:
        """Ask the database whether anything changed elsewhere (one cheap query)."""
        if not self.is_watching() or self._computing or self._polling:
            return
        self._polling = True

        def work(db: Database) -> ChangeStamp | _Failed:
            try:
                with db.read() as session:
                    return change_stamp(session)
            except SQLAlchemyError as error:
                return _Failed(str(error))

        self.context.runner.run(work, on_success=self._polled, parent=self)

    def _polled(self, result: ChangeStamp | _Failed) -> None:
        self._polling = False
        if isinstance(result, _Failed) or result == self.stamp:
            return
        if self.stamp is None or result.orders != self.stamp.orders:
            self._orders_stale = True
        self.request_refresh()

    def _on_tick(self) -> None:
        now = self.clock()
        for view in self._views():
            view.tick(now)
        figures = self.figures
        if figures is None or self._computing:
            return
        moment = dt.datetime.combine(figures.event_date, now.time())
        boundary = [figures.current_slot.end] if figures.current_slot else []
        boundary += [figures.next_slot.start] if figures.next_slot else []
        if any(moment.time() >= edge for edge in boundary) or moment.time() < figures.moment.time():
            self.request_refresh()  # a slot began or ended (or the clock went back)

    # ---- computing ------------------------------------------------------------------------
    def _compute(self) -> None:
        if self._computing:
            self._again = True
            return
        self._computing = True
        self._stale = False
        reuse: OrderFigures | None = None
        if not self._orders_stale and self.figures is not None:
            reuse = self.figures.orders
        self._orders_stale = False
        now = self.clock()

        def work(db: Database) -> _Computed | _Failed:
            # Read errors (a locked or vanished file) are shown on the page, not in a dialog
            # every few seconds.
            try:
                with db.read() as session:
                    return _Computed(change_stamp(session), event_figures(session, now, orders=reuse))
            except SQLAlchemyError as error:
                log.warning("Dasbor tidak dapat dimuat: %s", error)
                return _Failed(str(error))

        self.context.runner.run(work, on_success=self._computed, parent=self)

    def _computed(self, result: _Computed | _Failed) -> None:
        self._computing = False
        if isinstance(result, _Failed):
            for view in self._views():
                view.show_notice(_("Ringkasan tidak dapat dimuat: {error}").format(error=result.message))
            self._orders_stale = True
        else:
            self.recomputations += 1
            self.stamp = result.stamp
            self.figures = result.figures
            for view in self._views():
                view.show_figures(result.figures)
        if self._again or self._stale:
            self._again = False
            self.request_refresh()

    def _views(self) -> list[DashboardView]:
        views = [self.view]
        if self.fullscreen_window is not None and self.fullscreen_window.isVisible():
            views.append(self.fullscreen_window.view)
        return views

    # ---- visibility and full screen ------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        top = self.window()
        if top is not self and top is not self._watched_window:
            top.installEventFilter(self)
            self._watched_window = top
        self._watching_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The app is closing: the projector window goes with the main window, before the
        # main window waits for the worker, so no refresh starts behind its back.
        if watched is self._watched_window and event.type() == QEvent.Type.Close:
            if self.fullscreen_window is not None:
                self.fullscreen_window.hide()
            self._coalesce.stop()
            self._tick.stop()
            self._poll.stop()
        return False

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._watching_changed()

    def _watching_changed(self) -> None:
        if self.is_watching():
            if not self._tick.isActive():
                self._tick.start()
                self._poll.start()
            if self._stale:
                self.request_refresh()
            else:
                self.poll()
            self._on_tick()
        else:
            self._tick.stop()
            self._poll.stop()

    def toggle_fullscreen(self) -> None:
        window = self.fullscreen_window
        if window is not None and window.isVisible():
            window.hide()
            return
        screen = self._projector_screen()
        if window is None:
            scale = max(1.0, screen.geometry().height() / 720) if screen else 1.5
            window = self.fullscreen_window = DashboardWindow(scale, self)
            window.hidden.connect(self._watching_changed)
        if screen is not None:
            window.setGeometry(screen.geometry())
        window.showFullScreen()
        window.activateWindow()
        if self.figures is not None:
            window.view.show_figures(self.figures)
        self._watching_changed()

    def _projector_screen(self) -> QScreen | None:
        """A screen other than the main window's, if there is one (the projector)."""
        own = self.window().screen() if self.window() is not None else None
        screens = QGuiApplication.screens()
        return next((screen for screen in screens if screen is not own), own or QGuiApplication.primaryScreen())
