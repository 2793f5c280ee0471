import dataclasses

import pytest

from desktop.scheduling import FixedMeeting, Meeting, Participant, Unscheduled, check_schedule
from desktop.scheduling.checker import count_breaks
from tests.scheduling_helpers import small_problem

GOOD = (
    Meeting("r1", "B1", "M1", "s1", "t1"),
    Meeting("r2", "B1", "M2", "s3", "t1"),
    Meeting("r3", "M1", "M3", "s2", "t2"),
)


def test_good_schedule_passes_with_its_figures() -> None:
    report = check_schedule(small_problem(), GOOD, [Unscheduled("r4", "")])
    assert report.ok, report.violations
    figures = report.figures
    assert (figures.scheduled, figures.must_scheduled, figures.participants_with_meeting, figures.weighted) == (3, 1, 4, 6)
    # B1 meets in s1 and s3: one break; M1 in s1, s2: none.
    assert (figures.breaks_total, figures.breaks_max, figures.breaks_min) == (1, 1, 0)


@pytest.mark.parametrize(
    ("positions", "breaks"), [([3, 6], 1), ([3, 4], 0), ([1, 3, 5], 2), ([6, 1, 2], 1), ([], 0), ([4], 0)]
)
def test_breaks_are_runs_of_idle_slots(positions: list[int], breaks: int) -> None:
    assert count_breaks(positions) == breaks


def _bad(meetings: tuple[Meeting, ...], **changes: object) -> str:
    report = check_schedule(small_problem(**changes), meetings)
    assert not report.ok
    return " ".join(report.violations)


def test_participant_in_two_meetings_at_once() -> None:
    assert "M1 ada di dua pertemuan" in _bad((Meeting("r1", "B1", "M1", "s1", "t1"), Meeting("r3", "M1", "M3", "s1", "t2")))


def test_table_used_twice_in_a_slot() -> None:
    problem = small_problem()
    extra = Participant("M4", "Empat", "ikm")
    requests = problem.requests + (dataclasses.replace(problem.requests[2], id="r5", a="M4", b="M2"),)
    assert "Meja t2 dipakai dua kali" in _bad(
        (Meeting("r3", "M1", "M3", "s1", "t2"), Meeting("r5", "M4", "M2", "s1", "t2")),
        participants=problem.participants + (extra,), requests=requests,
    )


def test_more_meetings_than_tables() -> None:
    problem = small_problem()
    extra = tuple(Participant(f"X{i}", kind="ikm") for i in range(4))
    requests = problem.requests + (
        dataclasses.replace(problem.requests[2], id="r5", a="X0", b="X1"),
        dataclasses.replace(problem.requests[2], id="r6", a="X2", b="X3"),
    )
    text = _bad(
        (Meeting("r1", "B1", "M1", "s1", "t1"), Meeting("r5", "X0", "X1", "s1", "t2"), Meeting("r6", "X2", "X3", "s1", "t3")),
        participants=problem.participants + extra, requests=requests,
    )
    assert "3 pertemuan, padahal hanya ada 2 meja" in text


def test_unavailable_slot_and_session_wish() -> None:
    assert "M1 tidak bisa hadir pada sesi s3" in _bad((Meeting("r3", "M1", "M3", "s3", "t2"),))
    assert "tidak sesuai pilihan sesi" in _bad((Meeting("r2", "B1", "M2", "s1", "t1"),))


def test_host_tables() -> None:
    assert "harus di meja t1 milik B1" in _bad((Meeting("r1", "B1", "M1", "s1", "t2"),))
    assert "memakai meja t1 milik peserta lain" in _bad((Meeting("r3", "M1", "M3", "s1", "t1"),))


def test_cap_fixed_unknown_and_duplicates() -> None:
    assert "melebihi batas 1" in _bad((Meeting("r2", "B1", "M2", "s3", "t1"), Meeting("r4", "M2", "M3", "s1", "t2")))
    assert "Pertemuan tetap r3 tidak ada" in _bad((), fixed=(FixedMeeting("r3", "s1", "t2"),))
    assert "r9 yang tidak dikenal" in _bad((Meeting("r9", "B1", "M1", "s1", "t1"),))
    assert "dijadwalkan 2 kali" in _bad((Meeting("r3", "M1", "M3", "s1", "t2"), Meeting("r3", "M1", "M3", "s2", "t2")))
    assert "pesertanya tidak sesuai" in _bad((Meeting("r3", "M1", "M2", "s1", "t2"),))
    assert "sesi s7 tidak dikenal" in _bad((Meeting("r3", "M1", "M3", "s7", "t2"),))


def test_every_request_once_scheduled_or_not() -> None:
    report = check_schedule(small_problem(), GOOD, [Unscheduled("r3", "x")])
    assert any("r3" in v for v in report.violations) and any("r4" in v for v in report.violations)
