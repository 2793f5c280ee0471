"""Telling a barcode scanner from a person at the keyboard, by timing alone (no Qt here).

A USB keyboard-wedge scanner "types" a whole code in a few milliseconds and ends it with
Enter or Tab; a person leaves 80 ms or more between keys (even a fast typist's key
roll-over rarely gives four keys in a row under 40 ms). So characters are held back
while they keep arriving faster than ``max_gap_ms``; a terminator after at least
``min_length`` such characters makes them a scan, anything else gives them back to be
delivered as typed (a held key costs a person at most ``max_gap_ms`` of delay).

The Qt side (``desktop/views/scan_filter.py``) feeds key presses in and acts on the verdicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Generic, TypeVar

MAX_GAP_MS = 40  # scanners: 1–15 ms per character; people: 80 ms and more
MIN_LENGTH = 4  # the shortest registration code is longer; fewer fast keys is a roll-over
END_GAP_MS = 120  # some scanners pause a little before the terminator
# A held key repeats only after the keyboard's delay: 250 ms at the shortest any desktop offers.
REPEAT_DELAY_MS = 200

T = TypeVar("T")  # whatever the caller needs to give a key back (a copy of the Qt event)


class Verdict(Enum):
    HOLD = "hold"  # keep the key: it may be part of a scan
    RELEASE = "release"  # not a scan: deliver what is returned, in order, as typed


@dataclass
class Step(Generic[T]):
    verdict: Verdict
    released: list[T] = field(default_factory=list)  # keys to deliver now, oldest first
    code: str | None = None  # a complete scan, when the terminator ended one


@dataclass
class BurstDetector(Generic[T]):
    """Feed every printable key with its time; act on the returned :class:`Step`."""

    max_gap_ms: float = MAX_GAP_MS
    min_length: int = MIN_LENGTH
    end_gap_ms: float = END_GAP_MS
    _chars: list[str] = field(default_factory=list)
    _keys: list[T] = field(default_factory=list)
    _last_ms: float | None = None

    @property
    def holding(self) -> bool:
        return bool(self._keys)

    @property
    def held_text(self) -> str:
        return "".join(self._chars)

    def _take(self) -> list[T]:
        keys = self._keys
        self._chars, self._keys, self._last_ms = [], [], None
        return keys

    def _fast(self, at_ms: float, limit: float) -> bool:
        # A clock that went backwards (two time sources mixed) is never taken for a scanner.
        return self._last_ms is not None and 0 <= at_ms - self._last_ms <= limit

    def character(self, char: str, key: T, at_ms: float) -> Step[T]:
        """A printable key. Slow after the previous one: the earlier keys are given back first."""
        released = [] if not self._keys or self._fast(at_ms, self.max_gap_ms) else self._take()
        self._chars.append(char)
        self._keys.append(key)
        self._last_ms = at_ms
        return Step(Verdict.HOLD, released)

    def ends_scan(self, at_ms: float) -> bool:
        """Would a terminator now end a scan? (Asked before shortcuts get the key.)"""
        return len(self._chars) >= self.min_length and self._fast(at_ms, self.end_gap_ms)

    def terminator(self, at_ms: float) -> Step[T]:
        """Enter or Tab. A scan when enough fast keys came just before it; else give them back."""
        if self.ends_scan(at_ms):
            code = self.held_text
            self._take()
            return Step(Verdict.HOLD, code=code)
        return Step(Verdict.RELEASE, self._take())

    def other_key(self) -> Step[T]:
        """Backspace, arrows, a shortcut …: whatever was held goes out before it."""
        return Step(Verdict.RELEASE, self._take())

    @property
    def wait_ms(self) -> float:
        """How long the caller waits for the next key before calling :meth:`quiet`."""
        return self.end_gap_ms if len(self._chars) >= self.min_length else self.max_gap_ms

    def quiet(self) -> Step[T]:
        """No key within :attr:`wait_ms`: not a scan (or one without terminator): give the keys back."""
        return Step(Verdict.RELEASE, self._take())


@dataclass
class KeyRepeats:
    """Which presses are a held key repeating, and which a new stroke of the same key.

    The platform calls a press an auto-repeat when it follows the release of the same key within the
    same millisecond. A scanner typing a doubled character ("IKM007") does exactly that when the UI
    thread finds both events already queued; a held key only repeats after the keyboard's delay.
    """

    repeat_delay_ms: float = REPEAT_DELAY_MS
    _key: int | None = None
    _at_ms: float = 0.0

    def repeated(self, key: int, at_ms: float, auto_repeat: bool) -> bool:
        """True for a held key's repeat; feed every key press (with the platform's flag)."""
        if auto_repeat and not (key == self._key and 0 <= at_ms - self._at_ms < self.repeat_delay_ms):
            return True
        self._key, self._at_ms = key, at_ms
        return False
