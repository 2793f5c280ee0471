"""The desk card's part for a late arrival: their remaining meetings, and one key to take back
what the repair cancelled (or to be placed from the standby list)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import formatting
from desktop.i18n import _
from desktop.models.checkin import arrival
from desktop.models.checkin.arrival import ArrivalPlan
from desktop.models.schedule.board import event_moment
from desktop.models.event.database import Database
from desktop.models.event.event_setup import get_event
from desktop.views.context import AppContext
from desktop.views.operations import MEETINGS

OFFER_KEY = "F9"


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class ArrivalCard(QFrame):
    """Shown under the check-in answer; empty and hidden when there is nothing to say."""

    applied = Signal(object)  # tuple of codes whose slips changed

    def __init__(self, context: AppContext, clock: Callable[[], dt.datetime] = _now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.clock = context, clock
        self.plan: ArrivalPlan | None = None
        self.moment: dt.datetime | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.remaining_label = QLabel()
        self.remaining_label.setWordWrap(True)
        self.offer_label = QLabel()
        self.offer_label.setWordWrap(True)
        self.offer_button = QPushButton()
        self.offer_button.clicked.connect(self.take_offer)
        layout = QVBoxLayout(self)
        layout.addWidget(self.remaining_label)
        layout.addWidget(self.offer_label)
        layout.addWidget(self.offer_button, 0, Qt.AlignmentFlag.AlignLeft)
        shortcut = QShortcut(QKeySequence(OFFER_KEY), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.take_offer)
        self.hide()

    def clear(self) -> None:
        self.plan = None
        self.hide()

    def show_for(self, participant_id: int) -> None:
        """Look up the person's day (off the UI thread) and show it."""
        clock = self.clock()

        def load(db: Database) -> tuple[ArrivalPlan, dt.datetime]:
            with db.read() as session:
                moment = event_moment(get_event(session).event_date, clock)
                return arrival.arrival_plan(session, participant_id, moment), moment

        self.context.runner.run(load, on_success=self._show, parent=self)

    def _show(self, loaded: tuple[ArrivalPlan, dt.datetime]) -> None:
        self.plan, self.moment = loaded
        plan = self.plan
        if not plan.remaining and not plan.offers:
            self.hide()
            return
        lines = [f"{formatting.clock(item.start)} · {item.table_label} · {item.counterpart}" for item in plan.remaining]
        self.remaining_label.setText(
            _("Pertemuan tersisa hari ini ({count}):").format(count=len(plan.remaining)) + "\n" + "\n".join(lines)
            if lines else _("Tidak ada pertemuan tersisa hari ini."))
        backs = [o for o in plan.offers if o.kind == arrival.BACK]
        if plan.offers:
            title = (_("Bisa dikembalikan (tempat dan mitra masih kosong):") if backs
                     else _("Dari daftar tunggu, bisa dijadwalkan:"))
            self.offer_label.setText(title + "\n" + "\n".join(f"{o.where} · {o.counterpart}" for o in plan.offers))
            self.offer_button.setText(
                (_("Kembalikan {count} pertemuan ({key})") if backs else _("Jadwalkan {count} pertemuan ({key})"))
                .format(count=len(plan.offers), key=OFFER_KEY))
        self.offer_label.setVisible(bool(plan.offers))
        self.offer_button.setVisible(bool(plan.offers))
        self.show()

    def take_offer(self) -> None:
        plan, moment = self.plan, self.moment
        if plan is None or moment is None or not plan.offers or not self.isVisible():
            return
        actor = self.context.actor
        self.offer_button.setEnabled(False)

        def apply(db: Database) -> tuple[str, ...]:
            with db.transaction() as session:
                return arrival.apply_arrival(session, plan, actor, moment)

        def done(codes: tuple[str, ...]) -> None:
            self.offer_button.setEnabled(True)
            self.applied.emit(codes)
            self.show_for(plan.participant_id)  # show the day as it is now

        def failed(error: Exception) -> None:
            self.offer_button.setEnabled(True)
            self.offer_label.setText(str(error))

        self.context.runner.run(apply, on_success=done, on_error=failed, changes={MEETINGS}, parent=self)
