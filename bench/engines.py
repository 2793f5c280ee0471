"""Check-in throughput on SQLite and PostgreSQL side by side, one desk and several at once.

    python bench/engines.py [--desks 3] [--per-desk 1000] [--pg-url URL]

Without ``--pg-url`` (or TEMUDESK_BENCH_PG_URL) a throw-away PostgreSQL server is started on
127.0.0.1 with normal durability (fsync on, like a real host laptop) and removed afterwards.
For each engine:
  * one desk: ``check_in`` one transaction each, sequentially (scans per second, p95 ms);
  * ``--desks`` processes × ``--per-desk`` scans from a pool where every code is on two desks
    (the concurrency test's scenario): scans per second for the whole hall, and the check:
    every participant checked in exactly once, every refused duplicate reported.
Baseline in the same run: a bare ``INSERT`` + ``COMMIT`` of a check-in row on the same engine.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, func, insert, select, text  # noqa: E402

from desktop.models.checkin import checkin  # noqa: E402
from desktop.models.access.actor import Actor  # noqa: E402
from desktop.models.event.database import Database, open_database  # noqa: E402
from desktop.models.orm import CheckInEvent, Participant  # noqa: E402
from tools import pg_throwaway  # noqa: E402


def codes_of(count: int) -> list[str]:
    return [f"IKM{number:05d}" for number in range(1, count + 1)]


def prepare(db: Database, count: int) -> None:
    with db.transaction() as session:
        session.add_all(Participant(code=code, business_name=f"UD Bench {code}") for code in codes_of(count))


def desk(url: str, name: str, codes: list[str], go) -> tuple[list[tuple[str, str, str]], float]:  # type: ignore[no-untyped-def]
    db = open_database(url)
    actor = Actor(name=name, role="desk", desk=name)
    answers = []
    go.wait(60)
    started = time.perf_counter()
    for code in codes:
        with db.transaction() as session:
            result = checkin.check_in(session, code, actor)
        answers.append((code, result.outcome.value, result.desk))
    elapsed = time.perf_counter() - started
    db.close()
    return answers, elapsed


def one_desk(db: Database, scans: int) -> list[float]:
    actor = Actor(name="Sari", role="desk", desk="Meja 1")
    times = []
    for code in codes_of(scans):
        started = time.perf_counter()
        with db.transaction() as session:
            checkin.check_in(session, code, actor)
        times.append(time.perf_counter() - started)
    return times


def bare_inserts(db: Database, count: int) -> list[float]:
    """The floor: one INSERT + COMMIT per row, no reads, no audit."""
    engine = create_engine(db.url)
    with engine.connect() as connection:
        participant = connection.scalar(select(Participant.id).limit(1))
        times = []
        for _ in range(count):
            started = time.perf_counter()
            connection.execute(insert(CheckInEvent).values(
                participant_id=participant, action="undo", desk="bare", operator_name="bare", nonce=uuid.uuid4().hex))
            connection.commit()
            times.append(time.perf_counter() - started)
        connection.execute(text("DELETE FROM check_in_event WHERE desk = 'bare'"))
        connection.commit()
    engine.dispose()
    return times


def hall(url: str, db: Database, desks: int, per_desk: int) -> dict[str, object]:
    pool_size = desks * per_desk // 2
    codes = codes_of(pool_size)
    rng = random.Random(11)
    lists = []
    for number in range(desks):
        start = number * per_desk // 2
        mine = [codes[(start + offset) % pool_size] for offset in range(per_desk)]
        rng.shuffle(mine)
        lists.append(mine)
    context = multiprocessing.get_context("spawn")
    go = context.Manager().Event()
    with ProcessPoolExecutor(desks, mp_context=context) as pool:
        futures = [pool.submit(desk, url, f"Meja {n + 1}", lists[n], go) for n in range(desks)]
        time.sleep(3)  # let every process import and connect before the start signal
        started = time.perf_counter()
        go.set()
        results = [future.result() for future in futures]
        wall = time.perf_counter() - started
    answers = [answer for desk_answers, _elapsed in results for answer in desk_answers]
    outcomes = Counter(outcome for _code, outcome, _desk in answers)
    with db.read() as session:
        per_participant = Counter(session.scalars(
            select(Participant.code).join(CheckInEvent, CheckInEvent.participant_id == Participant.id)
            .where(CheckInEvent.action == "check_in")))
        holders = dict(session.execute(
            select(Participant.code, CheckInEvent.desk).join(CheckInEvent, CheckInEvent.participant_id == Participant.id)
            .where(CheckInEvent.action == "check_in")).all())
        events = session.scalar(select(func.count()).select_from(CheckInEvent))
    refused_named = all(holders.get(code) == named for code, outcome, named in answers if outcome == "already")
    return {
        "scans": len(answers), "wall": wall, "checked_in": outcomes["checked_in"], "already": outcomes["already"],
        "exactly_once": sorted(per_participant) == codes and set(per_participant.values()) == {1},
        "refused_named": refused_named, "events": events, "pool": pool_size,
    }


def ms(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000


def run_engine(label: str, url: str, args: argparse.Namespace) -> dict[str, object]:
    db = open_database(url)
    prepare(db, max(args.single, args.desks * args.per_desk // 2))
    bare = bare_inserts(db, args.single)
    single = one_desk(db, args.single)
    db.close()
    # A fresh event for the hall run (the single-desk run checked people in).
    hall_url = args.fresh(label)
    hall_db = open_database(hall_url)
    prepare(hall_db, args.desks * args.per_desk // 2)
    figures = hall(hall_url, hall_db, args.desks, args.per_desk)
    hall_db.close()
    return {"bare_median": statistics.median(bare) * 1000, "single_median": statistics.median(single) * 1000,
            "single_p95": ms(single, 0.95), "single_rate": len(single) / sum(single), **figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--desks", type=int, default=3)
    parser.add_argument("--per-desk", type=int, default=1000)
    parser.add_argument("--single", type=int, default=500, help="scans for the one-desk figure")
    parser.add_argument("--pg-url", default=os.environ.get("TEMUDESK_BENCH_PG_URL", ""))
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="temudesk-bench-"))
    run_dir = Path(tempfile.mkdtemp(prefix="temudesk-pg-", dir="/tmp"))
    pg_url = args.pg_url
    try:
        if not pg_url:
            pg_url = pg_throwaway.start(run_dir, fast=False)
        admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
        created: list[str] = []

        def fresh(label: str) -> str:
            if label == "SQLite":
                return f"sqlite:///{folder / f'hall-{len(created)}.sqlite'}"
            name = f"bench_{uuid.uuid4().hex[:8]}"
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            created.append(name)
            return admin.url.set(database=name).render_as_string(hide_password=False)

        args.fresh = fresh
        rows = {
            "SQLite": run_engine("SQLite", f"sqlite:///{folder / 'single.sqlite'}", args),
            "PostgreSQL": run_engine("PostgreSQL", fresh("PostgreSQL"), args),
        }
        with admin.connect() as connection:
            for name in created:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    finally:
        if not args.pg_url:
            pg_throwaway.stop(run_dir)
    print(f"Check-in throughput (one transaction per scan), {os.cpu_count()} cores")
    header = f"{'':34}{'SQLite':>14}{'PostgreSQL':>14}"
    print(header)
    print("-" * len(header))

    def line(name: str, key: str, fmt: str) -> None:
        print(f"{name:34}" + "".join(f"{format(rows[e][key], fmt):>14}" for e in ("SQLite", "PostgreSQL")))

    line("bare INSERT+COMMIT, median ms", "bare_median", ".2f")
    line("one desk: check_in, median ms", "single_median", ".2f")
    line("one desk: check_in, p95 ms", "single_p95", ".2f")
    line("one desk: scans per second", "single_rate", ".0f")
    s, p = rows["SQLite"], rows["PostgreSQL"]
    print(f"{args.desks} desks x {args.per_desk} scans, pool {s['pool']} (every code on two desks):")
    for engine_rows in (s, p):
        engine_rows["hall_rate"] = engine_rows["scans"] / engine_rows["wall"]  # type: ignore[operator]
    line("  scans per second (whole hall)", "hall_rate", ".0f")
    line("  wall seconds", "wall", ".1f")
    line("  checked in", "checked_in", "d")
    line("  refused as already checked in", "already", "d")
    line("  check-in events stored", "events", "d")
    for label, figures in rows.items():
        ok = figures["exactly_once"] and figures["refused_named"] and figures["scans"] == args.desks * args.per_desk
        print(f"{label}: every participant exactly once, every duplicate reported with its desk, nothing lost: "
              f"{'yes' if ok else 'NO'}")
    print(f"ratio one-desk check_in / bare insert: SQLite {s['single_median'] / s['bare_median']:.1f}x, "
          f"PostgreSQL {p['single_median'] / p['bare_median']:.1f}x; "
          f"PostgreSQL / SQLite whole-hall rate: {p['hall_rate'] / s['hall_rate']:.2f}")


if __name__ == "__main__":
    main()
