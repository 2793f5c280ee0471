"""Pieces of the Registrasi page: the result panel, search cards, counters, history."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop import formatting
from desktop.i18n import _
from desktop.models.checkin.checkin import CheckInResult, KindCount, NextMeeting, Outcome, Person, Status
from desktop.models.checkin.checkin_search import SearchHit
from desktop.models.enums import CheckInAction, ParticipantKind, kind_colour, label
from desktop.models.people.phone import display_phone

# (background, border/headline colour) per outcome; "already" is calm blue, never red.
OUTCOME_COLOURS: dict[str, tuple[str, str]] = {
    Outcome.CHECKED_IN: ("#e3f4e8", "#1e7e34"),
    Outcome.ALREADY: ("#e6eefa", "#1d4e89"),
    Outcome.UNKNOWN: ("#fdebe9", "#b3261e"),
    Outcome.UNDONE: ("#f1f1f4", "#5a5a6e"),
    Outcome.NOT_PRESENT: ("#f1f1f4", "#5a5a6e"),
    "idle": ("#f7f8fa", "#9aa3ad"),
    "pending": ("#f7f8fa", "#9aa3ad"),
    "problem": ("#fff4e0", "#9a5b00"),
}


def kind_chip(kind: str) -> str:
    text = html.escape(label(kind, ParticipantKind))
    return (f"<span style='background:{kind_colour(kind)}; color:white; padding:2px 8px;"
            f" border-radius:4px'>&nbsp;{text}&nbsp;</span>")


def meeting_text(meeting: NextMeeting | None) -> str:
    if meeting is None:
        return _("Tidak ada pertemuan terjadwal (lagi) hari ini.")
    where = _("Meja {table}, {time}, dengan {name}").format(
        table=meeting.table_number, time=formatting.clock(meeting.start), name=meeting.counterpart
    )
    if meeting.is_first:
        return _("Pertemuan pertama: {where} · {count} pertemuan hari ini").format(where=where, count=meeting.total)
    return _("Pertemuan berikutnya: {where}").format(where=where)


class ResultPanel(QFrame):
    """The big answer after each scan: who, what happened, where to go next."""

    undo_clicked = Signal()
    schedule_clicked = Signal()
    history_clicked = Signal()
    badge_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self.state = "idle"
        self.result: CheckInResult | None = None
        self.headline = QLabel()
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.time_label = QLabel()
        self.time_label.setWordWrap(True)
        self.meeting_label = QLabel()
        self.meeting_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        _font(self.headline, 18, bold=True)
        _font(self.name_label, 22, bold=True)
        _font(self.detail_label, 12)
        _font(self.time_label, 12)
        _font(self.meeting_label, 13, bold=True)
        _colour(self.note_label, QPalette.ColorRole.WindowText, "#444444")
        self.undo_button = QPushButton(_("Batalkan check-in (Ctrl+Z)"))
        self.schedule_button = QPushButton(_("Cetak jadwal pribadi (Ctrl+P)"))
        self.history_button = QPushButton(_("Riwayat (Ctrl+H)"))
        self.badge_button = QPushButton(_("Cetak badge"))
        for button, signal in (
            (self.undo_button, self.undo_clicked),
            (self.schedule_button, self.schedule_clicked),
            (self.history_button, self.history_clicked),
            (self.badge_button, self.badge_clicked),
        ):
            button.clicked.connect(signal.emit)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.schedule_button)
        buttons.addWidget(self.badge_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(self.headline)
        layout.addWidget(self.name_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.time_label)
        layout.addWidget(self.meeting_label)
        layout.addWidget(self.note_label)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.show_idle()

    def _style(self, state: str) -> None:
        # Colours through the palette and paintEvent: a style sheet per scan costs tens of milliseconds.
        self.state = state
        _background, accent = OUTCOME_COLOURS[state]
        _colour(self.headline, QPalette.ColorRole.WindowText, accent)
        _colour(self.meeting_label, QPalette.ColorRole.WindowText, accent)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        background, accent = OUTCOME_COLOURS[self.state]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(accent), 3))
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 10, 10)
        painter.end()

    def _buttons(self, *, undo: bool = False, person: bool = False, badge: bool = False) -> None:
        self.undo_button.setVisible(undo)
        self.schedule_button.setVisible(person)
        self.history_button.setVisible(person)
        self.badge_button.setVisible(badge)

    def _clear(self) -> None:
        for widget in (self.name_label, self.detail_label, self.time_label, self.meeting_label, self.note_label):
            widget.clear()

    def show_idle(self) -> None:
        self.result = None
        self._style("idle")
        self._clear()
        self.headline.setText(_("Siap memindai"))
        self.detail_label.setText(_("Pindai badge peserta atau ketik kode, nama usaha, nama kontak atau nomor HP."))
        self._buttons()

    def show_pending(self, text: str) -> None:
        self._style("pending")
        self._clear()
        self.headline.setText(_("Memproses …"))
        self.detail_label.setText(html.escape(text[:80]))
        self._buttons()

    def show_problem(self, message: str, headline: str = "") -> None:
        """A refusal that is not a scan result (e.g. the undo was overtaken by another desk)."""
        self.result = None
        self._style("problem")
        self._clear()
        self.headline.setText(headline or _("Perhatian"))
        self.detail_label.setText(html.escape(message))
        self._buttons()

    def show_result(self, result: CheckInResult, *, can_undo: bool) -> None:
        self.result = result
        self._style(result.outcome)
        self._clear()
        person = result.person
        when = formatting.clock(result.at)
        if result.outcome is Outcome.CHECKED_IN:
            self.headline.setText("✔ " + _("Check-in berhasil"))
            self.time_label.setText(_("Pukul {time} · {operator} · {desk}").format(
                time=when, operator=result.operator_name, desk=result.desk or "-"))
        elif result.outcome is Outcome.ALREADY:
            self.headline.setText("ℹ " + _("Sudah check-in"))
            self.time_label.setText(_("sudah check-in {time} oleh {operator} di {desk}").format(
                time=when, operator=result.operator_name or "-", desk=result.desk or "-"))
        elif result.outcome is Outcome.UNDONE:
            self.headline.setText("↶ " + _("Check-in dibatalkan"))
            self.time_label.setText(_("Dibatalkan pukul {time} oleh {operator}; peserta tercatat belum hadir.").format(
                time=when, operator=result.operator_name))
        elif result.outcome is Outcome.NOT_PRESENT:
            self.headline.setText(_("Belum check-in"))
            self.time_label.setText(html.escape(result.message))
        else:
            self.headline.setText("✖ " + _("Kode tidak dikenal"))
            self.name_label.setText(html.escape(result.raw_input[:60] or "—"))
            self.detail_label.setText(html.escape(result.message) + " " + _(
                "Coba ketik nama usaha atau nomor HP, atau daftarkan sebagai peserta baru (Ctrl+N)."))
            self.time_label.setText(_("Dicatat di daftar scan gagal."))
        if person is not None:
            self.name_label.setText(html.escape(person.business_name))
            contact = " · ".join(part for part in (person.contact_person, display_phone(person.phone)) if part)
            self.detail_label.setText(
                f"{kind_chip(person.kind)} &nbsp;<b>{html.escape(person.code)}</b>"
                + (f" · {html.escape(contact)}" if contact else "")
                + (" · " + _("peserta tanpa daftar (walk-in)") if person.is_walk_in else "")
            )
            if result.outcome in (Outcome.CHECKED_IN, Outcome.ALREADY):
                self.meeting_label.setText(html.escape(meeting_text(result.next_meeting)))
        self._buttons(
            undo=can_undo,
            person=person is not None,
            badge=person is not None and person.is_walk_in and result.outcome is Outcome.CHECKED_IN,
        )

    def show_note(self, text: str) -> None:
        self.note_label.setText(text)


def _font(widget: QWidget, points: int, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSize(points)
    font.setBold(bold)
    widget.setFont(font)


def _colour(widget: QWidget, role: QPalette.ColorRole, colour: str) -> None:
    palette = widget.palette()
    palette.setColor(role, QColor(colour))
    widget.setPalette(palette)


class KindChip(QLabel):
    """The kind as a small coloured label (palette, not a style sheet: it changes on every keystroke)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setContentsMargins(6, 1, 6, 1)
        _colour(self, QPalette.ColorRole.WindowText, "#ffffff")

    def set_kind(self, kind: str) -> None:
        self.setText(label(kind, ParticipantKind))
        _colour(self, QPalette.ColorRole.Window, kind_colour(kind))


class ResultCard(QFrame):
    """One search hit; the check-in button sits right next to the name it checks in.

    The page keeps a fixed pool of cards and refills them, so typing never creates widgets.
    """

    check_in_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hit: SearchHit | None = None
        self.setAutoFillBackground(True)
        self.stripe = QFrame()
        self.stripe.setFixedWidth(8)
        self.stripe.setAutoFillBackground(True)
        self.name_label = QLabel()
        _font(self.name_label, 15, bold=True)
        self.code_label = QLabel()
        _colour(self.code_label, QPalette.ColorRole.WindowText, "#555555")
        self.chip = KindChip()
        self.contact_label = QLabel()
        self.state_label = QLabel()
        _font(self.state_label, 11, bold=True)
        _colour(self.state_label, QPalette.ColorRole.WindowText, "#1e7e34")
        self.button = QPushButton(_("Check-in"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setMinimumHeight(36)
        self.button.clicked.connect(self._clicked)
        first = QHBoxLayout()
        first.addWidget(self.name_label)
        first.addWidget(self.code_label)
        first.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.chip)
        second.addWidget(self.contact_label)
        second.addStretch(1)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addLayout(first)
        text.addLayout(second)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 8, 4)
        layout.addWidget(self.stripe)
        layout.addSpacing(6)
        layout.addLayout(text, 1)
        layout.addWidget(self.state_label)
        layout.addWidget(self.button)
        self.set_highlighted(False)

    def set_hit(self, hit: SearchHit) -> None:
        self.hit = hit
        person = hit.person
        self.name_label.setText(person.business_name)
        self.code_label.setText(person.code)
        self.chip.set_kind(person.kind)
        self.contact_label.setText(" · ".join(p for p in (person.contact_person, display_phone(person.phone)) if p))
        self.state_label.setText(
            _("Hadir {time}").format(time=formatting.clock(hit.present_at)) if hit.present and hit.present_at else ""
        )
        _colour(self.stripe, QPalette.ColorRole.Window, kind_colour(person.kind))

    def set_highlighted(self, highlighted: bool) -> None:
        _colour(self, QPalette.ColorRole.Window, "#d6e4f7" if highlighted else "#ffffff")

    def _clicked(self) -> None:
        if self.hit is not None:
            self.check_in_clicked.emit(self.hit.person.id)


class CountersWidget(QFrame):
    """Present / expected per kind (IKM 54/70 …) and in total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.labels: dict[str, QLabel] = {}

    def set_counts(self, counts: tuple[KindCount, ...]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.labels = {}
        present = sum(c.present for c in counts)
        expected = sum(c.expected for c in counts)
        total = QLabel(_("Hadir {present} / {expected}").format(present=present, expected=expected))
        total.setStyleSheet("font-size:16pt; font-weight:bold")
        self.grid.addWidget(total, 0, 0, 1, 2)
        self.labels["total"] = total
        for row, count in enumerate(counts, start=1):
            name = QLabel(kind_chip(count.kind))
            figure = QLabel(f"<b>{count.present}</b> / {count.expected}")
            figure.setStyleSheet("font-size:13pt")
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(figure, row, 1)
            self.labels[count.kind] = figure

    def text_of(self, kind: str) -> str:
        """``54/70`` for tests and the status line."""
        label_widget = self.labels.get(kind)
        return label_widget.text().replace("<b>", "").replace("</b>", "").replace(" ", "") if label_widget else ""


class HistoryDialog(QDialog):
    """Every check-in and undo of one participant, with who and where."""

    def __init__(self, status: Status, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        person: Person = status.person
        self.setWindowTitle(_("Riwayat check-in — {name}").format(name=person.business_name))
        self.setMinimumWidth(560)
        state = (
            _("Hadir sejak {time}").format(time=formatting.clock(status.at)) if status.present and status.at
            else _("Belum hadir")
        )
        heading = QLabel(f"<b>{html.escape(person.code)} — {html.escape(person.business_name)}</b><br>{state}")
        self.table = QTableWidget(len(status.history), 4)
        self.table.setHorizontalHeaderLabels([_("Waktu"), _("Kejadian"), _("Operator"), _("Meja registrasi")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, entry in enumerate(status.history):
            values = [formatting.clock_seconds(entry.at), label(entry.action, CheckInAction), entry.operator_name, entry.desk]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        empty = QLabel(_("Belum pernah check-in."))
        empty.setVisible(not status.history)
        buttons = QDialogButtonBox()
        buttons.addButton(_("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addWidget(empty)
        layout.addWidget(buttons)
