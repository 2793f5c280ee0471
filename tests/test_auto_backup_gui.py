"""Automatic backups in the GUI, the Cadangan menu, and restoring with a confirmation."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.models.event import backup
from desktop.models.event import event_setup
from desktop.models.event.database import Database
from desktop.views import auto_backup
from desktop.views.auto_backup import AutoBackup, choose_restore, install_backup_menu
from desktop.views.main_window import MainWindow
from desktop.views.operations import PARTICIPANTS
from tests.gui_helpers import make_context, settle
from tests.spreadsheet_files import dump


def test_backs_up_on_the_timer_only_after_changes_and_on_finish(qtbot, demo_db: Database, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = make_context(demo_db)
    auto = AutoBackup(context, interval_ms=30)
    folder = backup.backup_folder(demo_path)
    qtbot.wait(100)
    assert not folder.exists()  # nothing changed: no backup
    context.bus.changed.emit(frozenset({PARTICIPANTS}))
    qtbot.waitUntil(lambda: auto.last is not None, timeout=5000)
    settle(qtbot, context)
    assert len(backup.list_backups(folder, "demo")) == 1
    context.bus.changed.emit(frozenset({PARTICIPANTS}))
    auto.timer.stop()
    auto.finish()
    assert not auto.dirty and len(backup.list_backups(folder, "demo")) >= 1
    assert auto.last is not None and auto.last.exists()


def test_menu_sits_in_the_file_menu(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    context = make_context(demo_db)
    with demo_db.read() as session:
        window = MainWindow(context, event_setup.get_event(session))
    qtbot.addWidget(window)
    menu = install_backup_menu(window, AutoBackup(context), lambda: None)
    assert menu is not None
    texts = [action.text() for action in window.file_menu.actions()]
    assert "&Cadangan" in texts and texts[-1] == "&Keluar"
    settle(qtbot, context)


def test_restore_over_an_existing_file_needs_a_yes(qtbot, demo_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    made = backup.make_backup(demo_path, tmp_path / "bk")
    existing = tmp_path / "lain.sqlite"
    existing.write_bytes(b"data lama")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(made), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(existing), ""))
    answers: list[bool] = [False]
    monkeypatch.setattr(auto_backup.messages, "confirm", lambda *a, **k: answers.pop(0))
    released: list[bool] = []
    assert choose_restore(None, demo_path, lambda: released.append(True)) is None
    assert existing.read_bytes() == b"data lama"
    fresh = tmp_path / "baru.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    assert choose_restore(None, demo_path, lambda: released.append(True)) == fresh
    assert dump(fresh) == dump(made) and released == []
