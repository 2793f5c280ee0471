"""SIGTERM closes the GUI like a normal exit: the exit backup is made and the instance lock freed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.models.event import backup

# A real GUI process on the offscreen platform: the event is opened, marked changed (as a check-in
# would), then the parent sends SIGTERM.
_CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import Application, install_sigterm
qt_app = QApplication(sys.argv)
app = Application(qt_app)
assert app.open(sys.argv[1])
app.auto_backup.dirty = True
timer = install_sigterm(app)


def ready() -> None:
    if "--form-open" in sys.argv:  # a half-filled order form: the question would hang a SIGTERM
        app.window.show_page([spec.key for spec in app.window.specs].index("orders"))
        dialog = app.window.page("orders").new_order()
        dialog.quantity_edit.setText("250 kodi")
        assert app.window.unsaved_work()
    print("ready", flush=True)


QTimer.singleShot(0, ready)
code = qt_app.exec()
timer.stop()
app.shutdown()
print("closed", code, flush=True)
"""


@pytest.mark.parametrize("form_open", [False, True], ids=["idle", "form-open"])
def test_sigterm_makes_the_exit_backup_and_frees_the_lock(tmp_path: Path, form_open: bool) -> None:
    event = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(event)]) == 0
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    arguments = [sys.executable, "-c", _CHILD, str(event), *(["--form-open"] if form_open else [])]
    child = subprocess.Popen(arguments, stdout=subprocess.PIPE, text=True,
                             env=environment, cwd=Path(__file__).resolve().parent.parent)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    lock = event.with_name(event.name + ".lock")
    assert lock.exists()
    child.send_signal(signal.SIGTERM)
    try:
        out, _err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 0 and "closed 0" in out
    assert not lock.exists()
    assert len(backup.list_backups(backup.backup_folder(event), "demo")) == 1
