"""The layers keep to their side: the scheduler takes plain data, reports draw only what they are given."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop.models.errors import ValidationError, scheduler_errors
from desktop.scheduling.errors import ProblemError

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"


def _imports(folder: str) -> dict[str, set[str]]:
    """Every module each file of ``desktop/<folder>`` imports (also inside functions)."""
    found: dict[str, set[str]] = {}
    for path in sorted((DESKTOP / folder).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
                names |= {f"{node.module}.{alias.name}" for alias in node.names}
        found[path.name] = names
    return found


def test_the_scheduler_does_not_reach_up_into_the_domain() -> None:
    reaching = {name: sorted(m for m in modules if m.startswith("desktop.models"))
                for name, modules in _imports("scheduling").items()}
    assert {name: modules for name, modules in reaching.items() if modules} == {}


def test_the_domain_turns_a_scheduler_error_into_its_own_with_the_same_words() -> None:
    with pytest.raises(ValidationError) as caught, scheduler_errors():
        raise ProblemError("Sesi s9 tidak dikenal.")
    assert caught.value.message == "Sesi s9 tidak dikenal." and isinstance(caught.value.__cause__, ProblemError)
    with pytest.raises(KeyError), scheduler_errors():  # other errors pass through untouched
        raise KeyError("x")


def test_reports_draw_only_what_their_data_carries() -> None:
    """No labels or colours looked up in the domain: the report data brings them (models/report_data.py)."""
    reaching = {name: sorted(m for m in modules if m.startswith("desktop.models"))
                for name, modules in _imports("reports").items()}
    assert {name: modules for name, modules in reaching.items() if modules} == {}
