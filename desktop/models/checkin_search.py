"""Search-as-you-type for the desk: an in-memory index of participants and who is present.

The desk searches on every keystroke, so the index lives in memory (loaded once in the
background, refreshed when participants or check-ins change) and a search is a plain
scan over pre-folded strings: accents, apostrophes and case do not matter
("maruf" finds "UD. Ma'ruf", "rene" finds "Réné"). Phone digits match in either
``0812…`` or ``62812…`` form. The database stays the authority: a check-in always
asks it, so a stale index can only show a stale presence mark, never check in twice.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.checkin import Person, code_candidates
from desktop.models.orm import Participant
from desktop.models.phone import phone_digits
from desktop.models.presence import presence_map

_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase ASCII words: accents dropped, apostrophes removed, punctuation as spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", plain)).strip()


@dataclass(frozen=True)
class SearchHit:
    person: Person
    present: bool
    present_at: dt.datetime | None
    exact_code: bool


@dataclass(frozen=True)
class _Entry:
    person: Person
    haystack: str
    name: str
    phones: tuple[str, ...]


def _entry(person: Person) -> _Entry:
    digits = phone_digits(person.phone)
    local = "0" + digits[2:] if digits.startswith("62") else digits
    haystack = " ".join((person.code.lower(), fold(person.business_name), fold(person.contact_person)))
    return _Entry(person, f" {haystack} ", fold(person.business_name), (digits, local) if digits else ())


class SearchIndex:
    """Participants and their presence, searchable without touching the database."""

    def __init__(self, people: list[Person], present: dict[int, dt.datetime]) -> None:
        self._entries = [_entry(person) for person in people]
        self._by_code = {entry.person.code: entry for entry in self._entries}
        self._present = dict(present)

    @classmethod
    def load(cls, session: Session) -> SearchIndex:
        from desktop.models.checkin import person_of

        people = [person_of(p) for p in session.scalars(select(Participant).order_by(Participant.business_name))]
        present = {pid: item.at for pid, item in presence_map(session).items() if item.present}
        return cls(people, present)

    def __len__(self) -> int:
        return len(self._entries)

    def by_code(self, text: str) -> Person | None:
        """The participant whose registration code the input is (scanner prefixes tolerated)."""
        for code in code_candidates(text):
            entry = self._by_code.get(code)
            if entry is not None:
                return entry.person
        return None

    def set_present(self, participant_id: int, at: dt.datetime | None) -> None:
        """Keep presence marks current after this desk's own check-in or undo."""
        if at is None:
            self._present.pop(participant_id, None)
        else:
            self._present[participant_id] = at

    def is_present(self, participant_id: int) -> bool:
        return participant_id in self._present

    def search(self, text: str, limit: int = 8) -> list[SearchHit]:
        exact = self.by_code(text)
        words = fold(text).split()
        if not words:
            return []
        has_letters = any(ch.isalpha() for ch in text)
        digits = "" if has_letters else phone_digits(text)
        found: list[tuple[tuple[int, str], _Entry]] = []
        for entry in self._entries:
            code = entry.person.code.lower()
            if all(f" {word}" in entry.haystack or word in code for word in words) or (
                len(digits) >= 3 and any(digits in phone for phone in entry.phones)
            ):
                rank = 0 if exact is not None and entry.person.id == exact.id else (
                    1 if entry.name.startswith(words[0]) else 2
                )
                found.append(((rank, entry.name), entry))
        found.sort(key=lambda item: item[0])
        return [
            SearchHit(
                person=entry.person,
                present=entry.person.id in self._present,
                present_at=self._present.get(entry.person.id),
                exact_code=exact is not None and entry.person.id == exact.id,
            )
            for _key, entry in found[:limit]
        ]


def search(session: Session, text: str, limit: int = 8) -> list[SearchHit]:
    """One-off search straight from the database (the desk page keeps a loaded index instead)."""
    return SearchIndex.load(session).search(text, limit)
