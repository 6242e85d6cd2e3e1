"""The business case's results on screen: scenarios side by side, cost blocks, cumulative cash flow.

Charts are painted with QPainter (QtCharts is not in the wheels we ship) from the same chart data as
the PDF (`core.business_charts`): its titles, axis titles with their unit, category words and the cost
blocks' names, picked in the page's language. Each scenario is a `Column`: its name and its
`BusinessCaseResult` (None when its inputs do not compute yet).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QTextOption
from PySide6.QtWidgets import QSizePolicy, QTableWidget, QTableWidgetItem, QWidget

from shelter_app.core.bilingual import Text
from shelter_app.core.business_case.china import ChinaComparison
from shelter_app.core.business_case.ieps import IepsImports, ieps_memo
from shelter_app.core.business_case.result import BusinessCaseResult, direct_hourly_usd
from shelter_app.core.business_case.sensitivity import first_full_year
from shelter_app.core.business_case.site_score import SiteEntry, SiteFacts, score_sites
from shelter_app.core.business_charts import (
    CASH_FLOW_TITLE,
    COST_BLOCKS_TITLE,
    BarChart,
    LineChart,
    cost_blocks,
    cumulative_cash_flow_of,
)
from shelter_app.l10n import format_number

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

BLOCK_COLOURS = {
    "labor": "#2f6db5",
    "shelter_fee": "#7aa6d8",
    "facility": "#e39a2d",
    "utilities": "#f0c36d",
    "site_overhead": "#8c8c8c",
    "logistics": "#3f9e5b",
    "duties": "#b84a4a",
}
LINE_COLOURS = ("#2f6db5", "#e07b39", "#3f9e5b", "#8e5bb5", "#b84a4a", "#5b8e8e")


@dataclass(frozen=True)
class Column:
    name: str
    result: BusinessCaseResult | None
    current: bool = False
    china: ChinaComparison | None = None
    """The scenario against its China-supplier baseline, when it has one."""
    site: SiteFacts | None = None
    """Vacancy, distance to the crossing, talent pool: for the weighted site score."""
    ieps: IepsImports | None = None
    """IEPS-taxed temporary imports (`_ieps`): the certification then also avoids their IEPS."""


def _certification_benefit(result: BusinessCaseResult, ieps: IepsImports | None) -> Decimal:
    """What the certification avoids a year: the IVA of the memo, plus the IEPS of `_ieps` when there is some."""
    memo = ieps_memo(result.iva_financing, ieps)
    return memo.total_certification_benefit_usd_per_year if memo is not None else \
        result.iva_financing.certification_benefit_usd_per_year


def usd(value: Decimal, language: str) -> str:
    return f"{format_number(value, language)} USD"


def compact(value: Decimal, language: str) -> str:
    """Axis labels: 1.2 M, 350 k."""
    magnitude = abs(value)
    if magnitude >= 1_000_000:
        return f"{format_number(value / 1_000_000, language, 1)} M"
    if magnitude >= 1_000:
        return f"{format_number(value / 1_000, language, 0)} k"
    return format_number(value, language)


class ComparisonTable(QTableWidget):
    """Headline figures, one column per scenario."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.setObjectName("comparisonTable")
        self.setAccessibleName(self.tr("Comparison of the plants"))
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.verticalHeader().setDefaultSectionSize(22)

    def set_columns(self, columns: Sequence[Column]) -> None:
        rows = [
            translate("BusinessResults", "Mexico, a full year"),
            translate("BusinessResults", "Current plant, same year"),
            translate("BusinessResults", "Annual savings"),
            translate("BusinessResults", "Loaded cost per direct hour"),
            translate("BusinessResults", "One-time cost"),
            translate("BusinessResults", "NPV"),
            translate("BusinessResults", "IRR"),
            translate("BusinessResults", "Payback"),
            translate("BusinessResults", "IVA and IEPS cost avoided by the certification"),
        ]
        computed = [c for c in columns if c.result is not None]
        scores = {}
        if len(computed) >= 2:  # the weighted site score compares two or more scenarios
            found = score_sites([SiteEntry(c.name, c.result, c.site) for c in computed if c.result is not None])
            scores = {c.name: found[n] for n, c in enumerate(computed)}
            rows.append(translate("BusinessResults", "Site score (rank)"))
        with_china = any(c.china is not None for c in columns)
        if with_china:
            rows += [translate("BusinessResults", "Savings vs the China supplier"),
                     translate("BusinessResults", "NPV vs the China supplier")]
        self.clear()
        self.setRowCount(len(rows))
        self.setColumnCount(len(columns))
        self.setVerticalHeaderLabels(rows)
        self.setHorizontalHeaderLabels([("● " if c.current else "") + c.name for c in columns])
        for column, entry in enumerate(columns):
            values = self._values(entry.result, entry.ieps)
            if scores:
                score = scores.get(entry.name)
                values.append("—" if score is None or score.score is None else
                              f"{format_number(score.score, self.language, 0)} (#{score.rank})")
            if with_china:
                values += self._china_values(entry)
            for row, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if entry.current:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, column, item)
        self.resizeColumnsToContents()

    def _china_values(self, entry: Column) -> list[str]:
        if entry.china is None or entry.result is None:
            return ["—", "—"]
        year = first_full_year(entry.result).year
        china_year = next((y for y in entry.china.years if y.year == year), entry.china.years[-1])
        return [usd(china_year.savings_usd, self.language), usd(entry.china.returns.npv_usd, self.language)]

    def _values(self, result: BusinessCaseResult | None, ieps: IepsImports | None = None) -> list[str]:
        if result is None:
            return [translate("BusinessResults", "does not compute yet")] + [""] * 8
        lang = self.language
        year = first_full_year(result)
        hourly = direct_hourly_usd(year)
        returns = result.returns
        irr = (
            f"{format_number(returns.irr * 100, lang, 1)} %"
            if returns.irr is not None
            else translate("BusinessResults", "none (no sign change)")
        )
        payback = (
            translate("BusinessResults", "{years} years").format(years=format_number(returns.payback_years, lang, 1))
            if returns.payback_years is not None
            else translate("BusinessResults", "not within %n year(s)", "", len(result.years))
        )
        return [
            f"{usd(year.mexico.total_usd, lang)} ({year.year})",
            usd(year.baseline.total_usd, lang),
            usd(year.savings_usd, lang),
            f"{format_number(hourly, lang, 2)} USD/h" if hourly is not None else "—",
            usd(result.one_time.total_usd, lang),
            usd(returns.npv_usd, lang),
            irr,
            payback,
            usd(_certification_benefit(result, ieps), lang),
        ]


Align = Qt.AlignmentFlag
INK, MUTED, GRID = "#222222", "#666666", "#dddddd"


class _Chart(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.columns: list[Column] = []
        self.painted: list[str] = []
        """The texts of the last paint, in the order drawn (what a reader sees; the tests read it)."""
        self.setMinimumHeight(120)  # the splitter gives it more; 1280x720 at 125 % has little
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.columns = [c for c in columns if c.result is not None]
        self.update()

    def _named(self) -> list[tuple[str, BusinessCaseResult]]:
        return [(c.name, c.result) for c in self.columns if c.result is not None]

    def _t(self, text: Text) -> str:
        return text.pick(self.language)

    def _start(self, painter: QPainter) -> None:
        self.painted = []
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))

    def _text(self, painter: QPainter, box: QRectF, flags: Qt.AlignmentFlag, text: str,
              colour: str = INK, elide: bool = True, wrap: bool = False) -> None:
        """`text` in `box`: on one line cut with an ellipsis when it is wider, or wrapped at spaces (`wrap`) and cut
        only when two lines are not enough."""
        metrics = painter.fontMetrics()
        width = max(int(box.width()), 1)
        if wrap and metrics.horizontalAdvance(text) > 2 * width:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, 2 * width - metrics.averageCharWidth())
        elif elide and not wrap:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        painter.setPen(QColor(colour))
        option = QTextOption(flags)
        option.setWrapMode(QTextOption.WrapMode.WordWrap if wrap else QTextOption.WrapMode.NoWrap)
        painter.drawText(box, text, option)
        self.painted.append(text)

    def _header(self, painter: QPainter, title: Text) -> float:
        """The chart's title, bold, at the top; returns the y below it."""
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        self._text(painter, QRectF(8, 4, self.width() - 16, 18), Align.AlignLeft | Align.AlignVCenter, self._t(title))
        painter.setFont(self.font())
        return 24.0

    def _empty(self, painter: QPainter) -> None:
        self._text(painter, QRectF(self.rect()), Align.AlignCenter,
                   translate("BusinessResults", "No scenario computes yet."), elide=False)


class BlocksChart(_Chart):
    """A full year's cost blocks, stacked: each scenario's Mexican plant, then the current plant."""

    def chart(self) -> BarChart | None:
        current = next((c for c in self.columns if c.current), self.columns[0] if self.columns else None)
        if current is None or current.result is None:
            return None
        return cost_blocks(self._named(), current.result)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._start(painter)
        chart = self.chart()
        if chart is None:
            self._header(painter, COST_BLOCKS_TITLE)
            self._empty(painter)
            return
        y = self._header(painter, chart.title)
        metrics = painter.fontMetrics()
        line = float(metrics.height())
        label_width, left, right = 150.0, 8.0, 70.0  # right: room for the total after the longest bar
        plot_width = max(self.width() - label_width - left - right, 40.0)
        # the axes: the plants' column and the amounts' unit, on one line under the title
        self._text(painter, QRectF(left, y, label_width - 8, line), Align.AlignRight | Align.AlignVCenter,
                   self._t(chart.category_axis.caption), MUTED)
        self._text(painter, QRectF(left + label_width, y, plot_width + right - 8, line),
                   Align.AlignLeft | Align.AlignVCenter, self._t(chart.value_axis.caption), MUTED)
        y += line + 4
        totals = [sum((s.values[i] for s in chart.series if s.values[i] > 0), Decimal(0))
                  for i in range(len(chart.categories))]
        top = max(totals) or Decimal(1)
        legend = [self._t(series.label) for series in chart.series]
        legend_height = self._legend_rows(painter, legend, left) * (line + 4)
        row_height = min(34.0, (self.height() - y - 4 - legend_height) / max(len(chart.categories), 1))
        for i, category in enumerate(chart.categories):
            self._text(painter, QRectF(left, y, label_width - 8, row_height * 0.8),
                       Align.AlignRight | Align.AlignVCenter, self._t(category))
            x = left + label_width
            for series in chart.series:
                value = series.values[i]
                if value <= 0:
                    continue
                width = float(value / top) * plot_width
                painter.fillRect(QRectF(x, y + 3, width, row_height * 0.8 - 6), QColor(BLOCK_COLOURS[series.key]))
                x += width
            self._text(painter, QRectF(x + 4, y, right - 4, row_height * 0.8), Align.AlignLeft | Align.AlignVCenter,
                       compact(totals[i], self.language), "#444444")
            y += row_height
        x = left
        for series, text in zip(chart.series, legend, strict=True):
            step = 24 + metrics.horizontalAdvance(text)
            if x + step > self.width() - 8 and x > left:  # wrap the legend
                x, y = left, y + line + 4
            painter.fillRect(QRectF(x, y + (line - 10) / 2, 10, 10), QColor(BLOCK_COLOURS[series.key]))
            self._text(painter, QRectF(x + 14, y, self.width() - 8 - x - 14, line),
                       Align.AlignLeft | Align.AlignVCenter, text, "#444444")
            x += step

    def _legend_rows(self, painter: QPainter, texts: Sequence[str], left: float) -> int:
        """How many lines the legend takes at this width."""
        rows, x = 1, left
        for text in texts:
            step = 24 + painter.fontMetrics().horizontalAdvance(text)
            if x + step > self.width() - 8 and x > left:
                rows, x = rows + 1, left
            x += step
        return rows


class CashFlowChart(_Chart):
    """Cumulative cash flow from the start-up outlay (t = 0) to the horizon, one line per scenario."""

    def chart(self) -> LineChart | None:
        named = self._named()
        return cumulative_cash_flow_of(named) if named else None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self._start(painter)
        chart = self.chart()
        if chart is None:
            self._header(painter, CASH_FLOW_TITLE)
            self._empty(painter)
            return
        y = self._header(painter, chart.title)
        metrics = painter.fontMetrics()
        line = float(metrics.height())
        self._text(painter, QRectF(8, y, self.width() - 16, line), Align.AlignLeft | Align.AlignVCenter,
                   self._t(chart.value_axis.caption), MUTED)
        values = [v for s in chart.series for v in s.values] + [Decimal(0)]
        low, high = min(values), max(values)
        span = (high - low) or Decimal(1)
        left, right = 70.0, 16.0
        top = y + line + 4 + line / 2  # half a line for the top value's label
        bottom = 4 * line + 14  # the categories (two lines), the axis title and the legend
        width = max(self.width() - left - right, 40.0)
        height = max(self.height() - top - bottom, 40.0)
        slot = width / max(len(chart.categories), 1)

        def point(t: int, value: Decimal) -> QPointF:
            return QPointF(left + slot * (t + 0.5), top + height * float((high - value) / span))

        zero = point(0, Decimal(0)).y()
        painter.setPen(QPen(QColor(GRID), 1))
        painter.drawLine(QPointF(left, zero), QPointF(left + width, zero))
        for value in dict.fromkeys((high, Decimal(0), low)):
            self._text(painter, QRectF(0, point(0, value).y() - line / 2, left - 6, line),
                       Align.AlignRight | Align.AlignVCenter, compact(value, self.language), MUTED)
        below = top + height + 4
        for t, category in enumerate(chart.categories):  # words under their points, two lines at most
            self._text(painter, QRectF(left + slot * t + 1, below, slot - 2, 2 * line),
                       Align.AlignHCenter | Align.AlignTop, self._t(category), MUTED, wrap=True)
        self._text(painter, QRectF(left, below + 2 * line + 2, width, line), Align.AlignHCenter | Align.AlignVCenter,
                   self._t(chart.category_axis.caption), MUTED)
        legend_x, legend_y = left, self.height() - line - 2
        for n, (column, series) in enumerate(zip(self.columns, chart.series, strict=True)):
            colour = QColor(LINE_COLOURS[n % len(LINE_COLOURS)])
            painter.setPen(QPen(colour, 3 if column.current else 2))
            for t in range(1, len(series.values)):
                painter.drawLine(point(t - 1, series.values[t - 1]), point(t, series.values[t]))
            name = self._t(series.label)
            self._text(painter, QRectF(legend_x, legend_y, self.width() - legend_x, line),
                       Align.AlignLeft | Align.AlignVCenter, f"— {name}", LINE_COLOURS[n % len(LINE_COLOURS)])
            legend_x += 30 + metrics.horizontalAdvance(name)
