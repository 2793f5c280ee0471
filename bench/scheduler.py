"""Scheduler benchmark: greedy baseline vs fast vs exact engine, in the same run.

    python bench/scheduler.py            # 8 forum-sized instances, the demo event, the large case
    python bench/scheduler.py --quick    # 3 forums (5 s each), the demo, the large case
    python bench/scheduler.py --real-only   # only the ten real forums of ../shared/b2b/

The real forums come first: each through the whole command line, with wall and CPU seconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from instances import forums, large  # noqa: E402
from real_forums import bench_real  # noqa: E402

from desktop.models.event.database import open_database  # noqa: E402
from desktop.models.event.demo import create_demo_event  # noqa: E402
from desktop.models.schedule.schedule_store import export_problem  # noqa: E402
from desktop.scheduling import Engine, Problem, check_schedule, solve  # noqa: E402
from desktop.scheduling.repair import repair  # noqa: E402


def demo_problem() -> Problem:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "demo.sqlite")
        with db.transaction() as session:
            create_demo_event(session)
        with db.read() as session:
            problem = export_problem(session)
        db.close()
    return problem


def run(name: str, problem: Problem, engines: list[Engine]) -> None:
    baseline = None
    for engine in engines:
        result = solve(problem, engine=engine)
        report = check_schedule(problem, result.meetings, result.unscheduled)
        s = result.stats
        baseline = baseline or s.scheduled
        proved = "".join(goal if ok else "-" for goal, ok in s.proved_optimal.items())
        print(f"| {name} | {engine.value} | {s.scheduled} | {100 * s.scheduled / max(1, s.upper_bound):.1f}% "
              f"| {s.scheduled / max(1, baseline):.3f} | {s.participants_with_meeting} | {s.must_scheduled}/{s.must_requested} "
              f"| {s.weighted}/{s.weighted_upper_bound} | {s.breaks_total} ({s.breaks_min}–{s.breaks_max}) ≥{s.breaks_lower_bound} "
              f"| {s.upper_bound} | {proved} | {s.seconds:.2f} | {'ok' if report.ok else 'INVALID'} |", flush=True)
        name = ""


def bench_repair(problem: Problem) -> None:
    schedule = solve(problem, engine=Engine.FAST).meetings
    absent = {m.b for m in schedule if m.slot == "s6"}
    began = time.perf_counter()
    result = repair(problem, schedule, "s5", absent)
    ms = 1000 * (time.perf_counter() - began)
    ok = check_schedule(problem, result.meetings).ok
    print(f"\nRepair on the demo (slot s5 running, {len(absent)} absent): {len(result.cancelled)} cancelled, "
          f"{len(result.added)} new, {len(result.moved)} moved, {ms:.0f} ms, {'ok' if ok else 'INVALID'}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--real-only", action="store_true", help="only the real forums of ../shared/b2b/")
    parser.add_argument("--generated-only", action="store_true", help="only the generated forums, demo and large case")
    args = parser.parse_args()
    if not args.generated_only:
        bench_real()
    if args.real_only:
        return 0
    print()
    print("| instance | engine | placed | of bound | vs greedy | with meeting | must | weight/bound | breaks (min–max) ≥proved "
          "| bound | proved | s | checker |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    all_engines = [Engine.GREEDY, Engine.FAST, Engine.EXACT]
    for name, problem in forums(args.quick):
        if args.quick:
            problem = dataclasses.replace(problem, options=dataclasses.replace(problem.options, time_limit_s=5.0))
        run(name, problem, all_engines)
    demo = demo_problem()
    run("demo event", demo, all_engines)
    run("large (5000p/20000r/12s)", large(), [Engine.GREEDY, Engine.FAST])
    bench_repair(demo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
