"""A scan made while the database is out of reach is kept, survives a restart, and is recorded later."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.models.checkin import checkin
from desktop.models.event import event_setup
from desktop.models.event.server_errors import ServerUnavailableError
from desktop.models.orm import CheckInEvent, Participant
from desktop.views.main_window import MainWindow
from tests.gui_helpers import make_context, settle
from tests.scanner_keys import QUIET_WAIT_SCALE, type_keys

PAGES = ["dashboard", "checkin", "participants", "schedule", "orders", "reports"]


def _window(qtbot, context, event):  # type: ignore[no-untyped-def]
    window = MainWindow(context, event)
    window.scan_filter.quiet_wait_scale = QUIET_WAIT_SCALE
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    settle(qtbot, context)
    return window


def test_scans_while_the_server_is_away_are_kept_and_recorded_when_it_is_back(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    context = make_context(demo_db)
    with demo_db.read() as session:
        event = event_setup.get_event(session)
        first, second = session.scalars(select(Participant.code).order_by(Participant.id).limit(2)).all()
    real_check_in = checkin.check_in
    away = [True]

    def check_in_or_fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        if away[0]:
            raise ServerUnavailableError("Server event tidak terjangkau.")
        return real_check_in(*args, **kwargs)

    monkeypatch.setattr(checkin, "check_in", check_in_or_fail)
    window = _window(qtbot, context, event)
    window.show_page(PAGES.index("orders"))
    desk = window.page("checkin")
    with qtbot.waitSignal(desk.scan_answered, timeout=5000) as blocker:
        type_keys(window.page("orders"), first, Qt.Key.Key_Return)  # a scanner burst on another page
    scan, reason = blocker.args[0]
    assert scan.target == first and "tidak terjangkau" in reason
    assert window.toast.isVisible() and "belum tercatat" in window.toast.headline.text()
    window.show_page(PAGES.index("checkin"))
    with qtbot.waitSignal(desk.result_shown, timeout=5000):
        desk.submit_code(second)  # typed at the desk
    assert "belum tercatat" in desk.panel.headline.text() and "Peserta boleh masuk" in desk.panel.detail_label.text()
    assert desk.pending_notice.isVisible() and "2 scan" in desk.pending_notice.text()
    kept = {scan.target: scan.scanned_time for scan in desk.pending.waiting()}
    assert set(kept) == {first, second}

    window.close()  # the desk is restarted while the server is still away: nothing is lost
    settle(qtbot, context)
    window = _window(qtbot, context, event)
    desk = window.page("checkin")
    assert len(desk.pending.waiting()) == 2 and desk.pending.timer.isActive()
    assert "2 scan" in desk.pending_notice.text()

    away[0] = False  # the server is back: the next retry records both, at the time of their scans
    desk.pending.try_next()
    qtbot.waitUntil(lambda: desk.pending.waiting() == [], timeout=10_000)
    settle(qtbot, context)
    assert "Semua scan" in desk.pending_notice.text() and not desk.pending.timer.isActive()
    with demo_db.read() as session:
        recorded = dict(session.execute(select(Participant.code, CheckInEvent.at).join(
            CheckInEvent, CheckInEvent.participant_id == Participant.id).where(Participant.code.in_(kept))).all())
    assert recorded == kept
