"""The meeting request list: plain rows with where each is scheduled, or why not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from desktop.i18n import N_, _
from desktop.models.board import RequestStatus
from desktop.models.enums import MeetingStatus, ParticipantKind, RequestSource, SessionWish, label
from desktop.models.meeting_requests import RequestRow
from desktop.views.schedule_board import kind_colour

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex

COLUMNS = [
    ("a", N_("Pihak A")),
    ("a_kind", N_("Jenis")),
    ("b", N_("Pihak B")),
    ("b_kind", N_("Jenis")),
    ("priority", N_("Prioritas")),
    ("session", N_("Sesi")),
    ("meetings", N_("Pertemuan")),
    ("source", N_("Asal")),
    ("status", N_("Jadwal")),
]
PRIORITY_WORDS = {1: N_("Biasa"), 2: N_("Tinggi"), 3: N_("Wajib")}
ALL, SCHEDULED, WAITING = "all", "scheduled", "waiting"


@dataclass(frozen=True)
class RequestLine:
    row: RequestRow
    status: RequestStatus | None

    @property
    def scheduled(self) -> bool:
        return self.status is not None and self.status.meeting_id is not None

    def status_text(self) -> str:
        if self.status is None:
            return _("Belum dijadwalkan.")
        if self.status.meeting_id is None:
            return _("Belum: {reason}").format(reason=self.status.reason or _("belum dijadwalkan"))
        text = _("Sesi {number} · {table}").format(number=self.status.slot_ordinal, table=self.status.table_label)
        if self.status.meeting_status != MeetingStatus.SCHEDULED.value:
            text += f" · {label(self.status.meeting_status, MeetingStatus)}"
        for number, table in self.status.more:  # the other meetings of a pair that meets N times
            text += "; " + _("Sesi {number} · {table}").format(number=number, table=table)
        return text


class RequestTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[RequestLine] = []

    def set_lines(self, lines: list[RequestLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def lines(self) -> list[RequestLine]:
        return list(self._lines)

    def line_at(self, row: int) -> RequestLine:
        return self._lines[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section][1])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, key)
        if role == SORT_ROLE:
            if key == "priority":
                return line.row.priority
            if key == "meetings":
                return line.row.meetings
            return self._display(line, key).lower()
        if role == Qt.ItemDataRole.ForegroundRole:
            if key in ("a_kind", "b_kind"):
                return kind_colour(line.row.a_kind if key == "a_kind" else line.row.b_kind)
            if key == "status" and not line.scheduled:
                return QColor("#a15c00")
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [line.status_text()]
            if line.row.note:
                parts.append(_("Catatan: {note}").format(note=line.row.note))
            return "\n".join(parts)
        return None

    @staticmethod
    def _display(line: RequestLine, key: str) -> str:
        row = line.row
        if key == "a":
            return f"{row.a_code} — {row.a_name}"
        if key == "b":
            return f"{row.b_code} — {row.b_name}"
        if key == "a_kind":
            return label(row.a_kind, ParticipantKind)
        if key == "b_kind":
            return label(row.b_kind, ParticipantKind)
        if key == "priority":
            return _(PRIORITY_WORDS.get(row.priority, ""))
        if key == "session":
            return label(row.session_wish, SessionWish)
        if key == "meetings":
            return _("{count}×").format(count=row.meetings)
        if key == "source":
            return label(row.source, RequestSource)
        return line.status_text()


class RequestFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._state = ALL
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_state(self, state: str) -> None:
        self.beginFilterChange()
        self._state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RequestTableModel):
            return True
        line = model.line_at(source_row)
        if self._state == SCHEDULED and not line.scheduled or self._state == WAITING and line.scheduled:
            return False
        if not self._text:
            return True
        row = line.row
        haystack = f"{row.a_code} {row.a_name} {row.b_code} {row.b_name}".lower()
        return all(word in haystack for word in self._text.split())
