"""The board paper as data: sections of blocks, built once (output/paper/build/) and rendered three times.

Every heading, caption, count and sentence of the paper is here; the HTML and Markdown templates and the
Word builder only lay these blocks out, so the three formats cannot drift apart. Plan text is kept as the
plan wrote it: each renderer escapes it for its format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Para:
    """A paragraph: one line of text, or the plan's prose with its line breaks kept."""

    text: str
    label: str = ""
    """Words shown in bold before the text ("Risks:"), or none."""
    prose: bool = False
    """True for the plan's own prose (a desired outcome, a summary): its line breaks are kept."""
    kind: str = "para"


@dataclass(frozen=True)
class Heading:
    """A heading one level below its section's, for a part of the section (a recommendation, an indicator)."""

    text: str
    kind: str = "heading"


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    kind: str = "bullets"


@dataclass(frozen=True)
class Decision:
    """One numbered recommendation the board votes on or notes."""

    number: int
    text: str
    mark: str
    """"For decision" or "For noting"."""
    generated: bool
    """True when the paper drew it from the exceptions, not from the plan's own `papers:` entry."""


@dataclass(frozen=True)
class Decisions:
    items: tuple[Decision, ...]
    kind: str = "decisions"


@dataclass(frozen=True)
class Cell:
    text: str
    fill: str | None = None
    """A rating's colour, for a cell that shows a rating."""
    prose: bool = False


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    columns: tuple[str, ...] = ()
    """Each column's shape when printed: "ref" (narrow), "date" (a date phrase kept on one line), "wide"
    (prose), or "" (as wide as its words); none given is all "". Layout only: every format shows every column."""
    kind: str = "table"


@dataclass(frozen=True)
class Figure:
    """A chart: inline SVG for HTML, a picture drawn from `data` for Word; its values follow as a Table."""

    title: str
    alt: str
    svg: Any = None
    """The chart as SVG markup (HTML), or none."""
    data: Any = None
    """What the chart shows, for Word to draw as a picture, or none."""
    width_mm: int = 80
    kind: str = "figure"


Block = Para | Heading | Bullets | Decisions | Table | Figure


@dataclass(frozen=True)
class Section:
    key: str
    """The section's name in a Word template's tags (`plan.exceptions`) and in the HTML ids."""
    heading: str
    order: int
    blocks: tuple[Block, ...]
    appendix: bool = False
    landscape: bool = False
    """Printed on landscape pages (the action tracker)."""


@dataclass(frozen=True)
class PlanPaper:
    """One plan's part of the paper."""

    number: int
    title: str
    sections: tuple[Section, ...]
    first_page: tuple[str, ...] = field(default=())
    """The keys of the sections the board reads first (cover, decisions, summary)."""


@dataclass(frozen=True)
class BoardPaper:
    title: str
    month_label: str
    heading: str
    """The paper's whole title, as its heading, running title and document title print it:
    "West Sussex ...: board paper, January 2025", or an evidence pack's own."""
    about: str
    """What the paper is, the line under its heading begins with it: "Board paper for January 2025"."""
    as_of: str
    generated: str
    plans: tuple[PlanPaper, ...]
