"""Start-up and quitting: only the page on screen is built first, slow steps run off the UI
thread, ``--demo --db FILE`` writes FILE, Ctrl+Q asks while work would be lost."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app import Application
from desktop.cli import _gui_only
from desktop.models.event import event_setup
from desktop.views import main_window as main_window_module
from desktop.views.main_window import MainWindow
from desktop.views.operations import wait_with_progress
from tests.gui_helpers import make_context, settle

HEAVY = ("ortools", "pandas", "reportlab", "openpyxl")


def test_gui_command_line_does_not_load_the_sub_commands() -> None:
    assert _gui_only(["--db", "x.sqlite"]).db == "x.sqlite"
    assert _gui_only(["--demo", "--db", "x.sqlite", "--lang", "en"]).demo
    assert _gui_only([]) is not None
    assert _gui_only(["report", "tally"]) is None  # a sub-command: the full parser
    assert _gui_only(["--help"]) is None


def test_window_module_does_not_pull_in_the_heavy_libraries() -> None:
    """In a fresh interpreter: the app and its window import neither the solver nor ReportLab."""
    import subprocess

    code = ("import sys, desktop.app, desktop.views.main_window, desktop.views.dashboard_page; "
            f"print([m for m in {HEAVY!r} if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert result.stdout.strip() == "[]"


def _window(qtbot, db):  # type: ignore[no-untyped-def]
    context = make_context(db)
    with db.read() as session:
        event = event_setup.get_event(session)
    window = MainWindow(context, event)
    qtbot.addWidget(window)
    return window, context


def test_only_the_page_on_screen_is_built_before_the_window_shows(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(main_window_module, "PREBUILD_AFTER_MS", 50)
    window, context = _window(qtbot, demo_db)
    assert list(window.pages) == ["dashboard"]
    orders = window.page("orders")  # asked for: built at once
    assert window.stack.widget(4) is orders and window.stack.currentIndex() == 0
    window.show()
    qtbot.waitUntil(lambda: len(window.pages) == 6, timeout=5000)  # the rest follow, one per step
    assert [window.stack.widget(n) for n in range(6)] == [window.pages[spec.key] for spec in window.specs]
    settle(qtbot, context)


def test_slow_start_steps_run_off_the_ui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[threading.Thread] = []
    assert wait_with_progress(None, "…", lambda: seen.append(threading.current_thread()) or 42) == 42
    assert seen and seen[0] is not threading.main_thread()

    def broken() -> None:
        raise ValueError("rusak")

    with pytest.raises(ValueError, match="rusak"):
        wait_with_progress(None, "…", broken)


def test_demo_with_db_writes_that_file_and_never_over_one(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr("desktop.app.messages.show_error", lambda _parent, message, title=None: shown.append(message))
    target = tmp_path / "pelatihan.sqlite"
    app = Application(QApplication.instance())
    assert app.start(str(target), demo=True)
    qtbot.addWidget(app.window)
    assert target.exists() and str(target) in app.context.db.display_name + str(app.context.db.url)
    assert "Business Matching 2020" in app.window.windowTitle()
    app.shutdown()
    size = target.stat().st_size
    again = Application(QApplication.instance())
    assert not again.start(str(target), demo=True)
    assert shown and "sudah ada" in shown[-1] and target.stat().st_size == size


def test_ctrl_q_asks_while_the_scheduler_runs_and_stays_when_told(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr("desktop.views.main_window.messages.confirm",
                        lambda _parent, text, **_kw: asked.append(text) or answer[0])
    window, context = _window(qtbot, demo_db)
    window.show()
    qtbot.waitUntil(window.isActiveWindow)
    settle(qtbot, context)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # nothing open: quits
    assert asked == [] and not window.isVisible()
    window.show()
    qtbot.waitUntil(window.isActiveWindow)
    schedule = window.page("schedule")
    settle(qtbot, context)
    schedule.run_dialog = object()  # a run in progress (its dialog is what the page keeps)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and "Penjadwalan" in asked[0] and window.isVisible()
    answer[0] = True
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 2 and not window.isVisible()
    schedule.run_dialog = None


def test_ctrl_q_in_a_filled_order_form_asks_before_quitting(qtbot, demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr("desktop.views.main_window.messages.confirm", lambda _p, text, **_k: asked.append(text) or False)
    window, context = _window(qtbot, demo_db)
    window.show()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_page(4)
    page = window.page("orders")
    settle(qtbot, context)
    dialog = page.new_order()
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.description_edit, "Pantofel hitam")
    qtbot.keyClick(dialog.description_edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and "pesanan" in asked[0].lower()
    assert window.isVisible() and dialog.isVisible() and dialog.description_edit.text() == "Pantofel hitam"
    dialog.done(0)
