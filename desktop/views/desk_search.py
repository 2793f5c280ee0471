"""The Registrasi desk's search state, in plain Python (no Qt): what typing finds, what Enter takes.

The page hands in the scan field's text and shows what comes back; the rules for a scanner
(a whole code checks in at once) and for a person typing (Enter takes the highlighted match)
live here, testable without a window.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.i18n import _, ngettext
from desktop.models.checkin import checkin
from desktop.models.checkin.checkin import CheckInResult, Outcome
from desktop.models.checkin.checkin_search import SearchHit, SearchIndex
from desktop.models.event.live import PresenceChange


class DeskSearch:
    """The index of participants, the matches of the current text, and whether ↑/↓ moved the highlight."""

    def __init__(self) -> None:
        self.index: SearchIndex | None = None
        self.presence_mark = 0  # the last check-in event the index knows about
        self.hits: Sequence[SearchHit] = ()
        self.moved_highlight = False

    def typed(self, text: str) -> str:
        """Search for ``text``; returns the hint shown under the field."""
        self.moved_highlight = False
        matches = self.index.find(text) if self.index is not None and text.strip() else None
        self.hits = matches.hits if matches is not None else ()
        if not text.strip():
            return ""
        if not self.hits:
            return _("Tidak ada yang cocok. Enter untuk mencoba sebagai kode, Ctrl+N untuk walk-in.")
        return ngettext(
            "{count} cocok — Enter untuk check-in",
            "{count} cocok — Enter untuk yang disorot, ↑/↓ untuk memilih", len(self.hits)
        ).format(count=len(self.hits))

    def is_code(self, text: str) -> bool:
        """A scanner without Enter: after the pause, a known or code-shaped text checks in."""
        return (self.index is not None and self.index.by_code(text) is not None) or checkin.looks_like_code(text)

    def enter_target(self, text: str, highlighted: int) -> str | int | None:
        """What Enter checks in: the code typed, a match's participant id, or nothing for a blank."""
        if not text.strip():
            return None  # the second Enter of a scanner, or a stray one: nothing to do
        if self.index is not None and self.index.by_code(text) is not None:
            return text
        if self.hits and (self.moved_highlight or not checkin.looks_like_code(text)):
            # Enter takes the highlighted match; a whole code that is nobody's is not someone else's.
            return self.hits[max(0, highlighted)].person.id
        return text  # the database decides: new elsewhere, or a failed scan to log

    def name_of(self, participant_id: int) -> str:
        """The business name shown while a chosen match is checked in."""
        hit = next((h for h in self.hits if h.person.id == participant_id), None)
        return hit.person.business_name if hit else str(participant_id)

    def follow(self, changes: Iterable[PresenceChange]) -> None:
        """Presence from check-in events after the last one seen (this desk's or another's)."""
        if self.index is None:
            return
        for change in changes:
            if change.event_id > self.presence_mark:
                self.index.set_present(change.participant_id, change.present_since)
                self.presence_mark = change.event_id

    def note(self, result: CheckInResult) -> None:
        """This desk's own answer, known before the events come back."""
        if self.index is None or result.person is None:
            return
        if result.outcome in (Outcome.CHECKED_IN, Outcome.ALREADY):
            self.index.set_present(result.person.id, result.at)
        elif result.outcome is Outcome.UNDONE:
            self.index.set_present(result.person.id, None)


__all__ = ["DeskSearch"]
