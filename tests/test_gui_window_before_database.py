"""Start-up: the main window is on screen (and takes scans and typing) before the event file is
open; it is filled in when the file is ready; a scan made meanwhile is counted; a file that
cannot be opened still gets its message in words."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

import desktop.app as app_module
from desktop.app import Application
from desktop.models.event.database import open_database
from desktop.models.orm import CheckInEvent, Participant
from desktop.views import settings
from desktop.views.loading_page import LoadingPage
from tests.scanner_keys import PERSON_GAP_MS, QUIET_WAIT_SCALE, type_keys


def test_window_and_app_load_no_database_layer_before_the_first_frame() -> None:
    """In a fresh interpreter: the application and a shown window that is still opening its event
    have not imported SQLAlchemy, Alembic or the ORM (their import is most of the old start-up)."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "import desktop.app\n"
        "from desktop.views.main_window import MainWindow\n"
        "window = MainWindow(None, None, opening='acara.sqlite')\n"
        "window.show(); app.processEvents()\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'desktop.models.orm', 'desktop.models.event.database')"
        " if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "", "HOME": str(Path.cwd())})
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.fixture
def slow_open(monkeypatch):  # type: ignore[no-untyped-def]
    """Opening the event waits until the test lets it go (a slow disk, a big file)."""
    gate = threading.Event()
    real = app_module.open_event

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        assert threading.current_thread() is not threading.main_thread()  # never on the UI thread
        gate.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(app_module, "open_event", held)
    return gate


def _start(qtbot, target: Path, *, page: int = 0, fall_back: bool = False) -> Application:  # type: ignore[no-untyped-def]
    settings.LAST_PAGE.set(settings.app_settings(), page)
    app = Application(QApplication.instance())
    assert app.open_at_start(target, fall_back=fall_back)
    assert app.window is not None
    qtbot.addWidget(app.window)
    return app


def _finish(qtbot, app: Application) -> None:  # type: ignore[no-untyped-def]
    if app.context is not None:
        qtbot.waitUntil(lambda: not app.context.runner.busy, timeout=10_000)
    app.shutdown()


def test_the_window_is_shown_at_once_and_filled_in_when_the_file_is_open(qtbot, demo_path, slow_open) -> None:  # type: ignore[no-untyped-def]
    app = _start(qtbot, demo_path)
    window = app.window
    assert window.isVisible() and window.context is None and window.pages == {}
    stand_in = window.stack.currentWidget()
    assert isinstance(stand_in, LoadingPage) and "Membuka event" in stand_in.status.text()  # never "no data"
    assert "demo" in window.file_label.text() or demo_path.name in window.file_label.text()
    assert not window.event_actions[0].isEnabled()  # no second event opened over this one
    slow_open.set()
    qtbot.waitUntil(lambda: window.context is not None, timeout=20_000)
    assert app.window is window  # the same window, filled in: no second window appears
    assert "Business Matching 2020" in window.windowTitle()
    assert "dashboard" in window.pages and all(action.isEnabled() for action in window.event_actions)
    _finish(qtbot, app)


def test_a_scan_and_typing_during_loading_are_not_lost(qtbot, demo_path, slow_open) -> None:  # type: ignore[no-untyped-def]
    with open_database(demo_path).read() as session:
        waiting = [code for code, in session.execute(select(Participant.code).where(
            ~Participant.id.in_(select(CheckInEvent.participant_id))).order_by(Participant.code).limit(1))]
    assert waiting, "the demo day keeps people still to arrive"
    app = _start(qtbot, demo_path, page=1)  # the desk: the Registrasi page
    window = app.window
    window.scan_filter.quiet_wait_scale = QUIET_WAIT_SCALE
    window.activateWindow()
    qtbot.waitExposed(window)
    stand_in = window.stack.currentWidget()
    assert isinstance(stand_in, LoadingPage) and stand_in.field is not None
    type_keys(stand_in.field, waiting[0], Qt.Key.Key_Return)  # a scanner burst while the file opens
    qtbot.waitUntil(lambda: window.queued_scans == waiting, timeout=5000)
    assert stand_in.field.text() == ""  # taken away from the field, not typed into it
    assert "diterima" in window.toast.headline.text()
    type_keys(stand_in.field, "sinar", gap_ms=PERSON_GAP_MS)  # a person typing a name
    qtbot.waitUntil(lambda: stand_in.field.text() == "sinar", timeout=5000)
    slow_open.set()
    qtbot.waitUntil(lambda: window.context is not None, timeout=20_000)
    desk = window.pages["checkin"]
    assert desk.scan_input.text() == "sinar"  # carried into the real field
    qtbot.waitUntil(lambda: window.queued_scans == [] and not window.context.runner.busy, timeout=10_000)
    with window.context.db.read() as session:
        checked = session.scalars(select(Participant.code).join(
            CheckInEvent, CheckInEvent.participant_id == Participant.id)).all()
    assert waiting[0] in checked  # the scan made before the event was open is counted
    _finish(qtbot, app)


def _broken_files(tmp_path: Path, demo_path: Path) -> dict[str, tuple[Path, str]]:
    damaged = tmp_path / "rusak.sqlite"
    damaged.write_bytes(demo_path.read_bytes())
    with damaged.open("r+b") as handle:
        handle.seek(3 * 4096)
        handle.write(b"\x00garbage" * 2000)
    text = tmp_path / "catatan.sqlite"
    text.write_text("bukan basis data\n", encoding="utf-8")
    newer = tmp_path / "baru.sqlite"
    newer.write_bytes(demo_path.read_bytes())
    import sqlite3

    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    return {
        "damaged": (damaged, "rusak"),
        "not a database": (text, "bukan berkas event"),
        "newer schema": (newer, "versi yang lebih baru"),
        "missing": (tmp_path / "hilang.sqlite", "tidak ditemukan"),
    }


@pytest.mark.parametrize("case", ["damaged", "not a database", "newer schema", "missing"])
def test_a_file_that_cannot_be_opened_is_named_in_words(qtbot, tmp_path, demo_path, monkeypatch, case) -> None:  # type: ignore[no-untyped-def]
    target, words = _broken_files(tmp_path, demo_path)[case]
    before = target.read_bytes() if target.exists() else None
    shown: list[tuple[str, str | None]] = []
    monkeypatch.setattr("desktop.app.messages.show_error",
                        lambda _parent, message, title=None: shown.append((message, title)))
    app = _start(qtbot, target)
    window = app.window
    window.queued_scans.append("IKM001")  # a scan made while it was trying
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    message, title = shown[0]
    assert words in message and "Traceback" not in message and title == "Event tidak dapat dibuka"
    assert "IKM001" in message  # the scan that could not be recorded is named, not dropped silently
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)  # --db FILE: the program ends as before
    assert app.context is None
    if case in ("not a database", "missing"):  # not ours: left byte for byte (no file made either)
        assert (target.read_bytes() if target.exists() else None) == before
    app.shutdown()


def test_a_file_in_use_elsewhere_asks_before_the_window_and_opens_read_only(qtbot, demo_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.event.instance_lock import InstanceLock, LockOwner

    asked: list[LockOwner] = []
    monkeypatch.setattr(InstanceLock, "acquire", lambda self: _owner())  # another desk has the file
    monkeypatch.setattr(Application, "_ask_read_only", lambda self, other: asked.append(other) or True)
    app = _start(qtbot, demo_path)
    qtbot.waitUntil(lambda: app.window.context is not None, timeout=20_000)
    assert asked and app.window.context.db.read_only and "hanya-baca" in app.window.windowTitle()
    _finish(qtbot, app)


def _owner():  # type: ignore[no-untyped-def]
    import datetime as dt

    from desktop.models.event.instance_lock import LockOwner

    now = dt.datetime.now()
    return LockOwner(host="meja-2", pid=1, user="budi", since=now, heartbeat=now)
