"""The real B2B forums of ../shared/b2b/ (Bofill et al.'s benchmark) for bench/scheduler.py.

Each file runs through the command line as a user runs it (start-up included), and through
the greedy and fast engines in-process; the paper's proved optimum and time come from the
folder's README table, so nothing here knows an instance by name.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop.scheduling import Engine, check_schedule, solve
from desktop.scheduling.problem_io import read_problem

SHARED_B2B = Path(__file__).resolve().parent.parent.parent / "shared" / "b2b"
CLI_TIME_LIMIT_S = 10


def paper_table(folder: Path) -> dict[str, tuple[int, float]]:
    """instance -> (fewest breaks proved in the paper, its MaxSAT seconds), from the README."""
    table: dict[str, tuple[int, float]] = {}
    readme = folder / "README.md"
    if not readme.exists():
        return table
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 7 and cells[-2].isdigit():
            try:
                table[cells[0]] = (int(cells[-2]), float(cells[-1]))
            except ValueError:
                continue
    return table


def cli_run(path: Path) -> tuple[dict, float, float]:
    """The stats of ``temudesk schedule FILE --out OUT --time-limit 10``, its wall and CPU seconds."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.json"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.monotonic()
        root = Path(__file__).resolve().parent.parent
        subprocess.run([sys.executable, str(root / "main.py"), "schedule", str(path), "--out", str(out),
                        "--time-limit", str(CLI_TIME_LIMIT_S)], check=True, capture_output=True, cwd=root,
                       env=dict(os.environ))
        wall = time.monotonic() - began
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        data = json.loads(out.read_text(encoding="utf-8"))
        problem = read_problem(path)
        from desktop.scheduling.problem_io import read_schedule

        meetings, unscheduled = read_schedule(out)
        data["checker_ok"] = check_schedule(problem, meetings, unscheduled).ok
    return data, wall, cpu


def bench_real(folder: Path = SHARED_B2B) -> None:
    files = sorted(folder.glob("*.json"))
    if not files:
        print(f"\n(no real forums: {folder} is absent)")
        return
    paper = paper_table(folder)
    print("\nReal forums (../shared/b2b/): exact = the whole CLI run, start-up included; CPU s = the run's "
          "own processor time (the machine may be shared)")
    print("| instance | placed | greedy breaks | fast breaks | exact breaks | paper optimum | proved d | "
          "engine s | CLI wall s | CLI CPU s | paper s | checker |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    reached = proved = within = 0
    for path in files:
        problem = read_problem(path)
        greedy = solve(problem, engine=Engine.GREEDY).stats
        fast = solve(problem, engine=Engine.FAST).stats
        data, wall, cpu = cli_run(path)
        s = data["stats"]
        best, seconds = paper.get(path.stem, (None, None))
        reached += best is not None and s["breaks_total"] == best
        proved += bool(s["proved_optimal"].get("d"))
        within += wall <= CLI_TIME_LIMIT_S
        print(f"| {path.stem} | {s['scheduled']}/{s['requested']} | {greedy.breaks_total} | {fast.breaks_total} "
              f"| {s['breaks_total']} (≥{s['breaks_lower_bound']}) | {best if best is not None else '?'} "
              f"| {'yes' if s['proved_optimal'].get('d') else 'no'} | {s['seconds']:.1f} | {wall:.1f} | {cpu:.1f} "
              f"| {seconds if seconds is not None else '?'} | {'ok' if data['checker_ok'] else 'INVALID'} |",
              flush=True)
    print(f"\nPaper's optimum reached on {reached} of {len(files)}, proved on {proved}, "
          f"within {CLI_TIME_LIMIT_S} s wall on {within}.")
