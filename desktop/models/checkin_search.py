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
from bisect import bisect_right
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.checkin import PERSON_COLUMNS, Person, code_candidates, present_since
from desktop.models.phone import phone_digits

_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase ASCII words: accents dropped, apostrophes removed, punctuation as spaces."""
    text = text or ""
    if text.isascii():  # most names: no decomposition needed (keeps a 10,000-name reload short)
        plain = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", plain)).strip()


@dataclass(frozen=True)
class SearchHit:
    person: Person
    present: bool
    present_at: dt.datetime | None
    exact_code: bool


def _haystack(person: Person) -> str:
    return " ".join((person.code.lower(), fold(person.business_name), fold(person.contact_person)))


def _digits(person: Person) -> str:
    """Phone as ``62812…`` and ``0812…``, and the code's digits, for digit-only queries."""
    digits = phone_digits(person.phone)
    local = "0" + digits[2:] if digits.startswith("62") else digits
    return " ".join((digits, local, re.sub(r"\D", "", person.code)))


@dataclass(frozen=True)
class Matches:
    hits: tuple[SearchHit, ...]  # every match, best first
    total: int


class SearchIndex:
    """Participants and their presence, searchable without touching the database.

    All entries sit in one string, ordered by name, one line each; a query word is found
    with the C-speed ``str.find`` and mapped back to its line; every matching line is ranked,
    so nobody is hidden behind the first few and the count shown is the true one.
    """

    def __init__(self, people: list[Person], present: dict[int, dt.datetime]) -> None:
        self._people = sorted(people, key=lambda p: (fold(p.business_name), p.code))
        self._haystacks = [_haystack(p) for p in self._people]
        self._text = "\n" + "\n".join(f" {h} " for h in self._haystacks) + "\n"
        self._text_starts = self._starts([f" {h} " for h in self._haystacks])
        digit_lines = [_digits(p) for p in self._people]
        self._digits = "\n" + "\n".join(digit_lines) + "\n"
        self._digit_starts = self._starts(digit_lines)
        self._by_code = {person.code: person for person in self._people}
        self._present = dict(present)

    @staticmethod
    def _starts(lines: list[str]) -> list[int]:
        starts, offset = [], 1
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1
        return starts

    @classmethod
    def load(cls, session: Session) -> SearchIndex:
        people = [Person(*row) for row in session.execute(select(*PERSON_COLUMNS))]
        return cls(people, present_since(session))

    def __len__(self) -> int:
        return len(self._people)

    def by_code(self, text: str) -> Person | None:
        """The participant whose registration code the input is (scanner prefixes tolerated)."""
        for code in code_candidates(text):
            person = self._by_code.get(code)
            if person is not None:
                return person
        return None

    def set_present(self, participant_id: int, at: dt.datetime | None) -> None:
        """Keep presence marks current after this desk's own check-in or undo."""
        if at is None:
            self._present.pop(participant_id, None)
        else:
            self._present[participant_id] = at

    def is_present(self, participant_id: int) -> bool:
        return participant_id in self._present

    def _lines(self, haystack: str, starts: list[int], needle: str):  # type: ignore[no-untyped-def]
        """Line numbers containing ``needle``, in order, each once, lazily."""
        position, last = haystack.find(needle), -1
        while position != -1:
            line = bisect_right(starts, position) - 1
            if line != last:
                yield line
                last = line
            position = haystack.find(needle, starts[line + 1] if line + 1 < len(starts) else len(haystack))

    def find(self, text: str) -> Matches:
        """Every participant matching ``text``, best first: the exact code, codes starting with it,
        then names, contacts and phone numbers (word starts before the rest), then by name."""
        exact = self.by_code(text)
        words = fold(text).split()
        if not words:
            return Matches((), 0)
        has_letters = any(ch.isalpha() for ch in text)
        digits = "" if has_letters else phone_digits(text)
        if len(digits) >= 3:
            lines = self._lines(self._digits, self._digit_starts, digits)
        else:
            # Scan for the longest word (fewest lines), check the others on those lines only.
            key = max(words, key=len)
            lines = (
                line for line in self._lines(self._text, self._text_starts, f" {key}")
                if all(f" {word}" in f" {self._haystacks[line]}" for word in words)
            )
        query = " ".join(words)
        ranked = []
        for line in lines:
            rank = self._rank(line, query, words, digits, exact)
            ranked.append((rank, self._people[line].code if rank <= 1 else "", line))  # codes in code order
        ranked.sort()
        people = [self._people[line] for _rank, _code, line in ranked]
        if exact is not None and (not people or people[0].id != exact.id):
            people = [exact, *(p for p in people if p.id != exact.id)]  # a scanner prefix: still first
        hits = tuple(
            SearchHit(person=p, present=p.id in self._present, present_at=self._present.get(p.id),
                      exact_code=exact is not None and p.id == exact.id)
            for p in people
        )
        return Matches(hits, len(hits))

    def _rank(self, line: int, query: str, words: list[str], digits: str, exact: Person | None) -> int:
        person = self._people[line]
        if exact is not None and person.id == exact.id:
            return 0
        code = person.code.lower()
        compact = query.replace(" ", "")
        if code.startswith(compact) or (digits and re.sub(r"\D", "", code).startswith(digits)):
            return 1
        if digits:
            return 5  # a phone number
        name = fold(person.business_name)
        if name.startswith(query):
            return 2
        name_words = f" {name}"
        if all(f" {word}" in name_words for word in words):
            return 3
        contact = fold(person.contact_person)
        if contact.startswith(query) or all(f" {word}" in f" {contact}" for word in words):
            return 4
        return 6  # the words spread over name, contact and code

    def search(self, text: str, limit: int = 8) -> list[SearchHit]:
        """The best ``limit`` matches (see :meth:`find` for all of them and their number)."""
        return list(self.find(text).hits[:max(limit, 0)])


def search(session: Session, text: str, limit: int = 8) -> list[SearchHit]:
    """One-off search straight from the database (the desk page keeps a loaded index instead)."""
    return SearchIndex.load(session).search(text, limit)
