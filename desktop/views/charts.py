"""Small charts drawn with QPainter for the Dasbor.

Plain data in (set_* methods), no database: fonts scale with ``scale`` so the same chart
reads on a laptop and, full-screen, from three metres. QPainter rather than QtCharts: the
charts are simple, stay crisp at any size and their text follows our fonts and language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop import formatting

TEXT = QColor("#1f2933")
MUTED = QColor("#6b7785")
GRID = QColor("#e3e8ee")


@dataclass(frozen=True)
class Series:
    name: str
    colour: str


@dataclass(frozen=True)
class BarRow:
    label: str
    values: tuple[int, ...]  # one per series
    text: str = ""  # written at the end of the row (e.g. the Rupiah value)
    highlight: bool = False


class Chart(QWidget):
    """Common frame: fonts by scale, an empty-state text and a legend line."""

    show_legend = True

    def __init__(self, series: Sequence[Series], empty_text: str, scale: float = 1.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series = list(series)
        self.empty_text = empty_text
        self.scale = scale
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(int(200 * scale), int(120 * scale)))

    def font_of(self, points: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(points * self.scale)
        font.setBold(bold)
        return font

    def is_empty(self) -> bool:
        raise NotImplementedError

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(4, 2, -4, -2)
        if self.is_empty():
            painter.setPen(MUTED)
            painter.setFont(self.font_of(10))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
            return
        if self.show_legend and len(self.series) > 1:
            area.setTop(area.top() + self.draw_legend(painter, area))
        self.draw(painter, area)

    def draw_legend(self, painter: QPainter, area: QRectF) -> float:
        painter.setFont(self.font_of(8.5))
        metrics = QFontMetricsF(painter.font())
        box = metrics.height() * 0.7
        x = area.left()
        for series in self.series:
            painter.fillRect(QRectF(x, area.top() + (metrics.height() - box) / 2, box, box), QColor(series.colour))
            x += box + 4
            painter.setPen(TEXT)
            painter.drawText(QPointF(x, area.top() + metrics.ascent()), series.name)
            x += metrics.horizontalAdvance(series.name) + 14
        return metrics.height() + 4

    def draw(self, painter: QPainter, area: QRectF) -> None:
        raise NotImplementedError


def nice_ceiling(value: float) -> int:
    """A round axis maximum at or just above ``value`` (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ)."""
    if value <= 0:
        return 1
    step = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * step >= value:
            return int(factor * step)
    return int(10 * step)


class HorizontalBarChart(Chart):
    """Ranked rows (top 10): the label on the left, a bar per series, a text on the right."""

    def __init__(self, series: Sequence[Series], empty_text: str, scale: float = 1.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(series, empty_text, scale, parent)
        self.rows: list[BarRow] = []

    def set_rows(self, rows: Sequence[BarRow]) -> None:
        self.rows = list(rows)
        self.update()

    def is_empty(self) -> bool:
        return not any(any(row.values) for row in self.rows)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        painter.setFont(self.font_of(9))
        metrics = QFontMetricsF(painter.font())
        label_width = min(area.width() * 0.45, max(metrics.horizontalAdvance(r.label) for r in self.rows) + 6)
        text_width = max((metrics.horizontalAdvance(r.text) for r in self.rows), default=0) + 6
        bar_left = area.left() + label_width
        bar_width = max(area.width() - label_width - text_width, 10)
        top = max((max(row.values) for row in self.rows), default=1) or 1
        row_height = area.height() / max(len(self.rows), 1)
        bar_gap = row_height * 0.18
        bar_height = (row_height - 2 * bar_gap) / len(self.series)
        for index, row in enumerate(self.rows):
            y = area.top() + index * row_height
            painter.setPen(TEXT)
            painter.setFont(self.font_of(9, bold=row.highlight))
            label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, label_width - 6)
            painter.drawText(QRectF(area.left(), y, label_width - 6, row_height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
            for number, (series, value) in enumerate(zip(self.series, row.values, strict=False)):
                width = bar_width * value / top
                rect = QRectF(bar_left, y + bar_gap + number * bar_height, max(width, 1 if value else 0), bar_height)
                painter.fillRect(rect, QColor(series.colour))
            painter.setPen(MUTED)
            painter.drawText(QRectF(bar_left + bar_width + 4, y, text_width, row_height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, row.text)


class ColumnChart(Chart):
    """Grouped columns per category (meetings per slot: planned next to held)."""

    def __init__(self, series: Sequence[Series], empty_text: str, scale: float = 1.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(series, empty_text, scale, parent)
        self.rows: list[BarRow] = []

    def set_rows(self, rows: Sequence[BarRow]) -> None:
        self.rows = list(rows)
        self.update()

    def is_empty(self) -> bool:
        return not any(any(row.values) for row in self.rows)

    def draw(self, painter: QPainter, area: QRectF) -> None:
        painter.setFont(self.font_of(8.5))
        metrics = QFontMetricsF(painter.font())
        top = nice_ceiling(max(max(row.values) for row in self.rows) * 1.05)  # headroom above the tallest
        axis_width = metrics.horizontalAdvance(formatting.number(top)) + 6
        plot = QRectF(area.left() + axis_width, area.top() + metrics.height() / 2,
                      area.width() - axis_width, area.height() - metrics.height() * 1.6)
        _draw_value_grid(painter, plot, top, metrics)
        slot_width = plot.width() / len(self.rows)
        bar_width = slot_width * 0.8 / len(self.series)
        for index, row in enumerate(self.rows):
            x = plot.left() + index * slot_width + slot_width * 0.1
            if row.highlight:  # the current slot
                painter.fillRect(QRectF(plot.left() + index * slot_width, plot.top(), slot_width, plot.height()),
                                 QColor("#fff3c4"))
            for number, (series, value) in enumerate(zip(self.series, row.values, strict=False)):
                height = plot.height() * value / top
                painter.fillRect(QRectF(x + number * bar_width, plot.bottom() - height, bar_width * 0.92, height),
                                 QColor(series.colour))
            painter.setPen(TEXT)
            painter.setFont(self.font_of(8.5, bold=row.highlight))
            painter.drawText(QRectF(plot.left() + index * slot_width, plot.bottom() + 2, slot_width, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, row.label)
            painter.setFont(self.font_of(8.5))


class ArrivalsChart(Chart):
    """Cumulative arrivals over the time of day, with the expected total as a dashed line."""

    show_legend = False  # the dashed line carries its own label

    def __init__(self, series: Sequence[Series], empty_text: str, expected_text: Callable[[int], str],
                 scale: float = 1.0, parent: QWidget | None = None) -> None:
        super().__init__(series, empty_text, scale, parent)
        self.expected_text = expected_text
        self.steps: list[tuple[dt.time, int]] = []
        self.expected = 0
        self.span: tuple[dt.time, dt.time] = (dt.time(7, 0), dt.time(16, 0))
        self.now: dt.time | None = None

    def set_data(self, steps: Sequence[tuple[dt.time, int]], expected: int,
                 span: tuple[dt.time, dt.time], now: dt.time | None) -> None:
        self.steps, self.expected, self.span, self.now = list(steps), expected, span, now
        self.update()

    def is_empty(self) -> bool:
        return self.expected == 0 and not self.steps

    def draw(self, painter: QPainter, area: QRectF) -> None:
        painter.setFont(self.font_of(8.5))
        metrics = QFontMetricsF(painter.font())
        top = nice_ceiling(max(self.expected, self.steps[-1][1] if self.steps else 0) * 1.02)
        axis_width = metrics.horizontalAdvance(formatting.number(top)) + 6
        plot = QRectF(area.left() + axis_width, area.top() + metrics.height() / 2,
                      area.width() - axis_width - 4, area.height() - metrics.height() * 1.6)
        _draw_value_grid(painter, plot, top, metrics)
        start, end = (_minutes(t) for t in self.span)
        length = max(end - start, 1)

        def x_of(moment: dt.time) -> float:
            return plot.left() + plot.width() * min(max(_minutes(moment) - start, 0), length) / length

        def y_of(value: int) -> float:
            return plot.bottom() - plot.height() * value / top

        painter.setPen(MUTED)
        first_hour = -(-start // 60)
        hour_step = max(1, int(((end - start) / 60) // max(plot.width() / (metrics.horizontalAdvance("00:00") * 2), 1)) + 1)
        for hour in range(first_hour, end // 60 + 1, hour_step):
            x = x_of(dt.time(min(hour, 23), 0))
            text = f"{hour:02d}:00"
            half = metrics.horizontalAdvance(text) / 2
            x = min(max(x, plot.left() + half), plot.right() - half)  # keep the edge labels whole
            painter.drawText(QRectF(x - half - 2, plot.bottom() + 2, 2 * half + 4, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter, text)
        if self.expected:
            pen = QPen(QColor(self.series[1].colour), 1.6 * self.scale, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = y_of(self.expected)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.drawText(QRectF(plot.left() + 4, y - metrics.height() - 1, plot.width() - 8, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft, self.expected_text(self.expected))
        if self.steps:
            path = QPainterPath(QPointF(plot.left(), plot.bottom()))
            previous = 0
            for moment, arrived in self.steps:
                x = x_of(moment)
                path.lineTo(x, y_of(previous))
                path.lineTo(x, y_of(arrived))
                previous = arrived
            last_x = x_of(self.now) if self.now and self.now > self.steps[-1][0] else x_of(self.steps[-1][0])
            path.lineTo(last_x, y_of(previous))
            fill = QPainterPath(path)
            fill.lineTo(last_x, plot.bottom())
            fill.closeSubpath()
            colour = QColor(self.series[0].colour)
            tint = QColor(colour)
            tint.setAlpha(45)
            painter.fillPath(fill, tint)
            painter.setPen(QPen(colour, 2.4 * self.scale))
            painter.drawPath(path)
        if self.now is not None and self.span[0] <= self.now <= self.span[1]:
            painter.setPen(QPen(QColor("#c2410c"), 1.2 * self.scale, Qt.PenStyle.DotLine))
            x = x_of(self.now)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))


def _minutes(moment: dt.time) -> int:
    return moment.hour * 60 + moment.minute


def _draw_value_grid(painter: QPainter, plot: QRectF, top: int, metrics: QFontMetricsF) -> None:
    for fraction in (0, 0.5, 1):
        if (top * fraction) % 1:
            continue  # counts are whole: no "7,5" line
        y = plot.bottom() - plot.height() * fraction
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(MUTED)
        text = formatting.number(int(top * fraction))
        painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 4, metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
