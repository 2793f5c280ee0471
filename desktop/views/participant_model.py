"""Qt models for the participant list: a table model of plain rows and a filter proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from desktop import formatting
from desktop.i18n import N_, _
from desktop.models.enums import KIND_COLOURS, ParticipantKind, label
from desktop.models.participants import ParticipantRow
from desktop.models.phone import display_phone, phone_digits

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex

COLUMNS = [
    ("code", N_("Kode")),
    ("business_name", N_("Nama usaha")),
    ("kind", N_("Jenis")),
    ("contact_person", N_("Kontak / pemilik")),
    ("phone", N_("Telepon")),
    ("kecamatan", N_("Kecamatan")),
    ("categories", N_("Produk")),
    ("monthly_capacity", N_("Kapasitas/bulan")),
]


class ParticipantTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ParticipantRow] = []

    def set_rows(self, rows: list[ParticipantRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ParticipantRow]:
        return list(self._rows)

    def row_at(self, row: int) -> ParticipantRow:
        return self._rows[row]

    def row_of_id(self, participant_id: int) -> int | None:
        for position, row in enumerate(self._rows):
            if row.id == participant_id:
                return position
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section][1])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == SORT_ROLE:
            if key == "monthly_capacity":
                return row.monthly_capacity if row.monthly_capacity is not None else -1
            return (self._display(row, key) or "").lower()
        if role == Qt.ItemDataRole.ToolTipRole:
            details = [row.business_name, row.contact_person, display_phone(row.phone), row.address]
            return "\n".join(part for part in details if part)
        if role == Qt.ItemDataRole.ForegroundRole and key == "kind":
            return QColor(KIND_COLOURS.get(ParticipantKind(row.kind), "#333333"))
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "monthly_capacity":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        return None

    @staticmethod
    def _display(row: ParticipantRow, key: str) -> str:
        if key == "kind":
            return label(row.kind, ParticipantKind)
        if key == "phone":
            return display_phone(row.phone)
        if key == "categories":
            return ", ".join(row.category_names)
        if key == "monthly_capacity":
            return formatting.number(row.monthly_capacity) if row.monthly_capacity is not None else ""
        return str(getattr(row, key))


class ParticipantFilterProxy(QSortFilterProxyModel):
    """Filters by free text (code, name, contact, phone digits) and by kind."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._digits = ""
        self._kind: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().lower()
        self._digits = phone_digits(text) if any(ch.isdigit() for ch in text) else ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str | None) -> None:
        self.beginFilterChange()
        self._kind = kind or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ParticipantTableModel):
            return True
        row = model.row_at(source_row)
        if self._kind and row.kind != self._kind:
            return False
        if not self._text:
            return True
        haystack = f"{row.code} {row.business_name} {row.contact_person} {row.kecamatan}".lower()
        if all(word in haystack for word in self._text.split()):
            return True
        if self._digits and len(self._digits) >= 3:
            phone = phone_digits(row.phone)
            local = "0" + phone[2:] if phone.startswith("62") else phone
            return self._digits in phone or self._digits in local
        return False
