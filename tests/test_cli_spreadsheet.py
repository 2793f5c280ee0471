"""``import``, ``export``, ``backup`` and ``restore`` from the command line."""

from pathlib import Path

import pytest

from desktop.cli import main
from tests.spreadsheet_files import MESSY_ROWS, dump, xlsx


def test_import_participants_prints_every_row_and_dry_run_writes_nothing(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = xlsx(tmp_path / "p.xlsx", MESSY_ROWS, title="DAFTAR PESERTA")
    before = dump(demo_path)
    assert main(["import", "participants", str(path), "--db", str(demo_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Baris     7  galat" in out and "baris 3" in out
    assert "Baris     8  peringatan" in out and "12345" in out
    assert "Baris     3  ok          IKM071" in out
    assert "Uji coba" in out and "6 baru" in out
    assert dump(demo_path) == before
    assert main(["import", "participants", str(path), "--db", str(demo_path)]) == 0
    assert dump(demo_path) != before


def test_nothing_importable_exits_non_zero(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = xlsx(tmp_path / "bad.xlsx", [[1, "", "", "123", "", "", "", "", ""]])
    assert main(["import", "participants", str(path), "--db", str(demo_path)]) == 1
    assert "Tidak ada baris" in capsys.readouterr().err


@pytest.mark.parametrize(("content", "words"), [(b"%PDF-1.4", "PDF"), (b"", "kosong")])
def test_bad_file_is_one_line(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                              content: bytes, words: str) -> None:
    path = tmp_path / "peserta.xlsx"
    path.write_bytes(content)
    assert main(["import", "participants", str(path), "--db", str(demo_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Galat:") and words in err[0]


def test_missing_required_column_names_what_was_read(demo_path: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = xlsx(tmp_path / "x.xlsx", [["a", "b"]], headers=["Warna", "Ukuran"])
    assert main(["import", "participants", str(path), "--db", str(demo_path)]) == 1
    assert "Nama Usaha" in capsys.readouterr().err


def test_export_import_requests_backup_restore(demo_path: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "event.xlsx"
    assert main(["export", str(out_file), "--db", str(demo_path)]) == 0
    assert out_file.exists() and "87 peserta" in capsys.readouterr().out
    assert main(["import", "requests", str(out_file), "--db", str(demo_path)]) == 0
    assert "182 tidak berubah" in capsys.readouterr().out
    assert main(["backup", "--db", str(demo_path), "--to", str(tmp_path / "bk")]) == 0
    made = next((tmp_path / "bk").glob("demo-*.sqlite"))
    assert main(["restore", str(made), "--to", str(tmp_path / "pulih.sqlite")]) == 0
    assert main(["restore", str(made), "--to", str(demo_path)]) == 1
    assert main(["info", "--db", str(tmp_path / "pulih.sqlite")]) == 0
    assert "IKM: 70" in capsys.readouterr().out


def test_import_into_a_file_without_event(empty_db, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    path = xlsx(tmp_path / "p.xlsx", MESSY_ROWS)
    assert main(["import", "participants", str(path), "--db", empty_db.url]) == 1
    assert "bukan berkas event" in capsys.readouterr().err


def test_likely_matches_are_reported_and_decided_on_the_command_line(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.import_corpus import CORPUS

    assert main(["import", "participants", str(CORPUS / "21_pembaruan_v1.xlsx"), "--db", str(demo_path)]) == 0
    capsys.readouterr()
    updated = CORPUS / "22_pembaruan_v2.xlsx"
    before = dump(demo_path)
    assert main(["import", "participants", str(updated), "--db", str(demo_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Mungkin sama dengan IKM074 Mojo Leather" in out and "dianggap sama" in out
    assert "Mungkin sama dengan IKM075 Sepatu Lestari" in out and "--same BARIS" in out
    assert dump(demo_path) == before
    assert main(["import", "participants", str(updated), "--db", str(demo_path), "--new", "5", "--same", "6"]) == 0
    out = capsys.readouterr().out
    assert "2 baru, 5 diperbarui" in out  # row 5 new by the admin's word, row 6 the same as IKM075
    assert main(["import", "participants", str(updated), "--db", str(demo_path), "--same", "x"]) == 1
    assert "--same/--new" in capsys.readouterr().err
