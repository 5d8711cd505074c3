"""What a board paper chart shows, as plain data: one definition drawn as SVG for HTML and as PNG for Word.

Nothing here draws or imports the charting library: the definitions are computed with the paper's view,
and output/paper/charts/chart_draw.py turns each into a picture. The ticks are chosen here too, so both pictures
carry the same axis, written in the indicator's unit as the paper writes its figures.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

# The paper writes figures to at most two decimals (plan/kpi_values.py), so no tick step is finer.
_FINEST_STEP = 0.01
_NICE = (1.0, 2.0, 2.5, 5.0, 10.0)
_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 36, 60)


@dataclass(frozen=True)
class Series:
    """Points joined (or not) by a line, told apart by pattern and marker as well as colour."""

    name: str
    """The legend's words."""
    style: str
    """actual, superseded, reference (the trajectory or the line from baseline to target), target or baseline."""
    points: tuple[tuple[date, float], ...]
    stepped: bool = False


@dataclass(frozen=True)
class Note:
    """Words written beside a point: "Target 60%", "Baseline 38%", the latest figure in bold."""

    when: date
    value: float
    words: str
    bold: bool = False


@dataclass(frozen=True)
class Level:
    """A value with no date, drawn across the whole chart: a target the plan gives no date for."""

    value: float
    words: str


@dataclass(frozen=True)
class LineChart:
    """An indicator over time: figures, trajectory, targets, baseline, and the band to stay within."""

    key: str
    """Unique in the paper: every id in the drawn SVG starts with it."""
    title: str
    """The headline, sanitised: the SVG's title and the Word picture's alternative text."""
    description: str
    series: tuple[Series, ...]
    notes: tuple[Note, ...]
    levels: tuple[Level, ...]
    band: tuple[float, float] | None
    band_words: str
    y_ticks: tuple[tuple[float, str], ...]
    x_ticks: tuple[tuple[date, str], ...]
    x_range: tuple[date, date]
    zone: tuple[tuple[date, float, float], ...] = ()
    """The amber tolerance beside the trajectory: at each of its points, the values between which a figure
    rates Amber; none when the plan gives the indicator no tolerance."""
    zone_words: str = ""
    stepped_zone: bool = False


@dataclass(frozen=True)
class BarChart:
    """Counts by rating: a bar each, its name beside it and its count at its end."""

    key: str
    title: str
    bars: tuple[tuple[str, int, str], ...]
    """(rating name, sanitised; count; colour)."""

    @property
    def alt(self) -> str:
        return f"{self.title}: " + ", ".join(f"{name} {count}" for name, count, _ in self.bars)


def value_ticks(
    low: float, high: float, words: Callable[[float], str], floor_at_zero: bool = False
) -> tuple[tuple[float, str], ...]:
    """Four to seven evenly spaced round values covering low to high, each written by `words`."""
    if high - low < _FINEST_STEP * 4:
        pad = max(abs(high) * 0.1, 1.0 if abs(high) >= 1 else _FINEST_STEP * 4)
        low, high = low - pad, high + pad
    if floor_at_zero:
        low = max(low, 0.0)
    step = _nice_step((high - low) / 5)
    # From the round value at or below the lowest to the one at or above the highest: four to seven ticks.
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    return tuple(
        (round(n * step, 2) + 0.0, words(round(n * step, 2) + 0.0)) for n in range(first, last + 1)
    )


def _nice_step(rough: float) -> float:
    if rough <= _FINEST_STEP:
        return _FINEST_STEP
    magnitude = 10 ** math.floor(math.log10(rough))
    # 2.5 hundredths would be written rounded (0.43, 0.45, 0.48): uneven steps.
    nice = [n for n in _NICE if n != 2.5 or magnitude >= 0.1]
    return next(n * magnitude for n in nice if n * magnitude >= rough - 1e-12)


def month_ticks(first: date, last: date) -> tuple[tuple[date, str], ...]:
    """At most seven month starts between the two days, evenly spaced (January, April, July... when quarterly)."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    # Beyond the listed steps (a plan spanning decades), whole years: still no more than seven ticks.
    step = next((s for s in _MONTH_STEPS if months / s <= 7), 12 * math.ceil(months / 7 / 12))
    ticks = []
    index = first.year * 12 + first.month - 1
    index += (
        -index
    ) % step  # the first month start on or after the first day that the step divides
    if date(index // 12, index % 12 + 1, 1) < first:
        index += step
    while (when := date(index // 12, index % 12 + 1, 1)) <= last:
        ticks.append((when, f"{when:%b %Y}"))
        index += step
    return tuple(ticks)
