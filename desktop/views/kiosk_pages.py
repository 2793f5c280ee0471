"""The kiosk's four screens: scan, find my name, the answer, the admin PIN. Large text, no data
beyond the visitor's own name and first meeting."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop.i18n import _
from desktop.models.checkin.checkin_search import SearchHit
from desktop.models.checkin.kiosk import VisitorAnswer
from desktop.models.access.operators import MAX_PIN

SEARCH_RESULTS = 5
SEARCH_MIN_LETTERS = 3  # fewer letters would let a passer-by page through the guest list


def _label(text: str = "", points: int = 20, bold: bool = False, colour: str = "#1a1a1a") -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    label.setStyleSheet(f"color:{colour}")
    return label


def _big_button(text: str, points: int = 18) -> QPushButton:
    button = QPushButton(text)
    font = QFont(button.font())
    font.setPointSize(points)
    button.setFont(font)
    button.setMinimumHeight(int(points * 3.2))
    button.setStyleSheet("QPushButton { padding: 6px 22px; border-radius: 10px; background:#1d4e89; color:white; }"
                         "QPushButton:pressed { background:#163b68; }")
    return button


class KioskScanField(QLineEdit):
    """Takes what the scanner types (Enter or Tab at the end); nothing here searches names."""

    submitted = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setMaxLength(120)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setPlaceholderText(_("Pindai badge di sini"))
        self.setStyleSheet("font-size:26pt; padding:12px; border:3px solid #1d4e89; border-radius:10px")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in (
                Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._submit()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        elif event.key() == Qt.Key.Key_Escape:
            self.clear()
        else:
            super().keyPressEvent(event)

    def _submit(self) -> None:
        text = self.text()
        self.clear()
        if text.strip():
            self.submitted.emit(text)


class ScanScreen(QWidget):
    search_clicked = Signal()

    def __init__(self, camera: QWidget) -> None:
        super().__init__()
        self.field = KioskScanField()
        self.search_button = _big_button(_("Tidak membawa badge? Cari nama Anda"), 16)
        self.search_button.setMinimumWidth(self.search_button.sizeHint().width() + 24)
        self.search_button.clicked.connect(self.search_clicked.emit)
        left = QVBoxLayout()
        left.addStretch(1)
        left.addWidget(_label(_("Selamat datang!"), 34, bold=True, colour="#1d4e89"))
        left.addWidget(_label(_("Tunjukkan QR pada badge Anda ke kamera atau ke scanner."), 22))
        left.addSpacing(18)
        left.addWidget(self.field)
        left.addSpacing(30)
        left.addWidget(self.search_button, 0, Qt.AlignmentFlag.AlignHCenter)
        left.addStretch(2)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(camera)
        side.addStretch(1)
        layout.addLayout(side, 2)


class SearchScreen(QWidget):
    """Type a few letters of your business or your own name, tap yourself."""

    chosen = Signal(int)
    back_clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.field.setPlaceholderText(_("Ketik nama usaha atau nama Anda"))
        self.field.setStyleSheet("font-size:22pt; padding:10px; border:2px solid #1d4e89; border-radius:8px")
        self.field.setMaxLength(80)
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.hint = _label("", 16, colour="#444")
        self.buttons: list[QPushButton] = []
        self.ids: list[int] = []
        results = QVBoxLayout()
        for number in range(SEARCH_RESULTS):
            button = QPushButton()
            button.setMinimumHeight(64)
            button.setStyleSheet("QPushButton { font-size:17pt; text-align:left; padding:8px 16px; "
                                 "border:2px solid #b8c0cc; border-radius:8px; background:white; }")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, n=number: self._choose(n))
            button.hide()
            results.addWidget(button)
            self.buttons.append(button)
        self.back_button = _big_button(_("Kembali"), 16)
        self.back_button.clicked.connect(self.back_clicked.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(_label(_("Cari nama Anda"), 30, bold=True, colour="#1d4e89"))
        layout.addWidget(self.field)
        layout.addWidget(self.hint)
        layout.addLayout(results)
        layout.addStretch(1)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)

    def show_hits(self, text: str, hits: list[SearchHit]) -> None:
        letters = sum(char.isalpha() for char in text)  # letters of a name: phone digits find nobody
        shown = hits[:SEARCH_RESULTS] if letters >= SEARCH_MIN_LETTERS else []
        self.ids = [hit.person.id for hit in shown]
        for number, button in enumerate(self.buttons):
            if number < len(shown):
                person = shown[number].person
                contact = f"  —  {person.contact_person}" if person.contact_person else ""
                button.setText(f"{person.business_name}{contact}")
                button.show()
            else:
                button.hide()
        if letters < SEARCH_MIN_LETTERS:
            self.hint.setText(_("Ketik paling sedikit {count} huruf.").format(count=SEARCH_MIN_LETTERS))
        elif not shown:
            self.hint.setText(_("Nama tidak ditemukan. Silakan menuju meja registrasi."))
        else:
            self.hint.setText(_("Sentuh nama Anda."))

    def _choose(self, number: int) -> None:
        if number < len(self.ids):
            self.chosen.emit(self.ids[number])

    def reset(self) -> None:
        self.field.clear()
        self.show_hits("", [])


class AnswerScreen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.headline = _label("", 36, bold=True)
        self.name = _label("", 30, bold=True)
        self.meeting = _label("", 22)
        self.todo = _label("", 24, bold=True)
        self.answer: VisitorAnswer | None = None
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.headline, self.name, self.meeting, self.todo):
            layout.addWidget(widget)
            layout.addSpacing(14)
        layout.addStretch(2)

    def show_answer(self, answer: VisitorAnswer) -> None:
        self.answer = answer
        self.headline.setStyleSheet(f"color:{'#1f7a4d' if answer.ok else '#a11d2b'}")
        self.headline.setText(("✔ " if answer.ok else "") + html.escape(answer.headline))
        self.name.setText(html.escape(answer.name))
        self.name.setVisible(bool(answer.name))
        self.meeting.setText(html.escape(answer.meeting))
        self.meeting.setVisible(bool(answer.meeting))
        self.todo.setText(html.escape(answer.todo))

    def set_todo(self, text: str) -> None:
        self.todo.setText(html.escape(text))


class PinScreen(QWidget):
    submitted = Signal(str)
    back_clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(MAX_PIN)
        self.field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d*"), self.field))
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.setStyleSheet("font-size:26pt; padding:10px; border:2px solid #555; border-radius:8px")
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.field.returnPressed.connect(lambda: self.submitted.emit(self.field.text()))
        self.message = _label("", 16, colour="#a11d2b")
        self.open_button = _big_button(_("Buka kunci"), 16)
        self.open_button.clicked.connect(lambda: self.submitted.emit(self.field.text()))
        self.back_button = _big_button(_("Kembali"), 16)
        self.back_button.clicked.connect(self.back_clicked.emit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(_label(_("Khusus petugas: masukkan PIN admin untuk keluar dari mode kiosk."), 20))
        layout.addWidget(self.field, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def reset(self, message: str = "") -> None:
        self.field.clear()
        self.message.setText(message)
