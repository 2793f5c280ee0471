"""Small scheduling problems for the tests."""

from __future__ import annotations

from desktop.scheduling import FixedMeeting, Options, Participant, Problem, Request, Slot, Table


def slots(count: int, afternoon_from: int | None = None) -> tuple[Slot, ...]:
    result = []
    for i in range(count):
        hour, minute = divmod(9 * 60 + 20 * i, 60)
        end_hour, end_minute = divmod(9 * 60 + 20 * i + 20, 60)
        session = "afternoon" if afternoon_from is not None and i >= afternoon_from else "morning"
        result.append(Slot(f"s{i + 1}", f"{hour:02d}:{minute:02d}", f"{end_hour:02d}:{end_minute:02d}", session))
    return tuple(result)


def small_problem(**changes: object) -> Problem:
    """Buyer B1 hosts table t1; makers M1..M3; a pool table t2; three slots."""
    problem = Problem(
        slots=slots(3, afternoon_from=2),
        tables=(Table("t1", "Meja 1"), Table("t2", "Meja 2")),
        participants=(
            Participant("B1", "PT Pembeli", "buyer", host_table="t1"),
            Participant("M1", "CV Satu", "ikm", unavailable=frozenset({"s3"})),
            Participant("M2", "UD Dua", "ikm", max_meetings=1),
            Participant("M3", "Tiga", "ikm"),
        ),
        requests=(
            Request("r1", "B1", "M1", 3),
            Request("r2", "B1", "M2", 2, "afternoon"),
            Request("r3", "M1", "M3", 1),
            Request("r4", "M2", "M3", 1),
        ),
        fixed=(),
        options=Options(time_limit_s=5),
    )
    return Problem(**{**problem.__dict__, **changes})  # type: ignore[arg-type]


__all__ = ["FixedMeeting", "slots", "small_problem"]
