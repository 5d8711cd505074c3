"""Charts as pictures in the Word paper (Word cannot show the HTML paper's inline SVG): the same definitions,
drawn as PNG by output/paper/charts/chart_draw.py, each with its alternative text."""

from __future__ import annotations

import io
from functools import cache
from typing import Any

from sendplan_cli.output.paper.charts.chart_draw import bar_png, line_png
from sendplan_cli.output.paper.charts.chart_easel import Easel
from sendplan_cli.output.paper.charts.chart_model import BarChart, LineChart


def picture(doc: Any, figure: BarChart | LineChart, width_mm: float) -> Any:
    """The chart as a picture in a paragraph of its own, titled and described for screen readers; the paragraph."""
    from docx.shared import Mm

    if isinstance(figure, BarChart):
        png, title, alt = bar_png(figure), figure.title, figure.alt
    else:
        png = line_png(figure, _easel())
        title, alt = figure.title, f"{figure.title} {figure.description}"
    para = doc.add_paragraph()
    shape = para.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))
    shape._inline.docPr.set("descr", alt)
    shape._inline.docPr.set("title", title)
    return para


@cache
def _easel() -> Easel:
    """The easel the Word paper's indicator charts are drawn on, one after another (papers are built one at a
    time); each chart sets everything it shows, so sharing it changes no picture."""
    return Easel()
