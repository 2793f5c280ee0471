"""Crash harness: random desk operations in a child process, killed with SIGKILL at random moments.

After every kill the event file is reopened and checked: SQLite's integrity check passes,
every operation the child reported as committed is there, and nothing is half-written
(orders without lines, walk-ins without their check-in, changes without their audit row).

    python tools/crash_harness.py --kills 200 --operations 1000      # the full run
    tests/test_crash_safety.py runs a reduced one in the normal suite
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OPERATIONS = ("check_in", "undo", "walk_in", "order", "edit", "meeting")


@dataclass
class HarnessReport:
    kills: int = 0
    acknowledged: int = 0
    verified: int = 0
    lost: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.lost and not self.damaged


# ---- the child: performs operations and acknowledges each one after its commit ----------------
def child(db_path: str, seed: int) -> None:
    from sqlalchemy import select

    from desktop.models import orders
    from desktop.models.checkin import checkin
    from desktop.models.people import participants
    from desktop.models.schedule import meetings as meetings_service
    from desktop.models.access.actor import Actor
    from desktop.models.event.database import open_database
    from desktop.models.enums import OrderStatus, Unit
    from desktop.models.errors import DomainError
    from desktop.models.orm import Meeting, ProductCategory
    from desktop.models.people.participants import ParticipantData
    from desktop.models.checkin.walk_in import register_walk_in

    rng = random.Random(seed)
    # Self-test of the harness: acknowledging before the commit must be caught as a loss.
    ack_early = os.environ.get("TEMUDESK_HARNESS_ACK_BEFORE_COMMIT") == "1"
    desk = Actor("Sari", "desk", "Meja Registrasi 1")
    db = open_database(db_path)
    with db.read() as session:
        people = participants.list_participants(session)
        makers = [p.id for p in people if p.kind == "ikm"]
        buyers = [p.id for p in people if p.kind == "buyer"]
        shoes = session.scalar(select(ProductCategory.id).where(ProductCategory.code == "sepatu_wanita"))
        meetings = list(session.scalars(select(Meeting.id)))
    print("READY", flush=True)
    number = 0
    while True:
        number += 1
        token = f"s{seed}n{number}"
        kind = rng.choice(OPERATIONS if meetings else OPERATIONS[:-1])
        try:
            with db.transaction() as session:
                if kind == "check_in":
                    result = checkin.check_in(session, rng.choice(makers + buyers), desk, nonce=token)
                    if result.outcome != checkin.Outcome.CHECKED_IN:
                        kind = "answered"  # "already checked in" writes nothing: nothing to find later
                elif kind == "undo":
                    target = rng.choice(makers)
                    if not checkin.status(session, target).present:
                        checkin.check_in(session, target, desk, nonce=token + "c")
                    checkin.undo(session, target, desk, nonce=token)
                elif kind == "walk_in":
                    register_walk_in(session, ParticipantData(business_name=f"UD Datang {token}", is_walk_in=True),
                                     desk, allow_duplicates=True, nonce=token)
                elif kind == "order":
                    data = orders.OrderData(
                        buyer_id=rng.choice(buyers), seller_id=rng.choice(makers), status=OrderStatus.LETTER_OF_INTENT.value,
                        note=token, lines=[orders.LineData(category_id=shoes, quantity=rng.randint(1, 40) * 20,
                                                           unit=Unit.PAIR.value, unit_price=85_000, committed=0)],
                    )
                    orders.create_order(session, data, desk, allow_duplicate=True)
                elif kind == "edit":
                    row = participants.get_participant(session, rng.choice(makers))
                    data = row.to_data()
                    data.notes = token
                    participants.update_participant(session, row.id, data, desk)
                else:
                    meetings_service.set_outcome(
                        session, rng.choice(meetings), rng.choice(["held", "no_show", "scheduled"]), token, desk
                    )
                if ack_early:
                    print(f"ACK {kind} {token}", flush=True)
                    time.sleep(0.05)
                    continue
        except DomainError:
            continue
        print(f"ACK {kind} {token}", flush=True)


# ---- the parent: kill, reopen, verify ----------------------------------------------------------------
def verify(db_path: Path, acknowledged: list[tuple[str, str]], report: HarnessReport) -> None:
    from sqlalchemy import func, select, text

    from desktop.models.event.database import integrity_problem, open_database
    from desktop.models.orm import AuditLog, CheckInEvent, Order, Participant

    db = open_database(db_path)
    try:
        problem = integrity_problem(db)
        if problem:
            report.damaged.append(f"integrity_check: {problem}")
        with db.read() as session:
            nonces = set(session.scalars(select(CheckInEvent.nonce)))
            walk_in_names = set(session.scalars(select(Participant.business_name).where(Participant.is_walk_in)))
            order_notes = set(session.scalars(select(Order.note)))
            audit_after = [row for row in session.scalars(select(AuditLog.after).where(
                AuditLog.action.in_(["participant.update", "meeting.outcome"])))]
            audit_tokens = {token for after in audit_after for token in _tokens(after)}
            for kind, token in acknowledged:
                if kind == "answered":
                    continue
                found = {
                    "check_in": token in nonces,
                    "undo": token in nonces,
                    "walk_in": f"UD Datang {token}" in walk_in_names and token in nonces,
                    "order": token in order_notes,
                    "edit": token in audit_tokens,
                    "meeting": token in audit_tokens,
                }[kind]
                if found:
                    report.verified += 1
                else:
                    report.lost.append(f"{kind} {token}")
            empty_orders = session.scalar(
                select(func.count()).select_from(Order).where(~Order.lines.any())
            )
            if empty_orders:
                report.damaged.append(f"{empty_orders} pesanan tanpa baris")
            lonely = session.scalar(select(func.count()).select_from(Participant).where(
                Participant.is_walk_in, ~select(CheckInEvent.id).where(CheckInEvent.participant_id == Participant.id).exists()))
            if lonely:
                report.damaged.append(f"{lonely} walk-in tanpa check-in")
            orders_count = session.scalar(select(func.count()).select_from(Order))
            order_audits = session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "order.create"))
            if orders_count != order_audits:
                report.damaged.append(f"{orders_count} pesanan tetapi {order_audits} catatan audit")
            lines_without_order = session.execute(text(
                "SELECT count(*) FROM order_line WHERE order_id NOT IN (SELECT id FROM trade_order)")).scalar()
            if lines_without_order:
                report.damaged.append(f"{lines_without_order} baris pesanan tanpa pesanan")
    finally:
        db.close()


def _tokens(after: str) -> set[str]:
    import json

    try:
        data = json.loads(after) if after else {}
    except ValueError:
        return set()
    return {str(value) for key, value in data.items() if key in ("notes", "note")}


def run(db_path: Path, *, kills: int, operations: int, seed: int = 1, max_delay: float = 0.6) -> HarnessReport:
    rng = random.Random(seed)
    report = HarnessReport()
    began = time.monotonic()
    acknowledged: list[tuple[str, str]] = []
    run_number = 0
    while report.kills < kills or len(acknowledged) < operations:
        run_number += 1
        process = subprocess.Popen(
            [sys.executable, __file__, "child", str(db_path), str(seed * 100_000 + run_number)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )
        assert process.stdout is not None
        ready = process.stdout.readline().strip()
        if ready != "READY":
            process.kill()
            raise RuntimeError(f"child did not start: {ready} {process.stderr.read() if process.stderr else ''}")
        time.sleep(rng.uniform(0.02, max_delay))
        process.send_signal(signal.SIGKILL)
        output, _errors = process.communicate()
        report.kills += 1
        for line in output.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[0] == "ACK":  # a line cut by the kill is not an acknowledgement
                acknowledged.append((parts[1], parts[2]))
                report.by_kind[parts[1]] = report.by_kind.get(parts[1], 0) + 1
    report.acknowledged = len(acknowledged)
    verify(db_path, acknowledged, report)
    report.seconds = time.monotonic() - began
    return report


def make_event(folder: Path) -> Path:
    from desktop.models.event.database import open_database
    from desktop.models.event.demo import create_demo_event
    from desktop.models.event.demo_day import _schedule

    path = folder / "crash.sqlite"
    db = open_database(path)
    with db.transaction() as session:
        create_demo_event(session)
    with db.transaction() as session:
        _schedule(session)
    db.close()
    return path


def main() -> int:
    if len(sys.argv) >= 2 and sys.argv[1] == "child":
        child(sys.argv[2], int(sys.argv[3]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--operations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        report = run(make_event(Path(folder)), kills=args.kills, operations=args.operations, seed=args.seed)
    print(f"kills: {report.kills}")
    print(f"operations acknowledged: {report.acknowledged} ({', '.join(f'{k} {v}' for k, v in sorted(report.by_kind.items()))})")
    print(f"verified after reopening: {report.verified}")
    print(f"lost: {len(report.lost)}  {report.lost[:5]}")
    print(f"half-written / damaged: {report.damaged}")
    print(f"seconds: {report.seconds:.1f}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
