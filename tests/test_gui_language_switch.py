"""Switching the language while the desk runs: no error, the same page, figures load, a scan right after counts."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop.app import Application
from desktop.models.checkin.checkin import Outcome
from desktop.models.orm import CheckInEvent, Participant
from tests.gui_helpers import settle
from tests.scanner_keys import QUIET_WAIT_SCALE, type_keys


def _scan(window, code: str) -> None:  # type: ignore[no-untyped-def]
    type_keys(window, code, Qt.Key.Key_Return)


def test_switch_to_english_and_back_keeps_the_page_and_takes_a_scan(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    errors: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: errors.append(args))
    shown: list[str] = []
    monkeypatch.setattr("desktop.views.messages.show_error", lambda _parent, message, **_k: shown.append(message))
    app = Application(QApplication.instance())
    assert app.open_demo()
    first = app.window  # replaced windows are deleted by the switch: only the last is qtbot's
    first.show_page(4)  # Pesanan
    checkin_page = first.page("checkin")
    checkin_page.scan_input.setText("sari")  # typed, not yet submitted
    settle(qtbot, app.context)

    app.change_language("en")
    window = app.window
    window.scan_filter.quiet_wait_scale = QUIET_WAIT_SCALE  # the keys carry a device's times, see scanner_keys
    # Keys a scanner sent while the window was being rebuilt are addressed to the old window: still a scan.
    with app.context.db.read() as session:
        late = session.scalars(select(Participant.code).where(Participant.kind == "ikm").order_by(Participant.id.desc())).first()
    with qtbot.waitSignal(window.page("checkin").result_shown, timeout=5000) as blocker:
        _scan(first, late)
    settle(qtbot, app.context)
    assert blocker.args[0].person is not None and blocker.args[0].person.code == late, blocker.args[0]
    assert window is not first and window.nav.item(0).text() == "Dashboard"
    assert window.current_page_key() == "orders"  # the same page, now in English
    assert window.page("checkin").scan_input.text() == "sari"
    settle(qtbot, app.context)
    window.page("checkin").context.runner.busy_changed.emit(True)  # what crashed: the old window's label
    window.page("checkin").context.runner.busy_changed.emit(False)

    # A scan right after the switch is checked in and answered on the page in view.
    window.activateWindow()
    qtbot.waitExposed(window)
    with app.context.db.read() as session:
        code = session.scalars(select(Participant.code).where(Participant.kind == "buyer")).first()
        before = len(list(session.scalars(select(CheckInEvent.id))))
    with qtbot.waitSignal(window.page("checkin").result_shown, timeout=5000) as blocker:
        _scan(window, code)
    settle(qtbot, app.context)
    assert blocker.args[0].person.code == code and blocker.args[0].outcome in (Outcome.CHECKED_IN, Outcome.ALREADY)
    with app.context.db.read() as session:
        assert len(list(session.scalars(select(CheckInEvent.id)))) >= before + (blocker.args[0].outcome is Outcome.CHECKED_IN)
    assert window.toast.isVisible()


    window.show_page(0)
    dashboard = window.page("dashboard")
    qtbot.waitUntil(lambda: dashboard.figures is not None, timeout=10_000)  # never stuck on "Loading…"
    app.change_language("id")
    qtbot.addWidget(app.window)
    assert app.window.nav.item(0).text() == "Dasbor" and app.window.current_page_key() == "dashboard"
    settle(qtbot, app.context)
    qtbot.waitUntil(lambda: app.window.page("dashboard").figures is not None, timeout=10_000)
    assert errors == [] and shown == []
    app.shutdown()
