"""A scan made while the database is out of reach is kept, survives a restart, and is recorded later."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, make_url, select

from desktop.models.checkin import checkin
from desktop.models.event import event_setup
from desktop.models.event.database import open_database
from desktop.models.event.server_errors import ServerUnavailableError
from desktop.models.orm import CheckInEvent, Participant
from desktop.views.checkin_page import CheckInPage
from tests.gui_helpers import make_context, settle
from tests.pg_support import LoopbackProxy
from tests.scanner_keys import scanning_window, type_keys

PAGES = ["dashboard", "checkin", "participants", "schedule", "orders", "reports"]


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
    window = scanning_window(qtbot, context, event)
    window.show_page(PAGES.index("orders"))
    desk = window.page("checkin")
    with qtbot.waitSignal(desk.scan_answered, timeout=5000) as blocker:
        type_keys(window.page("orders"), first, Qt.Key.Key_Return)  # a scanner burst on another page
    scan, reason = blocker.args[0]
    assert scan.target == first and "tidak terjangkau" in reason
    assert window.toast.isVisible() and "belum tercatat" in window.toast.headline.text() and first in window.toast.body.text()
    window.show_page(PAGES.index("checkin"))
    with qtbot.waitSignal(desk.result_shown, timeout=5000):
        desk.submit_code(second)  # typed at the desk
    assert "belum tercatat" in desk.panel.headline.text() and "Peserta boleh masuk" in desk.panel.detail_label.text()
    assert desk.pending_notice.isVisible() and "2 scan" in desk.pending_notice.text()
    kept = {scan.target: scan.scanned_time for scan in desk.pending.waiting()}
    assert set(kept) == {first, second}

    window.close()  # the desk is restarted while the server is still away: nothing is lost
    settle(qtbot, context)
    window = scanning_window(qtbot, context, event)
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


@pytest.mark.postgresql_only
def test_a_scan_while_the_real_server_is_cut_off_waits_and_is_recorded_when_it_returns(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    url = make_url(demo_db.url)
    proxy = LoopbackProxy(url.port or 5432)
    desk_db = open_database(url.set(port=proxy.port).render_as_string(hide_password=False))
    context = make_context(desk_db)
    with desk_db.read() as session:
        code = session.scalars(select(Participant.code).order_by(Participant.id)).first()
    page = CheckInPage(context)
    qtbot.addWidget(page)
    settle(qtbot, context)
    try:
        proxy.cut()
        with qtbot.waitSignal(page.result_shown, timeout=20_000):
            page.check_in_scanned(code)
        assert "belum tercatat" in page.panel.headline.text()
        assert "TIDAK tersimpan" not in page.panel.detail_label.text()  # it is kept: no contradicting advice
        assert [scan.target for scan in page.pending.waiting()] == [code]
        proxy.restore()
        page.pending.try_next()
        qtbot.waitUntil(lambda: page.pending.waiting() == [], timeout=20_000)
        settle(qtbot, context)
        assert page.panel.result is not None and page.panel.result.person.code == code  # the panel caught up
        with demo_db.read() as session:
            assert session.scalar(select(func.count()).select_from(CheckInEvent)) == 1
    finally:
        settle(qtbot, context)
        desk_db.close()
        proxy.close()


def test_odd_scanned_text_is_shown_as_typed_and_kept_whole(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    context = make_context(demo_db)
    monkeypatch.setattr(checkin, "check_in", lambda *_a, **_k: (_ for _ in ()).throw(
        ServerUnavailableError("Server event tidak terjangkau.")))
    page = CheckInPage(context)
    qtbot.addWidget(page)
    settle(qtbot, context)
    odd = "<b>PT Maju & Jaya</b> 😀" + "X" * 500
    with qtbot.waitSignal(page.result_shown, timeout=5000):
        page.check_in_scanned(odd)
    assert [scan.target for scan in page.pending.waiting()] == [odd]  # nothing cut from what is kept
    assert "belum tercatat" in page.panel.headline.text()
    assert "&lt;b&gt;PT Maju &amp; Jaya&lt;/b&gt;" in page.panel.detail_label.text()  # shown as scanned, not as markup
    page.pending.dropped.emit(page.pending.waiting()[0], "Event ini dibuka hanya-baca.")
    assert "<b>PT Maju & Jaya</b>" in page.pending_notice.text() and "X" * 40 not in page.pending_notice.text()
    assert page.pending_notice.textFormat() == Qt.TextFormat.PlainText
    settle(qtbot, context)
