"""Per-indicator cards for the board paper: the scorecard row, an accessible SVG chart and its data table.

The chart is built with ElementTree, so plan text in it is escaped by the library. Lines are told
apart by pattern, markers and labels as well as colour: actuals solid with circles, the
trajectory dashed, targets as squares with their value written beside them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sendplan_cli.output.sanitise import one_line
from sendplan_cli.output.scorecard import cells
from sendplan_cli.plan.kpi_figures import figures_as_at
from sendplan_cli.plan.kpi_periods import point_date
from sendplan_cli.plan.kpi_status import CONFLICTING, NO_FIGURE_AT_TARGET, KpiStatus, kpi_statuses, reference_points
from sendplan_cli.plan.kpi_values import format_value
from sendplan_cli.plan.model import Plan

STATUS_COLOUR = {"Green": "#00703c", "Amber": "#f47738", "Red": "#d4351c", "Not rated": "#ffffff",
                 CONFLICTING: "#ffffff", NO_FIGURE_AT_TARGET: "#ffffff"}
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 270, 80, 470, 30, 200
_SVG = "http://www.w3.org/2000/svg"


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


def kpi_cards(plan: Plan, as_of: date, prefix: str = "") -> list[KpiCard]:
    """A card per indicator, judged as at the day."""
    return [_card(plan, status, as_of, prefix) for status in kpi_statuses(plan, as_of)]


def _card(plan: Plan, status: KpiStatus, as_of: date, prefix: str) -> KpiCard:
    ind = status.indicator
    series = _series(status, as_of)
    headline = f"{ind.id} {ind.name}: {status.reason}."
    if status.target is not None and status.target.by is not None:
        headline += f" Target {format_value(ind, status.target.value)} by {status.target.by.text}."
    # Sorted on the date and the series alone: each series is already in a total order, and dicts do not compare.
    rows = sorted(((when, order, {"when": text, "what": what, "value": format_value(ind, value), "note": note})
                   for order, (what, points) in enumerate(series.items()) for when, value, text, note in points),
                  key=lambda row: (row[0], row[1]))
    table = [row for _, _, row in rows]
    notes = [f"From {c.since.text}: {c.note}" for c in ind.definition_changes]
    headline = one_line(headline)
    return KpiCard(status, cells(status), STATUS_COLOUR[status.label], headline, table,
                   _chart(status, series, headline, prefix) if any(series.values()) else None, notes)


def _series(status: KpiStatus, as_of: date) -> dict[str, list[tuple[date, float, str, str]]]:
    ind = status.indicator
    out: dict[str, list[tuple[date, float, str, str]]] = {"Baseline": [], "Trajectory": [], "Target": [], "Actual": [],
                                                          "Actual, superseded": []}
    if ind.baseline is not None and (d := point_date(ind, ind.baseline.period)) and ind.baseline.period:
        out["Baseline"].append((d, ind.baseline.value, ind.baseline.period.text, ""))
    for p in ind.trajectory:
        if (d := point_date(ind, p.by)) is not None:
            out["Trajectory"].append((d, p.value, p.by.text, p.label or ""))
    for t in ind.targets:
        if t.by is not None and (d := point_date(ind, t.by)) is not None:
            out["Target"].append((d, t.value, t.by.text, t.note or ""))
    for f in figures_as_at(ind, as_of):
        a = f.actual
        said = ("provisional. " if a.provisional else "") + (f"revised {a.revised.text}. " if a.revised else "")
        said += "another figure is recorded for this period and nothing says which stands. " if f.standing == "conflicting" else ""
        out["Actual, superseded" if f.standing == "superseded" else "Actual"].append((f.end, a.value, a.period.text, said + (a.note or "")))
    return {k: sorted(v) for k, v in out.items()}


def _chart(status: KpiStatus, series: dict[str, list[tuple[date, float, str, str]]], headline: str, prefix: str = "") -> Any:
    from xml.etree import ElementTree as ET

    from markupsafe import Markup

    ind = status.indicator
    points, _ = reference_points(ind)
    everything = [(d, v) for s in series.values() for d, v, _, _ in s] + [(d, v) for d, v in points if d != date.min]
    first, last = min(d for d, _ in everything), max(d for d, _ in everything)
    low, high = min(v for _, v in everything), max(v for _, v in everything)
    pad = (high - low) * 0.1 or abs(high) * 0.1 or 1.0
    low, high = low - pad, high + pad
    span = max((last - first).days, 1)

    def x(d: date) -> float:
        return round(LEFT + (RIGHT - LEFT) * (d - first).days / span, 1)

    def y(v: float) -> float:
        return round(BOTTOM - (BOTTOM - TOP) * (v - low) / (high - low), 1)

    # The prefix keeps ids unique when several plans make one paper.
    key = f"{prefix}kpi-{status.index}"
    svg = ET.Element("svg", {"xmlns": _SVG, "role": "img", "aria-labelledby": f"{key}-title {key}-desc",
                             "viewBox": f"0 0 {WIDTH} {HEIGHT}", "width": str(WIDTH), "height": str(HEIGHT), "class": "chart"})
    ET.SubElement(svg, "title", {"id": f"{key}-title"}).text = headline
    ET.SubElement(svg, "desc", {"id": f"{key}-desc"}).text = (
        "Actual figures as a solid line with filled circles, the trajectory as a dashed line, targets as squares, "
        "the baseline as an open circle. "
        "The table after the chart gives every value.")
    axis = {"stroke": "#0b0c0c", "stroke-width": "1"}
    ET.SubElement(svg, "line", {"x1": str(LEFT), "y1": str(BOTTOM), "x2": str(RIGHT), "y2": str(BOTTOM), **axis})
    ET.SubElement(svg, "line", {"x1": str(LEFT), "y1": str(TOP), "x2": str(LEFT), "y2": str(BOTTOM), **axis})
    for value in (low + pad, high - pad):
        _text(svg, LEFT - 6, y(value) + 4, format_value(ind, value), anchor="end")
    _text(svg, LEFT, BOTTOM + 18, f"{first:%b %Y}", anchor="start")
    _text(svg, RIGHT, BOTTOM + 18, f"{last:%b %Y}", anchor="end")
    trajectory = [(d, v) for d, v in points if d != date.min]
    dashed = {"fill": "none", "stroke": "#505a5f", "stroke-width": "2", "stroke-dasharray": "7 5"}
    if len(trajectory) > 1:
        path = _path([(x(d), y(v)) for d, v in trajectory], stepped=ind.stepped and bool(series["Trajectory"]))
        ET.SubElement(svg, "path", {"d": path, **dashed})
    actual = series["Actual"]
    solid = {"fill": "none", "stroke": "#1d70b8", "stroke-width": "3"}
    if len(actual) > 1:
        ET.SubElement(svg, "path", {"d": _path([(x(d), y(v)) for d, v, _, _ in actual]), **solid})
    for d, v, _, _ in actual:
        _marker(svg, "circle", x(d), y(v), "#1d70b8")
    for d, v, _, _ in series["Target"]:
        _marker(svg, "square", x(d), y(v), "#ffffff")
        _text(svg, x(d) + 10, y(v) + 4, f"Target {format_value(ind, v)}")
    for d, v, _, _ in series["Baseline"]:
        _marker(svg, "circle", x(d), y(v), "#ffffff")
        rising = len(trajectory) > 1 and trajectory[-1][1] > v
        _text(svg, x(d) + 9, y(v) + (16 if rising else -9), f"Baseline {format_value(ind, v)}")
    if status.latest is not None and (latest_end := point_date(ind, status.latest.period)) is not None:
        _text(svg, x(latest_end) + 9, y(status.latest.value) - 9, f"Actual {format_value(ind, status.latest.value)}", bold=True)
    # The legend says what each pattern and marker is, so no line is told apart by colour alone.
    legend_y, at = HEIGHT - 18, float(LEFT)
    for words, sample in (("Actual", "solid"), ("Trajectory" if series["Trajectory"] else "Line from baseline to target", "dashed"),
                          ("Target", "square"), ("Baseline", "open")):
        if sample in ("solid", "dashed"):
            ET.SubElement(svg, "path", {"d": f"M {at} {legend_y} L {at + 30} {legend_y}", **(solid if sample == "solid" else dashed)})
            if sample == "solid":
                _marker(svg, "circle", at + 15, legend_y, "#1d70b8")
            at += 36
        else:
            _marker(svg, "square" if sample == "square" else "circle", at + 5, legend_y, "#ffffff")
            at += 14
        _text(svg, at, legend_y + 4, words)
        at += 7 * len(words) + 24
    return Markup(ET.tostring(svg, encoding="unicode"))


def _path(points: list[tuple[float, float]], stepped: bool = False) -> str:
    out = [f"M {points[0][0]} {points[0][1]}"]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        out.append(f"L {x1} {y0} L {x1} {y1}" if stepped else f"L {x1} {y1}")
    return " ".join(out)


def _marker(svg: Any, shape: str, x: float, y: float, fill: str) -> None:
    from xml.etree import ElementTree as ET

    edge = {"fill": fill, "stroke": "#0b0c0c", "stroke-width": "2"}
    if shape == "square":
        ET.SubElement(svg, "rect", {"x": str(round(x - 5, 1)), "y": str(round(y - 5, 1)), "width": "10", "height": "10", **edge})
    else:
        ET.SubElement(svg, "circle", {"cx": str(round(x, 1)), "cy": str(round(y, 1)), "r": "4.5", **edge})


def _text(svg: Any, x: float, y: float, words: str, anchor: str = "start", bold: bool = False) -> None:
    from xml.etree import ElementTree as ET

    attrs = {"x": str(round(x, 1)), "y": str(round(y, 1)), "font-size": "12", "fill": "#0b0c0c", "text-anchor": anchor}
    if bold:
        attrs["font-weight"] = "bold"
    ET.SubElement(svg, "text", attrs).text = words
