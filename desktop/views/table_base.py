"""One base for the app's Qt tables: rows of plain dataclasses, each column declared once.

A table is a list of :class:`Column` (header, shown text, sort key, alignment, and where needed its
tooltip and colours) over plain frozen rows; :class:`RowTableModel` answers Qt's questions from them.
Roles that belong to the whole row (a cancelled order greyed and struck through, one tooltip for the
row) are the model's ``row_*`` methods; they are asked first, the column's own function after.
Roles no column declares (check boxes, drag data) stay with the subclass: override ``cell_data``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.i18n import _

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
Colour = str | QColor  # "#rrggbb" or a ready QColor

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the plain row itself
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's id (``row_id``)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # the column's sort key; the proxies sort on it
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # numbers


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: ``header`` is a msgid marked with ``N_`` (translated when shown, so a language
    switch renames it) or a callable giving the header already translated; ``display`` the cell text;
    ``sort`` the sort key (by default the shown text in lower case)."""

    header: str | Callable[[], str]
    display: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    alignment: Qt.AlignmentFlag | None = None
    tooltip: Callable[[R], str | None] | None = None
    foreground: Callable[[R], Colour | None] | None = None
    background: Callable[[R], Colour | None] | None = None
    key: str = ""  # a name to find the column by (``column_of``), where callers need its position

    def header_text(self) -> str:
        return self.header() if callable(self.header) else _(self.header)

    def sort_key(self, row: R) -> Any:
        return self.sort(row) if self.sort is not None else (self.display(row) or "").lower()


@lru_cache(maxsize=256)
def _colour_of(name: str) -> QColor:
    return QColor(name)


def qt_colour(colour: Colour | None) -> QColor | None:
    """A colour as Qt wants it; the same name gives the same (cached) QColor."""
    if colour is None or isinstance(colour, QColor):
        return colour
    return _colour_of(colour)


class RowTableModel(QAbstractTableModel, Generic[R]):
    """A read-only table of plain rows; subclasses set ``columns`` (or pass them in)."""

    columns: Sequence[Column[R]] = ()

    def __init__(self, parent: Any = None, columns: Sequence[Column[R]] | None = None) -> None:
        super().__init__(parent)
        if columns is not None:
            self.columns = list(columns)
        self._rows: list[R] = []

    # ---- rows in and out -----------------------------------------------------------------
    def set_rows(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, position: int) -> R:
        return self._rows[position]

    def row_id(self, row: R) -> Any:
        """The id the table knows a row by (``ID_ROLE``, ``row_of_id``)."""
        return getattr(row, "id", None)

    def row_of_id(self, row_id: Any) -> int | None:
        """The position of the row with that id, or None."""
        return next((position for position, row in enumerate(self._rows) if self.row_id(row) == row_id), None)

    def column_of(self, key: str) -> int:
        return next(position for position, column in enumerate(self.columns) if column.key == key)

    # ---- what belongs to the whole row (asked before the column) ------------------------
    def row_tooltip(self, row: R) -> str | None:
        return None

    def row_foreground(self, row: R) -> Colour | None:
        return None

    def row_font(self, row: R) -> QFont | None:
        return None

    def cell_data(self, row: R, column: int, role: int) -> Any:
        """Roles the columns do not declare (check boxes …): for subclasses."""
        return None

    # ---- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.columns[section].header_text()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) \
                or not 0 <= index.column() < len(self.columns):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort_key(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.row_tooltip(row)
            return tip if tip is not None or column.tooltip is None else column.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.row_foreground(row)
            if colour is None and column.foreground is not None:
                colour = column.foreground(row)
            return qt_colour(colour)
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            return qt_colour(column.background(row))
        if role == Qt.ItemDataRole.FontRole:
            return self.row_font(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.alignment is not None:
            return int(column.alignment)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return self.row_id(row)
        return self.cell_data(row, index.column(), role)
