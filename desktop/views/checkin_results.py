"""The desk's search results: every match reachable through a fixed window of cards.

A fixed pool of cards is refilled on each keystroke (creating widgets per key is too slow) and
always takes the same room, so nothing on the page moves while typing. ↑/↓ move the highlight
through all matches, the window follows; the wheel and "… dan N lainnya" page through them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.i18n import ngettext
from desktop.models.checkin.checkin_search import SearchHit
from desktop.views.checkin_widgets import ResultCard

VISIBLE_CARDS = 6  # fits under the answer panel at 1366×768


class SearchResults(QWidget):
    check_in_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: Sequence[SearchHit] = ()
        self.offset = 0  # the first match shown
        self.current_row = -1  # the highlighted match, an index into all hits
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.cards: list[ResultCard] = []
        for _number in range(VISIBLE_CARDS):
            card = ResultCard()
            card.check_in_clicked.connect(self.check_in_clicked.emit)
            policy = card.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # an empty slot keeps its room: the page never jumps
            card.setSizePolicy(policy)
            card.hide()
            layout.addWidget(card)
            self.cards.append(card)
        self.more_button = QPushButton()
        self.more_button.setFlat(True)
        self.more_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more_button.clicked.connect(lambda: self.move(VISIBLE_CARDS))
        policy = self.more_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.more_button.setSizePolicy(policy)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        # Ignored across: a long name must not widen the column and squeeze the missing list beside it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fill()

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.hits = hits
        self.offset = 0
        self.current_row = 0 if hits else -1
        self._fill()

    def current_hit(self) -> SearchHit | None:
        return self.hits[self.current_row] if 0 <= self.current_row < len(self.hits) else None

    def visible_hits(self) -> list[SearchHit]:
        return list(self.hits[self.offset:self.offset + VISIBLE_CARDS])

    def move(self, step: int) -> None:
        if not self.hits:
            return
        self.current_row = max(0, min(len(self.hits) - 1, self.current_row + step))
        if self.current_row < self.offset:
            self.offset = self.current_row
        elif self.current_row >= self.offset + VISIBLE_CARDS:
            self.offset = self.current_row - VISIBLE_CARDS + 1
        self._fill()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.move(-1 if event.angleDelta().y() > 0 else 1)
        event.accept()

    def _fill(self) -> None:
        for number, card in enumerate(self.cards):
            row = self.offset + number
            if row < len(self.hits):
                card.set_hit(self.hits[row])
                card.set_highlighted(row == self.current_row)
                card.show()
            else:
                card.hide()
        below = len(self.hits) - self.offset - VISIBLE_CARDS
        self.more_button.setVisible(below > 0)
        if below > 0:
            self.more_button.setText(ngettext("… dan {count} lainnya (↓)", "… dan {count} lainnya (↓)", below)
                                     .format(count=below))
