"""Start-up time: the command to a shown, usable main window and to the Dasbor's figures.

    xvfb-run -a python bench/startup.py [--runs 5] [--participants 10000] [--with-demo-command]

Each case is a fresh process (``python -m desktop --db FILE``) timed from the moment it is
started by this script: *window* = the main window is shown and its event loop has run once
(clicks and keys are answered), *figures* = the Dasbor shows the event's figures. Cases: the
played demo event (10:10 on the day) and a generated event of 10,000 participants (the one
``bench/dashboard.py`` builds), both saved to files first; with ``--with-demo-command`` also
``--demo --db FILE`` (creates and plays the demo day behind a progress window). The baseline,
measured in the same run, is a bare PySide6 window (QApplication + QMainWindow, shown). Prints
the median of ``--runs`` runs, the ratio to the baseline and each process's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1280, 760)
window.show()
def shown():
    print("window", flush=True)
    print("figures", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def child(argv: Sequence[str]) -> int:
    """Run the real command line with two probes: window shown + loop alive, first Dasbor figures."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.views import dashboard_view, main_window

    said: set[str] = set()

    def say(what: str) -> None:
        if what not in said:
            said.add(what)
            print(what, flush=True)

    original_show = main_window.MainWindow.showEvent

    def show_event(self, event):  # type: ignore[no-untyped-def]
        original_show(self, event)
        QTimer.singleShot(0, lambda: say("window"))

    original_figures = dashboard_view.DashboardView.show_figures

    def show_figures(self, figures):  # type: ignore[no-untyped-def]
        original_figures(self, figures)
        if "window" in said:
            say("figures")
            QTimer.singleShot(0, lambda: QApplication.instance().quit())

    main_window.MainWindow.showEvent = show_event  # type: ignore[method-assign]
    dashboard_view.DashboardView.show_figures = show_figures  # type: ignore[method-assign]
    from desktop.cli import main

    return main(list(argv))


@dataclass
class Run:
    window: float
    figures: float
    rss_mb: float


def run_once(command: list[str], env: dict[str, str], timeout: float = 120.0) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    marks: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        marks.setdefault(line.strip(), time.perf_counter() - started)
        if "figures" in marks:
            break
        if time.perf_counter() - started > timeout:
            break
    process.stdout.close()
    _pid, _status, usage = os.wait4(process.pid, 0)
    if "window" not in marks or "figures" not in marks:
        raise RuntimeError(f"{' '.join(command)}: no window/figures (got {sorted(marks)})")
    return Run(marks["window"], marks["figures"], usage.ru_maxrss / 1024)


def build_files(folder: Path, participants: int) -> tuple[Path, Path]:
    import datetime as dt

    from bench.dashboard import build
    from desktop.models.database import open_database
    from desktop.models.demo import create_demo_event
    from desktop.models.demo_day import play_day

    demo = folder / "demo.sqlite"
    db = open_database(demo)
    with db.transaction() as session:
        create_demo_event(session)
    with db.transaction() as session:
        play_day(session, dt.time(10, 10))
    db.close()
    big = folder / "big.sqlite"
    db = open_database(big)
    build(db, participants)
    db.close()
    return demo, big


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--with-demo-command", action="store_true", help="also time --demo --db NEW_FILE")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        return child(args.child)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        demo, big = build_files(folder, args.participants)
        print(f"event files built in {time.perf_counter() - started:.1f} s")
        env = dict(os.environ)
        # As installed (pip and the package write .pyc files): compile once, let the runs keep them.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "desktop"), str(ROOT / "bench")],
                       check=True, env=env)
        # Fresh settings, logs and demo folder: no remembered page, window or last event.
        for variable in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            env[variable] = str(folder / "home")
        env.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")
        env["PYTHONPATH"] = str(ROOT)
        me = [sys.executable, str(Path(__file__).resolve()), "--child"]
        cases: list[tuple[str, list[str] | None]] = [
            ("bare PySide6 window", [sys.executable, "-c", BARE]),
            ("demo event (--db)", [*me, "--db", str(demo)]),
            (f"{args.participants:,} participants (--db)", [*me, "--db", str(big)]),
        ]
        if args.with_demo_command:
            cases.append(("--demo --db NEW", None))
        results: dict[str, list[Run]] = {title: [] for title, _command in cases}
        for number in range(args.runs):  # interleaved, so load on the machine hits every case alike
            for title, command in cases:
                if command is None:
                    command = [*me, "--demo", "--db", str(folder / f"new-demo-{number}.sqlite")]
                results[title].append(run_once(command, env))
        base = statistics.median(r.window for r in results[cases[0][0]])
        print(f"median of {args.runs} runs; the machine is shared, so read the ratios to the bare window")
        print(f"{'case':<32} {'window':>9} {'× bare':>7} {'figures':>9} {'× bare':>7} {'after window':>13} {'peak RSS':>9}")
        for title, runs in results.items():
            window = statistics.median(r.window for r in runs)
            figures = statistics.median(r.figures for r in runs)
            gap = statistics.median(r.figures - r.window for r in runs)
            rss = max(r.rss_mb for r in runs)
            print(f"{title:<32} {window:8.2f}s {window / base:6.1f}× {figures:8.2f}s {figures / base:6.1f}× "
                  f"{gap:12.2f}s {rss:7.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
