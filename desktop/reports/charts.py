"""Bar charts for the tally and the event report (reportlab.graphics), in the report fonts."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from desktop import formatting
from desktop.reports.fonts import BOLD, CONDENSED, REGULAR, clean
from desktop.reports.page import INK, MUTED, fit

Series = tuple[str, Sequence[float], str]  # (legend name, values, hex colour)


def nice_step(top: float, ticks: int = 4) -> float:
    """A round axis step (1, 2 or 5 × 10ⁿ) giving about ``ticks`` intervals up to ``top``."""
    if top <= 0:
        return 1
    rough = top / ticks
    magnitude = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if rough <= factor * magnitude:
            return max(factor * magnitude, 1)
    return rough


def bar_chart(title: str, categories: Sequence[str], series: Sequence[Series], width: float, height: float,
              value_format: Callable[[float], str] = formatting.number, horizontal: bool = False) -> Drawing:
    """Grouped bars, one group per category; a legend when there is more than one series."""
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 11, clean(title), fontName=BOLD, fontSize=9.5, fillColor=INK))
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    legend_room = 16 if len(series) > 1 else 0
    if horizontal:
        label_width = min(width * 0.38, 170)
        chart.x, chart.y = label_width, 14 + legend_room
        chart.width, chart.height = width - label_width - 40, height - 34 - legend_room
    else:
        chart.x, chart.y = 48, 30 + legend_room
        chart.width, chart.height = width - 58, height - 50 - legend_room
    chart.data = [list(values) or [0] for _name, values, _colour in series]
    for index, (_name, _values, colour) in enumerate(series):
        chart.bars[index].fillColor = colors.HexColor(colour)
        chart.bars[index].strokeColor = None
    top = max((max(values) for _n, values, _c in series if values), default=0)
    step = nice_step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(math.ceil(top / step), 1) * step
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda value: value_format(value)
    chart.valueAxis.strokeColor = MUTED
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dde2e8")
    chart.categoryAxis.strokeColor = MUTED
    chart.categoryAxis.labels.fontName = CONDENSED
    chart.categoryAxis.labels.fontSize = 7
    if horizontal:
        chart.categoryAxis.categoryNames = [fit(name, CONDENSED, 7, chart.x - 8) for name in categories] or [""]
        chart.categoryAxis.reverseDirection = True
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
    else:
        room = chart.width / max(len(categories), 1) - 2
        chart.categoryAxis.categoryNames = [fit(name, CONDENSED, 7, room) for name in categories] or [""]
        chart.categoryAxis.labels.boxAnchor = "n"
        chart.categoryAxis.labels.dy = -3
    chart.barLabelFormat = lambda value: value_format(value) if value else ""
    chart.barLabels.fontName = CONDENSED
    chart.barLabels.fontSize = 6.5
    chart.barLabels.fillColor = INK
    if horizontal:
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
    else:
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = 2
    chart.groupSpacing = 6
    chart.barSpacing = 1
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = chart.x, 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.fontName = REGULAR
        legend.fontSize = 7.5
        legend.dxTextSpace = 4
        legend.deltax = 110
        legend.colorNamePairs = [(colors.HexColor(colour), clean(name)) for name, _values, colour in series]
        drawing.add(legend)
    return drawing
