"""The schedule board on screen: the grid and its painted meeting cards.

Each card shows the two names in their kind colours (or, under a table's host, the whole
visitor name on two lines), the status fill, a lock mark, and the at-risk and running edges.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.models.schedule.board import MeetingCard
from desktop.models.enums import MeetingStatus
from desktop.views.name_fitting import short_name
from desktop.views.schedule_board import (
    AT_RISK_ROLE,
    CARD_ROLE,
    DIM_ROLE,
    PAST_ROLE,
    PEOPLE,
    RUNNING_COLOUR,
    RUNNING_ROLE,
    TABLES,
    BoardModel,
    kind_colour,
)

STATUS_FILL = {
    MeetingStatus.SCHEDULED.value: "#ffffff",
    MeetingStatus.HELD.value: "#dff3e6",
    MeetingStatus.NO_SHOW.value: "#fbe1e1",
}
RISK_COLOUR = "#d97706"  # amber dashed border: at risk, not (yet) cancelled


def two_lines(text: str, metrics: QFontMetrics, width: int) -> tuple[str, str]:
    """Break ``text`` at a word so the first line fits ``width``; the second is elided later."""
    words = text.split()
    first = ""
    while words and metrics.horizontalAdvance((first + " " + words[0]).strip()) <= width:
        first = (first + " " + words.pop(0)).strip()
    if not first:  # one long word: let elision cut it
        return text, ""
    return first, " ".join(words)


class CardDelegate(QStyledItemDelegate):
    """Paints a meeting card: two names in their kind colours, status fill, lock mark."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        painter.save()
        rect = option.rect.adjusted(1, 1, -1, -1)
        past = bool(index.data(PAST_ROLE))
        dim = bool(index.data(DIM_ROLE))
        card: MeetingCard | None = index.data(CARD_ROLE)
        running = bool(index.data(RUNNING_ROLE))
        painter.fillRect(option.rect, QColor("#eceef1") if past else QColor("#fff7ed") if running else QColor("#f8f9fb"))
        if card is not None:
            self._card(painter, rect, card, index, past, dim)
        if running:  # the slot under way: an orange edge along its row
            painter.fillRect(QRect(option.rect.left(), option.rect.top(), option.rect.width(), 2), QColor(RUNNING_COLOUR))
        if option.state & QStyle.StateFlag.State_Selected:
            # A frame only: the card under it stays readable (the brush of the card or its padlock
            # must not fill it, or the selected meeting looks gone).
            painter.setOpacity(1.0)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor("#1d4e89"), 2))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        painter.restore()

    def _card(self, painter: QPainter, rect: QRect, card: MeetingCard, index: QModelIndex, past: bool, dim: bool) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fill = QColor(STATUS_FILL.get(card.status, "#ffffff"))
        if past and card.status == MeetingStatus.SCHEDULED.value:
            fill = QColor("#e4e7ec")  # over, not marked: greyed like its row
        if dim:
            painter.setOpacity(0.3)
        painter.setPen(QPen(QColor("#b8bec8"), 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 3, 3)
        if index.data(AT_RISK_ROLE):
            painter.setPen(QPen(QColor(RISK_COLOUR), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 3, 3)
        model = index.model()
        people_view = isinstance(model, BoardModel) and model.mode == PEOPLE
        font = QFont(painter.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1.5))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        stripe = 4
        inner = rect.adjusted(stripe + 3, 1, -3, -1)
        half = inner.height() // 2
        host_id = model.host_of(index) if isinstance(model, BoardModel) else None
        if people_view:
            assert isinstance(model, BoardModel)
            person = model.person_at(index.row())
            other = card.other(person.id)
            table = model.board.table(card.table_id) if model.board else None
            lines = [(other, short_name(other.name)), (None, table.label if table else "")]
        elif host_id is not None and card.involves(host_id):
            # The header names the host: the card gives the whole visitor name, on two lines.
            visitor = card.other(host_id)
            first, second = two_lines(short_name(visitor.name), metrics, inner.width() - (10 if card.locked else 0))
            lines = [(visitor, first), (visitor, second)]
        else:
            lines = [(card.a, short_name(card.a.name)), (card.b, short_name(card.b.name))]
        for number, (side, text) in enumerate(lines):
            top = inner.top() + number * half
            if side is not None:
                colour = kind_colour(side.kind)
                painter.fillRect(QRect(rect.left() + 1, top + 1, stripe, half - 1), colour)
                painter.setPen(colour.darker(130) if not past else QColor("#666666"))
            else:
                painter.setPen(QColor("#444444"))
            width = inner.width() - (10 if number == 0 and card.locked else 0)
            painter.drawText(QRect(inner.left(), top, width, half), int(Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
        if card.locked:
            self._lock(painter, QRect(rect.right() - 10, rect.top() + 2, 8, 9))
        if card.status == MeetingStatus.NO_SHOW.value:
            painter.setPen(QPen(QColor("#a11d2b"), 1))
            painter.drawLine(rect.left() + 2, rect.bottom() - 2, rect.right() - 2, rect.top() + 2)
        painter.setOpacity(1.0)

    @staticmethod
    def _lock(painter: QPainter, box: QRect) -> None:
        """A small padlock (drawn, so no font needs the glyph)."""
        painter.setPen(QPen(QColor("#333333"), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRect(box.left() + 1, box.top(), box.width() - 2, box.height() - 2), 0, 180 * 16)
        painter.setBrush(QColor("#333333"))
        painter.drawRect(QRect(box.left(), box.top() + box.height() // 2, box.width(), box.height() // 2))

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(72, 34)


class BoardView(QTableView):
    """The grid: cells stretch to fill the page (15 × 15 fits a 1366 × 768 screen)."""

    def __init__(self, model: BoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDragDropOverwriteMode(True)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setMouseTracking(True)
        self.apply_mode(TABLES)
        self.horizontalHeader().sectionResized.connect(lambda *_args: self._header_geometry())

    def _header_geometry(self) -> None:
        header, model = self.horizontalHeader(), self.model()
        if isinstance(model, BoardModel) and header.count():
            width = min(header.sectionSize(column) for column in range(header.count()))
            model.set_header_geometry(width, QFontMetrics(header.font()))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._header_geometry()

    def apply_mode(self, mode: str) -> None:
        horizontal, vertical = self.horizontalHeader(), self.verticalHeader()
        horizontal.setMinimumSectionSize(56)
        vertical.setMinimumSectionSize(30)
        vertical.setDefaultSectionSize(34)
        if mode == TABLES:
            horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            vertical.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        else:
            horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        font = QFont(horizontal.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        horizontal.setFont(font)
        vertical.setFont(font)


__all__ = ["BoardView", "CardDelegate", "two_lines"]
