"""Pick a buyer or seller by typing a few letters or scanning a badge.

One line edit takes both: a badge scan (a burst the application's scan filter hands to this
field, its Enter or Tab swallowed) or a code typed in full is taken at once; typed letters show
the matching participants in a short list right below (no popup to fight with), Up/Down move,
Enter takes one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.models.enums import ParticipantKind, label
from desktop.models.orders import PartyOption
from desktop.models.people.participants import normalize_code
from desktop.views.scan_answer import shortened_scan
from desktop.views.scan_filter import ScanTakingLineEdit

MAX_SHOWN = 6
PRESENT_COLOUR = "#1f7a4d"
ABSENT_COLOUR = "#a15c00"


class PartyPicker(QWidget):
    picked = Signal(object)  # participant id, or None when cleared

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._options: list[PartyOption] = []
        self._by_code: dict[str, PartyOption] = {}
        self.selected: PartyOption | None = None
        self.edit = ScanTakingLineEdit()  # a badge scanned here picks the person; it checks nobody in
        self.edit.scan_taken.connect(self.take_scan)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.edit.textEdited.connect(self._on_edited)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the line edit
        self.list.setMaximumHeight(22 * MAX_SHOWN)
        self.list.itemClicked.connect(lambda item: self.choose(item.data(Qt.ItemDataRole.UserRole)))
        self.list.hide()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a scanned text
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        self.setFocusProxy(self.edit)

    # ---- data ----------------------------------------------------------------------------
    def set_options(self, options: list[PartyOption]) -> None:
        self._options = list(options)
        self._by_code = {option.code: option for option in options}
        if self.selected is not None:
            self.set_selected_id(self.selected.id)

    def selected_id(self) -> int | None:
        return self.selected.id if self.selected else None

    def set_selected_id(self, participant_id: int | None) -> None:
        option = next((o for o in self._options if o.id == participant_id), None)
        self._show_choice(option)

    # ---- typing --------------------------------------------------------------------------
    def matches(self, text: str) -> list[PartyOption]:
        words = text.lower().split()
        if not words:
            return []
        found = [o for o in self._options if all(w in f"{o.code} {o.business_name}".lower() for w in words)]
        # Present people first: they are the ones at the tables.
        return sorted(found, key=lambda o: (not o.present, o.business_name.lower()))

    def _on_edited(self, text: str) -> None:
        if self.selected is not None:
            self.selected = None
            self.picked.emit(None)
        exact = self._by_code.get(normalize_code(text)) if text.strip() else None
        if exact is not None and len(normalize_code(text)) == len(exact.code):
            self.choose(exact)  # a scanned badge needs no Enter
            return
        self._fill_list(self.matches(text))

    def take_scan(self, code: str) -> None:
        """A badge scanned into this field: its person, or a clear word that the code is not here."""
        option = self._by_code.get(normalize_code(code))
        if option is not None:
            self.choose(option)
            return
        if self.selected is not None:
            self.selected = None
            self.picked.emit(None)
        self.list.hide()
        self.edit.setText(code.strip())
        self._set_status(_("Kode \"{code}\" tidak ada di daftar ini (bukan peserta event, atau jenisnya tidak cocok).")
                         .format(code=shortened_scan(code.strip())), "#b00020")

    def _fill_list(self, found: list[PartyOption]) -> None:
        self.list.clear()
        for option in found[:MAX_SHOWN]:
            item = QListWidgetItem(self._describe(option))
            item.setData(Qt.ItemDataRole.UserRole, option)
            self.list.addItem(item)
        if len(found) > MAX_SHOWN:
            more = QListWidgetItem(_("… dan {count} lagi: ketik lebih banyak huruf").format(count=len(found) - MAX_SHOWN))
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(more)
        if found:
            self.list.setCurrentRow(0)
        self.list.setVisible(bool(found))
        self._set_status("", "")
        if not found and self.edit.text().strip():
            self._set_status(_("Tidak ada peserta yang cocok dengan \"{text}\".").format(text=self.edit.text().strip()), "#b00020")

    @staticmethod
    def _describe(option: PartyOption) -> str:
        mark = "●" if option.present else "○"
        return f"{mark} {option.code} — {option.business_name} ({label(option.kind, ParticipantKind)})"

    def choose(self, option: PartyOption | None) -> None:
        if option is None:
            return
        self._show_choice(option)
        self.picked.emit(option.id)
        self.focusNextChild()

    def _show_choice(self, option: PartyOption | None) -> None:
        self.selected = option
        self.list.hide()
        self.list.clear()
        if option is None:
            self.edit.clear()
            self._set_status("", "")
            return
        self.edit.setText(f"{option.code} — {option.business_name}")
        if option.present:
            self._set_status(_("✓ {kind}, sudah check-in").format(kind=label(option.kind, ParticipantKind)), PRESENT_COLOUR)
        else:
            self._set_status(_("⚠ {kind}, belum check-in").format(kind=label(option.kind, ParticipantKind)), ABSENT_COLOUR)

    def _set_status(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour};" if colour else "")
        self.status.setVisible(bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.list.isVisible():
            step = 1 if key == Qt.Key.Key_Down else -1
            row = min(max(self.list.currentRow() + step, 0), self.list.count() - 1)
            if self.list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentRow(row)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.selected is not None:
                self.focusNextChild()
                return True
            text = self.edit.text()
            exact = self._by_code.get(normalize_code(text))
            current = self.list.currentItem() if self.list.isVisible() else None
            option = exact or (current.data(Qt.ItemDataRole.UserRole) if current else None)
            if option is None:
                found = self.matches(text)
                option = found[0] if len(found) == 1 else None
            if option is not None:
                self.choose(option)
            return True  # never let Enter here save the whole form by accident
        if key == Qt.Key.Key_Escape and self.list.isVisible():
            self.list.hide()
            return True
        return False
