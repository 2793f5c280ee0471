"""``meetings: N``: every engine's schedule passes the checker; the SAT breaks search matches
brute force; problem files refuse what no one means (one line, exit 1)."""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli import main
from desktop.scheduling import Engine, Meeting, Options, Participant, Problem, ProblemError, Request, Table, check_schedule, solve
from desktop.scheduling.breaks_floor import breaks_floors
from desktop.scheduling.breaks_prover import BreaksProver
from desktop.scheduling.checker import count_breaks
from desktop.scheduling.indexed import index_problem
from desktop.scheduling.model import Goal
from desktop.scheduling.problem_io import problem_from_dict, problem_to_dict
from tests.scheduling_helpers import slots, small_problem


@st.composite
def repeat_problems(draw: st.DrawFn, max_people: int = 7, max_slots: int = 5) -> Problem:
    slot_count = draw(st.integers(1, max_slots))
    the_slots = slots(slot_count, afternoon_from=draw(st.one_of(st.none(), st.integers(1, slot_count))))
    people = draw(st.integers(2, max_people))
    table_count = draw(st.integers(1, 3))
    hosts = draw(st.lists(st.integers(0, people - 1), max_size=table_count, unique=True))
    participants = tuple(
        Participant(f"p{p}", unavailable=draw(st.frozensets(st.sampled_from([s.id for s in the_slots]),
                                                            max_size=slot_count // 2)),
                    host_table=f"t{hosts.index(p) + 1}" if p in hosts else None,
                    max_meetings=draw(st.one_of(st.none(), st.integers(0, 4))))
        for p in range(people)
    )
    pairs = draw(st.lists(st.tuples(st.integers(0, people - 1), st.integers(0, people - 1)).filter(lambda t: t[0] < t[1]),
                          unique=True, min_size=1, max_size=8))
    requests = tuple(
        Request(f"r{i}", f"p{a}", f"p{b}", draw(st.integers(1, 3)), draw(st.sampled_from(["any", "any", "morning"])),
                meetings=draw(st.integers(1, 3)))
        for i, (a, b) in enumerate(pairs)
    )
    tables = tuple(Table(f"t{i + 1}") for i in range(table_count))
    return Problem(the_slots, tables, participants, requests, (), Options(time_limit_s=2, workers=2))


def _assert_valid(problem: Problem, meetings: tuple[Meeting, ...], unscheduled: object) -> None:
    report = check_schedule(problem, meetings, unscheduled)  # type: ignore[arg-type]
    assert report.ok, report.violations
    wanted = {r.id: r for r in problem.requests}
    for request_id in {m.request for m in meetings}:
        held = [m for m in meetings if m.request == request_id]
        assert len(held) <= wanted[request_id].meetings
        assert len({m.slot for m in held}) == len(held)  # a pair's meetings in different slots
        assert all({m.a, m.b} == {wanted[request_id].a, wanted[request_id].b} for m in held)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(repeat_problems())
def test_greedy_and_fast_schedules_with_repeats_pass_the_checker(problem: Problem) -> None:
    for engine in (Engine.GREEDY, Engine.FAST):
        result = solve(problem, engine=engine)
        _assert_valid(problem, result.meetings, result.unscheduled)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(repeat_problems(max_people=5, max_slots=4))
def test_exact_schedules_with_repeats_pass_the_checker(problem: Problem) -> None:
    result = solve(problem, engine=Engine.EXACT)
    _assert_valid(problem, result.meetings, result.unscheduled)
    fast = solve(problem, engine=Engine.FAST)
    assert result.stats.scheduled >= fast.stats.scheduled or result.stats.weighted >= fast.stats.weighted


def test_the_checker_refuses_a_pair_twice_in_one_slot_and_too_many_meetings() -> None:
    problem = Problem(slots(3), (Table("t1"), Table("t2")), (Participant("a"), Participant("b")),
                      (Request("r1", "a", "b", meetings=2),))
    same_slot = [Meeting("r1", "a", "b", "s1", "t1"), Meeting("r1", "a", "b", "s1", "t2")]
    assert any("berbeda" in v for v in check_schedule(problem, same_slot).violations)
    three = [Meeting("r1", "a", "b", f"s{i}", "t1") for i in (1, 2, 3)]
    assert any("3 kali" in v for v in check_schedule(problem, three).violations)
    assert check_schedule(problem, three[:2], []).ok
    assert not check_schedule(problem, three[:1], []).ok  # the second meeting neither held nor listed


def test_problem_files_carry_meetings_and_refuse_a_pair_twice() -> None:
    problem = Problem(slots(3), (Table("t1"),), (Participant("a"), Participant("b")), (Request("r1", "a", "b", meetings=2),))
    assert problem_from_dict(json.loads(json.dumps(problem_to_dict(problem)))).requests[0].meetings == 2
    data = problem_to_dict(problem)
    data["requests"].append({"id": "r2", "a": "b", "b": "a"})
    with pytest.raises(ProblemError, match="meetings"):
        problem_from_dict(data)
    data["requests"] = [{"id": "r1", "a": "a", "b": "b", "meetings": 0}]
    with pytest.raises(ProblemError, match="meetings"):
        problem_from_dict(data)


def _brute_force_fewest_breaks(problem: Problem, spread: int) -> int | None:
    """Every meeting placed, the spread kept: the fewest breaks, by trying every slot choice."""
    ix = index_problem(problem)
    best = None
    for choice in itertools.product(*[ix.allowed[r] for r in range(len(ix.request_ids))]):
        busy: dict[int, list[int]] = {}
        per_slot = [0] * ix.slot_count
        fine = True
        for r, s in enumerate(choice):
            per_slot[s] += 1
            for p in (ix.ra[r], ix.rb[r]):
                if s in busy.setdefault(p, []):
                    fine = False
                busy[p].append(s)
        if not fine or max(per_slot) > ix.pool_size:
            continue
        breaks = [count_breaks(held) for held in busy.values()]
        if max(breaks) - min(breaks) <= spread and (best is None or sum(breaks) < best):
            best = sum(breaks)
    return best


@st.composite
def forced_problems(draw: st.DrawFn) -> Problem:
    slot_count = draw(st.integers(3, 6))
    the_slots = slots(slot_count)
    people = draw(st.integers(3, 5))
    participants = tuple(
        Participant(f"p{p}", unavailable=draw(st.frozensets(st.sampled_from([s.id for s in the_slots]), max_size=2)))
        for p in range(people)
    )
    pairs = draw(st.lists(st.tuples(st.integers(0, people - 1), st.integers(0, people - 1)).filter(lambda t: t[0] < t[1]),
                          unique=True, min_size=2, max_size=5))
    requests = tuple(Request(f"r{i}", f"p{a}", f"p{b}", meetings=draw(st.integers(1, 2))) for i, (a, b) in enumerate(pairs))
    tables = tuple(Table(f"t{i + 1}") for i in range(draw(st.integers(1, 2))))
    return Problem(the_slots, tables, participants, requests)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(forced_problems(), st.integers(0, 2))
def test_the_sat_search_finds_and_proves_the_fewest_breaks(problem: Problem, spread: int) -> None:
    ix = index_problem(problem)
    if any(not allowed for allowed in ix.allowed):
        return
    truth = _brute_force_fewest_breaks(problem, spread)
    reached = [(Goal.WEIGHT, sum(ix.priority))]
    prover = BreaksProver(ix, reached, breaks_floors(ix), 0, spread, upper=10**6, deadline=time.monotonic() + 30,
                          should_stop=None)
    prover.start()
    prover.finished.wait(30)
    prover.stop()
    if truth is None:  # no schedule places every meeting and keeps the spread
        assert prover.found is None
        return
    if prover.found is None:  # gave up: only when the least could be above 0 (see BreaksProver)
        assert prover.lower <= truth
        return
    assert prover.lower == truth
    busy: dict[int, list[int]] = {}
    for r, s in prover.found.items():
        for p in (ix.ra[r], ix.rb[r]):
            busy.setdefault(p, []).append(s)
    assert len(prover.found) == len(ix.request_ids)
    assert sum(count_breaks(held) for held in busy.values()) == truth


BAD_OPTIONS = {
    "nan": '"time_limit_s": NaN',
    "infinity": '"time_limit_s": Infinity',
    "huge seed": '"seed": 1' + "0" * 30,
    "seed beyond 32 bits": '"seed": 1' + "0" * 20,
    "nested goal names": '"goal_order": [["a"], ["b"], "c", "d"]',
    "5000 digits": '"time_limit_s": 1' + "0" * 5000,
}


@pytest.mark.parametrize("option", sorted(BAD_OPTIONS))
def test_bad_problem_files_get_one_line_and_exit_1(option: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    data = problem_to_dict(small_problem())
    data["options"].pop(BAD_OPTIONS[option].split('"')[1])  # the bad value stands alone
    text = json.dumps(data).replace('"options": {', '"options": {' + BAD_OPTIONS[option] + ", ")
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    assert main(["schedule", str(path), "--out", str(tmp_path / "out.json")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("Galat:"), err
    assert not (tmp_path / "out.json").exists()


def test_deeply_nested_json_gets_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert main(["schedule", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("Galat:"), err


def test_repair_keeps_both_meetings_of_a_pair_apart() -> None:
    from desktop.scheduling.repair import repair

    people = tuple(Participant(f"p{i}") for i in range(4))
    problem = Problem(slots(4), (Table("t1"), Table("t2")), people,
                      (Request("r1", "p0", "p1", meetings=2), Request("r2", "p2", "p3", meetings=2),
                       Request("r3", "p0", "p2")), (), Options(time_limit_s=2, workers=2))
    schedule = solve(problem, engine=Engine.FAST).meetings
    assert sum(m.request == "r1" for m in schedule) == 2
    result = repair(problem, schedule, "s1", {"p3"})
    assert check_schedule(problem, result.meetings).ok
    held = [m for m in result.meetings if m.request == "r1"]
    assert len(held) == 2 and held[0].slot != held[1].slot
    assert all(m.request != "r2" or m.slot == "s1" for m in result.meetings)  # p3 is away after s1
    assert {m.request for m in result.cancelled} <= {"r2"}


def test_schedule_help_and_reading_a_problem_load_no_solver_or_database() -> None:
    """Start-up stays light: OR-Tools, PySAT and SQLAlchemy load when solving needs them."""
    import subprocess
    import sys

    code = (
        "import sys, contextlib, io\n"
        "from desktop.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['schedule', '--help'])\n"
        "from desktop.scheduling.problem_io import problem_from_dict, problem_to_dict\n"
        "from tests.scheduling_helpers import small_problem\n"
        "problem_from_dict(problem_to_dict(small_problem()))\n"
        "print(sorted(m for m in ('ortools', 'pysat', 'sqlalchemy', 'PySide6') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout
    assert out.strip() == "[]", out
