"""The application shell: opening events, the remembered last event, switching language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.app import Application
from desktop.views import settings


def test_open_demo_then_switch_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = Application(QApplication.instance())
    assert app.open_demo()
    window = app.window
    qtbot.addWidget(window)
    assert window is not None and "Business Matching 2020" in window.windowTitle()
    assert Path(settings.LAST_EVENT.get(settings.app_settings())).exists()
    app.change_language("en")
    assert app.window is not window
    qtbot.addWidget(app.window)
    assert app.window.nav.item(0).text() == "Dashboard"
    assert settings.LANGUAGE.get(settings.app_settings()) == "en"
    app.context.runner.wait()
    app.context.db.close()


def test_opening_a_non_event_file_is_refused_calmly(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr("desktop.app.messages.show_error", lambda _parent, message, title=None: shown.append(message))
    app = Application(QApplication.instance())
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"%PDF-1.4 not a database")
    assert not app.open(junk)
    assert shown and app.window is None
    assert not app.open(tmp_path / "missing.sqlite")
    assert "tidak ditemukan" in shown[-1] and not (tmp_path / "missing.sqlite").exists()
    from desktop.models.event.database import open_database

    empty = tmp_path / "empty.sqlite"
    open_database(empty).close()
    assert not app.open(empty)
    assert "bukan berkas event" in shown[-1]


def test_second_instance_is_offered_read_only(qtbot, demo_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt
    import json
    import socket
    import subprocess

    from desktop.models.event.instance_lock import lock_path_for

    other = subprocess.Popen(["sleep", "30"])
    try:
        now = dt.datetime.now().replace(microsecond=0).isoformat()
        lock_path_for(demo_path.resolve()).write_text(json.dumps(
            {"host": socket.gethostname(), "pid": other.pid, "user": "budi", "since": now, "heartbeat": now}))
        asked: list[str] = []

        def answer(_parent, text, **_kwargs):  # type: ignore[no-untyped-def]
            asked.append(text)
            return True

        monkeypatch.setattr("desktop.app.messages.confirm", answer)
        app = Application(QApplication.instance())
        assert app.open(demo_path)
        qtbot.addWidget(app.window)
        assert "budi" in asked[0] and socket.gethostname() in asked[0]
        assert app.context.db.read_only and "hanya-baca" in app.window.windowTitle()
        assert app.lock is None
        app.shutdown()
        assert lock_path_for(demo_path.resolve()).exists()  # not ours to remove
    finally:
        other.kill()
        other.wait()


def test_operator_with_pin_signs_in_before_working(qtbot, demo_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.access import operators
    from desktop.models.event.database import open_database
    from desktop.models.orm import Operator
    from desktop.views.desk_dialogs import OperatorDialog

    db = open_database(demo_path)
    with db.transaction() as session:
        session.query(Operator).filter_by(name="Admin Disperindag").one().pin_hash = operators.hash_pin("9999")
    db.close()
    app = Application(QApplication.instance())
    assert app.open(demo_path)
    qtbot.addWidget(app.window)
    assert app.context.actor.name == "" and not app.context.actor.is_admin
    qtbot.waitUntil(lambda: isinstance(getattr(app.context, "operator_dialog", None), OperatorDialog))
    dialog = app.context.operator_dialog
    dialog.reject()  # Esc does not get past the sign-in
    assert dialog.isVisible()
    dialog.name_combo.setCurrentText("Admin Disperindag")
    dialog.desk_edit.setText("Meja Admin")
    dialog.pin_edit.setText("9999")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: app.context.actor.name == "Admin Disperindag")
    assert app.context.actor.is_admin and "Admin Disperindag" in app.window.operator_label.text()
    app.shutdown()


def test_sign_in_offers_no_new_name_and_slows_pin_guessing(qtbot, demo_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.access import operators
    from desktop.models.event.database import open_database
    from desktop.models.orm import Operator
    from desktop.views.desk_dialogs import OperatorDialog

    db = open_database(demo_path)
    with db.transaction() as session:
        session.query(Operator).filter_by(name="Admin Disperindag").one().pin_hash = operators.hash_pin("9999")
    db.close()
    app = Application(QApplication.instance())
    assert app.open(demo_path)
    qtbot.addWidget(app.window)
    qtbot.waitUntil(lambda: isinstance(getattr(app.context, "operator_dialog", None), OperatorDialog))
    dialog = app.context.operator_dialog
    assert not dialog.name_combo.isEditable()  # nobody types a new name past the PINs
    dialog.name_combo.setCurrentText("Admin Disperindag")
    dialog.desk_edit.setText("Meja Admin")
    for _attempt in range(operators.FREE_TRIES):
        dialog.pin_edit.setText("0000")
        dialog.ok_button.click()
        qtbot.waitUntil(lambda: "PIN salah" in dialog.error_label.text())
        message = dialog.error_label.text()
        dialog.error_label.setText("")
    assert "Tunggu" in message
    dialog.pin_edit.setText("9999")  # even the right PIN waits its turn
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "Tunggu" in dialog.error_label.text())
    assert app.context.actor.name == ""
    app.shutdown()
