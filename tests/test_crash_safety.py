"""A reduced run of the crash harness (the full one: python tools/crash_harness.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import crash_harness


@pytest.fixture(scope="module")
def event_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return crash_harness.make_event(tmp_path_factory.mktemp("crash"))


def _copy(template: Path, folder: Path) -> Path:
    import sqlite3

    target = folder / "event.sqlite"
    with sqlite3.connect(template) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    return target


def test_killed_desk_loses_nothing_it_acknowledged(event_template: Path, tmp_path: Path) -> None:
    report = crash_harness.run(_copy(event_template, tmp_path), kills=6, operations=40, seed=7)
    assert report.kills >= 6 and report.acknowledged >= 40
    assert report.ok, (report.lost[:5], report.damaged)
    assert report.verified > 0 and set(report.by_kind) >= {"order", "walk_in", "undo"}


def test_harness_catches_an_acknowledgement_before_the_commit(
    event_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEMUDESK_HARNESS_ACK_BEFORE_COMMIT", "1")
    report = crash_harness.run(_copy(event_template, tmp_path), kills=4, operations=1, seed=3)
    assert report.lost, "an acknowledgement given before the commit must show up as lost"
