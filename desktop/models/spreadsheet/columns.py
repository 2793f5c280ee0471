"""Which column holds what: field definitions, header spellings, and guessing the mapping.

Headers are compared after :func:`normalise_header` (lower case, letters and digits only),
so ``No. HP/WA``, ``NO HP / WA`` and ``nohp-wa`` are the same. A header matches a field
exactly, by its start, or (for longer spellings) by containing it; each column serves
one field and the strongest matches win.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.i18n import _

Mapping = dict[str, int]  # field key → column index


@dataclass(frozen=True)
class Field:
    key: str
    caption: str  # Indonesian, marked with N_(); also the export header
    aliases: tuple[str, ...]  # spellings seen in Indonesian and English sheets
    required: bool = False
    loose: bool = True  # may match a header that merely starts with / contains an alias

    def spellings(self) -> set[str]:
        return {normalise_header(text) for text in (self.caption, _(self.caption), *self.aliases)}


def normalise_header(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", (text or "").lower())


def _match_score(header: str, field: Field) -> int:
    if not header:
        return 0
    best = 0
    for alias in field.spellings():
        if not alias:
            continue
        if header == alias:
            return 3
        if not field.loose:
            continue
        if len(alias) >= 2 and header.startswith(alias):
            best = max(best, 2)
        elif len(alias) >= 4 and alias in header:
            best = max(best, 1)
    return best


@dataclass(frozen=True)
class ColumnGuess:
    """The mapping, and for each field whose column is only a guess the reason, ready to show."""

    mapping: Mapping
    guesses: dict[str, str] = field(default_factory=dict)


def guess_columns(headers: Sequence[str], fields: Sequence[Field]) -> ColumnGuess:
    """:func:`guess_mapping`, marking every field whose header only starts with or contains a spelling."""
    scores = _scored_mapping(headers, fields)
    captions = {item.key: item.caption for item in fields}
    guesses = {
        key: _("judul kolom \"{header}\" hanya mirip \"{field}\"").format(header=headers[column], field=_(captions[key]))
        for key, (column, score) in scores.items() if score < 3
    }
    return ColumnGuess({key: column for key, (column, _score) in scores.items()}, guesses)


def guess_mapping(headers: Sequence[str], fields: Sequence[Field]) -> Mapping:
    """Field → column for every field some header plausibly names; each column used once."""
    return {key: column for key, (column, _score) in _scored_mapping(headers, fields).items()}


def _scored_mapping(headers: Sequence[str], fields: Sequence[Field]) -> dict[str, tuple[int, int]]:
    normalised = [normalise_header(text) for text in headers]
    candidates = [
        (score, -column, -order, field.key, column)
        for order, field in enumerate(fields)
        for column, header in enumerate(normalised)
        if (score := _match_score(header, field))
    ]
    mapping: dict[str, tuple[int, int]] = {}
    used: set[int] = set()
    for score, _column, _order, key, column in sorted(candidates, reverse=True):
        if key not in mapping and column not in used:
            mapping[key] = (column, score)
            used.add(column)
    return mapping


def header_score(fields: Sequence[Field]):  # type: ignore[no-untyped-def]
    """A scorer for the reader: how many distinct fields a candidate header row names."""

    def score(headers: Sequence[str]) -> int:
        return len(guess_mapping(headers, fields))

    return score


def missing_required(mapping: Mapping, fields: Sequence[Field]) -> list[Field]:
    return [field for field in fields if field.required and field.key not in mapping]
