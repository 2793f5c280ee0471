"""Smoke test of the built package folder: does the frozen TemuDesk work where no Python is?

    python tools/smoke_package.py [dist/TemuDesk]     (also: python tools/package.py --smoke)

Every step runs the frozen program with a PATH that has no Python on it, no PYTHON* variables, a
fresh home/data/log folder and a working directory outside the checkout, then checks what it wrote.
Steps: --version, new, demo --at 11:00, info (Indonesian and English: the .po catalogs compiled by
Babel inside the package), report attendance and badges (QR), schedule on a problem file (exported from the demo, and
../shared/b2b/tic-12.json when present) with the checker, export, a PostgreSQL URL (driver present),
the GUI on the offscreen platform for a few seconds. Ends with start-up times, frozen vs the venv.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_PROBLEM = ROOT.parent / "shared" / "b2b" / "tic-12.json"
WINDOWS = sys.platform == "win32"
GUI_SECONDS = 6.0  # the GUI keeps running this long after the event is open
GUI_OPEN_TIMEOUT = 90.0  # generous: CI machines are slow and shared
BAD_OUTPUT = ("Traceback (most recent call last)", "ModuleNotFoundError", "No module named",
              "Could not load the Qt platform plugin", "FileNotFoundError")


class SmokeFailure(Exception):
    pass


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    seconds: float


def executable(folder: Path, name: str) -> Path:
    return folder / (name + ".exe" if WINDOWS else name)


def python_free_path() -> str:
    """The current PATH without any folder that holds a Python interpreter."""
    names = ("python", "python3", "python.exe", "python3.exe", "py.exe")
    kept = [entry for entry in os.environ.get("PATH", "").split(os.pathsep)
            if entry and not any(Path(entry, name).exists() for name in names)]
    return os.pathsep.join(kept)


def frozen_environment(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("PYTHON") and key not in {"VIRTUAL_ENV", "CONDA_PREFIX"}}
    env["PATH"] = python_free_path()
    env["HOME"] = env["USERPROFILE"] = str(home)
    for key, sub in (("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("LOCALAPPDATA", "AppData/Local"), ("APPDATA", "AppData/Roaming")):
        env[key] = str(home / sub)
        (home / sub).mkdir(parents=True, exist_ok=True)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["LANG"] = env.get("LANG", "C.UTF-8")
    return env


class Smoke:
    def __init__(self, folder: Path, work: Path) -> None:
        self.folder = folder.resolve()
        self.cli = executable(self.folder, "temudesk-cli")
        self.gui = executable(self.folder, "TemuDesk")
        self.work = work
        self.home = work / "home"
        self.env = frozen_environment(self.home)
        self.passed: list[str] = []
        self.gui_open_seconds: float | None = None

    # ---- running the frozen program ------------------------------------------------------------
    def run(self, *args: str, expect: int = 0, timeout: float = 300) -> Outcome:
        started = time.perf_counter()
        done = subprocess.run([str(self.cli), *args], cwd=self.work, env=self.env, capture_output=True,
                              text=True, encoding="utf-8", errors="replace", timeout=timeout)
        outcome = Outcome(done.returncode, done.stdout, done.stderr, time.perf_counter() - started)
        shown = " ".join(args)
        if outcome.code != expect:
            raise SmokeFailure(f"`temudesk-cli {shown}` exit {outcome.code} (expected {expect})\n"
                               f"stdout: {outcome.out[-2000:]}\nstderr: {outcome.err[-2000:]}")
        for bad in BAD_OUTPUT:
            if bad in outcome.out or bad in outcome.err:
                raise SmokeFailure(f"`temudesk-cli {shown}` printed {bad!r}:\n{outcome.err[-2000:]}")
        return outcome

    def step(self, name: str, check: Callable[[], str]) -> None:
        note = check()
        self.passed.append(name)
        print(f"  ok  {name}: {note}", flush=True)

    def file(self, name: str) -> Path:
        return self.work / name

    # ---- the steps ------------------------------------------------------------------------------
    def check_environment(self) -> str:
        if shutil.which("python3", path=self.env["PATH"]) or shutil.which("python", path=self.env["PATH"]):
            raise SmokeFailure("PATH for the frozen program still finds a Python")
        if not self.cli.is_file() or not self.gui.is_file():
            raise SmokeFailure(f"missing {self.cli.name} or {self.gui.name} in {self.folder}")
        return f"PATH without Python, working folder {self.work}"

    def check_version(self) -> str:
        expected = importlib.metadata.version("temudesk")
        out = self.run("--version").out.strip()
        if out != f"temudesk {expected}":
            raise SmokeFailure(f"--version printed {out!r}, expected 'temudesk {expected}'")
        return out

    def check_new(self) -> str:
        self.run("new", "--db", "baru.sqlite", "--name", "Temu Bisnis Uji Paket", "--date", "2026-03-06",
                 "--venue", "Hall GMSC")
        info = self.run("info", "--db", "baru.sqlite").out
        if "Temu Bisnis Uji Paket" not in info:
            raise SmokeFailure(f"info on the new event does not name it:\n{info}")
        return "event file created through the migrations and read back"

    def check_demo(self) -> str:
        out = self.run("demo", "--db", "demo.sqlite", "--at", "11:00").out
        if not self.file("demo.sqlite").is_file():
            raise SmokeFailure("demo --at 11:00 wrote no file")
        return out.strip().splitlines()[0]

    def check_info(self) -> str:
        indonesian = self.run("info", "--db", "demo.sqlite").out
        english = self.run("--lang", "en", "info", "--db", "demo.sqlite").out
        if not indonesian.strip() or indonesian == english:
            raise SmokeFailure("info in English is the same as in Indonesian: catalogs not loaded\n" + english)
        return f"{len(indonesian.splitlines())} lines; English differs (catalogs compiled frozen)"

    def check_report(self) -> str:
        self.run("report", "attendance", "--db", "demo.sqlite", "--out", "hadir.pdf")
        data = self.file("hadir.pdf").read_bytes()
        if not data.startswith(b"%PDF") or b"DejaVu" not in data:
            raise SmokeFailure("hadir.pdf is not a PDF with the bundled DejaVu fonts")
        self.run("report", "badges", "--db", "demo.sqlite", "--out", "badge.pdf")  # QR codes drawn
        badges = self.file("badge.pdf").read_bytes()
        if not badges.startswith(b"%PDF"):
            raise SmokeFailure("badge.pdf is not a PDF")
        return f"hadir.pdf {len(data) // 1024} KB (DejaVu embedded), badge.pdf {len(badges) // 1024} KB"

    def check_schedule(self) -> str:
        self.run("schedule", "export-problem", "--db", "demo.sqlite", "--out", "problem.json")
        problems = [self.file("problem.json")] + ([SHARED_PROBLEM] if SHARED_PROBLEM.is_file() else [])
        notes = []
        for problem in problems:
            out = self.file(f"jadwal-{problem.stem}.json")
            self.run("schedule", str(problem), "--out", str(out), "--time-limit", "5")
            result = json.loads(out.read_text(encoding="utf-8"))
            if not result.get("meetings"):
                raise SmokeFailure(f"schedule of {problem.name} has no meetings")
            self.run("schedule", "check", str(problem), str(out))
            notes.append(f"{problem.name}: {len(result['meetings'])} meetings, checker ok")
        if not SHARED_PROBLEM.is_file():
            notes.append(f"({SHARED_PROBLEM} absent here)")
        return "; ".join(notes)

    def check_export(self) -> str:
        self.run("export", "acara.xlsx", "--db", "demo.sqlite")
        with zipfile.ZipFile(self.file("acara.xlsx")) as workbook:
            sheets = [n for n in workbook.namelist() if n.startswith("xl/worksheets/sheet")]
        if len(sheets) < 5:
            raise SmokeFailure(f"acara.xlsx has {len(sheets)} sheets")
        return f"acara.xlsx with {len(sheets)} sheets"

    def check_postgresql_driver(self) -> str:
        # Port 9 on loopback: nothing listens, so the driver must load and report the refused connection.
        outcome = self.run("server", "check", "--db", "postgresql+psycopg://meja:x@127.0.0.1:9/tidakada", expect=1)
        line = (outcome.err or outcome.out).strip().splitlines()[-1]
        return f"psycopg loaded; one line: {line[:90]}"

    def check_gui(self) -> str:
        log = self.log_file()
        log_start = log.stat().st_size if log.is_file() else 0  # on Windows the real user's log folder
        output, opened = self.open_gui([str(self.gui)], "gui")
        logged = log.read_bytes()[log_start:].decode("utf-8", "replace") if log.is_file() else ""
        for bad in (" ERROR ", " CRITICAL ", "Traceback", *BAD_OUTPUT):
            if bad in logged or bad in output:
                raise SmokeFailure(f"the GUI logged {bad!r}:\nlog: {logged[-2000:]}\noutput: {output[-2000:]}")
        self.gui_open_seconds = opened
        return f"opened the event in {opened:.1f} s, ran {GUI_SECONDS:.0f} s more on offscreen, log clean"

    def open_gui(self, command: list[str], label: str) -> tuple[str, float]:
        """Start the GUI on demo.sqlite; wait until it holds the event's lock file (the event is open
        in the main window), let it run GUI_SECONDS more, check it is still alive, end it."""
        lock = self.file("demo.sqlite.lock")
        output_path = self.work / f"{label}-output.txt"
        with output_path.open("w", encoding="utf-8") as output:
            started = time.perf_counter()
            process = subprocess.Popen([*command, "--db", "demo.sqlite"], cwd=self.work, env=self.env,
                                       stdout=output, stderr=subprocess.STDOUT)
            try:
                opened = self._wait_for_lock(process, lock, started)
                time.sleep(GUI_SECONDS)
                code = process.poll()
            finally:
                if process.poll() is None:
                    process.terminate()
                process.wait(timeout=30)
        lock.unlink(missing_ok=True)  # a terminated GUI leaves it; the next start would see a stale lock
        text = output_path.read_text(encoding="utf-8", errors="replace")
        if opened is None:
            raise SmokeFailure(f"{label}: the event was not opened within {GUI_OPEN_TIMEOUT} s "
                               f"(exit {process.returncode}):\n{text[-2000:]}")
        if code is not None:
            raise SmokeFailure(f"{label}: the GUI ended {GUI_SECONDS} s after opening (exit {code}):\n{text[-2000:]}")
        return text, opened

    @staticmethod
    def _wait_for_lock(process: subprocess.Popen[bytes], lock: Path, started: float) -> float | None:
        while time.perf_counter() - started < GUI_OPEN_TIMEOUT and process.poll() is None:
            try:
                if json.loads(lock.read_text(encoding="utf-8")).get("pid") == process.pid:
                    return time.perf_counter() - started
            except (OSError, ValueError):
                pass  # not written yet (or being replaced by its heartbeat)
            time.sleep(0.1)
        return None

    def log_file(self) -> Path:
        """Where the frozen GUI logs: platformdirs with the frozen program's environment (on Linux the
        XDG folders set above; on Windows the known-folder API ignores them: the user's own folder)."""
        from platformdirs import user_log_path

        from desktop import paths

        saved = dict(os.environ)
        try:
            os.environ.update(self.env)
            return user_log_path(paths.APP_NAME, paths.APP_AUTHOR) / "temudesk.log"
        finally:
            os.environ.clear()
            os.environ.update(saved)

    def start_up_times(self, repeats: int = 3) -> str:
        """`--version` and `info`, frozen vs this venv's `temudesk`, interleaved: median wall time and,
        where the OS reports it, median CPU time (far steadier than wall time on a shared machine)."""
        venv_cli = Path(sys.executable).with_name("temudesk.exe" if WINDOWS else "temudesk")
        rows = []
        for args in (["--version"], ["info", "--db", "demo.sqlite"]):
            frozen: list[tuple[float, float]] = []
            venv: list[tuple[float, float]] = []
            for _ in range(repeats):
                frozen.append(self._timed([str(self.cli), *args]))
                venv.append(self._timed([str(venv_cli), *args]))
            rows.append(f"{args[0]}: {_ratio('wall', frozen, venv, 0)}, {_ratio('CPU', frozen, venv, 1)}")
        if self.gui_open_seconds:
            _output, venv_gui = self.open_gui([str(venv_cli)], "venv-gui")
            frozen_gui = self.gui_open_seconds
            rows.append(f"GUI to open event: frozen {frozen_gui:.1f} s, venv {venv_gui:.1f} s "
                        f"({frozen_gui / venv_gui:.2f}x, one run each)")
        return "; ".join(rows)

    def _timed(self, command: list[str]) -> tuple[float, float]:
        """(wall seconds, CPU seconds of the child; 0 where the OS has no getrusage)."""
        cpu_before = _children_cpu()
        started = time.perf_counter()
        subprocess.run(command, cwd=self.work, env=self.env, capture_output=True, check=True)
        return time.perf_counter() - started, _children_cpu() - cpu_before


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _ratio(label: str, frozen: list[tuple[float, float]], venv: list[tuple[float, float]], index: int) -> str:
    a = statistics.median(item[index] for item in frozen)
    b = statistics.median(item[index] for item in venv)
    if not b:
        return f"{label} n/a"
    return f"{label} frozen {a:.2f} s / venv {b:.2f} s = {a / b:.2f}x"


def folder_megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    folder = Path(args[0]) if args else ROOT / "dist" / "TemuDesk"
    if not folder.is_dir():
        print(f"GAGAL: folder paket {folder} tidak ada (bangun dulu: python tools/package.py)", file=sys.stderr)
        return 1
    print(f"Uji asap paket {folder} ({folder_megabytes(folder):.0f} MB)", flush=True)
    with tempfile.TemporaryDirectory(prefix="temudesk-smoke-") as temporary:
        smoke = Smoke(folder, Path(temporary))
        steps = [("environment", smoke.check_environment), ("--version", smoke.check_version),
                 ("new", smoke.check_new), ("demo --at 11:00", smoke.check_demo), ("info", smoke.check_info),
                 ("report attendance, badges", smoke.check_report), ("schedule", smoke.check_schedule),
                 ("export", smoke.check_export), ("postgresql driver", smoke.check_postgresql_driver),
                 ("gui offscreen", smoke.check_gui), ("start-up", smoke.start_up_times)]
        failed = []
        for name, check in steps:
            try:
                smoke.step(name, check)
            except (SmokeFailure, subprocess.TimeoutExpired, OSError, ValueError) as error:
                failed.append(name)
                print(f"GAGAL {name}: {error}", flush=True)
    if failed:
        print(f"Uji asap paket GAGAL: {', '.join(failed)} ({len(smoke.passed)}/{len(steps)} lulus)")
        return 1
    print(f"Uji asap paket lulus: {len(steps)} langkah")
    return 0


if __name__ == "__main__":
    sys.exit(main())
