"""A large message floating over the top of a page for a few seconds, optionally with one action.

Used for the answer to a scan made away from the Registrasi page, and for an undone check-in
with its *Kembalikan*. It floats above the layout (a child positioned by hand), so showing it
never moves anything on the page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPaintEvent, QPen, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

TOAST_SECONDS = 6
TOAST_WIDTH = 620


class Toast(QWidget):
    """Child of ``host``; centred at its top (or bottom) edge, kept there when the host resizes."""

    def __init__(self, host: QWidget, *, at_bottom: bool = False) -> None:
        super().__init__(host)
        self.host = host
        self.at_bottom = at_bottom  # e.g. on the Registrasi page, where the top is the scan field
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.background, self.accent = "#ffffff", "#1d4e89"
        self.headline = QLabel()
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.headline.setWordWrap(True)
        for label, points in ((self.headline, 20), (self.body, 13)):
            font = QFont(label.font())
            font.setPointSize(points)
            font.setBold(label is self.headline)
            label.setFont(font)
        self.action_button = QPushButton()
        self.action_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
        self.action_button.setMinimumHeight(40)
        self.action_button.clicked.connect(self.trigger_action)
        self.action_shortcut: QShortcut | None = None
        self._action: Callable[[], None] | None = None
        text = QVBoxLayout()
        text.addWidget(self.headline)
        text.addWidget(self.body)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addLayout(text, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.dismiss)
        host.installEventFilter(self)
        self.hide()

    def show_message(self, headline: str, body: str, *, accent: str, background: str,
                     seconds: float = TOAST_SECONDS, action_text: str = "", action_key: str = "",
                     action: Callable[[], None] | None = None) -> None:
        self.accent, self.background = accent, background
        self.headline.setText(headline)
        self.headline.setStyleSheet(f"color:{accent}")
        self.body.setText(body)
        self.body.setVisible(bool(body))
        self._action = action
        self.action_button.setVisible(action is not None)
        self.action_button.setText(f"{action_text} ({action_key})" if action_key else action_text)
        if self.action_shortcut is not None:
            self.action_shortcut.setEnabled(False)
            self.action_shortcut.deleteLater()
            self.action_shortcut = None
        if action is not None and action_key:
            self.action_shortcut = QShortcut(QKeySequence(action_key), self.host, self.trigger_action,
                                             context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._place()
        self.show()
        self.raise_()
        self.update()
        self.timer.start(int(seconds * 1000))

    def trigger_action(self) -> None:
        action = self._action
        self.dismiss()
        if action is not None:
            action()

    def dismiss(self) -> None:
        self.timer.stop()
        self._action = None
        if self.action_shortcut is not None:
            self.action_shortcut.setEnabled(False)
        self.hide()

    @property
    def action_available(self) -> bool:
        return self.isVisible() and self._action is not None

    def _place(self) -> None:
        width = min(TOAST_WIDTH, max(200, self.host.width() - 40))
        self.setFixedWidth(width)
        # Wrapped labels: the height for this width, or a long headline and body are cut off.
        layout = self.layout()
        layout.activate()  # a toast never shown yet has no height-for-width before this
        height = layout.totalHeightForWidth(width)
        self.setFixedHeight(height if height > 0 else self.sizeHint().height())
        top = self.host.height() - self.height() - 12 if self.at_bottom else 12
        self.move((self.host.width() - width) // 2, max(0, top))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.accent), 3))
        painter.setBrush(QColor(self.background))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 10, 10)
        painter.end()
