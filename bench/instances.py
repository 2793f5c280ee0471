"""Generated instances shaped like real B2B forums (and one very large case)."""

from __future__ import annotations

import random

from desktop.scheduling import Options, Participant, Problem, Request, Slot, Table


def _slots(count: int, sessions: bool) -> tuple[Slot, ...]:
    morning = count // 2 + count % 2 if sessions else count
    result = []
    minute = 9 * 60
    for i in range(count):
        if sessions and i == morning:
            minute += 60  # lunch
        result.append(Slot(f"s{i + 1}", f"{minute // 60:02d}:{minute % 60:02d}",
                           f"{(minute + 20) // 60:02d}:{(minute + 20) % 60:02d}",
                           "afternoon" if sessions and i >= morning else "morning"))
        minute += 20
    return tuple(result)


def forum(seed: int, people: int, requests: int, slot_count: int, tables: int, unavailable: float,
          sessions: bool, heavy: int, time_limit: float = 10.0) -> Problem:
    """Hosts (buyers, banks) own tables; visitors (makers) come to them; a few makers meet each other."""
    rng = random.Random(seed)
    slots = _slots(slot_count, sessions)
    host_count = max(4, min(tables - 2, people // 4))
    participants = []
    for p in range(people):
        away = frozenset(s.id for s in slots if rng.random() < unavailable)
        host = f"t{p + 1}" if p < host_count else None
        participants.append(Participant(f"p{p}", f"Peserta {p}", "buyer" if host else "ikm", away, host, None))
    hosts, visitors = list(range(host_count)), list(range(host_count, people))
    pairs: set[tuple[int, int]] = set()
    # A few participants want as many meetings as there are slots.
    for h in hosts[:heavy]:
        for v in rng.sample(visitors, min(len(visitors), slot_count)):
            pairs.add((h, v))
    while len(pairs) < requests:
        if rng.random() < 0.85:
            a, b = rng.choice(hosts), rng.choice(visitors)
        else:
            a, b = rng.sample(visitors, 2)
        pairs.add((min(a, b), max(a, b)))
    result = []
    for i, (a, b) in enumerate(sorted(pairs)[:requests]):
        priority = rng.choices([1, 2, 3], [0.62, 0.3, 0.08])[0]
        wish = rng.choices(["any", "morning", "afternoon"], [0.85, 0.08, 0.07])[0] if sessions else "any"
        result.append(Request(f"r{i}", f"p{a}", f"p{b}", priority, wish))
    rng.shuffle(result)
    return Problem(slots, tuple(Table(f"t{t + 1}") for t in range(tables)), tuple(participants), tuple(result), (),
                   Options(time_limit_s=time_limit, seed=seed))


FORUMS = [  # (seed, people, requests, slots, tables, unavailable, sessions, heavy)
    (1, 40, 120, 8, 12, 0.05, False, 2),
    (2, 50, 160, 10, 15, 0.08, True, 2),
    (3, 60, 200, 12, 18, 0.10, False, 3),
    (4, 65, 220, 14, 20, 0.06, True, 3),
    (5, 70, 240, 16, 22, 0.12, True, 2),
    (6, 75, 260, 18, 24, 0.07, False, 3),
    (7, 80, 280, 20, 26, 0.09, True, 3),
    (8, 80, 300, 22, 27, 0.11, True, 4),
]


def forums(quick: bool = False) -> list[tuple[str, Problem]]:
    chosen = FORUMS[:3] if quick else FORUMS
    return [(f"forum-{args[0]} ({args[1]}p/{args[2]}r/{args[3]}s/{args[4]}t)", forum(*args)) for args in chosen]


def large(seed: int = 99, time_limit: float = 2.0) -> Problem:
    """5,000 participants, 20,000 requests, 12 slots."""
    rng = random.Random(seed)
    slots = _slots(12, True)
    host_count, pool_tables = 1000, 900
    participants = []
    for p in range(5000):
        away = frozenset(s.id for s in slots if rng.random() < 0.05)
        host = f"t{p + 1}" if p < host_count else None
        participants.append(Participant(f"p{p}", "", "buyer" if host else "ikm", away, host, None))
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < 16_000:
        pairs.add((rng.randrange(host_count), rng.randrange(host_count, 5000)))
    while len(pairs) < 20_000:
        a, b = rng.sample(range(host_count, 5000), 2)
        pairs.add((min(a, b), max(a, b)))
    requests = tuple(
        Request(f"r{i}", f"p{a}", f"p{b}", rng.choices([1, 2, 3], [0.7, 0.25, 0.05])[0], "any")
        for i, (a, b) in enumerate(sorted(pairs))
    )
    tables = tuple(Table(f"t{t + 1}") for t in range(host_count + pool_tables))
    return Problem(slots, tables, tuple(participants), requests, (), Options(time_limit_s=time_limit, seed=seed))
