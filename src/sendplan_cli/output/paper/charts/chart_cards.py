"""The board paper's charts: a card per indicator (scorecard row, chart, data table) and the rating bar charts.

The chart is defined here once (output/paper/charts/chart_model.py) and drawn by output/paper/charts/chart_draw.py:
as SVG for the HTML paper now, and as PNG when the Word paper is built.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sendplan_cli.ground.sanitise import one_line
from sendplan_cli.output.paper.charts.chart_draw import bar_svg, line_svg
from sendplan_cli.output.paper.charts.chart_easel import Easel
from sendplan_cli.output.paper.charts.chart_model import (
    BarChart,
    Level,
    LineChart,
    Note,
    Series,
    month_ticks,
    value_ticks,
)
from sendplan_cli.output.scorecard import cells
from sendplan_cli.plan.kpi_figures import figures_as_at
from sendplan_cli.plan.kpi_periods import point_date
from sendplan_cli.plan.kpi_status import (
    CONFLICTING,
    NO_FIGURE_AT_TARGET,
    KpiStatus,
    kpi_statuses,
    reference_points,
    tolerance_limits,
)
from sendplan_cli.plan.kpi_values import format_value
from sendplan_cli.plan.model import Plan

COMPARATOR = "Compared with: "
"""How a comparator's series is named in the chart's key and the values table, before its name ("England")."""
STATUS_COLOUR = {
    "Green": "#00703c",
    "Amber": "#f47738",
    "Red": "#d4351c",
    "Not rated": "#ffffff",
    CONFLICTING: "#ffffff",
    NO_FIGURE_AT_TARGET: "#ffffff",
}


@dataclass
class KpiCard:
    """One indicator as the board paper shows it."""

    status: KpiStatus
    row: dict[str, str]
    colour: str
    headline: str
    table: list[dict[str, str]] = field(default_factory=list)
    chart: Any = None
    """The inline SVG (markup safe to insert), or None when there is nothing to draw."""
    notes: list[str] = field(default_factory=list)
    figure: LineChart | None = None
    """What the chart shows: drawn as the SVG above, and as a PNG for the Word paper."""


@dataclass(frozen=True)
class RatingChart:
    """Actions counted by rating, as the paper's overall position shows them."""

    figure: BarChart
    """What the chart shows: drawn as the SVG below, and as a PNG for the Word paper."""
    chart: Any
    """The inline SVG (markup safe to insert)."""


def rating_charts(
    counts: dict[str, list[tuple[str, int, str]]], prefix: str, svg: bool = True
) -> list[RatingChart]:
    """A bar chart for each of the counts, by its title; rating names are plan text, so shown on one line."""
    charts = []
    for n, (title, rows) in enumerate(counts.items(), 1):
        figure = BarChart(
            f"{prefix}chart-{n}",
            title,
            tuple((one_line(name).strip(), count, colour) for name, count, colour in rows),
        )
        charts.append(RatingChart(figure, bar_svg(figure) if svg else None))
    return charts


def kpi_cards(plan: Plan, as_of: date, prefix: str = "", svg: bool = True) -> list[KpiCard]:
    """A card per indicator, judged as at the day; with svg, its chart drawn as SVG too (a twentieth of a second
    each, on one easel)."""
    easel = Easel() if svg else None
    return [_card(plan, status, as_of, prefix, easel) for status in kpi_statuses(plan, as_of)]


def _card(plan: Plan, status: KpiStatus, as_of: date, prefix: str, easel: Easel | None) -> KpiCard:
    ind = status.indicator
    series = _series(status, as_of)
    headline = f"{ind.id} {ind.name}: {status.reason}."
    if status.target is not None and status.target.by is not None:
        headline += f" Target {format_value(ind, status.target.value)} by {status.target.by.text}."
    # Sorted on the date and the series alone: each series is already in a total order, and dicts do not compare.
    rows = sorted(
        (
            (
                when,
                order,
                {"when": text, "what": what, "value": format_value(ind, value), "note": note},
            )
            for order, (what, points) in enumerate(series.items())
            for when, value, text, note in points
        ),
        key=lambda row: (row[0], row[1]),
    )
    table = [row for _, _, row in rows]
    notes = [f"From {c.since.text}: {c.note}" for c in ind.definition_changes]
    headline = one_line(headline)
    # The prefix keeps ids unique when several plans make one paper.
    figure = (
        _figure(status, series, headline, f"{prefix}kpi-{status.index}")
        if any(series.values())
        else None
    )
    return KpiCard(
        status,
        cells(status),
        STATUS_COLOUR[status.label],
        headline,
        table,
        line_svg(figure, easel) if figure and easel else None,
        notes,
        figure,
    )


def _series(status: KpiStatus, as_of: date) -> dict[str, list[tuple[date, float, str, str]]]:
    ind = status.indicator
    out: dict[str, list[tuple[date, float, str, str]]] = {
        "Baseline": [],
        "Trajectory": [],
        "Target": [],
        "Actual": [],
        "Actual, superseded": [],
    }
    if (
        ind.baseline is not None
        and (d := point_date(ind, ind.baseline.period))
        and ind.baseline.period
    ):
        out["Baseline"].append((d, ind.baseline.value, ind.baseline.period.text, ""))
    for p in ind.trajectory:
        if (d := point_date(ind, p.by)) is not None:
            out["Trajectory"].append((d, p.value, p.by.text, p.label or ""))
    for t in ind.targets:
        if t.by is not None and (d := point_date(ind, t.by)) is not None:
            out["Target"].append((d, t.value, t.by.text, t.note or ""))
    compared: list[tuple[date, Any, str]] = []
    if (
        ind.baseline is not None
        and (d := point_date(ind, ind.baseline.period))
        and ind.baseline.period
    ):
        compared += [(d, c, ind.baseline.period.text) for c in ind.baseline.comparators]
    for f in figures_as_at(ind, as_of):
        a = f.actual
        said = ("provisional. " if a.provisional else "") + (
            f"revised {a.revised.text}. " if a.revised else ""
        )
        said += (
            "another figure is recorded for this period and nothing says which stands. "
            if f.standing == "conflicting"
            else ""
        )
        out["Actual, superseded" if f.standing == "superseded" else "Actual"].append(
            (f.end, a.value, a.period.text, said + (a.note or ""))
        )
        if f.standing != "superseded":
            compared += [(f.end, c, a.period.text) for c in a.comparators]
    for when, c, beside in compared:
        if c.unit is not None and c.unit != ind.unit:
            continue  # a figure in another unit cannot share the axis (SP4xx reports the mismatch)
        period = c.period.text if c.period else beside
        note = f"beside the figure for {beside}" if c.period is None else ""
        out.setdefault(f"{COMPARATOR}{one_line(c.name).strip()}", []).append(
            (when, c.value, period, note)
        )
    return {k: sorted(v) for k, v in out.items()}


def _figure(
    status: KpiStatus,
    series: dict[str, list[tuple[date, float, str, str]]],
    headline: str,
    key: str,
) -> LineChart:
    """What the indicator's chart shows; drawn as SVG for HTML and as PNG for Word (output/paper/charts/chart_draw.py)."""
    ind = status.indicator
    points, _ = reference_points(ind)
    reference = tuple((d, v) for d, v in points if d != date.min)
    undated = tuple(
        Level(t.value, f"Target {format_value(ind, t.value)}, no date set")
        for t in ind.targets
        if point_date(ind, t.by) is None
    )
    band = (
        (ind.band.lower, ind.band.upper)
        if ind.band is not None and ind.direction == "within-band"
        else None
    )
    drawn = [
        Series("Actual", "actual", tuple((d, v) for d, v, _, _ in series["Actual"])),
        Series(
            "Actual, superseded",
            "superseded",
            tuple((d, v) for d, v, _, _ in series["Actual, superseded"]),
        ),
        Series(
            "Trajectory" if series["Trajectory"] else "Line from baseline to target",
            "reference",
            reference,
            stepped=ind.stepped and bool(series["Trajectory"]),
        )
        if len(reference) > 1
        else None,
        Series("Milestone", "milestone", tuple((d, v) for d, v, _, _ in series["Trajectory"])),
        Series("Target", "target", tuple((d, v) for d, v, _, _ in series["Target"])),
        Series("Baseline", "baseline", tuple((d, v) for d, v, _, _ in series["Baseline"])),
    ]
    comparators = [name for name in series if name.startswith(COMPARATOR)]
    drawn += [
        Series(
            name.removeprefix(COMPARATOR),
            f"comparator-{min(n, 3)}",
            tuple((d, v) for d, v, _, _ in series[name]),
        )
        for n, name in enumerate(comparators, 1)
    ]
    kept = tuple(s for s in drawn if s is not None and s.points)
    notes = [Note(d, v, f"Target {format_value(ind, v)}") for d, v, _, _ in series["Target"]]
    notes += [Note(d, v, f"Baseline {format_value(ind, v)}") for d, v, _, _ in series["Baseline"]]
    if (
        status.latest is not None
        and (latest_end := point_date(ind, status.latest.period)) is not None
    ):
        notes.append(
            Note(
                latest_end,
                status.latest.value,
                f"Actual {format_value(ind, status.latest.value)}",
                bold=True,
            )
        )
    # The amber zone is left out of the axis's range: the axis spans the figures and the line, and the zone
    # is cut at the plot's edge where it reaches beyond them.
    zone, zone_words, zone_said = _amber_zone(status, reference, drawn[2])
    days = [d for s in kept for d, _ in s.points]
    first, last = _month_start(min(days), -1), _month_start(max(days), 2) - timedelta(days=1)
    notes += [Note(first, level.value, level.words) for level in undated]
    values = (
        [v for s in kept for _, v in s.points]
        + [level.value for level in undated]
        + list(band or ())
    )
    y_ticks = value_ticks(
        min(values), max(values), lambda v: format_value(ind, v), floor_at_zero=min(values) >= 0
    )
    band_words = (
        f"Band to stay within: {format_value(ind, band[0])} to {format_value(ind, band[1])}"
        if band
        else ""
    )
    description = (
        "Actual figures as a solid line with filled circles, the trajectory as a dashed line with open diamonds, "
        "targets as squares, the baseline as an open circle"
        + (", a target with no date as a dotted line across the chart" if undated else "")
        + (", the band to stay within as a shaded, hatched area" if band else "")
        + (
            f", where a figure rates Amber ({zone_said}) as a shaded, hatched amber area"
            if zone
            else ""
        )
        + (
            ", comparators ("
            + ", ".join(n.removeprefix(COMPARATOR) for n in comparators)
            + ") as dotted lines with triangles or crosses"
            if comparators
            else ""
        )
        + ". The table after the chart gives every value."
    )
    return LineChart(
        key,
        headline,
        description,
        kept,
        tuple(notes),
        undated,
        band,
        band_words,
        y_ticks,
        month_ticks(first, last),
        (first, last),
        zone,
        zone_words,
        ind.stepped and bool(series["Trajectory"]),
    )


def _amber_zone(
    status: KpiStatus, reference: tuple[tuple[date, float], ...], line: Series | None
) -> tuple[tuple[tuple[date, float, float], ...], str, str]:
    """Where a figure rates Amber beside the line it is judged against, the legend's words for it (short, so the
    key keeps the chart's width) and the text alternative's; nothing when the plan gives no tolerance, the
    indicator has no direction or a band, or no line is drawn."""
    ind, tolerance = status.indicator, status.tolerance
    worse = {"higher-is-better": -1.0, "lower-is-better": 1.0}.get(ind.direction or "")
    if tolerance is None or worse is None or line is None or tolerance.amber <= tolerance.green:
        return (), "", ""
    zone = []
    for when, expected in reference:
        # A point expected at 0 with a percent-of-expected tolerance has no width; the zone narrows
        # to it and widens again after, as the rating does.
        green, amber = tolerance_limits(tolerance, expected)
        near, far = expected + worse * green, expected + worse * amber
        zone.append((when, min(near, far), max(near, far)))
    side = "below" if worse < 0 else "above"
    if tolerance.basis == "percent-of-expected":
        amount, start = f"{tolerance.amber:g}%", f"{tolerance.green:g}%"
    else:
        amount = format_value(ind, tolerance.amber, gap=True)
        start = format_value(ind, tolerance.green, gap=True)
    within = f"more than {start} and up to {amount}" if tolerance.green else f"up to {amount}"
    short = "trajectory" if line.name == "Trajectory" else "line"
    of = " of the value expected" if tolerance.basis == "percent-of-expected" else ""
    return (
        tuple(zone),
        f"Amber: {within}{' of expected' if of else ''} {side} the {short}",
        f"{within}{of} {side} the {line.name.lower()}",
    )


def _month_start(day: date, months: int) -> date:
    """The first day of the month `months` after the day's (before it, when negative)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
