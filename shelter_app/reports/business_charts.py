"""reportlab drawings of the business case's charts (`core.business_charts`): vector, in our font.

Each function takes the chart's plain data, a width and the language, and returns a `Drawing`
that fits the width. Every label is laid out before it is drawn: on one line if it fits, else
wrapped over two (three for the waterfall's steps), else shrunk down to a floor, and only then
cut with an ellipsis; the drawing's height grows with its labels, so no text runs off it or over
another. Axis titles and units come from the chart data, numbers are formatted here in the
reader's language.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Literal

from reportlab.graphics.shapes import Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from shelter_app.core.bilingual import Text, is_spanish
from shelter_app.core.business_case.inputs import FeeModel
from shelter_app.core.business_case.sensitivity import SensitivityRow
from shelter_app.core.business_charts import (
    BarChart,
    Gantt,
    LineChart,
    Tornado,
    TornadoBar,
    Unit,
    Waterfall,
    driver_unit,
)
from shelter_app.l10n import format_number, month_label
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
    colors.HexColor("#6D4C41"),
    colors.HexColor("#9E9D24"),
)
"""Enough colours for the seven cost blocks and more; a series beyond them reuses the first."""
GOOD = colors.HexColor("#2E7D32")
BAD = colors.HexColor("#C62828")
NEUTRAL = colors.HexColor("#546E7A")
GRID = colors.HexColor("#E0E0E0")
LABEL_SIZE = 6.8
SMALL_SIZE = 6.2
TITLE_SIZE = 8.5
MIN_SIZE = 5.2
"""The smallest a label shrinks to before it is cut with an ellipsis."""
ASCENT, DESCENT, LEADING = 0.93, 0.24, 1.2
"""DejaVu Sans' ink above and below the baseline (accented capitals included) and the line spacing, in ems."""


# -- numbers -----------------------------------------------------------------------------------------------------
def compact(value: Decimal | float, language: str, places: int | None = None) -> str:
    """An axis label: 1.2 M, 350 k, 0 (sign kept); `places` decimals, or 1 below ten of the unit and 0 above."""
    v = Decimal(str(value)) if isinstance(value, float) else value
    factor, suffix = _magnitude(abs(v), language)
    if places is None:
        places = (1 if abs(v) < factor * 10 else 0) if factor > 1 else (0 if abs(v) >= 10 or v == 0 else 1)
    return format_number(v / factor, language, places) + suffix


def _magnitude(size: Decimal, language: str) -> tuple[Decimal, str]:
    for factor, suffix in (
        (Decimal(10) ** 9, " mil M" if is_spanish(language) else " B"),
        (Decimal(10) ** 6, " M"),
        (Decimal(1000), " k"),
    ):
        if size >= factor:
            return factor, suffix
    return Decimal(1), ""


def setting_text(value: Decimal, unit: Unit, language: str) -> str:
    """One setting as its unit writes it, without the unit's words: "19.80", "8.0%" ("8.0 %" in Spanish)."""
    scaled = value * unit.scale
    if unit.places is None:
        exponent = scaled.normalize().as_tuple().exponent
        places = min(max(-exponent, 0), 6) if isinstance(exponent, int) else 2
    else:
        places = unit.places
    number = format_number(scaled, language, places)
    if unit.percent:
        return f"{number} %" if is_spanish(language) else f"{number}%"
    return number


def settings_pair(low: Decimal, high: Decimal, unit: Unit, language: str) -> str:
    """A low and a high setting with their unit once: "16.20 / 19.80 MXN per USD", "4.0% / 8.0% per year"."""
    pair = f"{setting_text(low, unit, language)} / {setting_text(high, unit, language)}"
    return f"{pair} {unit.text.pick(language)}" if unit.text is not None else pair


def settings_text(row: SensitivityRow, fee_model: FeeModel, language: str) -> str:
    """A sensitivity row's "low / high" settings with their unit, as the tornado prints them (the PDF's table)."""
    return settings_pair(row.low_setting, row.high_setting, driver_unit(row.driver, fee_model), language)


def bar_settings_text(bar: TornadoBar, language: str) -> str:
    return settings_pair(bar.low_setting, bar.high_setting, bar.unit, language)


# -- laying out labels ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Label:
    """A text laid out: its lines at one font size."""

    lines: tuple[str, ...]
    size: float
    font: str = REGULAR

    @property
    def height(self) -> float:
        """From the top of the first line's ink to the bottom of the last line's."""
        return ((len(self.lines) - 1) * LEADING + ASCENT + DESCENT) * self.size

    @property
    def width(self) -> float:
        return max((stringWidth(line, self.font, self.size) for line in self.lines), default=0.0)


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def _wrap(text: str, font: str, size: float, width: float, max_lines: int) -> tuple[str, ...] | None:
    """`text` over at most `max_lines` lines of `width`, broken at spaces (two lines balanced); None if it cannot."""
    if _width(text, font, size) <= width:
        return (text,)
    words = _words(text)
    if max_lines < 2 or len(words) < 2 or any(_width(w, font, size) > width for w in words):
        return None
    if max_lines == 2 or len(words) == 2:
        splits = [(" ".join(words[:n]), " ".join(words[n:])) for n in range(1, len(words))]
        fitting = [s for s in splits if max(_width(s[0], font, size), _width(s[1], font, size)) <= width]
        if fitting:
            return min(fitting, key=lambda s: max(_width(s[0], font, size), _width(s[1], font, size)))
        return None if max_lines == 2 else _greedy(words, font, size, width, max_lines)
    return _greedy(words, font, size, width, max_lines)


_SPACES = re.compile(r"[^\S\u00a0]+")


def _words(text: str) -> list[str]:
    """The places a label may break: ordinary spaces only (a no-break space holds "t = 0" together)."""
    return [w for w in text.split(" ") if w]


def _greedy(words: Sequence[str], font: str, size: float, width: float, max_lines: int) -> tuple[str, ...] | None:
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if _width(candidate, font, size) <= width:
            current = candidate
            continue
        lines.append(current)
        current = word
    lines.append(current)
    return tuple(lines) if len(lines) <= max_lines else None


def _sizes(size: float, floor: float) -> list[float]:
    out = [size]
    while out[-1] - 0.3 > floor:
        out.append(round(out[-1] - 0.3, 2))
    if out[-1] > floor:
        out.append(floor)
    return out


def layout(
    text: str,
    width: float,
    *,
    size: float = LABEL_SIZE,
    floor: float = MIN_SIZE,
    lines: int = 2,
    font: str = REGULAR,
    keep_end: str = "",
) -> Label:
    """`text` (followed by `keep_end`) fitted to `width`: one line, else wrapped over up to `lines`, at `size`
    or smaller down to `floor`; failing all that, cut with an ellipsis at `floor` (`keep_end` is never cut)."""
    text = _SPACES.sub(" ", text).strip()  # a line break or tab typed in a name is a space here
    whole = text + keep_end
    width = max(width, 1.0)
    for s in _sizes(size, floor):
        wrapped = _wrap(whole, font, s, width, lines)
        if wrapped is not None:
            return Label(wrapped, s, font)
    # the last resort: the first lines full of words, the rest cut on the last line
    words = _words(text)
    head: list[str] = []
    if lines > 1:
        for n in range(len(words), 0, -1):
            candidate = _wrap(" ".join(words[:n]), font, floor, width, lines - 1)
            if candidate is not None:
                head, words = list(candidate), words[n:]
                break
    room = width - _width(keep_end, font, floor)
    rest = " ".join(words)
    cut = fit(rest, font, floor, room) if rest else ""
    if cut.endswith(" …"):  # cut just after a word: the ellipsis follows it
        cut = cut[:-2].rstrip() + "…"
    last = cut + keep_end
    if _width(last, font, floor) > width:  # not even the kept end fits: cut everything
        last = fit(rest + keep_end, font, floor, width)
    return Label((*head, last), floor, font)


def _draw(
    d: Drawing,
    x: float,
    top: float,
    label: Label,
    *,
    anchor: Anchor = "start",
    color: colors.Color = INK,
) -> None:
    """`label`'s lines, the ink of the first starting at `top`."""
    y = top - ASCENT * label.size
    for line in label.lines:
        d.add(_string(x, y, line, size=label.size, anchor=anchor, font=label.font, color=color))
        y -= LEADING * label.size


def _draw_centred(
    d: Drawing, x: float, middle: float, label: Label, *, anchor: Anchor = "start", color: colors.Color = INK
) -> None:
    _draw(d, x, middle + label.height / 2, label, anchor=anchor, color=color)


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


def _title(d: Drawing, text: Text, width: float, height: float, language: str) -> float:
    """The chart's title at the top left, on one line; returns the y just below it."""
    label = layout(text.pick(language), width, size=TITLE_SIZE, floor=7.0, lines=1, font=BOLD)
    _draw(d, 0, height, label)
    return height - label.height - 2


MIN_PLOT = 60.0
"""A plot never gets shorter than this: a chart whose labels take more room grows taller instead."""


def _tall_enough(height: float, chart_title: Text, width: float, language: str, around_plot: float) -> float:
    """`height`, or more when the title and `around_plot` (captions, labels, legend) leave less than MIN_PLOT."""
    title = layout(chart_title.pick(language), width, size=TITLE_SIZE, floor=7.0, lines=1, font=BOLD)
    return max(height, title.height + 2 + around_plot + MIN_PLOT)


def _caption(text: Text, width: float, language: str) -> Label:
    """An axis title: muted, one line."""
    return layout(text.pick(language), width, size=LABEL_SIZE, floor=MIN_SIZE, lines=1)


# -- the legend ----------------------------------------------------------------------------------------------------
SWATCH = 7.0
LEGEND_ROW = LABEL_SIZE * LEADING + 2


def _legend_items(labels: Sequence[str], width: float) -> list[tuple[float, int, Label]]:
    """Each entry's x, row (0 at the top) and text: in a row, wrapping to more rows when needed."""
    out: list[tuple[float, int, Label]] = []
    x, row = 0.0, 0
    for text in labels:
        label = layout(text, min(width * 0.45, width - SWATCH - 3), lines=1, floor=6.0)  # a legend cuts sooner
        w = SWATCH + 3 + label.width
        if x and x + w > width:
            x, row = 0.0, row + 1
        out.append((x, row, label))
        x += w + 10
    return out


def _legend_height(labels: Sequence[str], width: float) -> float:
    items = _legend_items(labels, width)
    return (max(row for _, row, _ in items) + 1) * LEGEND_ROW if items else 0.0


def _legend(d: Drawing, labels: Sequence[str], width: float, top: float, fills: Sequence[colors.Color]) -> None:
    for n, (x, row, label) in enumerate(_legend_items(labels, width)):
        middle = top - row * LEGEND_ROW - LEGEND_ROW / 2
        d.add(rect(x, middle - SWATCH / 2, SWATCH, SWATCH, fill=fills[n % len(fills)], stroke=None))
        _draw_centred(d, x + SWATCH + 3, middle, label)


# -- axes ----------------------------------------------------------------------------------------------------------
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


def _ticks(low: float, high: float, step: float) -> list[float]:
    """The multiples of `step` from `low` to `high`."""
    out, n = [], math.ceil(low / step - 1e-9)
    while n * step <= high + step * 1e-6:
        out.append(round(n * step, 6))
        n += 1
    return out


def _tick_labels(ticks: Sequence[float], language: str) -> list[str]:
    """The ticks in one magnitude (k, M) with the decimals their step needs: 2 M, 4 M; 2.5 M, 5.0 M."""
    values = [Decimal(str(v)) for v in ticks]
    factor, suffix = _magnitude(max(abs(v) for v in values), language)
    step = min((b - a for a, b in itertools.pairwise(values)), default=Decimal(1)) / factor
    exponent = step.normalize().as_tuple().exponent
    places = min(max(-exponent, 0), 2) if isinstance(exponent, int) else 1
    return ["0" if v == 0 else format_number(v / factor, language, places) + suffix for v in values]


TICK_HALF = (ASCENT + DESCENT) / 2 * LABEL_SIZE
"""Half the height of a tick label, which is centred on its tick."""


def _value_axis(
    d: Drawing, left: float, bottom: float, plot_w: float, plot_h: float, ticks: Sequence[float], language: str
) -> Callable[[float], float]:
    """Grid lines and their labels left of the plot; returns the value-to-y mapping."""
    low, high = ticks[0], ticks[-1]

    def y_of(v: float) -> float:
        return bottom + (v - low) / (high - low) * plot_h

    for v, text in zip(ticks, _tick_labels(ticks, language), strict=True):
        y = y_of(v)
        zero = abs(v) < 1e-9
        d.add(_line(left, y, left + plot_w, y, MUTED if zero else GRID, 0.7 if zero else 0.4))
        d.add(_string(left - 3, y - (ASCENT - DESCENT) / 2 * LABEL_SIZE, text, anchor="end"))
    return y_of


def _value_axis_width(ticks: Sequence[float], language: str) -> float:
    return max(_width(t, REGULAR, LABEL_SIZE) for t in _tick_labels(ticks, language)) + 6


# -- charts --------------------------------------------------------------------------------------------------------
def bar_chart(chart: BarChart, width: float, language: str, height: float = 170) -> Drawing:
    """Upright bars per category (side by side, or stacked), the value axis at the left."""
    n = len(chart.categories)
    if chart.stacked:
        tops = [sum(float(s.values[i]) for s in chart.series if s.values[i] > 0) for i in range(n)]
        lows = [sum(float(s.values[i]) for s in chart.series if s.values[i] < 0) for i in range(n)]
    else:
        tops = [max(float(s.values[i]) for s in chart.series) for i in range(n)]
        lows = [min(float(s.values[i]) for s in chart.series) for i in range(n)]
    low, high, step = _axis(min(lows, default=0), max(tops, default=1))
    ticks = _ticks(low, high, step)
    left = _value_axis_width(ticks, language)
    plot_w = width - left - 4
    slot = plot_w / max(n, 1)
    categories = [layout(c.pick(language), slot - 2) for c in chart.categories]
    labels = [s.label.pick(language) for s in chart.series]
    legend_h = _legend_height(labels, width) if len(labels) > 1 else 0.0
    note = layout(chart.note.pick(language), width, lines=2) if chart.note else None
    x_caption = _caption(chart.category_axis.caption, plot_w, language)
    y_caption = _caption(chart.value_axis.caption, width, language)
    cat_h = max((c.height for c in categories), default=0.0)
    below = 1 + (note.height + 2 if note else 0) + (legend_h + 2 if legend_h else 0) + x_caption.height + 2 + cat_h + 3
    height = _tall_enough(height, chart.title, width, language, y_caption.height + 2 + TICK_HALF + below)

    d = drawing(width, height)
    top = _title(d, chart.title, width, height, language)
    _draw(d, 0, top, y_caption, color=MUTED)
    plot_top = top - y_caption.height - 2 - TICK_HALF
    y = 1.0
    if note:
        _draw(d, 0, y + note.height, note, color=MUTED)
        y += note.height + 2
    if legend_h:
        _legend(d, labels, width, y + legend_h, PALETTE)
        y += legend_h + 2
    _draw(d, left + plot_w / 2, y + x_caption.height, x_caption, anchor="middle", color=MUTED)
    y += x_caption.height + 2
    bottom = y + cat_h + 3
    y_of = _value_axis(d, left, bottom, plot_w, plot_top - bottom, ticks, language)
    bar_w = slot * 0.7 / (1 if chart.stacked else max(len(chart.series), 1))
    for i, category in enumerate(categories):
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
        _draw(d, left + i * slot + slot / 2, bottom - 3, category, anchor="middle")
    return d


def stacked_bars_horizontal(chart: BarChart, width: float, language: str) -> Drawing:
    """One lying stacked bar per category (roles), for long names and many categories."""
    label_w = min(160.0, width * 0.32)
    categories = [layout(c.pick(language), label_w - 6) for c in chart.categories]
    row_h = max(12.0, max((c.height for c in categories), default=0.0) + 3)
    labels = [s.label.pick(language) for s in chart.series]
    legend_h = _legend_height(labels, width)
    note = layout(chart.note.pick(language), width, lines=2) if chart.note else None
    total = max((sum(float(s.values[i]) for s in chart.series) for i in range(len(chart.categories))), default=1)
    _, high, step = _axis(0, total)
    ticks = _ticks(0, high, step)
    tick_texts = _tick_labels(ticks, language)
    right = _width(tick_texts[-1], REGULAR, LABEL_SIZE) / 2 + 2
    plot_w = width - label_w - right
    x_caption = _caption(chart.value_axis.caption, plot_w, language)
    row_caption = _caption(chart.category_axis.caption, label_w - 4, language)
    title = layout(chart.title.pick(language), width, size=TITLE_SIZE, floor=7.0, lines=1, font=BOLD)

    tick_h = (ASCENT + DESCENT) * LABEL_SIZE
    bottom_parts = (note.height + 2 if note else 0.0) + legend_h + 2 + x_caption.height + 2 + tick_h + 3
    height = 1 + bottom_parts + len(categories) * row_h + 3 + row_caption.height + 2 + title.height + 2
    d = drawing(width, height)
    top = _title(d, chart.title, width, height, language)
    _draw(d, label_w - 4, top, row_caption, anchor="end", color=MUTED)
    y = 1.0
    if note:
        _draw(d, 0, y + note.height, note, color=MUTED)
        y += note.height + 2
    _legend(d, labels, width, y + legend_h, PALETTE)
    y += legend_h + 2
    _draw(d, label_w + plot_w / 2, y + x_caption.height, x_caption, anchor="middle", color=MUTED)
    y += x_caption.height + 2
    bottom = y + tick_h + 3

    def x_of(v: float) -> float:
        return label_w + v / high * plot_w

    plot_top = bottom + len(categories) * row_h
    for v, text in zip(ticks, tick_texts, strict=True):
        d.add(_line(x_of(v), bottom, x_of(v), plot_top, GRID, 0.4))
        d.add(_string(x_of(v), bottom - 3 - ASCENT * LABEL_SIZE, text, anchor="middle"))
    for i, category in enumerate(categories):
        middle = plot_top - (i + 0.5) * row_h
        _draw_centred(d, label_w - 4, middle, category, anchor="end")
        acc = 0.0
        for k, series in enumerate(chart.series):
            val = max(float(series.values[i]), 0.0)
            d.add(
                rect(x_of(acc), middle - 4, x_of(acc + val) - x_of(acc), 8, fill=PALETTE[k % len(PALETTE)], stroke=None)
            )
            acc += val
    return d


def line_chart(chart: LineChart, width: float, language: str, height: float = 170) -> Drawing:
    """A line per series over the categories (a point in the middle of each category's slot)."""
    values = [float(v) for s in chart.series for v in s.values]
    low, high, step = _axis(min(values, default=0), max(values, default=1))
    ticks = _ticks(low, high, step)
    left = _value_axis_width(ticks, language)
    plot_w = width - left - 4
    n = len(chart.categories)
    slot = plot_w / max(n, 1)
    categories = [layout(c.pick(language), slot - 2) for c in chart.categories]
    labels = [s.label.pick(language) for s in chart.series]
    legend_h = _legend_height(labels, width)
    x_caption = _caption(chart.category_axis.caption, plot_w, language)
    y_caption = _caption(chart.value_axis.caption, width, language)
    cat_h = max((c.height for c in categories), default=0.0)
    below = 1 + legend_h + 2 + x_caption.height + 2 + cat_h + 3
    height = _tall_enough(height, chart.title, width, language, y_caption.height + 2 + TICK_HALF + below)

    d = drawing(width, height)
    top = _title(d, chart.title, width, height, language)
    _draw(d, 0, top, y_caption, color=MUTED)
    plot_top = top - y_caption.height - 2 - TICK_HALF
    y = 1.0
    _legend(d, labels, width, y + legend_h, PALETTE)
    y += legend_h + 2
    _draw(d, left + plot_w / 2, y + x_caption.height, x_caption, anchor="middle", color=MUTED)
    y += x_caption.height + 2
    bottom = y + cat_h + 3
    y_of = _value_axis(d, left, bottom, plot_w, plot_top - bottom, ticks, language)
    for i, category in enumerate(categories):
        x = left + (i + 0.5) * slot
        d.add(_line(x, bottom, x, bottom - 2, MUTED, 0.5))
        _draw(d, x, bottom - 3, category, anchor="middle")
    for k, series in enumerate(chart.series):
        points: list[float] = []
        for i, v in enumerate(series.values):
            points += [left + (i + 0.5) * slot, y_of(float(v))]
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
    return d


def waterfall(chart: Waterfall, width: float, language: str, height: float = 210) -> Drawing:
    """From the start's total to the end's, a floating bar per step; every bar shows its amount above it."""
    running = float(chart.start)
    levels = [running]
    for step_ in chart.steps:
        running += float(step_.delta)
        levels.append(running)
    low, high, step = _axis(min([*levels, float(chart.end)]), max([*levels, float(chart.end)]))
    ticks = _ticks(low, high, step)
    left = _value_axis_width(ticks, language)
    plot_w = width - left - 4
    bars = [(chart.start_label, 0.0, float(chart.start), NEUTRAL)]
    running = float(chart.start)
    for step_ in chart.steps:
        delta = float(step_.delta)
        bars.append((step_.label, running, running + delta, GOOD if delta < 0 else BAD))
        running += delta
    bars.append((chart.end_label, 0.0, float(chart.end), NEUTRAL))
    slot = plot_w / len(bars)
    categories = [layout(label.pick(language), slot - 2, size=SMALL_SIZE, lines=3) for label, *_ in bars]
    amounts = [
        layout(compact(Decimal(str(b if i in (0, len(bars) - 1) else b - a)), language), slot - 2, size=6, lines=1)
        for i, (_, a, b, _) in enumerate(bars)
    ]
    amount_h = max(a.height for a in amounts) + 2
    x_caption = _caption(chart.category_axis.caption, plot_w, language)
    y_caption = _caption(chart.value_axis.caption, width, language)
    cat_h = max(c.height for c in categories)
    below = 1 + x_caption.height + 2 + cat_h + 3
    height = _tall_enough(height, chart.title, width, language, y_caption.height + 2 + max(TICK_HALF, amount_h) + below)

    d = drawing(width, height)
    top = _title(d, chart.title, width, height, language)
    _draw(d, 0, top, y_caption, color=MUTED)
    plot_top = top - y_caption.height - 2 - max(TICK_HALF, amount_h)
    y = 1.0
    _draw(d, left + plot_w / 2, y + x_caption.height, x_caption, anchor="middle", color=MUTED)
    y += x_caption.height + 2
    bottom = y + cat_h + 3
    y_of = _value_axis(d, left, bottom, plot_w, plot_top - bottom, ticks, language)
    for i, ((_, a, b, color), category, amount) in enumerate(zip(bars, categories, amounts, strict=True)):
        x = left + i * slot + slot * 0.15
        bar_top = max(y_of(a), y_of(b))
        d.add(rect(x, min(y_of(a), y_of(b)), slot * 0.7, max(abs(y_of(b) - y_of(a)), 0.6), fill=color, stroke=None))
        if i < len(bars) - 1:  # the connector to the next bar, at this bar's running total
            d.add(_line(x + slot * 0.7, y_of(b), x + slot, y_of(b), MUTED, 0.4))
        _draw(d, left + (i + 0.5) * slot, bar_top + 2 + amount.height, amount, anchor="middle")
        _draw(d, left + (i + 0.5) * slot, bottom - 3, category, anchor="middle")
    return d


def tornado(chart: Tornado, width: float, language: str) -> Drawing:
    """Per driver, the NPV at its low setting (upper bar) and at its high setting (lower bar) around the base.

    The row's label names the driver and, under it, the two settings with their unit; each bar ends with
    its setting's number."""
    label_w = min(180.0, width * 0.36)
    gap = 34.0  # room for the settings printed at the bars' ends
    plot_w = width - label_w - 2 * gap
    rows = []
    for bar in chart.bars:
        name = layout(bar.label.pick(language), label_w - 6)
        settings = layout(bar_settings_text(bar, language), label_w - 6, size=6, lines=1)
        rows.append((name, settings))
    row_h = max(20.0, max((n.height + s.height + 1 for n, s in rows), default=0.0) + 5)
    legend = [chart.low_legend.pick(language), chart.high_legend.pick(language)]
    legend_h = _legend_height(legend, width)
    x_caption = _caption(chart.value_axis.caption, plot_w + 2 * gap, language)
    title = layout(chart.title.pick(language), width, size=TITLE_SIZE, floor=7.0, lines=1, font=BOLD)
    base = float(chart.base)
    base_label = layout(f"{chart.base_label.pick(language)}: {compact(chart.base, language, 1)}", plot_w, lines=1)
    tick_h = (ASCENT + DESCENT) * LABEL_SIZE
    height = 1 + legend_h + 2 + x_caption.height + 2 + tick_h + 3 + len(rows) * row_h + 2 + base_label.height + 2
    height += title.height + 2
    d = drawing(width, height)
    _title(d, chart.title, width, height, language)
    _legend(d, legend, width, 1 + legend_h, PALETTE[:2])
    y = 1 + legend_h + 2
    _draw(d, label_w + gap + plot_w / 2, y + x_caption.height, x_caption, anchor="middle", color=MUTED)
    bottom = y + x_caption.height + 2 + tick_h + 3

    values = [float(v) for b in chart.bars for v in (b.low, b.high)] + [base]
    span = max(abs(v - base) for v in values) or 1.0
    step = _nice_step(2 * span, 4)
    half = math.ceil(span / step) * step

    def x_of(v: float) -> float:
        return label_w + gap + (v - base + half) / (2 * half) * plot_w

    plot_top = bottom + len(rows) * row_h
    ticks = _ticks(base - half, base + half, step)
    for v, text in zip(ticks, _tick_labels(ticks, language), strict=True):
        d.add(_line(x_of(v), bottom, x_of(v), plot_top, GRID, 0.4))
        d.add(_string(x_of(v), bottom - 3 - ASCENT * LABEL_SIZE, text, anchor="middle"))
    d.add(_line(x_of(base), bottom, x_of(base), plot_top + 1, MUTED, 0.7))
    _draw(d, x_of(base), plot_top + 2 + base_label.height, base_label, anchor="middle", color=MUTED)
    for i, (bar, (name, settings)) in enumerate(zip(chart.bars, rows, strict=True)):
        middle = plot_top - (i + 0.5) * row_h
        block_top = middle + (name.height + 1 + settings.height) / 2
        _draw(d, label_w - 4, block_top, name, anchor="end")
        _draw(d, label_w - 4, block_top - name.height - 1, settings, anchor="end", color=MUTED)
        for value, setting, color, bar_mid in (
            (float(bar.low), bar.low_setting, PALETTE[0], middle + 3.5),
            (float(bar.high), bar.high_setting, PALETTE[1], middle - 3.5),
        ):
            x1, x2 = sorted((x_of(base), x_of(value)))
            d.add(rect(x1, bar_mid - 3, max(x2 - x1, 0.6), 6, fill=color, stroke=None))
            number = layout(setting_text(setting, bar.unit, language), gap - 3, size=6, floor=MIN_SIZE, lines=1)
            if value < base:
                _draw_centred(d, x1 - 2, bar_mid, number, anchor="end")
            else:
                _draw_centred(d, x2 + 2, bar_mid, number)
    return d


def gantt_chart(chart: Gantt, width: float, language: str) -> Drawing:
    """A bar per checklist from its first start to its last due date, filled by the share of items closed."""
    label_w = min(200.0, width * 0.4)
    plot_w = width - label_w - 2
    rows = [
        layout(bar.label.pick(language), label_w - 6, keep_end=f" ({bar.closed}/{bar.total})") for bar in chart.bars
    ]
    row_h = max(13.0, max((r.height for r in rows), default=0.0) + 4)
    legend = layout(chart.legend.pick(language), width, size=SMALL_SIZE, lines=2)
    x_caption = _caption(chart.time_axis.caption, plot_w, language)
    row_caption = _caption(chart.row_axis.caption, label_w - 4, language)
    title = layout(chart.title.pick(language), width, size=TITLE_SIZE, floor=7.0, lines=1, font=BOLD)
    tick_h = (ASCENT + DESCENT) * 6
    height = 1 + legend.height + 3 + x_caption.height + 2 + tick_h + 3 + max(len(rows), 1) * row_h + 3
    height += row_caption.height + 2 + title.height + 2
    d = drawing(width, height)
    top = _title(d, chart.title, width, height, language)
    if not chart.bars:
        return d
    _draw(d, label_w - 4, top, row_caption, anchor="end", color=MUTED)
    _draw(d, 0, 1 + legend.height, legend, color=MUTED)
    y = 1 + legend.height + 3
    _draw(d, label_w + plot_w / 2, y + x_caption.height, x_caption, anchor="middle", color=MUTED)
    bottom = y + x_caption.height + 2 + tick_h + 3
    plot_top = bottom + len(rows) * row_h

    start = min(b.start for b in chart.bars).replace(day=1)
    end = (max(b.end for b in chart.bars).replace(day=1) + timedelta(days=32)).replace(day=1)
    days = max((end - start).days, 1)

    def x_of(day: date) -> float:
        return label_w + (day - start).days / days * plot_w

    months = []
    month = start
    while month < end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    texts = [month_label(m, language) for m in months]
    widest = max(_width(t, REGULAR, 6) for t in texts)
    every = max(1, math.ceil((widest + 4) / (plot_w / len(months))))
    for n, (m, text) in enumerate(zip(months, texts, strict=True)):
        x = x_of(m)
        d.add(_line(x, bottom, x, plot_top, GRID, 0.4))
        if n % every == 0 and x + 1 + _width(text, REGULAR, 6) <= width:
            d.add(_string(x + 1, bottom - 3 - ASCENT * 6, text, size=6))
    for i, (bar, label) in enumerate(zip(chart.bars, rows, strict=True)):
        middle = plot_top - (i + 0.5) * row_h
        _draw_centred(d, label_w - 4, middle, label, anchor="end")
        x1, x2 = x_of(bar.start), x_of(bar.end)
        color = CRITICAL if bar.critical else PALETTE[0]
        d.add(rect(x1, middle - 4.5, max(x2 - x1, 1.5), 9, fill=colors.white, stroke=color, stroke_width=0.8))
        share = bar.closed / bar.total if bar.total else 0
        if share:
            d.add(rect(x1, middle - 4.5, max((x2 - x1) * share, 0.8), 9, fill=color, stroke=None))
    if chart.today and start <= chart.today <= end:
        x = x_of(chart.today)
        d.add(_line(x, bottom - 2, x, plot_top, BAD, 0.8))
    return d
