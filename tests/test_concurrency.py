"""Several desks (separate processes) on one event at the same moment: nothing lost, nothing twice.

Three processes check in 1,000 codes each from a pool of 1,500 participants; every code is in
exactly two desks' lists, in different orders, so about half the scans race another desk.
"""

from __future__ import annotations

import multiprocessing
import random
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

import pytest
from sqlalchemy import func, select

from desktop.models.event.database import Database
from desktop.models.enums import CheckInAction
from desktop.models.orm import CheckInEvent, Participant
from tests.concurrency_worker import desk, make_codes

DESKS = 3
PER_DESK = 1_000
POOL = DESKS * PER_DESK // 2  # each code lands on two desks


def _add_participants(db: Database, codes: list[str]) -> None:
    with db.transaction() as session:
        session.add_all(Participant(code=code, business_name=f"UD Uji {code}") for code in codes)


def _desk_lists(codes: list[str]) -> list[list[str]]:
    rng = random.Random(11)
    lists = []
    for number in range(DESKS):
        start = number * PER_DESK // 2
        mine = [codes[(start + offset) % len(codes)] for offset in range(PER_DESK)]
        rng.shuffle(mine)
        lists.append(mine)
    return lists


@pytest.mark.slow
def test_three_desks_check_in_overlapping_codes_at_once(empty_event: Database) -> None:
    codes = make_codes(POOL)
    _add_participants(empty_event, codes)
    lists = _desk_lists(codes)
    assert Counter(code for codes_of_desk in lists for code in codes_of_desk) == Counter({code: 2 for code in codes})

    context = multiprocessing.get_context("spawn")
    go = context.Manager().Event()
    with ProcessPoolExecutor(DESKS, mp_context=context) as pool:
        futures = [pool.submit(desk, empty_event.url, f"Meja {n + 1}", lists[n], go) for n in range(DESKS)]
        go.set()
        results = [future.result(timeout=600) for future in futures]

    answers = [answer for desk_results in results for answer in desk_results]
    assert len(answers) == DESKS * PER_DESK  # nothing lost: every scan got an answer
    outcomes = Counter(outcome for _code, outcome, _desk, _nonce in answers)
    assert outcomes == {"checked_in": POOL, "already": POOL}

    with empty_event.read() as session:
        stored = session.execute(
            select(Participant.code, CheckInEvent.desk, CheckInEvent.nonce)
            .join(CheckInEvent, CheckInEvent.participant_id == Participant.id)
            .where(CheckInEvent.action == CheckInAction.CHECK_IN.value)
        ).all()
        undos = session.scalar(select(func.count()).select_from(CheckInEvent).where(CheckInEvent.action != "check_in"))
    assert undos == 0
    # Every participant checked in exactly once …
    assert sorted(code for code, _desk, _nonce in stored) == codes
    holder = {code: (desk_name, nonce) for code, desk_name, nonce in stored}
    # … by the desk that was told "checked in", with that desk's nonce …
    for code, outcome, desk_name, nonce in answers:
        if outcome == "checked_in":
            assert holder[code] == (desk_name, nonce)
    # … and every refused duplicate named the desk that really has it.
    for code, outcome, desk_name, _nonce in answers:
        if outcome == "already":
            assert holder[code][0] == desk_name


def test_three_desks_scanning_the_same_badges_in_the_same_order(empty_event: Database) -> None:
    """The worst case: the same badge on three desks at the same moment, 200 times over."""
    codes = make_codes(200)
    _add_participants(empty_event, codes)
    context = multiprocessing.get_context("spawn")
    go = context.Manager().Event()
    with ProcessPoolExecutor(DESKS, mp_context=context) as pool:
        futures = [pool.submit(desk, empty_event.url, f"Meja {n + 1}", codes, go) for n in range(DESKS)]
        go.set()
        results = [future.result(timeout=600) for future in futures]
    per_code = {code: Counter() for code in codes}
    for desk_results in results:
        for code, outcome, _desk, _nonce in desk_results:
            per_code[code][outcome] += 1
    assert all(counts == {"checked_in": 1, "already": 2} for counts in per_code.values())
    with empty_event.read() as session:
        assert session.scalar(select(func.count()).select_from(CheckInEvent)) == len(codes)
