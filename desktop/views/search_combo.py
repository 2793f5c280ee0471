"""A combo box that finds its item from any typed words (``wan`` → *Sepatu wanita*).

Qt's own type-ahead only matches the start of an item and opens the popup on Space, which
at a fast table picks the wrong product. Here letters and spaces build a search; the
first item containing every typed word is taken; a pause of a second starts a new search.
F4 or Alt+Down still open the list.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

RESET_SECONDS = 1.0


class SearchCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._last_key = 0.0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if event.key() == Qt.Key.Key_Backspace and self._typed:
            self._search(self._typed[:-1])
            return
        if text and text.isprintable() and not modifiers:
            now = time.monotonic()
            typed = self._typed if now - self._last_key < RESET_SECONDS else ""
            self._last_key = now
            self._search(typed + text)
            return
        super().keyPressEvent(event)

    def _search(self, typed: str) -> None:
        self._typed = typed
        words = typed.lower().split()
        if not words:
            return
        for index in range(self.count()):
            if all(word in self.itemText(index).lower() for word in words):
                self.setCurrentIndex(index)
                return

    def focusOutEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._typed = ""
        super().focusOutEvent(event)
