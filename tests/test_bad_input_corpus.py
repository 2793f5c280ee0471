"""The reduced run of the bad-input corpus (tools/bad_input_corpus.py runs the full one).

Every input, across the command line, problem files, import files and scan strings, must end
in one clear line and leave the event (and its folder) unchanged.
"""

from __future__ import annotations

from tools import bad_input_corpus


def test_every_bad_input_ends_in_a_message_and_an_unchanged_event() -> None:
    tally = bad_input_corpus.run(quick=True)
    doors = {door for door, _kind in tally.outcomes}
    assert doors == {"cli", "problem", "import", "scan"}
    assert tally.total >= 300
    assert not tally.failures, bad_input_corpus.report(tally)
    assert tally.count("message") == tally.total


def test_the_judge_tells_a_traceback_and_the_catch_all_from_a_message() -> None:
    judge = bad_input_corpus._judge_message
    assert judge(1, "Galat: Berkas tidak ditemukan: x\n")[0] == "message"
    assert judge(1, "Traceback (most recent call last):\n  ...\nValueError: x\n")[0] == "crash"
    assert judge(1, "Galat: Kesalahan tak terduga (ValueError): x\n")[0] == "generic"
    assert judge(0, "")[0] == "accepted"
    assert judge(1, "")[0] == "crash"
