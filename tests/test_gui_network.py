"""Live refresh across desks, the server-gone status, and the Event di jaringan dialog."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow
from sqlalchemy.engine import make_url

from desktop.models.checkin import checkin
from desktop.models.access.actor import Actor
from desktop.models.event.database import Database, open_database
from desktop.models.event.event_copy import copy_event_to
from desktop.models.event.network_event import ServerAddress
from desktop.views import network_dialog
from desktop.views.checkin_page import CheckInPage
from desktop.views.live_refresh import LiveRefresh, install_live_status
from desktop.views.network_dialog import MergePreviewDialog, NetworkEventDialog
from desktop.views.operations import CHECK_INS, ORDERS
from tests.event_activity import add_order, ids_of_kind
from tests.gui_helpers import make_context, settle
from tests.pg_support import LoopbackProxy, PgServer

OTHER_DESK = Actor(name="Rina", role="desk", desk="Meja 2")


def _other_desk_checks_in(db: Database, code: str) -> int:
    other = open_database(db.url)  # a second desk: its own connections
    try:
        with other.transaction() as session:
            result = checkin.check_in(session, code, OTHER_DESK)
        assert result.person is not None
        return result.person.id
    finally:
        other.close()


def test_other_desks_changes_reach_this_desk_on_the_bus(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    context = make_context(demo_db)
    seen: list[frozenset[str]] = []
    context.bus.changed.connect(seen.append)
    live = LiveRefresh(context, interval_ms=100)
    try:
        qtbot.waitUntil(lambda: live.stamp is not None)
        assert seen == []  # the first look is the baseline, not a change
        _other_desk_checks_in(demo_db, "IKM005")
        qtbot.waitUntil(lambda: any(CHECK_INS in kinds for kinds in seen), timeout=3000)
        seen.clear()
        with open_database(demo_db.url).transaction() as session:
            add_order(session, ids_of_kind(session, "buyer")[0], ids_of_kind(session, "ikm")[1])
        qtbot.waitUntil(lambda: any(ORDERS in kinds for kinds in seen), timeout=3000)
        assert all(CHECK_INS not in kinds for kinds in seen)
    finally:
        live.stop()


def test_the_desk_page_marks_a_person_checked_in_elsewhere(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    context = make_context(demo_db)
    page = CheckInPage(context)
    qtbot.addWidget(page)
    settle(qtbot, context)
    live = LiveRefresh(context, interval_ms=100)
    try:
        qtbot.waitUntil(lambda: live.stamp is not None)
        person = _other_desk_checks_in(demo_db, "IKM007")
        assert page.index is not None
        qtbot.waitUntil(lambda: page.index is not None and page.index.is_present(person), timeout=3000)
    finally:
        live.stop()
        settle(qtbot, context)


@pytest.mark.postgresql_only
def test_a_vanished_server_is_said_plainly_and_its_return_too(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    url = make_url(demo_db.url)
    proxy = LoopbackProxy(url.port or 5432)
    desk_db = open_database(url.set(port=proxy.port).render_as_string(hide_password=False))
    context = make_context(desk_db)
    window = QMainWindow()
    qtbot.addWidget(window)
    live = LiveRefresh(context, interval_ms=100)
    label = install_live_status(window, live)
    try:
        qtbot.waitUntil(lambda: live.stamp is not None)
        assert "tersambung" in label.text()
        proxy.cut()
        qtbot.waitUntil(lambda: not live.connected, timeout=10_000)
        assert "SERVER TERPUTUS" in label.text() and "Event di jaringan" in label.text()
        proxy.restore()
        qtbot.waitUntil(lambda: live.connected, timeout=10_000)
        assert "tersambung" in label.text()
    finally:
        live.stop()
        desk_db.close()
        proxy.close()


# ---- the dialog -------------------------------------------------------------------------------
def _dialog(qtbot, current: Database | None, url: str) -> NetworkEventDialog:  # type: ignore[no-untyped-def]
    dialog = NetworkEventDialog(current, OTHER_DESK)
    qtbot.addWidget(dialog)
    dialog.set_address(ServerAddress.from_url(url))
    return dialog


def _tested(qtbot, dialog: NetworkEventDialog) -> str:  # type: ignore[no-untyped-def]
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=15_000)
    return dialog.status_label.text()


def test_dialog_against_a_running_server_unlocks_opening_it(qtbot, pg_server: PgServer) -> None:  # type: ignore[no-untyped-def]
    with pg_server.database("demo") as url:
        dialog = _dialog(qtbot, None, url)
        assert not dialog.open_button.isEnabled()
        assert "Business Matching 2020" in _tested(qtbot, dialog)
        assert dialog.open_button.isEnabled() and dialog.archive_button.isEnabled()
        opened: list[str] = []
        dialog.open_requested.connect(opened.append)
        dialog.open_button.click()
        assert opened == [url]
        dialog.wait()


def test_dialog_names_a_wrong_password_and_a_stopped_server(qtbot, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    address = ServerAddress.from_url(pg_url)
    dialog = _dialog(qtbot, None, ServerAddress(address.host, address.database, address.user, "salah", address.port).url())
    assert "kata sandi server salah" in _tested(qtbot, dialog)
    assert not dialog.open_button.isEnabled()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = int(probe.getsockname()[1])
    dialog.port_spin.setValue(free)
    assert "tidak berjalan" in _tested(qtbot, dialog)
    dialog.host_edit.clear()
    dialog.test_button.click()
    assert "alamat laptop server" in dialog.status_label.text()
    dialog.wait()


def test_dialog_copies_the_local_event_to_an_empty_server(qtbot, demo_path: Path, pg_server: PgServer,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network_dialog.messages, "confirm", lambda *args, **kwargs: True)
    local = open_database(demo_path)
    try:
        with pg_server.database(None) as url:
            dialog = _dialog(qtbot, local, url)
            assert "kosong" in _tested(qtbot, dialog)
            assert dialog.upload_button.isEnabled() and not dialog.open_button.isEnabled()
            dialog.upload_button.click()
            qtbot.waitUntil(lambda: "terverifikasi" in dialog.status_label.text(), timeout=20_000)
            assert dialog.open_button.isEnabled() and not dialog.upload_button.isEnabled()
            dialog.wait()
    finally:
        local.close()


@pytest.mark.postgresql_only
def test_dialog_previews_then_merges_an_emergency_file(qtbot, demo_db: Database, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    file_path = tmp_path / "darurat.sqlite"
    copy_event_to(demo_db, file_path)
    emergency_file = open_database(file_path)
    with emergency_file.transaction() as session:
        for code in ("IKM010", "IKM011"):
            checkin.check_in(session, code, admin)
    emergency_file.close()
    dialog = _dialog(qtbot, None, demo_db.url)
    dialog.preview_merge_from(file_path)
    qtbot.waitUntil(lambda: isinstance(getattr(dialog, "preview_dialog", None), MergePreviewDialog), timeout=10_000)
    preview: MergePreviewDialog = dialog.preview_dialog
    assert preview.table.rowCount() == 2 and preview.apply_button.isEnabled()
    preview.accept()
    qtbot.waitUntil(lambda: "Digabungkan: 2" in dialog.status_label.text(), timeout=10_000)
    with demo_db.read() as session:
        assert len(checkin.present_since(session)) == 2
    dialog.wait()



def test_a_result_for_a_page_closed_meanwhile_is_dropped_not_a_crash(qtbot, empty_db: Database) -> None:  # type: ignore[no-untyped-def]
    """Slower engines make this common: a refresh still running when its page goes away."""
    import threading

    from PySide6.QtWidgets import QLabel

    context = make_context(empty_db)
    page = QLabel()
    release = threading.Event()
    delivered: list[object] = []
    context.runner.run(lambda _db: release.wait(5) and "data", on_success=delivered.append, parent=page)
    page.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(page))
    release.set()
    settle(qtbot, context)
    assert delivered == []
    context.runner.run(lambda _db: "data", on_success=delivered.append)
    settle(qtbot, context)
    assert delivered == ["data"]
