"""The board paper's charts drawn with matplotlib: each definition (output/paper/charts/chart_model.py) as SVG or PNG.

Figures are made with matplotlib's object API and its Agg and SVG canvases, never pyplot; a run of
indicator charts shares one figure (output/paper/charts/chart_easel.py), emptied between them. The settings
every chart is drawn with hold here, applied per drawing:
- text is written as SVG text in DejaVu Sans (matplotlib's own font, so every machine lays it out
  alike) and falls back to narrower fonts in a browser without it, so nothing grows out of its box;
- mathtext is off: plan text with `$...$` is shown as written, never typeset;
- ids are salted with the chart's key and no date is written, so a paper drawn twice is the same.
Lines are told apart by pattern and marker as well as colour, and words stand beside the points that matter.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.transforms import Bbox

from sendplan_cli.output.paper.charts.chart_easel import Easel
from sendplan_cli.output.paper.charts.chart_model import BarChart, LineChart, Series
from sendplan_cli.output.paper.charts.chart_svg import inline_svg

INK, BLUE, GREY, BAND, BAND_EDGE = "#0b0c0c", "#1d70b8", "#505a5f", "#cce2d8", "#5a9b7c"
# The amber tolerance: a pale amber, hatched the other way from the band so the two differ in black and white.
AMBER_ZONE, AMBER_EDGE = "#fcd6c3", "#f47738"
_SETTINGS: dict[Any, Any] = {
    "svg.fonttype": "none",
    "text.parse_math": False,
    "text.usetex": False,
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Liberation Sans"],
    "font.size": 9,
    "text.color": INK,
    "axes.edgecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "svg.image_inline": True,
    "path.simplify": False,
    "hatch.linewidth": 0.6,
}
_STYLE: dict[str, dict[str, Any]] = {
    "actual": {
        "color": BLUE,
        "linestyle": "-",
        "linewidth": 2.2,
        "marker": "o",
        "markersize": 6,
        "markeredgecolor": INK,
        "markerfacecolor": BLUE,
        "zorder": 5,
    },
    "superseded": {
        "color": GREY,
        "linestyle": "none",
        "marker": "o",
        "markersize": 5,
        "markerfacecolor": "white",
        "markeredgecolor": GREY,
        "zorder": 4,
    },
    "reference": {"color": GREY, "linestyle": (0, (6, 4)), "linewidth": 1.6, "zorder": 3},
    "milestone": {
        "color": GREY,
        "linestyle": "none",
        "marker": "D",
        "markersize": 5,
        "markerfacecolor": "white",
        "markeredgecolor": INK,
        "zorder": 4,
    },
    "target": {
        "color": INK,
        "linestyle": "none",
        "marker": "s",
        "markersize": 7,
        "markerfacecolor": "white",
        "markeredgecolor": INK,
        "markeredgewidth": 1.6,
        "zorder": 6,
    },
    "baseline": {
        "color": INK,
        "linestyle": "none",
        "marker": "o",
        "markersize": 7,
        "markerfacecolor": "white",
        "markeredgecolor": INK,
        "markeredgewidth": 1.6,
        "zorder": 6,
    },
    # Comparators (England, region, statistical neighbours): dotted, each with a marker of its own, so they are told
    # apart in print without colour.
    "comparator-1": {
        "color": "#912b88",
        "linestyle": (0, (1, 2)),
        "linewidth": 1.4,
        "marker": "^",
        "markersize": 5,
        "markerfacecolor": "white",
        "markeredgecolor": "#912b88",
        "zorder": 3,
    },
    "comparator-2": {
        "color": "#6f4b00",
        "linestyle": (0, (1, 2)),
        "linewidth": 1.4,
        "marker": "v",
        "markersize": 5,
        "markerfacecolor": "white",
        "markeredgecolor": "#6f4b00",
        "zorder": 3,
    },
    "comparator-3": {
        "color": "#28a197",
        "linestyle": (0, (1, 2)),
        "linewidth": 1.4,
        "marker": "x",
        "markersize": 5,
        "markeredgecolor": "#28a197",
        "zorder": 3,
    },
}
# SVG is written in points; the Word paper's pictures at 200 dots an inch. Each picture keeps a margin of
# 0.08 inch around what is drawn.
_SVG_DPI, _PNG_DPI, _MARGIN = 72, 200, 0.08
# Where a point's words may go, in points from the point, tried in turn until they overlap nothing.
_PLACES = (
    (7, 6, "left"),
    (7, -14, "left"),
    (-7, 6, "right"),
    (-7, -14, "right"),
    (0, 12, "center"),
    (0, -20, "center"),
)


@contextmanager
def _settings(key: str) -> Iterator[None]:
    with matplotlib.rc_context({**_SETTINGS, "svg.hashsalt": key}):
        yield


def line_svg(chart: LineChart, easel: Easel | None = None) -> Any:
    """The indicator's chart as inline SVG markup, titled and described for screen readers.

    Pass one easel for all of a paper's charts: each is then drawn on the figure the last one used."""
    easel = easel or Easel()
    with _settings(chart.key):
        svg = _svg(_line(chart, easel), easel)
        return inline_svg(svg, chart.key, chart.title, chart.description)


def line_png(chart: LineChart, easel: Easel | None = None) -> bytes:
    """The indicator's chart as PNG, for the Word paper; one easel may serve all of its charts."""
    easel = easel or Easel()
    with _settings(chart.key):
        return _png(_line(chart, easel), easel)


def bar_svg(chart: BarChart) -> Any:
    with _settings(chart.key):
        return inline_svg(_svg(_bars(chart), Easel()), chart.key, chart.alt, "")


def bar_png(chart: BarChart) -> bytes:
    with _settings(chart.key):
        return _png(_bars(chart), Easel())


def _svg(figure: Figure, easel: Easel) -> str:
    crop = _drawn_part(figure, easel.measure("svg", _SVG_DPI), _SVG_DPI)
    out = io.StringIO()
    # savefig lends the figure an SVG canvas while it writes; the Agg one, and its renderer, stay for the next chart.
    figure.savefig(
        out, format="svg", dpi=_SVG_DPI, metadata={"Date": None, "Creator": None}, bbox_inches=crop
    )
    return out.getvalue()


def _png(figure: Figure, easel: Easel) -> bytes:
    crop = _drawn_part(figure, easel.measure("png", _PNG_DPI), _PNG_DPI)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=_PNG_DPI, metadata={"Software": None}, bbox_inches=crop)
    return out.getvalue()


def _drawn_part(figure: Figure, renderer: Any, dpi: float) -> Bbox:
    """What the figure draws on, in inches with a margin, measured as `renderer` will write it at `dpi`.

    savefig's bbox_inches="tight" lays the whole figure out and then lays it out again to draw it; measuring
    here, at the output's dpi and with its own text metrics, gives the same crop, to the last digit, for one
    layout. The figure stays at that dpi, as the output is written at it."""
    figure.set_dpi(dpi)
    return figure.get_tightbbox(renderer).padded(_MARGIN)


def _x(day: date) -> float:
    return float(day.toordinal())


def _line(chart: LineChart, easel: Easel) -> Figure:
    figure, axes = easel.blank()
    handles: list[Any] = []
    if chart.band is not None:
        low, high = chart.band
        axes.axhspan(
            low,
            high,
            facecolor=BAND,
            edgecolor=BAND_EDGE,
            hatch="/",
            linewidth=0.8,
            zorder=1,
            gid="band",
        )
        handles.append(
            Patch(facecolor=BAND, edgecolor=BAND_EDGE, hatch="/", label=chart.band_words)
        )
    if chart.zone:
        axes.fill_between(
            [_x(d) for d, _, _ in chart.zone],
            [low for _, low, _ in chart.zone],
            [high for _, _, high in chart.zone],
            step="post" if chart.stepped_zone else None,
            facecolor=AMBER_ZONE,
            edgecolor=AMBER_EDGE,
            hatch="\\",
            linewidth=0.6,
            zorder=1,
            gid="amber-zone",
        )
        handles.append(
            Patch(facecolor=AMBER_ZONE, edgecolor=AMBER_EDGE, hatch="\\", label=chart.zone_words)
        )
    for n, level in enumerate(chart.levels, 1):
        handles.append(
            axes.axhline(
                level.value,
                color=INK,
                linestyle=(0, (1.5, 2)),
                linewidth=1.6,
                zorder=2,
                label=level.words,
                gid=f"level-{n}",
            )
        )
    for series in chart.series:
        handles.append(_plot(axes, series))
    axes.set_xlim(_x(chart.x_range[0]), _x(chart.x_range[1]))
    y = [v for v, _ in chart.y_ticks]
    margin = (y[-1] - y[0]) * 0.04
    axes.set_ylim(y[0] - margin, y[-1] + margin)
    axes.set_yticks(y, [words for _, words in chart.y_ticks])
    axes.set_xticks([_x(d) for d, _ in chart.x_ticks], [words for _, words in chart.x_ticks])
    axes.grid(axis="y", color="#b1b4b6", linewidth=0.6, zorder=0)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    _write_notes(figure, axes, chart)
    axes.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12),
        ncols=min(len(handles), 3),
        frameon=False,
        handlelength=2.6,
    )
    # Drawn at a fixed size with the axes taking the figure, then the picture cropped to what was drawn.
    figure.subplots_adjust(left=0.0, right=1.0, bottom=0.0, top=1.0)
    return figure


def _plot(axes: Any, series: Series) -> Any:
    x, y = [_x(d) for d, _ in series.points], [v for _, v in series.points]
    (line,) = axes.plot(
        x,
        y,
        label=series.name,
        drawstyle="steps-post" if series.stepped else "default",
        clip_on=False,
        gid=f"series-{series.style}",
        **_STYLE[series.style],
    )
    return line


def _write_notes(figure: Figure, axes: Any, chart: LineChart) -> None:
    """Each note beside its point where it overlaps no other note and stays inside the plot, on a white ground
    so no line runs through its words; where no place is free, in the first."""
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    inside = axes.get_window_extent(renderer)
    taken: list[Bbox] = []
    for note in sorted(chart.notes, key=lambda n: (not n.bold, n.when)):
        places = (*_PLACES, _PLACES[0])
        for n, (dx, dy, align) in enumerate(places, 1):
            label = axes.annotate(
                note.words,
                (_x(note.when), note.value),
                xytext=(dx, dy),
                textcoords="offset points",
                ha=align,
                fontweight="bold" if note.bold else "normal",
                zorder=8,
                annotation_clip=False,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0, "alpha": 0.9},
            )
            box = label.get_window_extent(renderer).expanded(1.05, 1.15)
            fits = (
                inside.x0 <= box.x0
                and box.x1 <= inside.x1
                and inside.y0 <= box.y0
                and box.y1 <= inside.y1
            )
            if n == len(places) or (fits and not any(box.overlaps(other) for other in taken)):
                taken.append(box)
                break
            label.remove()


def _bars(chart: BarChart) -> Figure:
    rows = max(len(chart.bars), 1)
    figure = Figure(figsize=(3.0, 0.3 * rows + 0.1))
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
    names = [name for name, _, _ in chart.bars]
    counts = [count for _, count, _ in chart.bars]
    positions = list(range(len(chart.bars)))
    axes.barh(
        positions,
        counts,
        height=0.6,
        color=[colour for _, _, colour in chart.bars],
        edgecolor=INK,
        linewidth=0.8,
    )
    biggest = max(counts + [1])
    for position, count in zip(positions, counts):
        axes.annotate(
            str(count), (count, position), xytext=(4, 0), textcoords="offset points", va="center"
        )
    axes.set_yticks(positions, names)
    axes.invert_yaxis()
    axes.set_xlim(0, biggest * 1.12)
    axes.set_xticks([])
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0)
    return figure
