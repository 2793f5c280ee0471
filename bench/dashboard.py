"""How long the Dasbor's figures take on a big event, next to the bare aggregate queries.

    python bench/dashboard.py [--participants 10000] [--runs 20]

Builds a generated event (the demo's slots and categories, 10,000 participants, thousands of
check-ins, meetings and orders) in a temporary SQLite file, then times
``event_figures`` (full, and reusing unchanged order figures) and ``change_stamp`` against a baseline measured in the same run: the bare
COUNT/SUM queries any dashboard needs at least (participants, present, meetings by status,
order value). Prints median and p95 in milliseconds and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from desktop.models.event import event_setup  # noqa: E402
from desktop.models.access.actor import Actor  # noqa: E402
from desktop.models.event.database import Database, open_database  # noqa: E402
from desktop.models.event.demo import EVENT_DATE, create_demo_event  # noqa: E402
from desktop.models.reporting.figures import change_stamp, event_figures  # noqa: E402
from desktop.models.orm import (  # noqa: E402
    CheckInEvent,
    Meeting,
    MeetingRequest,
    MeetingTable,
    Order,
    OrderLine,
    Participant,
    ProductCategory,
    TimeSlot,
)

KINDS = ["ikm"] * 80 + ["buyer"] * 12 + ["supplier"] * 4 + ["bank"] * 2 + ["other"] * 2
TABLES = 120


def build(db: Database, participants: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    with db.transaction() as session:
        create_demo_event(session)
        event_setup.set_table_count(session, TABLES, Actor(name="bench"))
        existing = session.scalar(select(func.count(Participant.id))) or 0
        session.execute(insert(Participant), [
            {"code": f"G{n:06d}", "kind": rng.choice(KINDS), "business_name": f"Usaha Uji {n}"}
            for n in range(participants - existing)
        ])
        people = dict(session.execute(select(Participant.id, Participant.kind)).all())
        makers = [pid for pid, kind in people.items() if kind == "ikm"]
        buyers = [pid for pid, kind in people.items() if kind == "buyer"]
        arrivals = rng.sample(sorted(people), int(len(people) * 0.7))
        rows = []
        for number, pid in enumerate(arrivals):
            moment = dt.datetime.combine(EVENT_DATE, dt.time(7, 30)) + dt.timedelta(seconds=rng.randint(0, 5 * 3600))
            rows.append({"participant_id": pid, "action": "check_in", "at": moment, "nonce": f"a{number}"})
            if number % 25 == 0:
                rows.append({"participant_id": pid, "action": "undo", "at": moment + dt.timedelta(minutes=2), "nonce": f"u{number}"})
        session.execute(insert(CheckInEvent), rows)
        _meetings(session, rng, buyers, makers)
        _orders(session, rng, buyers, makers)
        counts = {name: session.scalar(select(func.count()).select_from(model)) or 0
                  for name, model in (("participants", Participant), ("check-in events", CheckInEvent),
                                      ("meetings", Meeting), ("orders", Order), ("order lines", OrderLine))}
    return counts


def _meetings(session: Session, rng: random.Random, buyers: list[int], makers: list[int]) -> None:
    session.execute(MeetingRequest.__table__.delete())
    slots = list(session.scalars(select(TimeSlot.id)))
    tables = list(session.scalars(select(MeetingTable.id)))
    pairs = set()
    while len(pairs) < len(slots) * len(tables):
        pairs.add((rng.choice(buyers), rng.choice(makers)))
    session.execute(insert(MeetingRequest), [
        {"participant_a_id": a, "participant_b_id": b, "low_id": min(a, b), "high_id": max(a, b)} for a, b in pairs
    ])
    requests = iter(session.scalars(select(MeetingRequest.id)))
    statuses = ["held"] * 6 + ["no_show", "scheduled", "scheduled", "cancelled"]
    session.execute(insert(Meeting), [
        {"request_id": next(requests), "slot_id": slot, "table_id": table, "status": rng.choice(statuses)}
        for slot in slots for table in tables
    ])


def _orders(session: Session, rng: random.Random, buyers: list[int], makers: list[int], count: int = 3000) -> None:
    categories = list(session.scalars(select(ProductCategory.id)))
    session.execute(insert(Order), [
        {"buyer_id": rng.choice(buyers), "seller_id": rng.choice(makers),
         "status": rng.choice(["confirmed"] * 7 + ["loi", "draft", "cancelled"])}
        for _ in range(count)
    ])
    lines = []
    for order_id in session.scalars(select(Order.id)):
        for position in range(1, rng.randint(1, 3) + 1):
            requested = rng.choice([100, 200, 500, 1000, 5000])
            lines.append({"order_id": order_id, "position": position, "category_id": rng.choice(categories),
                          "unit_entered": "pasang", "quantity_entered": requested, "requested_quantity": requested,
                          "committed_quantity": rng.randint(requested // 2, requested),
                          "unit_price": rng.choice([35_000, 60_000, 85_000, 120_000])})
    session.execute(insert(OrderLine), lines)


def baseline(session: Session) -> tuple[object, ...]:
    """The bare aggregates: who is expected, who is here, meetings by status, order value."""
    latest = select(func.max(CheckInEvent.id)).group_by(CheckInEvent.participant_id)
    return (
        session.scalar(select(func.count(Participant.id))),
        session.scalar(select(func.count()).where(CheckInEvent.id.in_(latest), CheckInEvent.action == "check_in")),
        session.execute(select(Meeting.status, func.count()).group_by(Meeting.status)).all(),
        session.scalar(
            select(func.sum(OrderLine.committed_quantity * OrderLine.unit_price))
            .join(Order, Order.id == OrderLine.order_id).where(Order.status.in_(["confirmed", "loi"]))
        ),
    )


def timed(db: Database, work: Callable[[Session], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        with db.read() as session:
            start = time.perf_counter()
            work(session)
            times.append((time.perf_counter() - start) * 1000)
    return times


def describe(name: str, times: list[float], base: float) -> None:
    median = statistics.median(times)
    p95 = statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else times[0]
    print(f"{name:<16} median {median:8.1f} ms   p95 {p95:8.1f} ms   × baseline {median / base:6.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.sqlite")
        started = time.perf_counter()
        counts = build(db, args.participants)
        print(f"generated in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{value:,} {name}" for name, value in counts.items()))
        moment = dt.datetime.combine(EVENT_DATE, dt.time(10, 25))
        timed(db, baseline, 2)  # warm the page cache before measuring anything
        base = timed(db, baseline, args.runs)
        figures = timed(db, lambda s: event_figures(s, moment), args.runs)
        with db.read() as session:
            orders = event_figures(session, moment).orders
        # A burst of check-ins or meeting outcomes: the Dasbor keeps the order figures.
        partial = timed(db, lambda s: event_figures(s, moment, orders=orders), args.runs)
        stamp = timed(db, change_stamp, args.runs)
        base_median = statistics.median(base)
        describe("baseline", base, base_median)
        describe("event_figures", figures, base_median)
        describe("… orders reused", partial, base_median)
        describe("change_stamp", stamp, base_median)
        with db.read() as session:
            result = event_figures(session, moment)
        print(f"check: present {result.present:,}/{result.expected:,}, meetings held {result.day_meetings.held:,}, "
              f"orders {result.orders.orders:,}, alerts in slot {result.focus_slot.ordinal}: {len(result.table_alerts)}")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
