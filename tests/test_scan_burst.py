"""Scanner bursts told from typing by timing alone (no Qt)."""

from __future__ import annotations

from desktop.models.checkin.scan_burst import MAX_GAP_MS, REPEAT_DELAY_MS, BurstDetector, KeyRepeats, Verdict


def _feed(detector: BurstDetector[str], text: str, gap_ms: float, start: float = 1000.0) -> tuple[list[str], float]:
    released: list[str] = []
    at = start
    for char in text:
        step = detector.character(char, char, at)
        assert step.verdict is Verdict.HOLD
        released += step.released
        at += gap_ms
    return released, at - gap_ms


def test_fast_characters_then_enter_are_a_scan() -> None:
    detector: BurstDetector[str] = BurstDetector()
    released, last = _feed(detector, "IKM001", 3)
    step = detector.terminator(last + 4)
    assert released == [] and step.code == "IKM001" and step.verdict is Verdict.HOLD
    assert not detector.holding


def test_typing_by_hand_is_given_back_key_by_key() -> None:
    detector: BurstDetector[str] = BurstDetector()
    released, last = _feed(detector, "sepatu", 140)
    assert released == list("sepat")  # each key goes out when the next one comes slowly
    step = detector.terminator(last + 150)
    assert step.verdict is Verdict.RELEASE and step.released == ["u"] and step.code is None


def test_a_short_fast_roll_over_is_not_a_scan() -> None:
    detector: BurstDetector[str] = BurstDetector()
    _released, last = _feed(detector, "ab", 10)
    step = detector.terminator(last + 10)
    assert step.code is None and step.released == ["a", "b"]


def test_a_late_terminator_gives_the_keys_back() -> None:
    detector: BurstDetector[str] = BurstDetector()
    _released, last = _feed(detector, "IKM001", 3)
    step = detector.terminator(last + 2000)
    assert step.code is None and "".join(step.released) == "IKM001"


def test_a_pause_in_the_middle_splits_typing_from_a_burst() -> None:
    detector: BurstDetector[str] = BurstDetector()
    released, last = _feed(detector, "xy", 200)
    more, last = _feed(detector, "BYR007", 2, start=last + 500)
    assert released == ["x"] and more == ["y"]
    assert detector.terminator(last + 2).code == "BYR007"


def test_other_keys_and_quiet_time_release_in_order() -> None:
    detector: BurstDetector[str] = BurstDetector()
    _feed(detector, "abc", 5)
    assert detector.wait_ms == MAX_GAP_MS
    assert detector.other_key().released == ["a", "b", "c"]
    _feed(detector, "abcdef", 5)
    assert detector.wait_ms > MAX_GAP_MS  # long enough to be a scan: its terminator may still come
    assert detector.quiet().released == list("abcdef") and not detector.holding


def test_a_clock_going_backwards_is_not_a_scanner() -> None:
    detector: BurstDetector[str] = BurstDetector()
    detector.character("a", "a", 5000)
    assert detector.character("b", "b", 100).released == ["a"]


def test_a_doubled_character_marked_as_a_repeat_is_a_new_stroke() -> None:
    # "IKM007" from a scanner: the second 0 follows the first one's release in the same millisecond
    repeats = KeyRepeats()
    strokes = [(ord("0"), 1_000, False), (ord("0"), 1_002, True), (ord("0"), 1_004, True)]
    assert [repeats.repeated(key, at, flag) for key, at, flag in strokes] == [False, False, False]


def test_a_held_key_repeats_after_the_keyboard_delay() -> None:
    repeats = KeyRepeats()
    assert not repeats.repeated(ord("a"), 5_000, False)
    held = [repeats.repeated(ord("a"), 5_000 + REPEAT_DELAY_MS + 300 + 30 * n, True) for n in range(5)]
    assert held == [True] * 5
    assert not repeats.repeated(ord("b"), 6_000, False)  # the next stroke is one again


def test_a_repeat_of_another_key_is_a_held_key() -> None:
    repeats = KeyRepeats()
    repeats.repeated(ord("a"), 7_000, False)
    assert repeats.repeated(ord("b"), 7_002, True)
