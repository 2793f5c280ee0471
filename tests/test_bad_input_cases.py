"""The bad inputs the tester found, one by one: each ends in one clear line and nothing is written."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from desktop.cli import main
from desktop.models.event import event_file
from desktop.models.event.database import StorageError, open_database
from desktop.models.orm import FailedScan, Participant

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    return path


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Galat: ") and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize(("address", "words"), [
    ("mysql://u:rahasia@localhost/x", "mysql tidak didukung"),
    ("foo://bar", "foo://bar"),
    ("postgresql+psycopg2://u:rahasia@127.0.0.1/x", "psycopg2 tidak didukung"),
    ("sqlite://", "di memori"),
])
def test_unsupported_addresses_are_one_line_without_the_password(address: str, words: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", "--db", address]) == 1
    line = _one_line(capsys)
    assert words in line and "rahasia" not in line


def test_server_prepare_with_a_garbage_admin_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "prepare", "--admin-url", "garbage", "--database", "acara", "--user", "meja",
                 "--password", "x", "--local-only"]) == 1
    assert "administrator" in _one_line(capsys)


def test_a_database_name_with_a_space_is_refused_before_the_server_is_touched(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server", "prepare", "--admin-url", "postgresql+psycopg://p@127.0.0.1:1/postgres",
                 "--database", "acara 2020", "--user", "meja", "--password", "x"]) == 1
    assert "acara_2020" in _one_line(capsys)


def test_info_into_head_ends_quietly(demo_file: Path) -> None:
    shell = f"{sys.executable} -m desktop info --db {demo_file} | head -1"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.stdout.startswith("Business Matching 2020") and "Traceback" not in done.stderr
    assert "BrokenPipe" not in done.stderr


def test_a_full_disk_during_an_import_is_named_and_nothing_is_kept(demo_file: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import desktop.cli.access as access

    real_open = access.open_database

    def on_a_full_disk(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        db = real_open(*args, **kwargs)  # type: ignore[arg-type]

        @event.listens_for(db.engine, "before_cursor_execute")
        def _full(_conn, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
            if statement.lstrip().upper().startswith("INSERT INTO PARTICIPANT"):
                raise sqlite3.OperationalError("database or disk is full")

        return db

    monkeypatch.setattr(access, "open_database", on_a_full_disk)
    rows = tmp_path / "peserta.csv"
    rows.write_text("Nama Usaha;No. HP/WA\nCV Baru Sekali;081234567890\n", encoding="utf-8")
    assert main(["import", "participants", str(rows), "--db", str(demo_file)]) == 1
    err = capsys.readouterr().err
    assert "Disk penuh" in err and "Traceback" not in err and "disk I/O" not in err
    db = open_database(demo_file, create=False)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Participant)) == 87
    db.close()


def test_storage_errors_become_storage_error_in_a_transaction(demo_file: Path) -> None:
    db = open_database(demo_file, create=False)

    @event.listens_for(db.engine, "before_cursor_execute")
    def _io(_conn, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("UPDATE"):
            raise sqlite3.OperationalError("disk I/O error")

    with pytest.raises(StorageError, match="galat I/O"), db.transaction() as session:
        session.scalar(select(Participant).limit(1)).business_name = "Diubah"
    db.close()


def test_read_only_media_view_export_report_work_and_writes_are_refused(demo_file: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(event_file, "writable", lambda _path: False)  # as on a write-protected flash drive
    before = demo_file.read_bytes()
    assert main(["info", "--db", str(demo_file)]) == 0
    assert main(["export", str(tmp_path / "ekspor.xlsx"), "--db", str(demo_file)]) == 0
    assert main(["report", "attendance", "--db", str(demo_file), "--out", str(tmp_path / "hadir.pdf")]) == 0
    capsys.readouterr()
    assert main(["schedule", "--db", str(demo_file), "--time-limit", "0.2"]) == 1
    assert "hanya-baca" in _one_line(capsys)
    db = open_database(demo_file, create=False)
    assert db.read_only
    with pytest.raises(Exception, match="hanya-baca"), db.transaction():
        pass
    db.close()
    assert demo_file.read_bytes() == before
    assert (tmp_path / "ekspor.xlsx").stat().st_size > 0 and (tmp_path / "hadir.pdf").stat().st_size > 0


@pytest.mark.parametrize(("content", "extra", "words"), [
    (b"Nama Usaha;No. HP/WA\nCV A\x00;0812\n", [], "byte NUL"),
    (b"Nama Usaha;No. HP/WA\n" + b"A" * 140_000 + b";0812\n", [], "terlalu panjang"),
    (b"Nama Usaha;No. HP/WA\nCV A;0812\n", ["--sheet", "Nope"], "hapus --sheet"),
])
def test_import_files_that_cannot_be_read_are_named(demo_file: Path, tmp_path: Path, content: bytes, extra: list[str],
                                                    words: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "daftar.csv"
    path.write_bytes(content)
    before = demo_file.read_bytes()
    assert main(["import", "participants", str(path), "--db", str(demo_file), *extra]) == 1
    assert words in _one_line(capsys)
    assert demo_file.read_bytes() == before


def test_a_lone_surrogate_in_a_scan_is_answered_and_logged(demo_file: Path) -> None:
    from desktop.models.checkin import checkin
    from desktop.models.access.actor import Actor

    db = open_database(demo_file, create=False)
    with db.transaction() as session:
        result = checkin.check_in(session, "IKM\udcff01", Actor(name="Sari", role="desk", desk="Meja 1"))
    assert result.outcome is checkin.Outcome.UNKNOWN
    with db.read() as session:
        logged = list(session.scalars(select(FailedScan.raw_input)))
    db.close()
    assert logged == ["IKM\ufffd01"]  # stored, readable, the broken character marked


def test_a_failed_report_leaves_no_file_and_the_retry_works(demo_file: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    import desktop.cli.reports as reports

    def disk_full(_kind: str, _data: object, target: Path) -> int:
        Path(target).write_bytes(b"%PDF-half")
        raise OSError(28, "No space left on device")

    out = tmp_path / "hadir.pdf"
    real = reports.render
    monkeypatch.setattr(reports, "render", disk_full)
    assert main(["report", "attendance", "--db", str(demo_file), "--out", str(out)]) == 1
    assert "Disk penuh" in _one_line(capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.sqlite"]
    monkeypatch.setattr(reports, "render", real)
    assert main(["report", "attendance", "--db", str(demo_file), "--out", str(out)]) == 0 and out.stat().st_size > 0
