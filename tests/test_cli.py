import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_demo_then_info_reports_70_ikm(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(target)]) == 0
    assert main(["info", "--db", str(target)]) == 0
    out = capsys.readouterr().out
    assert "IKM: 70" in out
    assert "Jumat, 6 Maret 2020" in out


def test_demo_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.sqlite"
    target.write_text("keep me")
    assert main(["demo", "--db", str(target)]) == 1
    assert "--force" in capsys.readouterr().err
    assert target.read_text() == "keep me"


def test_info_on_missing_file_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", "--db", str(tmp_path / "none.sqlite")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Galat:")


def test_english_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.sqlite"
    main(["demo", "--db", str(target)])
    assert main(["--lang", "en", "info", "--db", str(target)]) == 0
    assert "Participants: 87" in capsys.readouterr().out


def test_main_py_runs_headless_commands(tmp_path: Path) -> None:
    target = tmp_path / "demo.sqlite"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo", "--db", str(target)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    assert target.exists()
