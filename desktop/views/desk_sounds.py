"""Distinct sounds for the desk, so staff hear the answer without looking.

Short tones are written once as WAV files and played with Qt Multimedia. Where Qt
Multimedia cannot load (e.g. no PulseAudio library), the system beep is used instead,
repeated to keep the outcomes apart: one beep = checked in, two = already, three = unknown.
"""

from __future__ import annotations

import logging
import math
import struct
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl
from PySide6.QtWidgets import QApplication

from desktop.models.checkin.checkin import Outcome

log = logging.getLogger(__name__)
RATE = 22_050

# (frequency Hz, milliseconds) per tone: rising = good, two equal = "already", low = problem.
_TONES: dict[Outcome, list[tuple[int, int]]] = {
    Outcome.CHECKED_IN: [(880, 90), (1320, 140)],
    Outcome.ALREADY: [(660, 110), (0, 60), (660, 110)],
    Outcome.UNKNOWN: [(220, 350)],
    Outcome.UNDONE: [(990, 90), (660, 140)],
    Outcome.NOT_PRESENT: [(440, 120)],
}
_BEEPS = {Outcome.CHECKED_IN: 1, Outcome.ALREADY: 2, Outcome.UNKNOWN: 3, Outcome.UNDONE: 1, Outcome.NOT_PRESENT: 1}


def _write_wav(path: Path, tones: list[tuple[int, int]]) -> None:
    frames = bytearray()
    for frequency, millis in tones:
        count = RATE * millis // 1000
        for i in range(count):
            fade = min(1.0, i / 200, (count - i) / 200)  # no clicks at the edges
            value = math.sin(2 * math.pi * frequency * i / RATE) * 0.4 * fade if frequency else 0.0
            frames += struct.pack("<h", int(value * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


class DeskSounds(QObject):
    """``play(outcome)``; ``last`` remembers what was played (for tests and the curious)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last: Outcome | None = None
        self.enabled = True
        self._effects: dict[Outcome, QObject] = {}
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except Exception as error:  # ImportError, or OSError from a missing audio library
            log.info("Qt Multimedia tidak tersedia, memakai bunyi sistem: %s", error)
            return
        self._folder = tempfile.TemporaryDirectory(prefix="temudesk-sounds-")
        for outcome, tones in _TONES.items():
            path = Path(self._folder.name) / f"{outcome.value}.wav"
            _write_wav(path, tones)
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[outcome] = effect

    @property
    def uses_multimedia(self) -> bool:
        return bool(self._effects)

    def play(self, outcome: Outcome) -> None:
        self.last = outcome
        if not self.enabled:
            return
        effect = self._effects.get(outcome)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]
            return
        for number in range(_BEEPS.get(outcome, 1)):
            QTimer.singleShot(number * 180, QApplication.beep)
