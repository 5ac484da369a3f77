"""Bar charts drawn with QPainter (no QtCharts: it would add the PySide6 Addons
wheel, tens of MB, to a download that field researchers fetch over slow links).

A chart has category labels along the bottom and one or more series, grouped or
stacked; clicking a bar emits which category and series it was.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = ("#2f6db5", "#c0392b", "#27ae60", "#8e44ad", "#e67e22", "#7f8c8d", "#16a085")


@dataclass
class Series:
    name: str
    values: list[float]
    colour: str


def axis_ticks(maximum: float, *, integer: bool, most: int = 5) -> tuple[float, int]:
    """A round tick step and how many ticks reach ``maximum``: (step, count).

    Steps are 1, 2 or 5 times a power of ten, at most ``most`` ticks; for counts
    (``integer``) the step is a whole number, so no axis reads "2.5 reports".
    """
    if maximum <= 0:
        return 1.0, 1
    raw = maximum / most
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        step = factor * power
        if step >= raw:
            break
    if integer:
        step = max(1.0, float(math.ceil(step)))
    count = max(1, math.ceil(maximum / step - 1e-9))
    return float(step), int(count)


class BarChart(QWidget):
    bar_clicked = Signal(int, int)  # category index, series index

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.labels: list[str] = []
        self.series: list[Series] = []
        self.stacked = False
        self.marker: tuple[float, str] | None = None  # x position in categories, label
        self.unit = ""
        self._bars: list[tuple[QRectF, int, int]] = []
        self._legend: list[QRectF] = []  # where each series name went (tests look)
        self._marker_box: QRectF | None = None
        self._placed: list[tuple[QRectF, str]] = []  # the category labels drawn
        self.setMinimumSize(QSize(320, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_data(
        self,
        labels: list[str],
        series: list[Series],
        *,
        stacked: bool = False,
        marker: tuple[float, str] | None = None,
        unit: str = "",
    ) -> None:
        self.labels = labels
        self.series = series
        self.stacked = stacked
        self.marker = marker
        self.unit = unit
        self.update()

    def _max_value(self) -> float:
        if not self.series or not self.labels:
            return 0.0
        if self.stacked:
            return max(sum(s.values[i] or 0 for s in self.series) for i in range(len(self.labels)))
        return max((v or 0) for s in self.series for v in s.values)

    def _whole_numbers(self) -> bool:
        return all(float(v or 0).is_integer() for s in self.series for v in s.values)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        painter.setPen(QColor("#222222"))
        title_font = self.font()
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.drawText(
            QRectF(8, 4, self.width() - 16, line + 4), Qt.AlignmentFlag.AlignLeft, self.title
        )
        painter.setFont(self.font())
        # Legend: a square and a name per series, on as many lines as the width needs
        # (Burmese names are long), each name centred on its square's line.
        x, legend_y = 8.0, 8.0 + line
        self._legend = []
        self._marker_box = None
        for series in self.series:
            needed = 14 + metrics.horizontalAdvance(series.name)
            if x > 8 and x + needed > self.width() - 8:
                x, legend_y = 8.0, legend_y + line
            painter.fillRect(QRectF(x, legend_y + (line - 10) / 2, 10, 10), QColor(series.colour))
            name_box = QRectF(x + 14, legend_y, needed - 14, line)
            painter.drawText(
                name_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, series.name
            )
            self._legend.append(name_box)
            x += needed + 10
        # The plot starts below the legend and half a line more (the top axis label is
        # centred on the top line); with a marker, a line more holds its label.
        top = legend_y + line + line / 2 + 4 + (line + 2 if self.marker is not None else 0)
        left = 8 + metrics.horizontalAdvance("00000")
        bottom = self.height() - 2.2 * line
        right = self.width() - 8
        self._bars = []
        maximum = self._max_value()
        if not self.labels or maximum <= 0:
            painter.setPen(QColor("#777777"))
            painter.drawText(
                QRectF(left, top, right - left, bottom - top),
                Qt.AlignmentFlag.AlignCenter,
                self.tr("No data for this selection"),
            )
            return
        # Axis on round steps (1, 2 or 5 times a power of ten); counts on whole numbers.
        tick, ticks = axis_ticks(maximum, integer=self._whole_numbers())
        maximum = tick * ticks
        painter.setPen(QPen(QColor("#dddddd")))
        for step in range(ticks + 1):
            y = bottom - (bottom - top) * step / ticks
            painter.drawLine(QPointF(left, y), QPointF(right, y))
            painter.setPen(QColor("#666666"))
            value = tick * step
            text = f"{value:,.0f}" if float(tick).is_integer() else f"{value:,.1f}"
            painter.drawText(
                QRectF(0, y - line / 2, left - 4, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            painter.setPen(QPen(QColor("#dddddd")))
        count = len(self.labels)
        slot = (right - left) / count
        groups = 1 if self.stacked else max(1, len(self.series))
        bar_width = max(2.0, slot * 0.8 / groups)
        for index in range(len(self.labels)):
            base_x = left + slot * index + slot * 0.1
            stack_top = bottom
            for s_index, series in enumerate(self.series):
                value = series.values[index] or 0
                height = (bottom - top) * value / maximum
                if self.stacked:
                    rect = QRectF(base_x, stack_top - height, slot * 0.8, height)
                    stack_top -= height
                else:
                    rect = QRectF(base_x + s_index * bar_width, bottom - height, bar_width, height)
                painter.fillRect(rect, QColor(series.colour))
                self._bars.append((rect, index, s_index))
        painter.setPen(QColor("#444444"))
        self._placed = self._axis_labels(metrics, left, slot, bottom + 2, line)
        for rect, label in self._placed:
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter, label)
        if self.marker is not None:
            position, text = self.marker
            x_pos = left + slot * position
            painter.setPen(QPen(QColor("#c0392b"), 2, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x_pos, top - line - 2), QPointF(x_pos, bottom))
            # The label above the bars, in the line kept for it: it hides no bar.
            width = metrics.horizontalAdvance(text) + 8
            x_text = x_pos + 4 if x_pos + 4 + width <= right else x_pos - 4 - width
            box = QRectF(max(0.0, x_text), top - line - 2, width, line + 2)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            self._marker_box = box

    def _axis_labels(
        self, metrics: QFontMetrics, left: float, slot: float, y: float, line: float
    ) -> list[tuple[QRectF, str]]:
        """Where each category's label goes, centred under its slot: those of
        categories with a bar first, then the others where they do not overlap one
        already placed (a crowded axis shows a label under every bar it can)."""
        placed: list[tuple[QRectF, str]] = []

        def has_bar(index: int) -> bool:
            return any((s.values[index] or 0) > 0 for s in self.series)

        order = sorted(range(len(self.labels)), key=lambda i: (not has_bar(i), i))
        for index in order:
            label = self.labels[index]
            width = metrics.horizontalAdvance(label) + 6
            centre = left + slot * (index + 0.5)
            x = min(max(0.0, centre - width / 2), max(0.0, self.width() - width))
            rect = QRectF(x, y, width, line)
            if not any(rect.intersects(other) for other, _l in placed):
                placed.append((rect, label))
        return placed

    def bar_at(self, x: float, y: float) -> tuple[int, int] | None:
        for rect, index, s_index in self._bars:
            widened = rect.adjusted(0, -4, 0, 0) if rect.height() < 4 else rect
            if widened.contains(QPointF(x, y)):
                return index, s_index
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.bar_at(event.position().x(), event.position().y())
        if hit is not None:
            self.bar_clicked.emit(*hit)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        hit = self.bar_at(event.position().x(), event.position().y())
        if hit is None:
            self.setToolTip("")
            self.unsetCursor()
            return
        index, s_index = hit
        series = self.series[s_index]
        value = series.values[index] or 0
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(
            f"{self.labels[index]} — {series.name}: {value:,.1f}{self.unit}"
            if not float(value).is_integer()
            else f"{self.labels[index]} — {series.name}: {value:,.0f}{self.unit}"
        )
