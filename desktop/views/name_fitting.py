"""Fitting a business name into a few short lines (board headers at 1366 × 768).

Pure text logic with the width measure passed in, so it is tested without a font:
1. the legal form goes (``PT``, ``CV.``, ``UD``, ``Toko``, ``Koperasi``): it tells nobody apart;
2. the words are laid out greedily over ``lines`` lines;
3. if they do not fit, words are shortened to their initial ("Nusantara" → "N."), the last words
   first and never the first word (the one people say);
4. only then is the last line elided with "…".
The full name stays available on hover.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_PREFIX = re.compile(r"^(PT|CV|UD|Toko|Koperasi)\.?\s+", re.IGNORECASE)
ELLIPSIS = "…"


def short_name(name: str) -> str:
    """``CV. Sumber Makmur Shoes`` → ``Sumber Makmur Shoes``: the words that tell people apart."""
    return _PREFIX.sub("", name.strip()) or name.strip()


def _lay_out(words: list[str], measure: Callable[[str], int], width: int, lines: int) -> list[str] | None:
    """Greedy lines, or None when the words need more than ``lines`` lines (or one word is too wide)."""
    result: list[str] = []
    for word in words:
        if measure(word) > width:
            return None
        if result and measure(result[-1] + " " + word) <= width:
            result[-1] += " " + word
        else:
            result.append(word)
            if len(result) > lines:
                return None
    return result


def _elide(text: str, measure: Callable[[str], int], width: int) -> str:
    if measure(text) <= width:
        return text
    while text and measure(text + ELLIPSIS) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def _initial(word: str) -> str:
    """``Nusantara`` → ``N.``; ``(Aprisindo)`` → ``A.``; a word of signs only (``&``, ``-``) goes."""
    letters = [char for char in word if char.isalnum()]
    if not letters:
        return ""
    return word if len(letters) <= 2 else letters[0] + "."


def fit_name(name: str, measure: Callable[[str], int], width: int, lines: int = 2) -> list[str]:
    """At most ``lines`` lines of ``name`` each no wider than ``width`` (see the module text)."""
    words = short_name(name).split()
    if not words:
        return []
    laid = _lay_out(words, measure, width, lines)
    shortened = list(words)
    for position in range(len(words) - 1, 0, -1):  # last word first, the first word never
        if laid is not None:
            return laid
        shortened[position] = _initial(shortened[position])
        laid = _lay_out([word for word in shortened if word], measure, width, lines)
    if laid is not None:
        return laid
    # Still too long: fill the lines word by word and elide what is left on the last one.
    result: list[str] = []
    for word in words:
        if result and measure(result[-1] + " " + word) <= width:
            result[-1] += " " + word
        elif len(result) < lines:
            result.append(word)
        else:
            result[-1] += " " + word
    return [_elide(line, measure, width) for line in result[:lines]]
