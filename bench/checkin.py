"""Check-in desk speed on a generated event with 10,000 participants.

    python bench/checkin.py [--participants 10000] [--scans 300]

Prints median and p95 (milliseconds) of
  * search per keystroke: the page's in-memory index (every match ranked, the true count), and
    the page itself (index + cards drawn), next to a bare ``SELECT … LIKE … ORDER BY`` of all
    matches per keystroke;
  * scan → committed: ``check_in`` in its own transaction, next to a bare
    ``SELECT`` + ``INSERT`` + ``COMMIT`` of the same kind of row;
  * scan → committed → panel updated: Enter in the page until the answer is on screen;
and the ratio to the bare baseline. Targets: search ≤ 20 ms, scan p95 ≤ 30 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, text  # noqa: E402

from desktop.models.checkin import checkin  # noqa: E402
from desktop.models.access.actor import Actor  # noqa: E402
from desktop.models.checkin.checkin_search import SearchIndex  # noqa: E402
from desktop.models.event.database import Database, open_database  # noqa: E402
from desktop.models.orm import CheckInEvent, Participant  # noqa: E402

FIRST = ["Budi", "Sari", "Agus", "Endang", "Siti", "Joko", "Lilik", "Wawan", "Rina", "Teguh", "Ninik", "Ma'ruf",
         "Dwi", "Eko", "Sumarni", "Réné", "Imam", "Tutik", "Hartono", "Wahyuni"]
LAST = ["Santoso", "Wulandari", "Nugroho", "Lestari", "Rahayu", "Saputra", "Fauzi", "Susanto", "Hartono",
        "Mulyani", "Kurniawan", "Utomo", "Prasetyo", "Jum'at", "Setiawan"]
FORMS = ["CV.", "UD.", "PT", "Toko", ""]
WORDS = ["Sepatu", "Sandal", "Jaya", "Abadi", "Makmur", "Lancar", "Sejahtera", "Karya", "Mulia", "Cahaya", "Mas",
         "Berkah", "Rejeki", "Sakti", "Perkasa", "Sinar", "Terang", "Footwear", "Shoes", "Collection", "Kulit",
         "Majapahit", "Mojopahit", "Surya", "Kencana", "Lestari", "Agung", "Sumber", "Barokah", "Putra"]
KINDS = [("ikm", "IKM", 0.8), ("buyer", "BYR", 0.1), ("supplier", "SUP", 0.06), ("bank", "BNK", 0.04)]
ACTOR = Actor(name="Bench", role="desk", desk="Meja Uji")


def generate(db: Database, count: int, rng: random.Random) -> list[str]:
    rows = []
    numbers = {prefix: 0 for _kind, prefix, _share in KINDS}
    for _ in range(count):
        kind, prefix, _share = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
        numbers[prefix] += 1
        name = " ".join(w for w in [rng.choice(FORMS), *rng.sample(WORDS, rng.choice([2, 3]))] if w)
        rows.append({
            "code": f"{prefix}{numbers[prefix]:05d}", "kind": kind, "business_name": name,
            "contact_person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "phone": "+628" + "".join(rng.choice("0123456789") for _ in range(rng.choice([9, 10]))),
        })
    with db.transaction() as session:
        session.execute(insert(Participant), rows)
        ids = [pid for (pid,) in session.execute(text("SELECT id FROM participant"))]
        # A third is already here, a few of them undone, as at 09:00 on the day.
        present = rng.sample(ids, len(ids) // 3)
        session.execute(insert(CheckInEvent), [
            {"participant_id": pid, "action": "check_in", "nonce": uuid.uuid4().hex, "operator_name": "Sari",
             "desk": "Meja 1"} for pid in present
        ])
        session.execute(insert(CheckInEvent), [
            {"participant_id": pid, "action": "undo", "nonce": uuid.uuid4().hex, "operator_name": "Sari",
             "desk": "Meja 1"} for pid in present[:200]
        ])
    return [row["code"] for row in rows]


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def report(title: str, samples: list[float], baseline: list[float] | None = None, target: str = "") -> None:
    median, p95 = summary(samples)
    line = f"{title:<46} median {median:7.2f} ms   p95 {p95:7.2f} ms"
    if baseline:
        base_median, base_p95 = summary(baseline)
        line += f"   (bare: {base_median:6.2f} / {base_p95:6.2f} ms, ratio ×{median / base_median:5.1f} / ×{p95 / base_p95:5.1f})"
    if target:
        line += f"   target {target}"
    print(line)


def keystrokes(rng: random.Random, db: Database, codes: list[str]) -> list[str]:
    """What a desk types: prefixes of names, contacts, phone digits and codes."""
    with db.read() as session:
        people = session.execute(text("SELECT business_name, contact_person, phone FROM participant")).all()
    queries: list[str] = []
    for _ in range(40):
        name, contact, phone = rng.choice(people)
        word = rng.choice([w for w in name.split() if len(w) > 3])
        for source in (word, contact, phone[3:10], rng.choice(codes)):
            queries += [source[:n] for n in range(1, len(source) + 1)]
    return queries


def bench_search(db: Database, queries: list[str]) -> tuple[list[float], list[float], SearchIndex]:
    with db.read() as session:
        load_ms = timed(lambda: SearchIndex.load(session))
        index = SearchIndex.load(session)
    print(f"{'index load (background, after a change)':<46} {load_ms:7.1f} ms for {len(index)} participants")
    ours = [timed(lambda q=q: index.find(q)) for q in queries]  # every match, ranked, and the true count
    statement = text(  # the same job done bare: every match, ordered
        "SELECT id, code, business_name FROM participant WHERE code LIKE :q OR business_name LIKE :q "
        "OR contact_person LIKE :q OR phone LIKE :q ORDER BY business_name"
    )
    bare: list[float] = []
    with db.engine.connect() as connection:
        for query in queries:
            bare.append(timed(lambda q=query: connection.execute(statement, {"q": f"%{q}%"}).all()))
    return ours, bare, index


def bench_scan(db: Database, codes: list[str]) -> tuple[list[float], list[float]]:
    ours: list[float] = []
    for code in codes:
        def scan(c: str = code) -> None:
            with db.transaction() as session:
                checkin.check_in(session, c, ACTOR)
        ours.append(timed(scan))
    bare: list[float] = []
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        for code in codes:
            def write(c: str = code) -> None:
                cursor.execute("BEGIN IMMEDIATE")
                pid = cursor.execute("SELECT id FROM participant WHERE code = ?", (c,)).fetchone()[0]
                cursor.execute(
                    "INSERT INTO check_in_event (participant_id, action, at, desk, operator_name, nonce) "
                    "VALUES (?, 'undo', CURRENT_TIMESTAMP, 'Meja Uji', 'Bench', ?)", (pid, uuid.uuid4().hex))
                cursor.execute("COMMIT")
            bare.append(timed(write))
    finally:
        raw.close()
    return ours, bare


def _quiet(_mode: object, _context: object, _message: str) -> None:
    return


def bench_page(db: Database, codes: list[str], queries: list[str]) -> tuple[list[float], list[float]]:
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.views.checkin_page import CheckInPage
    from desktop.views.context import AppContext
    from desktop.views.operations import ChangeBus, OperationRunner

    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_quiet)  # the offscreen plugin's chatter is not a result
    app = QApplication.instance() or QApplication([])
    bus = ChangeBus()
    runner = OperationRunner(db, bus)
    page = CheckInPage(AppContext(db=db, runner=runner, bus=bus, actor=ACTOR))
    page.resize(1366, 768)
    page.show()

    def wait_for(signal, limit_ms: int = 10_000) -> None:  # type: ignore[no-untyped-def]
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(limit_ms, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    wait_for(page.loaded)
    typing: list[float] = []
    for query in queries[:400]:
        page.scan_input.clear()
        QTest.keyClicks(page.scan_input, query[:-1])
        typing.append(timed(lambda q=query: QTest.keyClicks(page.scan_input, q[-1])))  # index + cards drawn
    page.scan_input.clear()
    scans: list[float] = []
    for code in codes:
        QTest.keyClicks(page.scan_input, code)
        start = time.perf_counter()
        QTest.keyClick(page.scan_input, Qt.Key.Key_Return)
        wait_for(page.result_shown)
        app.processEvents()  # the panel is painted with the answer
        scans.append((time.perf_counter() - start) * 1000)
    runner.wait()
    page.close()
    return typing, scans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--scans", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(4)
    folder = tempfile.mkdtemp(prefix="temudesk-bench-")
    db = open_database(Path(folder) / "bench.sqlite")
    codes = generate(db, args.participants, rng)
    with db.read() as session:
        overview_ms = timed(lambda: checkin.desk_overview(session))
    print(f"generated {args.participants} participants; counters + missing list load {overview_ms:.1f} ms")

    queries = keystrokes(rng, db, codes)
    ours, bare, index = bench_search(db, queries)
    report(f"search per keystroke, index ({len(queries)} keys)", ours, bare, "≤ 20 ms")

    absent = [code for code in codes if index.by_code(code) and not _present(index, code)]
    rng.shuffle(absent)
    service_codes, page_codes = absent[: args.scans], absent[args.scans: args.scans * 2]
    scan_ours, scan_bare = bench_scan(db, service_codes)
    report("scan → committed (check_in service)", scan_ours, scan_bare, "p95 ≤ 30 ms")

    typing, scans = bench_page(db, page_codes, queries)
    report("keystroke → cards on the page", typing, bare, "≤ 20 ms")
    report("scan Enter → committed → panel updated", scans, scan_bare, "p95 ≤ 30 ms")
    db.close()
    shutil.rmtree(folder, ignore_errors=True)


def _present(index: SearchIndex, code: str) -> bool:
    person = index.by_code(code)
    return person is not None and index.is_present(person.id)


if __name__ == "__main__":
    main()
