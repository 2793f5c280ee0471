"""The meeting request list: plain rows with where each is scheduled, or why not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel

from desktop.i18n import N_, _
from desktop.models.schedule.board import RequestStatus
from desktop.models.enums import MeetingStatus, ParticipantKind, RequestSource, SessionWish, label
from desktop.models.schedule.meeting_requests import RequestRow
from desktop.views.schedule_board import kind_colour
from desktop.views.table_base import SORT_ROLE, Column, Index, RowTableModel

PRIORITY_WORDS = {1: N_("Biasa"), 2: N_("Tinggi"), 3: N_("Wajib")}
ALL, SCHEDULED, WAITING = "all", "scheduled", "waiting"
WAITING_COLOUR = "#a15c00"


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


def _party(code: str, name: str) -> str:
    return f"{code} — {name}"


COLUMNS: list[Column[RequestLine]] = [
    Column(N_("Pihak A"), lambda line: _party(line.row.a_code, line.row.a_name)),
    Column(N_("Jenis"), lambda line: label(line.row.a_kind, ParticipantKind),
           foreground=lambda line: kind_colour(line.row.a_kind)),
    Column(N_("Pihak B"), lambda line: _party(line.row.b_code, line.row.b_name)),
    Column(N_("Jenis"), lambda line: label(line.row.b_kind, ParticipantKind),
           foreground=lambda line: kind_colour(line.row.b_kind)),
    Column(N_("Prioritas"), lambda line: _(PRIORITY_WORDS.get(line.row.priority, "")),
           sort=lambda line: line.row.priority),
    Column(N_("Sesi"), lambda line: label(line.row.session_wish, SessionWish)),
    Column(N_("Pertemuan"), lambda line: _("{count}×").format(count=line.row.meetings),
           sort=lambda line: line.row.meetings),
    Column(N_("Asal"), lambda line: label(line.row.source, RequestSource)),
    Column(N_("Jadwal"), RequestLine.status_text,
           foreground=lambda line: None if line.scheduled else WAITING_COLOUR),
]


class RequestTableModel(RowTableModel[RequestLine]):
    columns = COLUMNS

    def row_id(self, row: RequestLine) -> int:
        return row.row.id

    def row_tooltip(self, row: RequestLine) -> str:
        parts = [row.status_text()]
        if row.row.note:
            parts.append(_("Catatan: {note}").format(note=row.row.note))
        return "\n".join(parts)


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

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RequestTableModel):
            return True
        line = model.row_at(source_row)
        if self._state == SCHEDULED and not line.scheduled or self._state == WAITING and line.scheduled:
            return False
        if not self._text:
            return True
        row = line.row
        haystack = f"{row.a_code} {row.a_name} {row.b_code} {row.b_name}".lower()
        return all(word in haystack for word in self._text.split())
