"""Start-up time: the command to a shown, usable main window and to the first page's data.

    xvfb-run -a python bench/startup.py [--runs 5] [--participants 10000] [--with-demo-command]

Each case is a fresh process (``python -m desktop --db FILE``) timed from the moment it is
started by this script. Two marks per run:

* *window* (usable) = the main window is shown, its event loop has run once (clicks and keys are
  answered), the application-wide scan filter is installed (a scanner burst from now on is taken
  and checked in, queued while the event file is still opening) and, on the Registrasi page, the
  focused widget is the desk's scan/search field taking typed input. The event's data need not
  be there yet: the pages say "Membuka event …" until it is.
* *data* = the first page shows the event's data: the Dasbor its figures; the Registrasi page its
  search index (a typed name finds people).

Cases: the played demo event (10:10 on the day) and a generated event of 10,000 participants (the
one ``bench/dashboard.py`` builds), both saved to files first and opened on the Dasbor; the
10,000-participant event opened on the Registrasi page (the desk in the morning); with
``--with-demo-command`` also ``--demo --db FILE`` (creates and plays the demo day behind a progress
window). The baseline, measured in the same run, is a bare PySide6 window (QApplication +
QMainWindow, shown). Prints the median of ``--runs`` runs (interleaved), the ratio to the baseline
and each process's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
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
    print("data", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def child(argv: Sequence[str]) -> int:
    """Run the real command line with two probes (see the module text): usable window, first data.
    ``--page N`` first: the page the window opens on (as remembered from the last session)."""
    argv = list(argv)
    page = 0
    if argv[:1] == ["--page"]:
        page = int(argv[1])
        del argv[:2]
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit

    from desktop.views import main_window, settings  # light: the probes load no database layer

    settings.LAST_PAGE.set(settings.app_settings(), page)
    said: set[str] = set()

    def say(what: str) -> None:
        if what not in said:
            said.add(what)
            print(what, flush=True)
        if what == "data" and "window" in said:
            QTimer.singleShot(0, lambda: QApplication.instance().quit())

    def usable(window: main_window.MainWindow) -> None:
        focused = QApplication.focusWidget()
        field_ok = page != 1 or (isinstance(focused, QLineEdit) and focused.isEnabled() and not focused.isReadOnly()
                                 and focused.window() is window)
        if window.isVisible() and window.scan_filter is not None and field_ok:
            say("window")
        else:  # not yet: look again on the next turn of the event loop
            QTimer.singleShot(5, lambda: usable(window))

    original_show = main_window.MainWindow.showEvent

    def show_event(self, event):  # type: ignore[no-untyped-def]
        original_show(self, event)
        QTimer.singleShot(0, lambda: usable(self))

    original_built = main_window.MainWindow._built

    def built(self, number):  # type: ignore[no-untyped-def]
        was_built = self.specs[number].key in self.pages
        result = original_built(self, number)
        if not was_built and self.specs[number].key in self.pages and number == page:
            if page == 0:  # the Dasbor: its view's first figures
                view_class = type(result.view)
                original_figures = view_class.show_figures

                def show_figures(view, figures):  # type: ignore[no-untyped-def]
                    original_figures(view, figures)
                    say("data")

                view_class.show_figures = show_figures
            else:  # the Registrasi page: its search index
                result.loaded.connect(lambda: say("data"))
        return result

    main_window.MainWindow.showEvent = show_event  # type: ignore[method-assign]
    main_window.MainWindow._built = built  # type: ignore[method-assign]
    from desktop.cli import main

    return main(argv)


@dataclass
class Run:
    window: float
    data: float
    rss_mb: float


def run_once(command: list[str], env: dict[str, str], timeout: float = 120.0) -> Run:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    marks: dict[str, float] = {}
    assert process.stdout is not None
    watchdog = threading.Timer(timeout, process.kill)  # a run that never gets there must not hang the bench
    watchdog.start()
    for line in process.stdout:
        marks.setdefault(line.strip(), time.perf_counter() - started)
        if "data" in marks:
            break
    watchdog.cancel()
    process.stdout.close()
    _pid, _status, usage = os.wait4(process.pid, 0)
    if "window" not in marks or "data" not in marks:
        raise RuntimeError(f"{' '.join(command)}: no window/data (got {sorted(marks)})")
    return Run(marks["window"], marks["data"], usage.ru_maxrss / 1024)


def build_files(folder: Path, participants: int) -> tuple[Path, Path]:
    import datetime as dt

    from bench.dashboard import build
    from desktop.models.event.database import open_database
    from desktop.models.event.demo import create_demo_event
    from desktop.models.event.demo_day import play_day

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
            ("demo event, Dasbor", [*me, "--db", str(demo)]),
            (f"{args.participants:,} participants, Dasbor", [*me, "--db", str(big)]),
            (f"{args.participants:,} participants, Registrasi", [*me, "--page", "1", "--db", str(big)]),
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
        print("window = shown, loop running, scan filter on, (Registrasi) scan field taking input; "
              "data = Dasbor figures / Registrasi search index")
        print(f"{'case':<34} {'window':>9} {'× bare':>7} {'data':>9} {'× bare':>7} {'after window':>13} {'peak RSS':>9}")
        for title, runs in results.items():
            window = statistics.median(r.window for r in runs)
            data = statistics.median(r.data for r in runs)
            gap = statistics.median(r.data - r.window for r in runs)
            rss = max(r.rss_mb for r in runs)
            print(f"{title:<34} {window:8.2f}s {window / base:6.1f}× {data:8.2f}s {data / base:6.1f}× "
                  f"{gap:12.2f}s {rss:7.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
