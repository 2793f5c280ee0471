"""The GUI process's own plumbing: the log file, unexpected errors in words, SIGTERM as a normal exit."""

from __future__ import annotations

import logging
import logging.handlers
import signal
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop import paths
from desktop.i18n import _
from desktop.views import messages

if TYPE_CHECKING:
    from desktop.app import Application

log = logging.getLogger("desktop.app")


def setup_logging() -> Path:
    path = paths.log_dir() / "temudesk.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def install_excepthook(log_path: Path, parent: QWidget | None = None) -> None:
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("Kesalahan tak tertangani", exc_info=(kind, error, trace))
        try:
            messages.show_error(
                QApplication.activeWindow() or parent,
                _("Terjadi kesalahan yang tidak terduga. Data yang sudah disimpan aman.\n"
                  "Catatan teknis ada di: {path}").format(path=log_path),
            )
        except Exception:  # never let the error handler itself crash the program
            pass

    sys.excepthook = hook


def install_sigterm(app: Application) -> QTimer:
    """SIGTERM (logging out, a service manager, ``kill``) closes like the user closing the window:
    the window saves its state, then :meth:`Application.shutdown` makes the exit backup and frees
    the lock. Python only runs signal handlers between bytecodes, so a timer wakes it while Qt waits."""

    def close(_signal: int, _frame: object) -> None:
        log.info("SIGTERM: closing like a normal exit")
        if app.window is not None:
            app.window.close_unasked()  # an open form or scheduler run is not asked about (log only)
        app.qt_app.quit()

    signal.signal(signal.SIGTERM, close)
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer
