"""Import 10,000 participants from one .xlsx: parse, validate, commit — against openpyxl's bare read.

    /work/hvenv/bin/python bench/import_participants.py [--rows 10000]

Prints the time and peak Python memory (tracemalloc, measured in a separate pass so it does
not slow the timing) of (a) openpyxl reading every cell of the file in read-only mode,
(a') python-calamine reading every cell (the reader the import uses since issue 15) and
(b) the full TemuDesk import into a fresh event: reading, header detection, column
guessing, row kinds (totals, sections, signatures), parsing, validation, matching and the
one-transaction commit with its audit rows. The ratio (b)/(a) is the figure to watch; it is
comparable with runs from before the import read with calamine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook, load_workbook  # noqa: E402

from desktop.models.event import event_setup  # noqa: E402
from desktop.models.access.actor import Actor  # noqa: E402
from desktop.models.event.database import open_database  # noqa: E402
from desktop.models.spreadsheet import columns, reader  # noqa: E402
from desktop.models.spreadsheet.participant_import import PARTICIPANT_FIELDS, import_participants  # noqa: E402

ACTOR = Actor(name="bench")
HEADERS = ["No", "Nama Usaha", "Pemilik", "No. HP/WA", "Alamat", "Kecamatan", "Produk", "Kapasitas/bulan", "Jenis"]


def make_file(path: Path, rows: int) -> None:
    rng = random.Random(3)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Peserta")
    sheet.append(["DAFTAR PESERTA"])
    sheet.append(HEADERS)
    phones = ["0812-{:04d}-{:04d}", "62813{:04d}{:04d}", "+62 857 {:04d} {:04d}"]
    for number in range(1, rows + 1):
        phone = rng.choice(phones).format(number // 10_000, number % 10_000)
        capacity = rng.choice([f"{rng.randint(1, 9)}.{rng.randint(0, 9)}00", f"{rng.randint(1, 9)},5 rb", rng.randint(100, 5000)])
        sheet.append([number, f"{rng.choice(['CV.', 'UD', ''])} Usaha Alas Kaki {number}", f"Pemilik {number}", phone,
                      f"Jl. Majapahit No. {number}", rng.choice(["Magersari", "Kranggan", "Prajurit Kulon"]),
                      rng.choice(["Sepatu pria", "Sandal, Sandal jepit", "Sepatu wanita / Sepatu anak"]), capacity, "IKM"])
    workbook.save(path)


def bare_read(path: Path) -> int:
    workbook = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _row in workbook["Peserta"].iter_rows(values_only=True))
    workbook.close()
    return count


def calamine_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    count = len(workbook.get_sheet_by_name("Peserta").to_python(skip_empty_area=False))
    workbook.close()
    return count


def full_import(path: Path, folder: Path) -> int:
    db = open_database(folder / f"event-{time.perf_counter_ns()}.sqlite")
    with db.transaction() as session:
        event_setup.apply_setup(
            session, event_setup.EventSettings(name="Bench", venue="GMSC", event_date=dt.date(2020, 3, 6)),
            event_setup.SlotPlan(start=dt.time(9), end=dt.time(12), minutes=20, breaks=[]), 5, ACTOR,
        )
    table = reader.read_table(path, None, columns.header_score(PARTICIPANT_FIELDS))
    try:
        from desktop.models.spreadsheet.participant_import import guess_participant_columns
    except ImportError:  # the import before issue 15, measured for the before/after figure
        mapping = columns.guess_mapping(table.headers, PARTICIPANT_FIELDS)
    else:
        mapping = guess_participant_columns(table.headers).mapping
    with db.transaction() as session:
        result = import_participants(session, table, mapping, ACTOR)
    db.close()
    return result.created


def timed(work: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    value = work()
    return time.perf_counter() - start, value


def peak_memory(work: Callable[[], int]) -> float:
    tracemalloc.start()
    work()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1_048_576


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        path = folder / "peserta.xlsx"
        make_file(path, args.rows)
        bare_read(path)  # warm the file cache for both
        bare_seconds, rows = timed(lambda: bare_read(path))
        calamine_seconds, _rows = timed(lambda: calamine_read(path))
        import_seconds, created = timed(lambda: full_import(path, folder))
        bare_mb = peak_memory(lambda: bare_read(path))
        import_mb = peak_memory(lambda: full_import(path, folder))
    print(f"rows in sheet: {rows - 2:,} data rows ({path.name})")
    print(f"openpyxl bare read : {bare_seconds:7.2f} s   peak {bare_mb:7.1f} MB")
    print(f"calamine bare read : {calamine_seconds:7.2f} s")
    print(f"TemuDesk import    : {import_seconds:7.2f} s   peak {import_mb:7.1f} MB   ({created:,} participants committed)")
    print(f"ratio import/read  : {import_seconds / bare_seconds:7.1f}x time, {import_mb / max(bare_mb, 0.1):.1f}x memory"
          "  (against the openpyxl read)")
    print(f"ratio import/read  : {import_seconds / calamine_seconds:7.1f}x time  (against the calamine read)")
    return 0 if created == args.rows else 1


if __name__ == "__main__":
    sys.exit(main())
