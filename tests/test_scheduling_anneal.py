"""Annealing for fewer breaks: never breaks a rule, never costs an earlier goal, keeps fixed meetings."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.scheduling import Engine, FixedMeeting, Options, Participant, Problem, Request, Table, check_schedule, solve
from desktop.scheduling.anneal import anneal_breaks
from desktop.scheduling.checker import figures_of
from desktop.scheduling.indexed import index_problem
from desktop.scheduling.timetable import FREE, Timetable
from tests.scheduling_helpers import slots


@st.composite
def busy_problems(draw: st.DrawFn) -> Problem:
    """Hosts with their own tables (two sharing one, sometimes), makers meeting them and each
    other, some away slots and session wishes, one meeting fixed now and then."""
    rng = draw(st.randoms(use_true_random=False))
    slot_count, hosts, makers = rng.randint(4, 8), rng.randint(2, 4), rng.randint(3, 7)
    the_slots = slots(slot_count, afternoon_from=rng.choice([None, slot_count // 2]))
    share = draw(st.booleans())  # the second host shares the first one's table
    people = []
    for p in range(hosts + makers):
        away = frozenset(s.id for s in the_slots if rng.random() < 0.12)
        table = f"t{0 if p == 1 and share else p}" if p < hosts else None
        people.append(Participant(f"p{p}", unavailable=away, host_table=table,
                                  max_meetings=rng.choice([None, None, None, 3])))
    pairs = {(rng.randrange(hosts), rng.randrange(hosts, hosts + makers)) for _ in range(rng.randint(8, 24))}
    pairs |= {tuple(sorted(rng.sample(range(hosts, hosts + makers), 2))) for _ in range(rng.randint(0, 4))}
    requests = tuple(Request(f"r{i}", f"p{a}", f"p{b}", rng.choice([1, 1, 2, 3]), rng.choice(["any"] * 4 + ["morning", "afternoon"]))
                     for i, (a, b) in enumerate(sorted(pairs)))
    tables = tuple(Table(f"t{i}") for i in range(hosts + rng.randint(1, 3)))
    problem = Problem(the_slots, tables, tuple(people), requests, (), Options(time_limit_s=1, workers=1))
    first = solve(problem, engine=Engine.GREEDY).meetings
    if first and draw(st.booleans()):
        problem = dataclasses.replace(problem, fixed=(FixedMeeting(first[0].request, first[0].slot),))
    return problem


def scattered_start(problem: Problem, seed: int) -> Timetable:
    """A valid timetable with meetings in random free slots: plenty of breaks to remove."""
    ix = index_problem(problem)
    table = Timetable(ix)
    rng = random.Random(seed)
    order = list(range(len(ix.request_ids)))
    rng.shuffle(order)
    for r in order:
        free = [s for s in table.free_slots(r) if table.has_room(r)]
        if free and table.slot_of[r] == FREE:
            table.place(r, rng.choice(free))
    return table


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(busy_problems(), st.integers(0, 3), st.sampled_from([None, 0, 2]))
def test_annealed_schedules_keep_every_rule_and_every_earlier_goal(problem: Problem, seed: int, spread: int | None) -> None:
    table = scattered_start(problem, seed)
    ix = table.ix
    start = table.meetings()
    found = anneal_breaks(ix, table, seconds=0.05, seed=seed, spread=spread)
    if found is None:
        return
    moved = Timetable(ix)
    moved.load_meetings(found)
    meetings = moved.meetings()
    assert check_schedule(problem, meetings).ok
    before, after = figures_of(problem, start), figures_of(problem, meetings)
    assert (after.must_scheduled, after.participants_with_meeting, after.weighted) >= (
        before.must_scheduled, before.participants_with_meeting, before.weighted)
    assert after.scheduled == before.scheduled

    def excess(figures: object) -> int:  # how far the spread rule is missed: it weighs more than any break
        return 0 if spread is None else max(0, figures.breaks_spread - spread)  # type: ignore[attr-defined]

    assert (-excess(after), -after.breaks_total) > (-excess(before), -before.breaks_total)
    for fixed in problem.fixed:
        assert any(m.request == fixed.request and m.slot == fixed.slot for m in meetings)
