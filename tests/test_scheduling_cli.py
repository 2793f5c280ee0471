"""``schedule`` on the command line: the four forms and every bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.scheduling.problem_io import problem_to_dict
from tests.scheduling_helpers import small_problem


def _problem_dict() -> dict[str, Any]:
    return problem_to_dict(small_problem())


def _write(tmp_path: Path, data: Any, name: str = "problem.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_schedule_file_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    problem = _write(tmp_path, _problem_dict())
    out = tmp_path / "schedule.json"
    assert main(["schedule", str(problem), "--out", str(out), "--time-limit", "5", "--progress"]) == 0
    captured = capsys.readouterr()
    assert "Terbukti optimal untuk semua tujuan" in captured.out
    assert "[fast]" in captured.err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["stats"]) >= {"requested", "scheduled", "upper_bound", "participants_with_meeting", "breaks_total",
                                   "breaks_max", "breaks_min", "proved_optimal", "seconds"}
    assert data["stats"]["proved_optimal"] == {"a": True, "b": True, "c": True, "d": True}
    assert {m["request"] for m in data["meetings"]} | {u["request"] for u in data["unscheduled"]} == {"r1", "r2", "r3", "r4"}
    assert main(["schedule", "check", str(problem), str(out)]) == 0
    assert "Jadwal sah" in capsys.readouterr().out


def test_check_reports_violations_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    problem = _write(tmp_path, _problem_dict())
    bad = {"meetings": [{"request": "r1", "a": "B1", "b": "M1", "slot": "s3", "table": "t1"}]}
    schedule = _write(tmp_path, bad, "bad.json")
    assert main(["schedule", "check", str(problem), str(schedule)]) == 1
    out = capsys.readouterr().out
    assert "PELANGGARAN" in out and "M1 tidak bisa hadir pada sesi s3" in out


def _mutate(change: str) -> Any:
    data = _problem_dict()
    if change == "unknown participant":
        data["requests"][0]["b"] = "ZZ9"
    elif change == "unknown slot":
        data["participants"][1]["unavailable"] = ["s99"]
    elif change == "unknown table":
        data["participants"][0]["host_table"] = "t99"
    elif change == "duplicate participant":
        data["participants"][2]["id"] = "M1"
    elif change == "duplicate request":
        data["requests"][1]["id"] = "r1"
    elif change == "self request":
        data["requests"][0]["b"] = "B1"
    elif change == "slots out of order":
        data["slots"][1]["start"], data["slots"][1]["end"] = "08:00", "08:20"
    elif change == "fixed clash":
        data["fixed"] = [{"request": "r1", "slot": "s1", "table": "t1"}, {"request": "r3", "slot": "s1", "table": "t2"}]
    elif change == "fixed unavailable":
        data["fixed"] = [{"request": "r3", "slot": "s3", "table": None}]
    elif change == "fixed unknown request":
        data["fixed"] = [{"request": "r77", "slot": "s1"}]
    elif change == "bad priority":
        data["requests"][0]["priority"] = 5
    elif change == "missing field":
        del data["requests"][0]["a"]
    elif change == "not a list":
        data["slots"] = {"id": "s1"}
    return data


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("unknown participant", "ZZ9"),
        ("unknown slot", "s99"),
        ("unknown table", "t99"),
        ("duplicate participant", "M1"),
        ("duplicate request", "r1"),
        ("self request", "r1"),
        ("slots out of order", "s2"),
        ("fixed clash", "r3"),
        ("fixed unavailable", "r3"),
        ("fixed unknown request", "r77"),
        ("bad priority", "r1"),
        ("missing field", "r1"),
        ("not a list", "slots"),
    ],
)
def test_bad_problem_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], change: str, named: str) -> None:
    problem = _write(tmp_path, _mutate(change))
    assert main(["schedule", str(problem), "--out", str(tmp_path / "s.json")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Galat:") and named in err[0], err
    assert not (tmp_path / "s.json").exists()


def test_malformed_json_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    problem = _write(tmp_path, '{"slots": [', "broken.json")
    assert main(["schedule", str(problem)]) == 1
    assert "broken.json bukan JSON yang sah (baris 1" in capsys.readouterr().err
    assert main(["schedule", str(tmp_path / "none.json")]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [["schedule"], ["schedule", "check", "only-one.json"], ["schedule", "export-problem"], ["schedule", "a.json", "b.json"]],
)
def test_wrong_forms_say_how_to_use(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 1
    assert "Pemakaian" in capsys.readouterr().err


def test_database_forms(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    problem = tmp_path / "demo-problem.json"
    assert main(["schedule", "export-problem", "--db", str(demo_path), "--out", str(problem)]) == 0
    data = json.loads(problem.read_text(encoding="utf-8"))
    assert len(data["slots"]) == 15 and len(data["requests"]) == 182
    # The demo event lies in 2020: "now" is read on its date, so plan as of 07:00 (nothing started).
    assert main(["schedule", "--db", str(demo_path), "--time-limit", "3", "--now", "07:00"]) == 0
    out = capsys.readouterr().out
    assert "Disimpan: 177 pertemuan baru" in out
    assert "Jam acuan 07:00: 0 pertemuan" in out
    assert main(["info", "--db", str(demo_path)]) == 0
    assert "Pertemuan terjadwal: 177" in capsys.readouterr().out


def test_english_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    problem = _write(tmp_path, _mutate("unknown participant"))
    assert main(["--lang", "en", "schedule", str(problem)]) == 1
    assert "Request r1: unknown participant ZZ9" in capsys.readouterr().err


def test_summary_states_the_proved_fewest_breaks_when_breaks_are_not_proved(capsys: pytest.CaptureFixture[str]) -> None:
    import dataclasses

    from desktop.cli.schedule import _summary
    from desktop.scheduling import solve

    result = solve(small_problem())
    proved = {**result.stats.proved_optimal, "d": False}
    open_gap = dataclasses.replace(result, stats=dataclasses.replace(
        result.stats, breaks_total=5, breaks_lower_bound=3, proved_optimal=proved))
    _summary(open_gap)
    assert "Jeda paling sedikit yang mungkin (terbukti): 3; jadwal ini 2 di atasnya." in capsys.readouterr().out
    _summary(result)  # proved (or no bound known): no such line
    assert "paling sedikit yang mungkin" not in capsys.readouterr().out
