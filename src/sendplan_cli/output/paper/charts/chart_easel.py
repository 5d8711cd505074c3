"""One figure for a run of indicator charts: set up once, emptied and filled again for each chart.

Making a figure and its axes (spines, tick marks, tick labels) and measuring every word in its font
cost about as much as drawing the chart. The indicator charts all have one size, so a paper's charts
are drawn on one figure: whatever a chart adds (its lines, band, notes and key) is taken off before
the next, and every chart sets its own limits, ticks and labels, so a chart drawn on a used easel is
the one a new figure gives, byte for byte (tests/paper/test_paper_charts.py compares them). The
renderers that only measure are kept as well, so a word measured for one chart is not measured again.
"""

from __future__ import annotations

import io
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.backends.backend_svg import RendererSVG
from matplotlib.figure import Figure

LINE_SIZE = (6.2, 2.5)
"""An indicator chart's size in inches, before it is cropped to what is drawn."""


class Easel:
    """A figure with one axes, reused chart after chart; make one for a run of charts, not one a chart."""

    def __init__(self, size: tuple[float, float] = LINE_SIZE) -> None:
        self.size = size
        self._figure: Figure | None = None
        self._dpi = 0.0
        self._measures: dict[str, Any] = {}

    def blank(self) -> tuple[Figure, Any]:
        """The figure at its own dpi with nothing drawn on its axes, and the axes (made on first use)."""
        if self._figure is None:
            self._figure = Figure(figsize=self.size)
            FigureCanvasAgg(self._figure)
            self._dpi = self._figure.dpi
            return self._figure, self._figure.add_axes((0.0, 0.0, 1.0, 1.0))
        figure = self._figure
        figure.set_dpi(self._dpi)  # an SVG or PNG of the last chart left it at the output's dpi
        [axes] = figure.axes
        for artist in [*axes.lines, *axes.patches, *axes.texts, *axes.collections]:
            artist.remove()
        if axes.legend_ is not None:
            axes.legend_.remove()
        return figure, axes

    def measure(self, kind: str, dpi: float) -> Any:
        """A renderer that measures text as the SVG ("svg") or PNG ("png") writer will, kept between charts."""
        if kind not in self._measures:
            self._measures[kind] = (
                RendererSVG(1, 1, io.StringIO()) if kind == "svg" else RendererAgg(1, 1, dpi)
            )
        return self._measures[kind]
