"""The Registrasi page's scan field, and the filter that sends keys typed on the page to it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.views.scan_filter import mark_scan_field


class ScanInput(QLineEdit):
    """The one field: Enter/Tab submit, ↑/↓ move through the result cards, Esc clears."""

    submitted = Signal(str)
    moved = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark_scan_field(self)  # a scanner's burst here is handled by the field itself (code, search or failed scan)

    def event(self, event: QEvent) -> bool:
        # Ctrl+Z/Ctrl+Y are the desk's undo and redo of a check-in, Ctrl+H its history: not the line edit's.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
            event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() in (Qt.Key.Key_Z, Qt.Key.Key_H, Qt.Key.Key_Y)
        ):
            event.ignore()
            return False
        # Some scanners end with Tab: treat it as Enter instead of leaving the field.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in (
            Qt.Key.Key_Tab, Qt.Key.Key_Backtab
        ):
            if self.text().strip():
                self.submitted.emit(self.text())
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit(self.text())
        elif key == Qt.Key.Key_Up:
            self.moved.emit(-1)
        elif key == Qt.Key.Key_Down:
            self.moved.emit(1)
        elif key == Qt.Key.Key_Escape:
            self.clear()
        else:
            super().keyPressEvent(event)


class FocusGrabber(QObject):
    """Sends printable keys typed on the page (outside other text fields) to the scan field."""

    def __init__(self, page: QWidget, target: QLineEdit) -> None:
        super().__init__(page)
        self.page = page
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched is self.target or not self.page.isVisible():
            return False
        if watched.window() is not self.page.window() or QApplication.activeModalWidget() is not None:
            return False
        if isinstance(watched, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)) or (
            isinstance(watched, QComboBox) and watched.isEditable()
        ):
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        text = event.text()
        if modifiers or not text or not text.isprintable():
            return False
        self.target.setFocus(Qt.FocusReason.OtherFocusReason)
        forwarded = QKeyEvent(QEvent.Type.KeyPress, event.key(), event.modifiers(), text)
        QApplication.sendEvent(self.target, forwarded)
        return True
