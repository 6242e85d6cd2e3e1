"""The business case's results on screen: scenarios side by side, cost blocks, cumulative cash flow.

Charts are painted with QPainter (QtCharts is not in the wheels we ship). Each scenario is a
`Column`: its name and its `BusinessCaseResult` (None when its inputs do not compute yet).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QTableWidget, QTableWidgetItem, QWidget

from shelter_app.core.business_case.china import ChinaComparison
from shelter_app.core.business_case.result import BusinessCaseResult, direct_hourly_usd
from shelter_app.core.business_case.sensitivity import first_full_year
from shelter_app.core.business_case.site_score import SiteEntry, SiteFacts, score_sites
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


def block_labels() -> dict[str, str]:
    return {
        "labor": translate("BusinessResults", "Labor"),
        "shelter_fee": translate("BusinessResults", "Shelter fee"),
        "facility": translate("BusinessResults", "Facility"),
        "utilities": translate("BusinessResults", "Utilities"),
        "site_overhead": translate("BusinessResults", "Site services"),
        "logistics": translate("BusinessResults", "Logistics"),
        "duties": translate("BusinessResults", "Duties"),
    }


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
            translate("BusinessResults", "IVA cost avoided by the certification"),
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
            values = self._values(entry.result)
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

    def _values(self, result: BusinessCaseResult | None) -> list[str]:
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
            usd(result.iva_financing.certification_benefit_usd_per_year, lang),
        ]


class _Chart(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.columns: list[Column] = []
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.columns = [c for c in columns if c.result is not None]
        self.update()

    def _title(self, painter: QPainter, text: str) -> None:
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(8, 4, self.width() - 16, 18), Qt.AlignmentFlag.AlignLeft, text)
        painter.setFont(self.font())


class BlocksChart(_Chart):
    """A full year's cost blocks, stacked: each scenario's Mexican plant, then the current plant."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self._title(painter, translate("BusinessResults", "Annual cost by block, a full year (USD)"))
        if not self.columns:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, translate("BusinessResults", "No scenario computes yet.")
            )
            return
        current = next((c for c in self.columns if c.current), self.columns[0])
        assert current.result is not None
        bars: list[tuple[str, list[tuple[str, Decimal]]]] = []
        for column in self.columns:
            assert column.result is not None
            bars.append((column.name, list(first_full_year(column.result).mexico.blocks_usd.items())))
        baseline = first_full_year(current.result).baseline.blocks_usd
        bars.append((translate("BusinessResults", "Current plant"), list(baseline.items())))
        top = max(sum((v for _, v in blocks if v > 0), Decimal(0)) for _, blocks in bars) or Decimal(1)
        label_width, left, right = 150.0, 8.0, 70.0  # right: room for the total after the longest bar
        plot_width = max(self.width() - label_width - left - right, 40.0)
        legend_height = 44.0  # two lines when the chart is narrow
        row_height = min(34.0, (self.height() - 30 - legend_height) / max(len(bars), 1))
        y = 28.0
        metrics = painter.fontMetrics()
        for name, blocks in bars:
            painter.setPen(QColor("#222222"))
            elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(label_width - 8))
            painter.drawText(
                QRectF(left, y, label_width - 8, row_height * 0.8),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
            x = left + label_width
            total = Decimal(0)
            for key, value in blocks:
                if value <= 0:
                    continue
                width = float(value / top) * plot_width
                painter.fillRect(QRectF(x, y + 3, width, row_height * 0.8 - 6), QColor(BLOCK_COLOURS[key]))
                x += width
                total += value
            painter.setPen(QColor("#444444"))
            painter.drawText(
                QRectF(x + 4, y, 120, row_height * 0.8), Qt.AlignmentFlag.AlignVCenter, compact(total, self.language)
            )
            y += row_height
        x = left
        for key, text in block_labels().items():
            step = 24 + metrics.horizontalAdvance(text)
            if x + step > self.width() - 8 and x > left:  # wrap the legend
                x, y = left, y + 18
            painter.fillRect(QRectF(x, y + 6, 10, 10), QColor(BLOCK_COLOURS[key]))
            painter.setPen(QColor("#444444"))
            painter.drawText(QPointF(x + 14, y + 15), text)
            x += step


class CashFlowChart(_Chart):
    """Cumulative cash flow from the start-up outlay (t = 0) to the horizon, one line per scenario."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self._title(painter, translate("BusinessResults", "Cumulative cash flow (USD)"))
        if not self.columns:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, translate("BusinessResults", "No scenario computes yet.")
            )
            return
        series = [(c, c.result.returns.cumulative_cash_flows_usd) for c in self.columns if c.result is not None]
        values = [v for _, points in series for v in points] + [Decimal(0)]
        low, high = min(values), max(values)
        span = (high - low) or Decimal(1)
        left, top, right, bottom = 70.0, 28.0, 16.0, 40.0
        width = max(self.width() - left - right, 40.0)
        height = max(self.height() - top - bottom, 40.0)
        steps = max(len(points) for _, points in series) - 1 or 1

        def point(t: int, value: Decimal) -> QPointF:
            return QPointF(left + width * t / steps, top + height * float((high - value) / span))

        painter.setPen(QPen(QColor("#bbbbbb"), 1))
        zero = point(0, Decimal(0)).y()
        painter.drawLine(QPointF(left, zero), QPointF(left + width, zero))
        painter.setPen(QColor("#666666"))
        for value in (high, Decimal(0), low):
            painter.drawText(
                QRectF(0, point(0, value).y() - 8, left - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                compact(value, self.language),
            )
        first = self.columns[0].result
        assert first is not None
        for t in range(steps + 1):
            label = "0" if t == 0 else str(first.years[t - 1].year) if t - 1 < len(first.years) else str(t)
            painter.drawText(
                QRectF(point(t, low).x() - 30, top + height + 4, 60, 16), Qt.AlignmentFlag.AlignHCenter, label
            )
        legend_x = left
        for n, (column, points) in enumerate(series):
            colour = QColor(LINE_COLOURS[n % len(LINE_COLOURS)])
            painter.setPen(QPen(colour, 3 if column.current else 2))
            for t in range(1, len(points)):
                painter.drawLine(point(t - 1, points[t - 1]), point(t, points[t]))
            painter.drawText(QPointF(legend_x, self.height() - 6), f"— {column.name}")
            legend_x += 30 + painter.fontMetrics().horizontalAdvance(column.name)
