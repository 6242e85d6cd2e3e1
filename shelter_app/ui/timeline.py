"""A Gantt-style timeline of a project's checklist items, painted with QPainter.

Plain data in (`Bar`s: a label, dates, flags), pixels out; the widget knows nothing of the
database. Critical-path bars are drawn in a strong colour, overdue ones outlined in red, done
ones faded; a line marks today and weekends are shaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW = 22
LABEL_WIDTH = 260
DAY_WIDTH = 7
HEADER = 34

COLOURS = {
    "critical": QColor("#c0392b"),
    "normal": QColor("#2e86c1"),
    "done": QColor("#a9cce3"),
    "overdue": QColor("#e74c3c"),
    "weekend": QColor(0, 0, 0, 14),
    "today": QColor("#27ae60"),
    "group": QColor(0, 0, 0, 28),
}


@dataclass(frozen=True)
class Bar:
    label: str
    start: date | None
    due: date | None
    critical: bool = False
    done: bool = False
    overdue: bool = False
    group: bool = False  # a phase/checklist heading row


class TimelineView(QWidget):
    """Draws `bars`; put it in a QScrollArea (it asks for the size it needs)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.today = date.today()
        self.first = self.today
        self.last = self.today
        self.language: str | None = None  # the month names' language; None: the UI language
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setObjectName("timeline")

    def set_bars(self, bars: list[Bar], today: date | None = None) -> None:
        self.bars = bars
        self.today = today or date.today()
        dated = [d for b in bars for d in (b.start, b.due) if d is not None]
        self.first = min(dated, default=self.today) - timedelta(days=3)
        self.last = max(dated, default=self.today) + timedelta(days=7)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        days = (self.last - self.first).days + 1
        return QSize(LABEL_WIDTH + days * DAY_WIDTH + 20, HEADER + len(self.bars) * ROW + 10)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def x_of(self, day: date) -> float:
        return LABEL_WIDTH + (day - self.first).days * DAY_WIDTH

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        days = (self.last - self.first).days + 1
        height = HEADER + len(self.bars) * ROW
        # weekends and month ticks
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        painter.setFont(small)
        from shelter_app.l10n import month_label
        from shelter_app.ui.errors import ui_language

        language = self.language or ui_language()
        for n in range(days):
            day = self.first + timedelta(days=n)
            x = self.x_of(day)
            if day.weekday() >= 5:
                painter.fillRect(QRectF(x, HEADER, DAY_WIDTH, height - HEADER), COLOURS["weekend"])
            # the first column is labelled only if the next month's label is far enough away not to overlap
            starts_month = day.day == 1 or (n == 0 and day.day < 24)
            if starts_month:
                painter.setPen(QPen(self.palette().text().color()))
                painter.drawText(QPointF(x + 2, 14), month_label(day, language))
                painter.setPen(QPen(self.palette().mid().color()))
                painter.drawLine(QPointF(x, 18), QPointF(x, height))
            if day.weekday() == 0:
                painter.setPen(QPen(self.palette().mid().color()))
                painter.drawText(QPointF(x + 1, 30), str(day.day))
        # rows
        bold = QFont(self.font())
        bold.setBold(True)
        metrics, bold_metrics = QFontMetrics(self.font()), QFontMetrics(bold)
        painter.setFont(self.font())
        for row, bar in enumerate(self.bars):
            top = HEADER + row * ROW
            if bar.group:
                painter.fillRect(QRectF(0, top, LABEL_WIDTH + days * DAY_WIDTH, ROW), COLOURS["group"])
                painter.setFont(bold)
            painter.setPen(QPen(self.palette().text().color()))
            label = (bold_metrics if bar.group else metrics).elidedText(bar.label, Qt.TextElideMode.ElideRight,
                                                                         LABEL_WIDTH - 8)
            painter.drawText(QRectF(4, top, LABEL_WIDTH - 8, ROW), Qt.AlignmentFlag.AlignVCenter, label)
            painter.setFont(self.font())
            if bar.start is None or bar.due is None or bar.group:
                continue
            x0, x1 = self.x_of(bar.start), self.x_of(bar.due) + DAY_WIDTH
            colour = COLOURS["done"] if bar.done else COLOURS["critical"] if bar.critical else COLOURS["normal"]
            rect = QRectF(x0, top + 5, max(x1 - x0, 3), ROW - 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(rect, 3, 3)
            if bar.overdue:  # an outline set off by a gap, so it shows on a red critical bar too
                painter.setPen(QPen(COLOURS["overdue"], 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 4, 4)
        # today
        if self.first <= self.today <= self.last:
            x = self.x_of(self.today) + DAY_WIDTH / 2
            painter.setPen(QPen(COLOURS["today"], 2))
            painter.drawLine(QPointF(x, 18), QPointF(x, height))
        painter.end()
