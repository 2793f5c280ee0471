"""A one-line label whose text always fits its width: the font shrinks (down to a floor), then a
shorter form of the same figure is used, and only then is the text elided. For the Dasbor's big
figures, which must never be cut to "6.720 / 1" at 1366 × 768 or in a narrow window."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

STEP = 0.5  # points


def fitting_size(texts: Sequence[str], font: QFont, width: int, largest: float, smallest: float) -> tuple[str, float]:
    """The first text (longest form first) and the largest point size ≤ ``largest`` at which it
    fits ``width``; when none fits even at ``smallest``, the last (shortest) text at ``smallest``."""
    probe = QFont(font)
    for text in texts:
        size = largest
        while size >= smallest:
            probe.setPointSizeF(size)
            if QFontMetrics(probe).horizontalAdvance(text) <= width:
                return text, size
            size -= STEP
    return texts[-1], smallest


class FitLabel(QLabel):
    def __init__(self, point_size: float, smallest_share: float = 0.55, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.largest = point_size
        self.smallest = max(point_size * smallest_share, 7.0)
        self._forms: list[str] = [""]
        font = QFont(self.font())
        font.setPointSizeF(point_size)
        font.setBold(True)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)

    def set_forms(self, text: str, *shorter: str) -> None:
        """``text``, and shorter forms of it to use when even the smallest font is too wide."""
        self._forms = [text, *[form for form in shorter if form and form != text]]
        self.setToolTip(text if shorter else "")
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt name)
        self.set_forms(text)

    def shown_text(self) -> str:
        return super().text()

    def full_text(self) -> str:
        return self._forms[0]

    def sizeHint(self) -> QSize:  # noqa: N802
        font = QFont(self.font())
        font.setPointSizeF(self.largest)
        metrics = QFontMetrics(font)
        return QSize(metrics.horizontalAdvance(self._forms[0]) + 4, metrics.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        font = QFont(self.font())
        font.setPointSizeF(self.largest)
        return QSize(0, QFontMetrics(font).height())  # the height of the largest size: tiles do not jump

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = max(self.contentsRect().width() - 2, 1)
        text, size = fitting_size(self._forms, self.font(), width, self.largest, self.smallest)
        font = QFont(self.font())
        font.setPointSizeF(size)
        metrics = QFontMetrics(font)
        if metrics.horizontalAdvance(text) > width:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        if font.pointSizeF() != self.font().pointSizeF():
            self.setFont(font)
        super().setText(text)
