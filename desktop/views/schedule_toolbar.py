"""The rows above the board: the controls (run, time limit, view, one participant, undo/redo), the notice bar."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton

from desktop.i18n import _
from desktop.models.schedule.board import Board
from desktop.views.schedule_board import PEOPLE, TABLES

ERROR_STYLE = "background: #fde8e8; color: #8a1020; padding: 4px 8px; border-radius: 3px;"
INFO_STYLE = "background: #e8f1fb; color: #1d4e89; padding: 4px 8px; border-radius: 3px;"


class ScheduleToolbar(QHBoxLayout):
    """A layout (not a widget) so the board tab keeps its spacing exactly."""

    def __init__(self, undo_stack: QUndoStack) -> None:
        super().__init__()
        self.run_button = QPushButton(_("Jadwalkan otomatis"))
        self.run_button.setToolTip(_("Pertemuan yang dikunci, terlaksana atau tidak hadir tetap di tempatnya."))
        self.time_limit_spin = QDoubleSpinBox()
        self.time_limit_spin.setRange(1, 600)
        self.time_limit_spin.setDecimals(0)
        self.time_limit_spin.setValue(10)
        self.time_limit_spin.setSuffix(_(" dtk"))
        self.time_limit_spin.setToolTip(_("Batas waktu pencarian"))
        self.view_combo = QComboBox()
        self.view_combo.addItem(_("Sesi × meja"), TABLES)
        self.view_combo.addItem(_("Per peserta"), PEOPLE)
        self.focus_combo = QComboBox()
        self.focus_combo.setMinimumWidth(260)
        self.focus_combo.setEditable(True)
        self.focus_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.undo_button = QPushButton(_("Urungkan"))
        self.redo_button = QPushButton(_("Ulangi"))
        self._follow(undo_stack)

        self.addWidget(self.run_button)
        self.addWidget(self.time_limit_spin)
        self.addSpacing(12)
        self.addWidget(QLabel(_("Tampilan")))
        self.addWidget(self.view_combo)
        self.addWidget(QLabel(_("Peserta")))
        self.addWidget(self.focus_combo, 1)
        self.addWidget(self.undo_button)
        self.addWidget(self.redo_button)

    def _follow(self, undo_stack: QUndoStack) -> None:
        """Undo/redo buttons enabled and titled after what the stack would undo or redo."""
        self.undo_button.clicked.connect(undo_stack.undo)
        self.redo_button.clicked.connect(undo_stack.redo)
        undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        undo_stack.undoTextChanged.connect(lambda text: self.undo_button.setToolTip(text + " (Ctrl+Z)"))
        undo_stack.redoTextChanged.connect(lambda text: self.redo_button.setToolTip(text + " (Ctrl+Y)"))
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)

    def fill_focus(self, board: Board) -> None:
        """Everyone with a meeting on the board, keeping the chosen one; signals stay quiet."""
        combo = self.focus_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("Semua peserta"), None)
        involved = {pid for card in board.meetings for pid in (card.a.participant_id, card.b.participant_id)}
        for person in board.people:
            if person.id in involved:
                combo.addItem(f"{person.code} — {person.name}", person.id)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)


class NoticeBar(QLabel):
    """One line of news above the board: a refusal in red, anything else in blue; hidden when empty."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.hide()

    def say(self, message: str, *, error: bool = False) -> None:
        self.setText(message)
        self.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.setVisible(bool(message))

    def clear_refusal(self) -> None:
        """A later action worked: an old refusal no longer describes the board."""
        if self.isVisible() and self.styleSheet() == ERROR_STYLE:
            self.say("")


__all__ = ["NoticeBar", "ScheduleToolbar"]
