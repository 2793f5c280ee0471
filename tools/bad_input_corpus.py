"""A generated corpus of bad inputs: every one must end in one clear line and leave the event unchanged.

    python tools/bad_input_corpus.py            # the full run (well over 1,000 inputs)
    python tools/bad_input_corpus.py --quick    # the reduced run the test suite uses

Four doors are tried: the command line (addresses, paths, options, names), scheduling problem
files, import files (participants and requests) and scan strings. For each input the event's
content is digested before and after (sign-in counters and refused-sign-in audit rows, which
are *meant* to be written, are left out; failed scans too for the scan door, where logging them
is the point) and the folder is listed, so a half-written output is caught as well.

Outcomes: ``message`` (refused with one line starting "Galat:" or argparse's "error:"),
``generic`` (the catch-all "Kesalahan tak terduga" line: no traceback, but not a clear
message either), ``crash`` (a traceback or an exception escaping), ``changed`` (the event or
the folder changed), ``accepted`` (the input turned out to be valid). The run prints the
figures per door.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import random
import sqlite3
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.cli import main  # noqa: E402
from desktop.models.checkin import checkin  # noqa: E402
from desktop.models.access.actor import Actor  # noqa: E402
from desktop.models.event.database import open_database  # noqa: E402
from desktop.models.event.demo import create_demo_event  # noqa: E402
from desktop.models.errors import DomainError  # noqa: E402

GENERIC = "Kesalahan tak terduga"
SCAN_ACTOR = Actor(name="Korpus", role="desk", desk="Meja Uji")


@dataclass(frozen=True)
class Case:
    door: str
    label: str
    argv: tuple[str, ...] = ()
    scan: str | None = None
    expect_no: tuple[str, ...] = ()  # output paths that must not appear


@dataclass
class Tally:
    outcomes: Counter[tuple[str, str]] = field(default_factory=Counter)
    failures: list[tuple[Case, str, str]] = field(default_factory=list)

    def add(self, case: Case, outcome: str, detail: str) -> None:
        self.outcomes[(case.door, outcome)] += 1
        if outcome not in {"message"}:
            self.failures.append((case, outcome, detail))

    @property
    def total(self) -> int:
        return sum(self.outcomes.values())

    def count(self, outcome: str) -> int:
        return sum(n for (_door, kind), n in self.outcomes.items() if kind == outcome)


# ---- the event and its digest ---------------------------------------------------------------------
def event_digest(path: Path, *, ignore_failed_scans: bool = False) -> str:
    """The event's content, minus what refusing a bad input is meant to record."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            if table == "failed_scan" and ignore_failed_scans:
                continue
            if table == "operator":
                query = "SELECT id, name, role, pin_hash, active FROM operator ORDER BY id"
            elif table == "audit_log":
                query = "SELECT * FROM audit_log WHERE action NOT LIKE 'operator.sign_in%' ORDER BY id"
            else:
                query = f'SELECT * FROM "{table}" ORDER BY rowid'
            digest.update(table.encode())
            for row in connection.execute(query):
                digest.update(repr(row).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()
    finally:
        connection.close()


def _listing(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir() if not path.name.endswith(("-wal", "-shm"))}


# ---- the four doors -------------------------------------------------------------------------------
def _bad_addresses(work: Path) -> list[str]:
    foreign = work / "lain.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE contacts (id INTEGER, name TEXT)")
    connection.commit()
    connection.close()
    (work / "kosong.sqlite").write_bytes(b"")
    (work / "teks.sqlite").write_text("bukan basis data\n")
    (work / "folder.sqlite").mkdir(exist_ok=True)
    other = work / "geopackage.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("PRAGMA application_id = 1196444487")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    return [
        "mysql://u:p@localhost/db", "foo://bar", "postgresql+psycopg2://u:rahasia@127.0.0.1/x",
        "sqlite+pysqlcipher:///x.sqlite", "oracle://scott:tiger@h/x", "mssql+pyodbc://x", "://", ":///",
        "sqlite://", "http://example.com/event.sqlite", "file:///etc/passwd", "postgresql+psycopg://u@127.0.0.1:1/x",
        "postgresql+psycopg://u@[::1/x", "postgresql+psycopg://:@/", "", " ", "/", ".", "..",
        str(work / "tidak-ada.sqlite"), str(work / "tidak-ada" / "x.sqlite"), str(foreign), str(work / "kosong.sqlite"),
        str(work / "teks.sqlite"), str(work / "folder.sqlite"), str(other), "a" * 5000, "/" + "d/" * 3000 + "x.sqlite",
        "\udcff.sqlite", "nul\x00byte.sqlite", "~tidakadapengguna/x.sqlite", "C:\\Acara\\x.sqlite",
        "sqlite:///" + str(work / "tidak-ada.sqlite"), "sqlite:///" + str(foreign), "postgresql+psycopg://%zz@h/x",
    ]


def cli_cases(work: Path, event: Path, quick: bool) -> Iterator[Case]:
    out_pdf, out_xlsx = str(work / "keluar.pdf"), str(work / "keluar.xlsx")
    ok_csv = work / "benar.csv"
    ok_csv.write_text("Nama Usaha;No. HP/WA\nCV Korpus;081234567890\n", encoding="utf-8")
    commands: list[Callable[[str], list[str]]] = [
        lambda db: ["info", "--db", db],
        lambda db: ["export", out_xlsx, "--db", db],
        lambda db: ["report", "attendance", "--db", db, "--out", out_pdf],
        lambda db: ["schedule", "--db", db, "--time-limit", "0.2"],
        lambda db: ["schedule", "export-problem", "--db", db, "--out", str(work / "m.json")],
        lambda db: ["import", "participants", str(ok_csv), "--db", db],
        lambda db: ["backup", "--db", db, "--to", str(work / "cadangan")],
        lambda db: ["operator", "list", "--db", db],
        lambda db: ["copy", db, str(work / "salinan.sqlite")],
        lambda db: ["merge-checkins", db, "--db", str(event), "--dry-run"],
    ]
    addresses = _bad_addresses(work)
    if quick:
        addresses = addresses[::4]
    expect = (out_pdf, out_xlsx, str(work / "m.json"), str(work / "salinan.sqlite"), str(work / "cadangan"))
    for address in addresses:
        for make in commands:
            yield Case("cli", f"--db {address[:40]!r}", tuple(make(address)), expect_no=expect)
    db = str(event)
    options = [
        ["demo", "--db", str(event)], ["demo", "--db", str(work / "d.sqlite"), "--at", "25:00"],
        ["demo", "--db", str(work / "d.sqlite"), "--at", "jam sepuluh"], ["demo", "--db", str(work / "d.sqlite"), "--at", ""],
        ["new", "--db", str(event), "--name", "X"], ["new", "--db", str(work / "n.sqlite"), "--name", ""],
        ["new", "--db", str(work / "n.sqlite"), "--name", "   \t"], ["new", "--db", "postgresql+psycopg://u@h/x", "--name", "X"],
        ["report", "attendance", "--db", db, "--out", str(work / "tidak-ada" / "x.pdf")],
        ["report", "badges", "--db", db, "--out", out_pdf, "--participant", "TIDAKADA"],
        ["report", "attendance", "--db", db, "--out", out_pdf, "--participant", "IKM001"],
        ["report", "attendance", "--db", db, "--out", str(work)],
        ["export", str(work / "tidak-ada" / "x.xlsx"), "--db", db],
        ["backup", "--db", db, "--keep", "0"], ["backup", "--db", db, "--keep", "-5"],
        ["restore", str(work / "tidak-ada.sqlite"), "--to", str(work / "p.sqlite")],
        ["restore", str(work / "lain.sqlite"), "--to", str(work / "p.sqlite")],
        ["restore", str(work / "kosong.sqlite"), "--to", str(work / "p.sqlite")],
        ["restore", db, "--to", db], ["restore", db, "--to", str(work / "lain.sqlite")],
        ["import", "participants", str(ok_csv), "--db", db, "--sheet", "Nope"],
        ["import", "requests", str(ok_csv), "--db", db, "--sheet", "Peserta"],
        ["import", "participants", str(work / "tidak-ada.csv"), "--db", db],
        ["import", "participants", str(work / "folder.sqlite"), "--db", db],
        ["schedule", "--db", db, "--read-only"], ["schedule", "--db", db, "--operator", "Tidak Ada"],
        ["operator", "unlock", "Tidak Ada", "--db", db], ["operator", "unlock", "Sari", "--db", db, "--operator", "Budi"],
        ["schedule", "check", str(work / "tidak-ada.json")], ["schedule", "a.json", "--db", db],
        ["schedule", "export-problem", "--db", db], ["schedule", "--db", db, "--time-limit", "-1"],
        ["schedule", "--db", db, "--time-limit", "0"], ["copy", db, db], ["copy", db, str(work / "lain.sqlite")],
        ["merge-checkins", str(work / "lain.sqlite"), "--db", db],
    ]
    for date in ("14/03/2026", "2026-02-30", "kemarin", "2026-13-01", "0000-00-00", "9999999-01-01", "\udcff", "2026-03-14T10:00"):
        options.append(["new", "--db", str(work / "n.sqlite"), "--name", "X", "--date", date])
    for name in ("acara 2020", "Acara", "a;DROP DATABASE x", "all", "pg_x", "x" * 64, 'a"b', "sameuser", "", "é"):
        options.append(["server", "prepare", "--admin-url", "postgresql+psycopg://p@127.0.0.1:1/postgres",
                        "--database", name, "--user", "meja", "--password", "x", "--local-only"])
        options.append(["server", "prepare", "--admin-url", "postgresql+psycopg://p@127.0.0.1:1/postgres",
                        "--database", "acara", "--user", name, "--password", "x", "--local-only"])
    for url in ("garbage", "", "mysql://x", "postgresql+psycopg://[", "::::", "http://x"):
        options.append(["server", "prepare", "--admin-url", url, "--database", "acara", "--user", "meja",
                        "--password", "x", "--local-only"])
    for argv in options:
        yield Case("cli", " ".join(argv)[:60], tuple(argv), expect_no=expect + (str(work / "n.sqlite"), str(work / "p.sqlite"),
                                                                             str(work / "d.sqlite")))


def _valid_problem(work: Path, event: Path) -> dict:
    path = work / "masalah-asli.json"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert main(["schedule", "export-problem", "--db", str(event), "--out", str(path)]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    return data


_WRONG_VALUES: list[object] = [None, "teks", -1, 10**30, 1.5, True, [], {}, [1, 2], {"a": 1}, float("nan") if False else "NaN", ""]


def _reader_accepts(data: dict) -> bool:
    from desktop.scheduling.errors import ProblemError
    from desktop.scheduling.problem_io import problem_from_dict

    try:
        problem_from_dict(data)
    except ProblemError:
        return False
    return True


def _wrong_for(original: object) -> list[object]:
    """Values of the wrong JSON type for a field holding ``original`` (a text field may take a number)."""
    if isinstance(original, bool):
        return ["teks", [], {}]
    if isinstance(original, int):
        return ["teks", 1.5, [], {}, True]
    if isinstance(original, str):
        return [[], {}, [1, 2], {"a": 1}]
    if isinstance(original, list):
        return ["teks", 3, {"a": 1}, [{"x": []}]]
    return []


def problem_cases(work: Path, event: Path, quick: bool) -> Iterator[Case]:
    data = _valid_problem(work, event)
    rng = random.Random(18)
    texts: list[tuple[str, str]] = []
    for key in list(data):
        broken = dict(data)
        del broken[key]
        if _reader_accepts(broken):  # an optional part (options, fixed): how strict it is belongs to its reader
            continue
        texts.append((f"tanpa '{key}'", json.dumps(broken)))
        for value in _WRONG_VALUES:
            if isinstance(data[key], list) and isinstance(value, list):
                continue
            texts.append((f"'{key}' = {value!r}", json.dumps({**data, key: value})))
    for key in ("slots", "tables", "participants", "requests"):
        items = data.get(key) or []
        if not items or not isinstance(items[0], dict):
            continue
        for field_name, original in items[0].items():
            for value in _wrong_for(original):
                mutated = json.loads(json.dumps(data))
                mutated[key][rng.randrange(len(items))][field_name] = value
                texts.append((f"{key}[].{field_name} = {value!r}", json.dumps(mutated)))
        if "id" in items[0]:  # other fields may have defaults; an item without its id cannot be meant
            mutated = json.loads(json.dumps(data))
            del mutated[key][0]["id"]
            texts.append((f"{key}[0] tanpa id", json.dumps(mutated)))
        for value in ("x", 3, None, [], True):
            mutated = json.loads(json.dumps(data))
            mutated[key].append(value)
            texts.append((f"{key} + {value!r}", json.dumps(mutated)))
    whole = json.dumps(data)
    for cut in sorted(rng.sample(range(1, len(whole) - 1), 30 if not quick else 5)):
        texts.append((f"terpotong di {cut}", whole[:cut]))
    for label, text in (("kosong", ""), ("array", "[]"), ("angka", "42"), ("null", "null"), ("teks", '"x"'),
                        ("BOM+sampah", "\ufeff{{{"), ("NUL", "\x00" * 10), ("surrogate", '{"slots": "\udcff"}')):
        texts.append((label, text))
    if quick:
        texts = texts[::6]
    for number, (label, text) in enumerate(texts):
        path = work / f"masalah-{number}.json"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        out = work / f"jadwal-{number}.json"
        yield Case("problem", label, ("schedule", str(path), "--out", str(out), "--time-limit", "0.2"),
                   expect_no=(str(out),))


def _import_files(work: Path, quick: bool) -> Iterator[tuple[str, Path]]:
    from openpyxl import Workbook

    rng = random.Random(15)
    folder = work / "impor"
    folder.mkdir(exist_ok=True)

    def put(name: str, content: bytes) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    for number in range(60 if not quick else 8):
        size = rng.choice([1, 7, 100, 4096, 70_000])
        suffix = rng.choice([".csv", ".xlsx", ".txt"])
        yield f"acak {size} B{suffix}", put(f"acak-{number}{suffix}", rng.randbytes(size).replace(b"\n", b"\x00") or b"\x00")
    workbook = Workbook()
    workbook.active.append(["Nama Usaha", "No. HP/WA"])
    workbook.active.append(["CV Korpus", "081234567890"])
    good = folder / "benar.xlsx"
    workbook.save(good)
    whole = good.read_bytes()
    for cut in sorted(rng.sample(range(10, len(whole) - 10), 40 if not quick else 6)):
        yield f"xlsx terpotong {cut}", put(f"potong-{cut}.xlsx", whole[:cut])
    for label, head in (("html", b"<html><table><tr><td>x"), ("xml", b"<?xml version='1.0'?><a/>"), ("pdf", b"%PDF-1.4\n"),
                        ("ole", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600), ("ods", b"PK\x03\x04" + b"\x00" * 26 +
                        b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"), ("zip rusak", b"PK\x03\x04garbage"),
                        ("kosong", b""), ("spasi", b"   \n\n\t\n"), ("sqlite", b"SQLite format 3\x00" + b"\x00" * 200)):
        for suffix in (".xlsx", ".csv"):
            yield label + suffix, put(f"{label.replace(' ', '_')}{suffix}", head)
    words = ["Nomor", "Keterangan", "Tanggal", "Jumlah", "Harga", "Kota", "x", "", "Σ", "\udcff", "=1+1", "'", '"']
    for number in range(60 if not quick else 8):
        headers = [rng.choice(words) for _ in range(rng.randint(1, 8))]
        rows = [";".join(rng.choice(words) for _ in headers) for _ in range(rng.randint(0, 5))]
        text = "\n".join([";".join(headers), *rows]) + "\n"
        encoding = rng.choice(["utf-8", "utf-16", "cp1252"])
        yield f"judul asing {encoding}", put(f"asing-{number}.csv", text.encode(encoding, "replace"))
    for number in range(20 if not quick else 3):
        text = f"Nama Usaha;No. HP/WA\nCV {'A' * rng.randint(1, 20)}\x00;0812\n"
        yield "NUL dalam CSV", put(f"nul-{number}.csv", text.encode())
    for size in (131_073, 400_000, 2_000_000)[: 3 if not quick else 1]:
        yield f"sel {size} huruf", put(f"besar-{size}.csv", b"Nama Usaha;No. HP/WA\n" + b"B" * size + b";0812\n")
    for number in range(10 if not quick else 2):
        yield "hanya judul", put(f"judul-{number}.csv", b"Nama Usaha;No. HP/WA;Jenis\n" + b";;\n" * number)
    yield "10.000 kolom", put("lebar.csv", (";".join(f"k{i}" for i in range(10_000)) + "\n").encode())


def import_cases(work: Path, event: Path, quick: bool) -> Iterator[Case]:
    for label, path in _import_files(work, quick):
        for what in ("participants", "requests"):
            yield Case("import", f"{what}: {label}", ("import", what, str(path), "--db", str(event)))


def scan_strings(quick: bool) -> Iterator[str]:
    rng = random.Random(17)
    fixed = ["\udcff", "\ud800", "IKM\udcff", "\x00", "\x00IKM", "\x1b[2J", "'; DROP TABLE participant; --", "%s%s%n",
             "{0}{1}", "../../etc/passwd", "\u202eMKI", "\u200b", "😀" * 50, "ＩＫＭ", "IKM-ABCD", "9" * 400, "-1",
             "x" * 100_000, "\t", "\r\n", "]Q1XYZ", "*XYZ*", "http://evil/", "\ufeff", "é" * 300, "NaN", "null"]
    yield from fixed
    alphabets = [
        "".join(chr(c) for c in range(0x20, 0x7f) if not chr(c).isdigit()),
        "\udc80\udcff\ud800\udfff\x00\x01\x7f\u200b\u202e\ufeff",
        "ءابتثجحخدذرزسشصضطظعغفقكلمنهوي",
        "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßIKMBYR",
    ]
    for _number in range(300 if not quick else 40):
        alphabet = rng.choice(alphabets)
        yield "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80)))


# ---- running ------------------------------------------------------------------------------------------
def _run_cli(argv: tuple[str, ...]) -> tuple[int, str]:
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            code = main(list(argv))
        except SystemExit as stop:  # argparse: usage line + "error:" line
            code = int(stop.code or 0) if isinstance(stop.code, int) else 2
        except BaseException as error:  # noqa: BLE001 - the corpus records escapes as crashes
            return -1, f"ESCAPED {type(error).__name__}: {error}"
    return code, err.getvalue()


def _judge_message(code: int, stderr: str) -> tuple[str, str]:
    if code == -1 or "Traceback" in stderr:
        return "crash", stderr[-300:]
    if code == 0:
        return "accepted", stderr[-200:]
    lines = [line for line in stderr.splitlines() if line.strip()]
    if not lines:
        return "crash", "no message"
    last = lines[-1]
    if GENERIC in last:
        return "generic", last
    if code == 2 and "error:" in last:
        return "message", last
    if last.startswith("Galat: ") and len(lines) <= 2:  # at most a "Bertindak sebagai …" note before it
        return "message", last
    return "crash", stderr[-300:]


def run(quick: bool = False, progress: Callable[[int], None] | None = None) -> Tally:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="temudesk-korpus-") as folder:
        work = Path(folder)
        event = work / "acara.sqlite"
        db = open_database(event)
        with db.transaction() as session:
            create_demo_event(session)
        db.close()
        doors = [cli_cases(work, event, quick), problem_cases(work, event, quick), import_cases(work, event, quick)]
        for door in doors:
            for case in door:
                before, files = event_digest(event), _listing(work)
                code, stderr = _run_cli(case.argv)
                outcome, detail = _judge_message(code, stderr)
                left = _listing(work) - files
                if outcome == "message" and (event_digest(event) != before or left):
                    outcome, detail = "changed", f"new files: {sorted(left)}" if left else "event changed"
                tally.add(case, outcome, detail)
                if progress:
                    progress(tally.total)
        db = open_database(event, create=False)
        try:
            for raw in scan_strings(quick):
                case = Case("scan", repr(raw[:30]), scan=raw)
                before = event_digest(event, ignore_failed_scans=True)
                try:
                    with db.transaction() as session:
                        result = checkin.check_in(session, raw, SCAN_ACTOR)
                    outcome = "message" if result.outcome is checkin.Outcome.UNKNOWN and result.message else "accepted"
                    detail = result.message
                except DomainError as error:
                    outcome, detail = "message", error.message
                except Exception as error:  # noqa: BLE001
                    outcome, detail = "crash", f"{type(error).__name__}: {error}"
                if outcome == "message" and event_digest(event, ignore_failed_scans=True) != before:
                    outcome, detail = "changed", "event changed"
                tally.add(case, outcome, detail)
        finally:
            db.close()
    return tally


def report(tally: Tally) -> str:
    doors = sorted({door for door, _kind in tally.outcomes})
    kinds = ["message", "generic", "accepted", "changed", "crash"]
    lines = [f"{'pintu':<10}" + "".join(f"{kind:>10}" for kind in kinds) + f"{'jumlah':>10}"]
    for door in doors:
        counts = [tally.outcomes[(door, kind)] for kind in kinds]
        lines.append(f"{door:<10}" + "".join(f"{n:>10}" for n in counts) + f"{sum(counts):>10}")
    lines.append(f"{'semua':<10}" + "".join(f"{tally.count(kind):>10}" for kind in kinds) + f"{tally.total:>10}")
    for case, outcome, detail in tally.failures[:40]:
        lines.append(f"  {outcome}: [{case.door}] {case.label} → {detail[:160]!r}")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the reduced run of the test suite")
    options = parser.parse_args()
    result = run(quick=options.quick, progress=lambda n: print(f"\r{n}", end="", file=sys.stderr) if n % 50 == 0 else None)
    print(file=sys.stderr)
    print(report(result))
    sys.exit(0 if not result.failures else 1)
