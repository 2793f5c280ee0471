"""The schedule board's model: slots × tables (or participants × slots), one meeting card per cell.

The model holds the plain :class:`~desktop.models.schedule.board.Board`; a drop on a cell only
*asks* for the move (``move_requested``): the page calls the service, which may refuse.
The painted cards and the grid widget are in :mod:`desktop.views.board_view`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics

from desktop import formatting
from desktop.i18n import _
from desktop.models.schedule.board import Board, BoardSlot, MeetingCard, at_risk, has_started, is_past
from desktop.models.enums import KIND_COLOURS, MeetingStatus, ParticipantKind, SessionWish, label
from desktop.views.name_fitting import fit_name, short_name

MIME = "application/x-temudesk-meeting"
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
PAST_ROLE = Qt.ItemDataRole.UserRole + 2
DIM_ROLE = Qt.ItemDataRole.UserRole + 3
CELL_ROLE = Qt.ItemDataRole.UserRole + 4  # (slot id, table id) in the tables view
AT_RISK_ROLE = Qt.ItemDataRole.UserRole + 5  # a meeting to come whose side has not checked in (board.at_risk)

TABLES, PEOPLE = "tables", "people"
RUNNING_ROLE = Qt.ItemDataRole.UserRole + 6  # the cell's slot is running now
RUNNING_COLOUR = "#d97706"  # the running slot's mark (header and cell edge)

_Index = QModelIndex | QPersistentModelIndex


def kind_colour(kind: str) -> QColor:
    try:
        return QColor(KIND_COLOURS[ParticipantKind(kind)])
    except ValueError:
        return QColor("#555555")


def card_details(card: MeetingCard, where: str) -> str:
    """The hover text: everything about one meeting."""
    lines = [
        where,
        f"{card.a.code} — {card.a.name} ({label(card.a.kind, ParticipantKind)})"
        + (" ✓" if card.a.present else ""),
        f"{card.b.code} — {card.b.name} ({label(card.b.kind, ParticipantKind)})"
        + (" ✓" if card.b.present else ""),
        _("Status: {status}").format(status=label(card.status, MeetingStatus))
        + (" · " + _("dikunci") if card.locked else ""),
        _("Prioritas {priority} · sesi {wish}").format(priority=card.priority, wish=label(card.session_wish, SessionWish)),
    ]
    if card.orders:
        lines.append(_("Pesanan tercatat: {count}").format(count=card.orders))
    if card.note:
        lines.append(_("Catatan: {note}").format(note=card.note))
    return "\n".join(lines)


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


RISK_MARK = "⚠ "  # a meeting still to come whose side has not checked in
HEADER_LINES = 2  # host name lines under the table label


class BoardModel(QAbstractTableModel):
    move_requested = Signal(int, int, int)  # meeting id, slot id, table id

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.board: Board | None = None
        self.mode = TABLES
        self.moment = dt.datetime.min
        self.focus_id: int | None = None
        # Width and font of the table headers, set by the view, so host names are fitted to them.
        self.header_width = 0
        self.header_metrics: QFontMetrics | None = None
        self._cells: dict[tuple[int, int], MeetingCard] = {}  # (slot, table) → card
        self._person_cells: dict[tuple[int, int], MeetingCard] = {}  # (person, slot) → card
        self._people: list[Any] = []

    # ---- data in -------------------------------------------------------------------------
    def set_board(self, board: Board, moment: dt.datetime) -> None:
        self.beginResetModel()
        self.board, self.moment = board, moment
        self._cells = {(card.slot_id, card.table_id): card for card in board.meetings}
        self._person_cells = {}
        for card in board.meetings:
            self._person_cells[(card.a.participant_id, card.slot_id)] = card
            self._person_cells[(card.b.participant_id, card.slot_id)] = card
        with_meetings = {pid for pid, _slot in self._person_cells}
        self._people = [p for p in board.people if p.id in with_meetings]
        self.endResetModel()

    def set_mode(self, mode: str) -> None:
        self.beginResetModel()
        self.mode = mode
        self.endResetModel()

    def set_focus(self, participant_id: int | None) -> None:
        self.focus_id = participant_id
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def set_header_geometry(self, width: int, metrics: QFontMetrics) -> None:
        if width != self.header_width:
            self.header_width, self.header_metrics = width, metrics
            if self.mode == TABLES and self.columnCount():
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def is_running(self, slot: BoardSlot) -> bool:
        """The slot under way now (started, not over)."""
        assert self.board is not None
        return has_started(slot, self.board.event_date, self.moment) and not is_past(slot, self.board.event_date, self.moment)

    def host_lines(self, host_name: str) -> list[str]:
        """The host's name fitted to the header's width on two lines (full name on hover)."""
        metrics, width = self.header_metrics, self.header_width - 6
        if metrics is None or width <= 0:
            return [_clip(short_name(host_name), 11)] if host_name else []
        return fit_name(host_name, metrics.horizontalAdvance, width, HEADER_LINES)

    # ---- lookups -------------------------------------------------------------------------
    def person_at(self, row: int) -> Any:
        """The participant of a row of the people view."""
        return self._people[row]

    def slot_at(self, index: _Index) -> BoardSlot | None:
        if self.board is None or not index.isValid():
            return None
        position = index.row() if self.mode == TABLES else index.column()
        return self.board.slots[position] if 0 <= position < len(self.board.slots) else None

    def cell_at(self, index: _Index) -> tuple[int, int] | None:
        """(slot id, table id) of a cell of the tables view."""
        if self.board is None or self.mode != TABLES or not index.isValid():
            return None
        return self.board.slots[index.row()].id, self.board.tables[index.column()].id

    def card_at(self, index: _Index) -> MeetingCard | None:
        if self.board is None or not index.isValid():
            return None
        if self.mode == TABLES:
            cell = self.cell_at(index)
            return self._cells.get(cell) if cell else None
        person = self._people[index.row()]
        return self._person_cells.get((person.id, self.board.slots[index.column()].id))

    def index_of_cell(self, slot_id: int, table_id: int) -> QModelIndex:
        assert self.board is not None and self.mode == TABLES
        row = next(i for i, slot in enumerate(self.board.slots) if slot.id == slot_id)
        column = next(i for i, table in enumerate(self.board.tables) if table.id == table_id)
        return self.index(row, column)

    def index_of_meeting(self, meeting_id: int) -> QModelIndex:
        card = next((c for c in self.board.meetings if c.id == meeting_id), None) if self.board else None
        return self.index_of_cell(card.slot_id, card.table_id) if card else QModelIndex()

    def host_of(self, index: _Index) -> int | None:
        """The participant who hosts the table of a cell (tables view)."""
        if self.board is None or self.mode != TABLES or not index.isValid():
            return None
        return self.board.tables[index.column()].host_id

    def where(self, card: MeetingCard) -> str:
        assert self.board is not None
        slot, table = self.board.slot(card.slot_id), self.board.table(card.table_id)
        return _("{table} · {slot}").format(table=table.label if table else "?", slot=slot.title if slot else "?")

    # ---- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.board is None:
            return 0
        return len(self.board.slots) if self.mode == TABLES else len(self._people)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.board is None:
            return 0
        return len(self.board.tables) if self.mode == TABLES else len(self.board.slots)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.board is None:
            return None
        slots_across = self.mode == PEOPLE
        if role == Qt.ItemDataRole.DisplayRole:
            if (orientation == Qt.Orientation.Vertical) != slots_across:
                if not 0 <= section < len(self.board.slots):
                    return None
                slot = self.board.slots[section]
                mark = "▶ " if self.is_running(slot) else ""
                return f"{mark}{slot.ordinal}. {formatting.clock(slot.start)}"
            if self.mode == TABLES and 0 <= section < len(self.board.tables):
                table = self.board.tables[section]
                return "\n".join([table.label, *self.host_lines(table.host_name)])
            if self.mode == PEOPLE and 0 <= section < len(self._people):
                person = self._people[section]
                return f"{person.code} {_clip(short_name(person.name), 24)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.mode == TABLES and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.board.tables):
                table = self.board.tables[section]
                return table.label + (" — " + _("meja milik {host}").format(host=table.host_name) if table.host_name else "")
            if (orientation == Qt.Orientation.Vertical) != slots_across and 0 <= section < len(self.board.slots):
                slot = self.board.slots[section]
                return slot.title + (" — " + _("sedang berjalan") if self.is_running(slot) else "")
            if self.mode == PEOPLE and 0 <= section < len(self._people):
                person = self._people[section]
                return f"{person.code} — {person.name}" + (" ✓" if person.present else "")
        running_header = (orientation == Qt.Orientation.Vertical) != slots_across
        if running_header and 0 <= section < len(self.board.slots) and self.is_running(self.board.slots[section]):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(RUNNING_COLOUR)
        if role == Qt.ItemDataRole.ForegroundRole and self.mode == PEOPLE and orientation == Qt.Orientation.Vertical:
            if 0 <= section < len(self._people):
                return kind_colour(self._people[section].kind)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.board is None or not index.isValid():
            return None
        card = self.card_at(index)
        if role == CARD_ROLE:
            return card
        if role == PAST_ROLE:
            slot = self.slot_at(index)
            return slot is not None and is_past(slot, self.board.event_date, self.moment)
        if role == AT_RISK_ROLE:
            return card is not None and at_risk(self.board, card, self.moment)
        if role == RUNNING_ROLE:
            slot = self.slot_at(index)
            return slot is not None and self.is_running(slot)
        if role == DIM_ROLE:
            return self.focus_id is not None and (card is None or not card.involves(self.focus_id))
        if role == CELL_ROLE:
            return self.cell_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if card is None:
                return ""
            risk = RISK_MARK if at_risk(self.board, card, self.moment) else ""  # someone has not come yet
            if self.mode == PEOPLE:
                person = self._people[index.row()]
                table = self.board.table(card.table_id)
                return f"{risk}{card.other(person.id).name} · {table.label if table else ''}"
            return f"{risk}{card.a.name} × {card.b.name}"
        if role == Qt.ItemDataRole.ToolTipRole and card is not None:
            details = card_details(card, self.where(card))
            if at_risk(self.board, card, self.moment):
                details += "\n" + _("Berisiko: {names} belum check-in.").format(
                    names=", ".join(side.name for side in (card.a, card.b) if not side.present))
            return details
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.mode == TABLES and index.isValid():
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            if self.card_at(index) is not None:
                flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    # ---- drag and drop -------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        card = self.card_at(indexes[0]) if indexes else None
        if card is not None:
            data.setData(MIME, QByteArray(str(card.id).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:
        return data.hasFormat(MIME) and self.mode == TABLES

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:
        """Ask for the move; the board changes only when the service has stored it."""
        if not data.hasFormat(MIME) or self.mode != TABLES:
            return False
        target = parent if parent.isValid() else self.index(row, column)
        cell = self.cell_at(target)
        if cell is None:
            return False
        meeting_id = int(bytes(data.data(MIME).data()).decode())
        self.move_requested.emit(meeting_id, *cell)
        return False  # nothing moves in the model itself: the reload shows the stored result
