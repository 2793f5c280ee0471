"""Every engine's schedule passes the independent checker; tiny optimums match brute force."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.scheduling import Engine, FixedMeeting, Meeting, Options, Participant, Problem, Request, Table, check_schedule, solve
from desktop.scheduling.checker import figures_of
from tests.scheduling_helpers import slots, small_problem


@st.composite
def problems(draw: st.DrawFn, max_people: int = 8, max_slots: int = 5) -> Problem:
    slot_count = draw(st.integers(1, max_slots))
    the_slots = slots(slot_count, afternoon_from=draw(st.one_of(st.none(), st.integers(1, slot_count))))
    people_count = draw(st.integers(2, max_people))
    table_count = draw(st.integers(1, 4))
    tables = tuple(Table(f"t{i + 1}") for i in range(table_count))
    hosts = draw(st.lists(st.integers(0, people_count - 1), max_size=table_count, unique=True))
    participants = []
    for p in range(people_count):
        unavailable = draw(st.frozensets(st.sampled_from([s.id for s in the_slots]), max_size=slot_count // 2))
        host = f"t{hosts.index(p) + 1}" if p in hosts else None
        cap = draw(st.one_of(st.none(), st.integers(0, 3)))
        participants.append(Participant(f"p{p}", unavailable=unavailable, host_table=host, max_meetings=cap))
    pairs = draw(st.lists(st.tuples(st.integers(0, people_count - 1), st.integers(0, people_count - 1))
                          .filter(lambda t: t[0] < t[1]), unique=True, max_size=12))
    requests = tuple(
        Request(f"r{i}", f"p{a}", f"p{b}", draw(st.integers(1, 3)), draw(st.sampled_from(["any", "any", "morning", "afternoon"])))
        for i, (a, b) in enumerate(pairs)
    )
    return Problem(the_slots, tables, tuple(participants), requests, (), Options(time_limit_s=2, workers=2))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_fast_and_greedy_schedules_pass_the_checker(problem: Problem) -> None:
    for engine in (Engine.GREEDY, Engine.FAST):
        result = solve(problem, engine=engine)
        report = check_schedule(problem, result.meetings, result.unscheduled)
        assert report.ok, (engine, report.violations)
        assert all(u.reason for u in result.unscheduled)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(max_people=6, max_slots=4))
def test_exact_schedules_pass_the_checker_and_never_lose_to_fast(problem: Problem) -> None:
    exact = solve(problem, engine=Engine.EXACT)
    fast = solve(problem, engine=Engine.FAST)
    assert check_schedule(problem, exact.meetings, exact.unscheduled).ok
    key = lambda r: _key(problem, r.meetings)  # noqa: E731
    assert key(exact) >= key(fast)


def _key(problem: Problem, meetings: tuple[Meeting, ...] | list[Meeting]) -> tuple[int, ...]:
    f = figures_of(problem, meetings)
    spread_ok = f.breaks_max - f.breaks_min <= (problem.options.break_spread or 0)
    return (f.must_scheduled, f.participants_with_meeting, f.weighted, int(spread_ok), -f.breaks_total)


def _brute_force_best(problem: Problem) -> tuple[int, ...]:
    """Try every slot (or none) for every request; tables are handed out in order."""
    host_of = {p.id: p.host_table for p in problem.participants}
    owned = {t for t in host_of.values() if t}
    pool = [t.id for t in problem.tables if t.id not in owned]
    best: tuple[int, ...] | None = None
    choices = [None, *[s.id for s in problem.slots]]
    for assignment in itertools.product(choices, repeat=len(problem.requests)):
        used: dict[str, int] = {}
        meetings = []
        for request, slot in zip(problem.requests, assignment, strict=True):
            if slot is None:
                continue
            table = host_of[request.a] or host_of[request.b]
            if table is None:
                index = used.get(slot, 0)
                used[slot] = index + 1
                table = pool[index] if index < len(pool) else "none"
            meetings.append(Meeting(request.id, request.a, request.b, slot, table))
        if check_schedule(problem, meetings).ok:
            key = _key(problem, meetings)
            best = key if best is None or key > best else best
    assert best is not None
    return best


def test_small_instances_match_brute_force() -> None:
    base = small_problem()
    variants = [
        base,
        Problem(slots(3), base.tables, base.participants,
                base.requests + (Request("r5", "B1", "M3", 1),), (), Options(time_limit_s=5)),
        Problem(slots(4), (Table("t1"),), tuple(Participant(f"p{i}") for i in range(4)),
                (Request("a", "p0", "p1", 1), Request("b", "p0", "p2", 2), Request("c", "p0", "p3", 1),
                 Request("d", "p1", "p2", 3), Request("e", "p2", "p3", 1)), (), Options(time_limit_s=5)),
        # A fixed meeting in the middle forces the rest around it.
        Problem(slots(4), (Table("t1"), Table("t2")), tuple(Participant(f"p{i}") for i in range(4)),
                (Request("a", "p0", "p1", 1), Request("b", "p0", "p2", 1), Request("c", "p0", "p3", 1),
                 Request("d", "p1", "p2", 1), Request("e", "p1", "p3", 2)),
                (FixedMeeting("a", "s2"),), Options(time_limit_s=5)),
    ]
    for problem in variants:
        result = solve(problem, engine=Engine.EXACT)
        assert check_schedule(problem, result.meetings, result.unscheduled).ok
        assert all(result.stats.proved_optimal.values()), result.stats
        assert _key(problem, result.meetings) == _brute_force_best(problem)


def test_bad_fixed_meeting_is_refused_with_its_name() -> None:
    import pytest

    from desktop.scheduling import ProblemError

    with pytest.raises(ProblemError, match="r1"):
        solve(small_problem(fixed=(FixedMeeting("r1", "s3", "t1"),)))  # M1 cannot come to s3


def test_cancellation_keeps_the_best_found() -> None:
    calls: list[str] = []
    result = solve(small_problem(), progress_callback=lambda p: calls.append(p.stage), should_stop=lambda: True)
    assert check_schedule(small_problem(), result.meetings, result.unscheduled).ok
    assert calls and calls[0] == "fast"
