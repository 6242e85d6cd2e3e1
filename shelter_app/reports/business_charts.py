"""reportlab drawings of the business case's charts (`core.business_charts`): vector, in our font.

Each function takes the chart's plain data, a width and the language, and returns a `Drawing`
that fits the width; labels that would not fit are shortened with an ellipsis, never allowed to
run off the drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from reportlab.graphics.shapes import Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from shelter_app.core.bilingual import Text
from shelter_app.core.business_charts import BarChart, Gantt, LineChart, Tornado, Waterfall
from shelter_app.l10n import format_date, format_number
from shelter_app.reports.fonts import BOLD, REGULAR
from shelter_app.reports.pdfkit import CRITICAL, INK, MUTED, RULE, drawing, fit, rect

Anchor = Literal["start", "middle", "end"]

PALETTE = (
    colors.HexColor("#1565C0"),
    colors.HexColor("#EF6C00"),
    colors.HexColor("#2E7D32"),
    colors.HexColor("#6A1B9A"),
    colors.HexColor("#00838F"),
    colors.HexColor("#AD1457"),
)
GOOD = colors.HexColor("#2E7D32")
BAD = colors.HexColor("#C62828")
NEUTRAL = colors.HexColor("#546E7A")
GRID = colors.HexColor("#E0E0E0")
LABEL_SIZE = 6.8
TITLE_SIZE = 8.5


def _t(text: Text, language: str) -> str:
    return text.pick(language)


def compact(value: Decimal | float, language: str) -> str:
    """An axis label: 1.2 M, 350 k, 0 (sign kept)."""
    v = Decimal(str(value)) if isinstance(value, float) else value
    size = abs(v)
    for factor, suffix in (
        (Decimal(10) ** 9, " B" if language == "en" else " mil M"),
        (Decimal(10) ** 6, " M"),
        (Decimal(1000), " k"),
    ):
        if size >= factor:
            places = 1 if size < factor * 10 else 0
            return format_number(v / factor, language, places) + suffix
    return format_number(v, language, 0 if size >= 10 or size == 0 else 1)


def _nice_step(span: float, ticks: int = 5) -> float:
    raw = span / max(ticks, 1)
    if raw <= 0:
        return 1.0
    magnitude = float(10 ** math.floor(math.log10(raw)))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if raw <= m * magnitude:
            return m * magnitude
    return 10 * magnitude


def _axis(low: float, high: float) -> tuple[float, float, float]:
    """A range that includes 0 and the data, in round steps."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high = low + 1
    step = _nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def _string(
    x: float,
    y: float,
    text: str,
    *,
    size: float = LABEL_SIZE,
    anchor: Anchor = "start",
    font: str = REGULAR,
    color: colors.Color = INK,
) -> String:
    s = String(x, y, text, fontName=font, fontSize=size, textAnchor=anchor)
    s.fillColor = color
    return s


def _line(x1: float, y1: float, x2: float, y2: float, color: colors.Color = RULE, width: float = 0.5) -> Line:
    line = Line(x1, y1, x2, y2)
    line.strokeColor = color
    line.strokeWidth = width
    return line


def _title(d: Drawing, text: str, width: float, height: float, unit: str = "") -> None:
    """The chart's title at the top left and its unit at the top right."""
    unit_w = stringWidth(unit, REGULAR, LABEL_SIZE) + 8 if unit else 0
    d.add(_string(0, height - TITLE_SIZE, fit(text, BOLD, TITLE_SIZE, width - unit_w), size=TITLE_SIZE, font=BOLD))
    if unit:
        d.add(_string(width, height - TITLE_SIZE, unit, anchor="end", color=MUTED))


def _legend(d: Drawing, labels: Sequence[str], width: float, y: float) -> None:
    """Swatches and labels in a row (wrapping to more rows when needed), from the left at height `y`."""
    x = 0.0
    for n, label in enumerate(labels):
        text = fit(label, REGULAR, LABEL_SIZE, width * 0.45)
        w = 12 + len(text) * LABEL_SIZE * 0.55 + 10
        if x and x + w > width:
            x, y = 0.0, y - 10
        d.add(rect(x, y, 7, 7, fill=PALETTE[n % len(PALETTE)], stroke=None))
        d.add(_string(x + 10, y + 0.5, text))
        x += w


def _legend_rows(labels: Sequence[str], width: float) -> int:
    rows, x = 1, 0.0
    for label in labels:
        w = 12 + len(fit(label, REGULAR, LABEL_SIZE, width * 0.45)) * LABEL_SIZE * 0.55 + 10
        if x and x + w > width:
            rows, x = rows + 1, 0.0
        x += w
    return rows


def _value_axis(
    d: Drawing,
    left: float,
    bottom: float,
    plot_w: float,
    plot_h: float,
    low: float,
    high: float,
    step: float,
    language: str,
    unit: str,
) -> Callable[[float], float]:
    def y_of(v: float) -> float:
        return bottom + (v - low) / (high - low) * plot_h

    v = low
    while v <= high + step / 2:
        y = y_of(v)
        d.add(_line(left, y, left + plot_w, y, GRID if abs(v) > 1e-9 else MUTED, 0.4 if abs(v) > 1e-9 else 0.7))
        d.add(_string(left - 3, y - 2.3, compact(Decimal(str(round(v, 6))), language), anchor="end"))
        v += step
    return y_of


def bar_chart(chart: BarChart, width: float, language: str, height: float = 170) -> Drawing:
    d = drawing(width, height)
    _title(d, _t(chart.title, language), width, height, chart.unit)
    labels = [_t(s.label, language) for s in chart.series]
    legend_rows = _legend_rows(labels, width) if len(labels) > 1 else 0
    note_h = 10 if chart.note else 0
    left, top_pad = 46.0, TITLE_SIZE + 12
    bottom = 16 + legend_rows * 10 + note_h
    plot_w, plot_h = width - left - 4, height - top_pad - bottom
    n = len(chart.categories)
    if chart.stacked:
        tops = [sum(float(s.values[i]) for s in chart.series if s.values[i] > 0) for i in range(n)]
        lows = [sum(float(s.values[i]) for s in chart.series if s.values[i] < 0) for i in range(n)]
    else:
        tops = [max(float(s.values[i]) for s in chart.series) for i in range(n)]
        lows = [min(float(s.values[i]) for s in chart.series) for i in range(n)]
    low, high, step = _axis(min(lows, default=0), max(tops, default=1))
    y_of = _value_axis(d, left, bottom, plot_w, plot_h, low, high, step, language, chart.unit)
    slot = plot_w / max(n, 1)
    bar_w = slot * 0.7 / (1 if chart.stacked else len(chart.series))
    for i, category in enumerate(chart.categories):
        x0 = left + i * slot + slot * 0.15
        up, down = 0.0, 0.0
        for k, series in enumerate(chart.series):
            v = float(series.values[i])
            color = PALETTE[k % len(PALETTE)]
            if chart.stacked:
                base = up if v >= 0 else down
                y1, y2 = y_of(base), y_of(base + v)
                if v >= 0:
                    up += v
                else:
                    down += v
                d.add(rect(x0, min(y1, y2), bar_w, abs(y2 - y1), fill=color, stroke=None))
            else:
                y1, y2 = y_of(0), y_of(v)
                d.add(rect(x0 + k * bar_w, min(y1, y2), bar_w * 0.92, abs(y2 - y1), fill=color, stroke=None))
        label = fit(category, REGULAR, LABEL_SIZE, slot - 2)
        d.add(_string(left + i * slot + slot / 2, bottom - 9, label, anchor="middle"))
    if legend_rows:
        _legend(d, labels, width, 2 + note_h + (legend_rows - 1) * 10)
    if chart.note:
        d.add(_string(0, 1, fit(_t(chart.note, language), REGULAR, LABEL_SIZE, width), color=MUTED))
    return d


def stacked_bars_horizontal(chart: BarChart, width: float, language: str) -> Drawing:
    """One horizontal stacked bar per category (roles), for long names and many categories."""
    row_h = 12.0
    labels = [_t(s.label, language) for s in chart.series]
    legend_rows = _legend_rows(labels, width)
    note_h = 10 if chart.note else 0
    top_pad = TITLE_SIZE + 8
    axis_h = 14
    height = top_pad + len(chart.categories) * row_h + axis_h + legend_rows * 10 + note_h + 4
    d = drawing(width, height)
    _title(d, _t(chart.title, language), width, height)
    label_w = min(150.0, width * 0.3)
    plot_w = width - label_w - 10
    total = max((sum(float(s.values[i]) for s in chart.series) for i in range(len(chart.categories))), default=1)
    _, high, step = _axis(0, total)
    bottom = legend_rows * 10 + note_h + axis_h + 2
    d.add(_string(width, height - TITLE_SIZE, chart.unit, anchor="end", color=MUTED))

    def x_of(v: float) -> float:
        return label_w + v / high * plot_w

    v = 0.0
    while v <= high + step / 2:
        d.add(_line(x_of(v), bottom, x_of(v), bottom + len(chart.categories) * row_h, GRID, 0.4))
        d.add(_string(x_of(v), bottom - 9, compact(Decimal(str(round(v, 6))), language), anchor="middle"))
        v += step
    for i, category in enumerate(chart.categories):
        y = bottom + (len(chart.categories) - 1 - i) * row_h + 2
        d.add(_string(label_w - 4, y + 2, fit(category, REGULAR, LABEL_SIZE, label_w - 6), anchor="end"))
        acc = 0.0
        for k, series in enumerate(chart.series):
            val = max(float(series.values[i]), 0.0)
            d.add(
                rect(x_of(acc), y, x_of(acc + val) - x_of(acc), row_h - 4, fill=PALETTE[k % len(PALETTE)], stroke=None)
            )
            acc += val
    _legend(d, labels, width, note_h + (legend_rows - 1) * 10)
    if chart.note:
        d.add(_string(0, 0, fit(_t(chart.note, language), REGULAR, LABEL_SIZE, width), color=MUTED))
    return d


def line_chart(chart: LineChart, width: float, language: str, height: float = 170) -> Drawing:
    d = drawing(width, height)
    _title(d, _t(chart.title, language), width, height, chart.unit)
    labels = [_t(s.label, language) for s in chart.series]
    legend_rows = _legend_rows(labels, width)
    left, top_pad = 46.0, TITLE_SIZE + 12
    bottom = 16 + legend_rows * 10
    plot_w, plot_h = width - left - 8, height - top_pad - bottom
    values = [float(v) for s in chart.series for v in s.values]
    low, high, step = _axis(min(values, default=0), max(values, default=1))
    y_of = _value_axis(d, left, bottom, plot_w, plot_h, low, high, step, language, chart.unit)
    n = len(chart.categories)
    slot = plot_w / max(n - 1, 1)
    for i, category in enumerate(chart.categories):
        d.add(_string(left + i * slot, bottom - 9, fit(category, REGULAR, LABEL_SIZE, slot), anchor="middle"))
    for k, series in enumerate(chart.series):
        points: list[float] = []
        for i, v in enumerate(series.values):
            points += [left + i * slot, y_of(float(v))]
        line = PolyLine(points)
        line.strokeColor = PALETTE[k % len(PALETTE)]
        line.strokeWidth = 1.6
        d.add(line)
        for i in range(len(series.values)):
            d.add(
                rect(
                    points[2 * i] - 1.6, points[2 * i + 1] - 1.6, 3.2, 3.2, fill=PALETTE[k % len(PALETTE)], stroke=None
                )
            )
    _legend(d, labels, width, 2 + (legend_rows - 1) * 10)
    return d


def waterfall(chart: Waterfall, width: float, language: str, height: float = 200) -> Drawing:
    d = drawing(width, height)
    _title(d, _t(chart.title, language), width, height, chart.unit)
    left, top_pad, bottom = 46.0, TITLE_SIZE + 12, 30.0
    plot_w, plot_h = width - left - 4, height - top_pad - bottom
    running = float(chart.start)
    levels = [running]
    for step_ in chart.steps:
        running += float(step_.delta)
        levels.append(running)
    low, high, step = _axis(min([*levels, float(chart.end)]), max([*levels, float(chart.end)]))
    y_of = _value_axis(d, left, bottom, plot_w, plot_h, low, high, step, language, chart.unit)
    bars = [(chart.start_label, 0.0, float(chart.start), NEUTRAL)]
    running = float(chart.start)
    for step_ in chart.steps:
        delta = float(step_.delta)
        bars.append((step_.label, running, running + delta, GOOD if delta < 0 else BAD))
        running += delta
    bars.append((chart.end_label, 0.0, float(chart.end), NEUTRAL))
    slot = plot_w / len(bars)
    for i, (label, a, b, color) in enumerate(bars):
        x = left + i * slot + slot * 0.15
        d.add(rect(x, min(y_of(a), y_of(b)), slot * 0.7, max(abs(y_of(b) - y_of(a)), 0.6), fill=color, stroke=None))
        if 0 < i < len(bars) - 1:
            d.add(
                _string(
                    x + slot * 0.35,
                    max(y_of(a), y_of(b)) + 2,
                    compact(Decimal(str(b - a)), language),
                    anchor="middle",
                    size=6,
                )
            )
        words = _t(label, language)
        first, second = _two_lines(words, slot - 2)
        d.add(_string(left + i * slot + slot / 2, bottom - 9, first, anchor="middle", size=6.2))
        if second:
            d.add(_string(left + i * slot + slot / 2, bottom - 16.5, second, anchor="middle", size=6.2))
    return d


def _two_lines(text: str, width: float, size: float = 6.2) -> tuple[str, str]:
    """Break a label over two lines at a space; the second is cut with an ellipsis if still too long."""
    if stringWidth(text, REGULAR, size) <= width:
        return text, ""
    words = text.split()
    first = ""
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        if stringWidth(candidate, REGULAR, size) <= width:
            first = candidate
            rest = " ".join(words[n:])
            return first, fit(rest, REGULAR, size, width)
    return fit(text, REGULAR, size, width), ""


def tornado(chart: Tornado, width: float, language: str) -> Drawing:
    row_h = 20.0
    top_pad, axis_h, legend_h = TITLE_SIZE + 10, 16, 12
    height = top_pad + len(chart.bars) * row_h + axis_h + legend_h
    d = drawing(width, height)
    _title(d, _t(chart.title, language), width, height)
    label_w = min(170.0, width * 0.34)
    gap = 34.0  # room for the settings printed at the bars' ends
    plot_w = width - label_w - 2 * gap
    base = float(chart.base)
    values = [float(v) for b in chart.bars for v in (b.low, b.high)] + [base]
    span = max(abs(v - base) for v in values) or 1.0
    step = _nice_step(2 * span, 4)
    half = math.ceil(span / step) * step

    def x_of(v: float) -> float:
        return label_w + gap + (v - base + half) / (2 * half) * plot_w

    bottom = axis_h + legend_h
    v = -half
    while v <= half + step / 2:
        x = x_of(base + v)
        d.add(_line(x, bottom, x, bottom + len(chart.bars) * row_h, GRID if abs(v) > 1e-9 else MUTED, 0.4))
        d.add(_string(x, bottom - 9, compact(Decimal(str(round(base + v, 2))), language), anchor="middle"))
        v += step
    for i, bar in enumerate(chart.bars):
        y = bottom + (len(chart.bars) - 1 - i) * row_h + 4
        label = _t(bar.label, language)
        first, second = _two_lines(label, label_w - 6, LABEL_SIZE)
        d.add(_string(label_w - 4, y + (7 if second else 3), first, anchor="end"))
        if second:
            d.add(_string(label_w - 4, y - 1, second, anchor="end"))
        for value, setting, color in (
            (float(bar.low), bar.low_setting, PALETTE[0]),
            (float(bar.high), bar.high_setting, PALETTE[1]),
        ):
            x1, x2 = sorted((x_of(base), x_of(value)))
            d.add(rect(x1, y, max(x2 - x1, 0.6), row_h - 8, fill=color, stroke=None))
            if value < base:
                d.add(_string(x1 - 2, y + 3, fit(setting, REGULAR, 6, gap - 2), anchor="end", size=6))
            else:
                d.add(_string(x2 + 2, y + 3, fit(setting, REGULAR, 6, gap - 2), size=6))
    words = (
        Text("Driver at its low setting", "Variable en su valor bajo"),
        Text("Driver at its high setting", "Variable en su valor alto"),
    )
    _legend(d, [_t(w, language) for w in words], width, 0)
    d.add(_string(width, 0, f"{chart.unit} · NPV", anchor="end", color=MUTED))
    return d


def gantt_chart(chart: Gantt, width: float, language: str) -> Drawing:
    row_h = 13.0
    top_pad, axis_h = TITLE_SIZE + 10, 16
    height = top_pad + max(len(chart.bars), 1) * row_h + axis_h + 12
    d = drawing(width, height)
    _title(d, _t(chart.title, language), width, height)
    if not chart.bars:
        return d
    label_w = min(170.0, width * 0.34)
    plot_w = width - label_w - 6
    start = min(b.start for b in chart.bars)
    end = max(b.end for b in chart.bars)
    start = start.replace(day=1)
    end = (end.replace(day=1) + timedelta(days=32)).replace(day=1)
    days = max((end - start).days, 1)

    def x_of(day: date) -> float:
        return label_w + (day - start).days / days * plot_w

    bottom = axis_h + 12
    month = start
    months = []
    while month < end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    every = max(1, math.ceil(len(months) / max(int(plot_w / 34), 1)))
    for n, m in enumerate(months):
        x = x_of(m)
        d.add(_line(x, bottom, x, bottom + len(chart.bars) * row_h, GRID, 0.4))
        if n % every == 0:
            text = format_date(m, language, "MMM yy")
            d.add(_string(x + 1, bottom - 9, text, size=6))
    for i, bar in enumerate(chart.bars):
        y = bottom + (len(chart.bars) - 1 - i) * row_h + 2
        label = f"{_t(bar.label, language)} ({bar.closed}/{bar.total})"
        d.add(_string(label_w - 4, y + 2, fit(label, REGULAR, LABEL_SIZE, label_w - 6), anchor="end"))
        x1, x2 = x_of(bar.start), x_of(bar.end)
        color = CRITICAL if bar.critical else PALETTE[0]
        d.add(rect(x1, y, max(x2 - x1, 1.5), row_h - 4, fill=colors.white, stroke=color, stroke_width=0.8))
        share = bar.closed / bar.total if bar.total else 0
        if share:
            d.add(rect(x1, y, max((x2 - x1) * share, 0.8), row_h - 4, fill=color, stroke=None))
    if chart.today and start <= chart.today <= end:
        x = x_of(chart.today)
        d.add(_line(x, bottom - 2, x, bottom + len(chart.bars) * row_h, BAD, 0.8))
    words = Text(
        "Filled: share of items closed · purple: on the critical path · red line: today",
        "Relleno: proporción de tareas cerradas · morado: ruta crítica · línea roja: hoy",
    )
    d.add(_string(0, 0, fit(_t(words, language), REGULAR, 6.2, width), size=6.2, color=MUTED))
    return d
