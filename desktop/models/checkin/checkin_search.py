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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.checkin.checkin import PERSON_COLUMNS, Person, code_candidates, present_since
from desktop.models.people.phone import phone_digits

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


def _digits(person: Person) -> str:
    """Phone as ``62812…`` and ``0812…``, and the code's digits, for digit-only queries."""
    digits = phone_digits(person.phone)
    local = "0" + digits[2:] if digits.startswith("62") else digits
    return " ".join((digits, local, re.sub(r"\D", "", person.code)))


def _without(lines: list[int], taken: list[int]) -> list[int]:
    if not taken:
        return lines
    chosen = set(taken)
    return [line for line in lines if line not in chosen]


class _Hits(Sequence[SearchHit]):
    """Every match, best first; a hit is made when it is looked at (thousands match "s")."""

    def __init__(self, people: list[Person], present: dict[int, dt.datetime], exact_id: int | None) -> None:
        self._people = people
        self._present = present
        self._exact_id = exact_id

    def __len__(self) -> int:
        return len(self._people)

    def _hit(self, person: Person) -> SearchHit:
        return SearchHit(person=person, present=person.id in self._present,
                         present_at=self._present.get(person.id), exact_code=person.id == self._exact_id)

    @overload
    def __getitem__(self, index: int) -> SearchHit: ...

    @overload
    def __getitem__(self, index: slice) -> list[SearchHit]: ...

    def __getitem__(self, index: int | slice) -> SearchHit | list[SearchHit]:
        if isinstance(index, slice):
            return [self._hit(person) for person in self._people[index]]
        return self._hit(self._people[index])


@dataclass(frozen=True)
class Matches:
    hits: Sequence[SearchHit]  # every match, best first
    total: int


class SearchIndex:
    """Participants and their presence, searchable without touching the database.

    All entries sit in one string, ordered by name, one line each; a query word is found
    with the C-speed ``str.find`` and mapped back to its line; every matching line is ranked,
    so nobody is hidden behind the first few and the count shown is the true one.
    """

    def __init__(self, people: list[Person], present: dict[int, dt.datetime]) -> None:
        # Everything folded once here, not per keystroke (ranking looks at every match).
        names = {p.id: fold(p.business_name) for p in people}
        self._people = sorted(people, key=lambda p: (names[p.id], p.code))
        self._spaced_names = [" " + names[p.id] for p in self._people]
        self._spaced_contacts = [" " + fold(p.contact_person) for p in self._people]
        self._codes = [p.code.lower() for p in self._people]
        self._code_digits = [re.sub(r"\D", "", p.code) for p in self._people]
        self._haystacks = [f"{code}{name}{contact}" for code, name, contact in
                           zip(self._codes, self._spaced_names, self._spaced_contacts, strict=True)]
        self._padded = [f" {h} " for h in self._haystacks]
        self._text = "\n" + "\n".join(self._padded) + "\n"
        self._text_starts = self._starts(self._padded)
        digit_lines = [_digits(p) for p in self._people]
        self._digit_lines = digit_lines
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

    def _matching(self, lines: list[str], haystack: str, starts: list[int], needle: str) -> list[int]:
        """Line numbers containing ``needle``: a common needle line by line (one ``in`` each), a rare
        one by jumping through the whole text with ``str.find`` (cheaper when few lines match)."""
        if haystack.count(needle, 0, len(haystack) // 8) * 8 > len(lines) // 16:
            return [number for number, line in enumerate(lines) if needle in line]
        return list(self._lines(haystack, starts, needle))

    def find(self, text: str) -> Matches:
        """Every participant matching ``text``, best first: the exact code, codes starting with it,
        then names starting with it, names, contacts, phone numbers, the rest; by name within each."""
        exact = self.by_code(text)
        words = fold(text).split()
        if not words:
            return Matches(_Hits([], self._present, None), 0)
        has_letters = any(ch.isalpha() for ch in text)
        digits = "" if has_letters else phone_digits(text)
        if len(digits) >= 3:
            lines = self._matching(self._digit_lines, self._digits, self._digit_starts, digits)
        else:
            # Scan for the longest word (fewest lines), check the others on those lines only.
            key = max(words, key=len)
            lines = self._matching(self._padded, self._text, self._text_starts, f" {key}")
            if len(words) > 1:
                haystacks = self._haystacks
                lines = [line for line in lines if all(f" {word}" in f" {haystacks[line]}" for word in words)]
        buckets = self._ranked(lines, " ".join(words), words, digits, exact)
        people = [self._people[line] for bucket in buckets for line in bucket]
        if exact is not None and (not people or people[0].id != exact.id):
            people = [exact, *(p for p in people if p.id != exact.id)]  # a scanner prefix: still first
        return Matches(_Hits(people, self._present, exact.id if exact is not None else None), len(people))

    def _ranked(self, lines: list[int], query: str, words: list[str], digits: str,
                exact: Person | None) -> list[list[int]]:
        """Lines in rank buckets (lines arrive in name order, so each bucket is by name already).

        0 the exact code · 1 a code starting with the query (in code order) · 2 a name starting
        with it · 3 every word starts a word of the name · 4 the contact's · 5 a phone number ·
        6 the words spread over name, contact and code. One comprehension per rank: this runs on every key."""
        exact_lines = [line for line in lines if self._people[line].id == exact.id] if exact is not None else []
        compact = query.replace(" ", "")
        codes, code_digits = self._codes, self._code_digits
        names, contacts = self._spaced_names, self._spaced_contacts
        spaced = [" " + word for word in words]
        head = " " + query
        rest = _without(lines, exact_lines)
        if digits:
            by_code = [line for line in rest if code_digits[line].startswith(digits)]
            return [exact_lines, sorted(by_code, key=codes.__getitem__), [], [], [], _without(rest, by_code), []]
        by_code = [line for line in rest if codes[line].startswith(compact)]
        rest = _without(rest, by_code)
        name_starts = [line for line in rest if names[line].startswith(head)]
        rest = _without(rest, name_starts)
        if len(spaced) == 1:  # the usual case, without all() per line
            word = spaced[0]
            in_name = [line for line in rest if word in names[line]]
            rest = _without(rest, in_name)
            in_contact = [line for line in rest if word in contacts[line]]
        else:
            in_name = [line for line in rest if all(w in names[line] for w in spaced)]
            rest = _without(rest, in_name)
            in_contact = [line for line in rest if all(w in contacts[line] for w in spaced)]
        rest = _without(rest, in_contact)
        return [exact_lines, sorted(by_code, key=codes.__getitem__), name_starts, in_name, in_contact, [], rest]

    def search(self, text: str, limit: int = 8) -> list[SearchHit]:
        """The best ``limit`` matches (see :meth:`find` for all of them and their number)."""
        return list(self.find(text).hits[:max(limit, 0)])


def search(session: Session, text: str, limit: int = 8) -> list[SearchHit]:
    """One-off search straight from the database (the desk page keeps a loaded index instead)."""
    return SearchIndex.load(session).search(text, limit)
