"""The real B2B forums of ``../shared/b2b/`` (published benchmark data, never copied in).

A clone elsewhere has no such folder: its tests skip. Under ``CI=true`` the folder is always
there, so its absence fails (the same rule as the PostgreSQL half of the suite).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

B2B_FOLDER = Path(__file__).resolve().parent.parent.parent / "shared" / "b2b"


def b2b_file(name: str) -> Path:
    path = B2B_FOLDER / f"{name}.json"
    if not path.exists():
        message = f"the real forums are not at {B2B_FOLDER} (published data, read from ../shared/b2b/)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def paper_optimum(name: str) -> int:
    """The fewest breaks proved in the paper, from the folder's README table."""
    for line in (B2B_FOLDER / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells and cells[0] == name and len(cells) >= 7:
            return int(cells[-2])
    raise AssertionError(f"{name} is not in the README table")
