"""Running the scheduler off the UI thread, with the best schedule so far and a Cancel.

The solve is pure Python (no database), so it runs on its own thread and the DB worker
stays free for the desks. ``Hentikan`` ends the search and keeps the best schedule found;
``Batalkan`` ends it and throws the result away (the stored schedule is left untouched).
"""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QThread, QTimer, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desktop.i18n import N_, _
from desktop.scheduling import Problem, Progress, ScheduleResult

STAGES = {
    "fast": N_("penyusunan awal"),
    "a": N_("a: pertemuan wajib"),
    "b": N_("b: peserta yang bertemu"),
    "c": N_("c: bobot prioritas"),
    "d": N_("d: jeda"),
}


class SolveThread(QThread):
    progressed = Signal(object)  # Progress
    solved = Signal(object)  # ScheduleResult
    failed = Signal(str)

    def __init__(self, problem: Problem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.stop_event = threading.Event()

    def run(self) -> None:
        try:
            from desktop.scheduling import solve  # OR-Tools loads on the first run, not at start-up

            result = solve(self.problem, progress_callback=self.progressed.emit, should_stop=self.stop_event.is_set)
        except Exception as error:  # shown as one line; the schedule in the file is untouched
            self.failed.emit(str(error))
        else:
            self.solved.emit(result)


class RunDialog(QDialog):
    """Progress of one run. ``finished_with`` gives the result to keep, or None when discarded."""

    finished_with = Signal(object)
    failed = Signal(str)

    def __init__(self, problem: Problem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Menjadwalkan …"))
        self.setModal(True)
        self.limit = problem.options.time_limit_s
        self.discard = False
        self.began = time.monotonic()
        self.best: Progress | None = None
        self.result: ScheduleResult | None = None
        self.stage_label = QLabel(_("Menyiapkan …"))
        self.best_label = QLabel("")
        self.best_label.setWordWrap(True)
        self.best_label.setMinimumHeight(self.best_label.fontMetrics().lineSpacing() * 3)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.stop_button = QPushButton(_("Hentikan && simpan yang terbaik"))
        self.cancel_button = QPushButton(_("Batalkan (jadwal tidak diubah)"))
        self.stop_button.clicked.connect(self.stop)
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.best_label)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self.resize(640, 0)
        self.thread = SolveThread(problem, self)
        self.thread.progressed.connect(self._progress)
        self.thread.solved.connect(self._solved)
        self.thread.failed.connect(self._failed)
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._tick)
        app = QCoreApplication.instance()
        if app is not None:  # quitting mid-run: stop the search, never leave the thread running
            app.aboutToQuit.connect(self._shutdown)

    def _shutdown(self) -> None:
        self.discard = True
        self.thread.stop_event.set()
        self.thread.wait(10_000)

    def start(self) -> None:
        self.began = time.monotonic()
        self.timer.start()
        self.thread.start()

    def stop(self) -> None:
        self.stage_label.setText(_("Menghentikan; jadwal terbaik sejauh ini disimpan …"))
        self.thread.stop_event.set()

    def cancel(self) -> None:
        self.discard = True
        self.stage_label.setText(_("Membatalkan …"))
        self.thread.stop_event.set()

    def reject(self) -> None:  # Esc or the window's close button: cancel, never half-store
        if self.thread.isRunning():
            self.cancel()
            return
        super().reject()

    def _tick(self) -> None:
        elapsed = time.monotonic() - self.began
        self.bar.setValue(min(99, int(100 * elapsed / max(self.limit, 0.1))))

    def _progress(self, progress: Progress) -> None:
        self.best = progress
        figures = progress.figures
        self.stage_label.setText(_("Tahap: {stage} · {seconds:.1f} dtk").format(
            stage=_(STAGES.get(progress.stage, progress.stage)), seconds=progress.seconds))
        self.best_label.setText(_(
            "Terbaik sejauh ini: {scheduled} dari {requested} pertemuan, {people} peserta bertemu, "
            "pertemuan wajib {must} dari {must_total}, jeda {breaks}."
        ).format(scheduled=figures.scheduled, requested=figures.requested, people=figures.participants_with_meeting,
                 must=figures.must_scheduled, must_total=figures.must_requested, breaks=figures.breaks_total))

    def _solved(self, result: ScheduleResult) -> None:
        self.thread.wait()
        self.timer.stop()
        self.result = result
        self.finished_with.emit(None if self.discard else result)
        self.accept()

    def _failed(self, message: str) -> None:
        self.thread.wait()
        self.timer.stop()
        self.failed.emit(message)
        self.reject()
