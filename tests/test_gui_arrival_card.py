"""The desk card of a late arrival: remaining meetings shown, cancelled ones given back with one key (F9)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.models.schedule import onsite
from desktop.models.event.database import Database
from desktop.models.orm import Meeting, Participant
from desktop.views.checkin_page import CheckInPage
from tests.conftest import ADMIN
from tests.gui_helpers import make_context, settle
from tests.played_day import _played_template, at, played_db  # noqa: F401


def test_late_arrival_sees_their_day_and_takes_meetings_back(qtbot, played_db: Database) -> None:  # type: ignore[no-untyped-def]
    with played_db.transaction() as session:
        plan = onsite.apply_repair(session, onsite.plan_repair(session, at(10, 16)), ADMIN)
        names = dict(session.execute(select(Participant.business_name, Participant.code)).all())
    late = names[plan.absent[0]]
    context = make_context(played_db)
    page = CheckInPage(context)
    page.arrival.clock = lambda: at(10, 18)  # the desk's clock on the event day
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    settle(qtbot, context)
    qtbot.waitUntil(lambda: page.index is not None)
    with qtbot.waitSignal(page.result_shown, timeout=5000):
        qtbot.keyClicks(page.scan_input, late)
        qtbot.keyClick(page.scan_input, Qt.Key.Key_Return)
    settle(qtbot, context)
    qtbot.waitUntil(lambda: page.arrival.isVisible(), timeout=5000)
    assert "Pertemuan tersisa hari ini" in page.arrival.remaining_label.text()
    offers = page.arrival.plan.offers  # type: ignore[union-attr]
    if os.environ.get("TEMUDESK_SHOTS"):
        page.grab().save(os.path.join(os.environ["TEMUDESK_SHOTS"], "arrival-card.png"))
    assert offers and page.arrival.offer_button.isVisible() and "F9" in page.arrival.offer_button.text()
    with qtbot.waitSignal(page.arrival.applied, timeout=5000):
        qtbot.keyClick(page.scan_input, Qt.Key.Key_F9)  # one key, while the scan field has the focus
    settle(qtbot, context)
    with played_db.read() as session:
        for offer in offers:
            live = session.scalars(select(Meeting).where(Meeting.request_id == offer.request_id,
                                                         Meeting.status == "scheduled")).one()
            assert (live.slot_id, live.table_id) == (offer.slot_id, offer.table_id)
    assert context.shown_errors == []
