"""Column widths of the Word paper's tables: no column narrower than its longest word, the rest where it saves lines.

LibreOffice lays a Word table out at the widths stored in it and, where a word is wider than its
column, breaks the word mid-way ("Completi-on"); so the widths are worked out here from the text,
measured with the paper's font (docx_metrics), in points.
"""

from __future__ import annotations

from dataclasses import dataclass

from sendplan_cli.output.paper.docx.docx_metrics import text_width, words

SQUEEZED_LINES = 3
READABLE_WORDS_A_LINE = 2.0
"""A cell of three lines or more under two words a line reads as a word a line: its column is widened if it
can be. The print test flags 1.5; a row broken across pages leaves a few lines of a cell on each."""
SQUEEZED_COST = 100
"""Lines a cell read a word a line counts for: widening its column comes before saving lines elsewhere."""
STEPS = 32
"""The spare width is given out in this many steps, each to the column where it saves the most lines."""
LOOK_AHEAD = 6
"""Steps looked ahead: a column saves a line only once one more word fits, which may take several."""


@dataclass(frozen=True)
class Cell:
    """A cell's text as the widths of its words, line by line (its own line breaks kept)."""

    lines: tuple[tuple[float, ...], ...]
    space: float

    @property
    def words(self) -> int:
        return sum(len(line) for line in self.lines)

    def count(self, width: float) -> int:
        """How many lines the text takes `width` points wide, wrapped between words."""
        count = 0
        for line in self.lines:
            count += 1
            used = 0.0
            for word in line:
                if used and used + self.space + word > width:
                    count += 1
                    used = word
                else:
                    used += (self.space if used else 0) + word
        return count

    def readable(self, width: float) -> bool:
        """Not about a word a line: under three lines, or two words a line or more."""
        taken = self.count(width)
        return taken < SQUEEZED_LINES or self.words / taken >= READABLE_WORDS_A_LINE


def cell(value: str, size: float, bold: bool = False) -> Cell:
    """A cell's text measured at `size` points."""
    lines = value.replace("\r", "\n").replace("\t", " ").split("\n")
    return Cell(
        tuple(tuple(text_width(w, size, bold) for w in words(line)) for line in lines),
        text_width(" ", size, bold),
    )


@dataclass(frozen=True)
class Column:
    """What one column's cells (the header's first) need, in points of text (padding not included)."""

    cells: tuple[Cell, ...]
    least: float
    """The longest word: the column is never narrower."""
    most: float
    """The longest line: the column never needs to be wider."""


def column(cells: list[Cell]) -> Column:
    least = max((w for c in cells for line in c.lines for w in line), default=0.0)
    most = max(
        (sum(line) + c.space * max(len(line) - 1, 0) for c in cells for line in c.lines),
        default=0.0,
    )
    return Column(tuple(cells), least, max(most, least))


def widths(columns: list[Column], available: float, padding: float) -> list[float]:
    """Column widths, in points, adding up to `available`: each at least its longest word and padding.

    When every line fits on one line the table is widened in proportion. Otherwise each column gets
    its longest word, then the rest goes a step at a time to the column where it saves the table the
    most lines, a cell that reads about a word a line counting as a hundred, no column taking
    more than its longest line needs. When the longest words alone are wider than `available`, they
    are narrowed in proportion (a word will break)."""
    least = [c.least + padding for c in columns]
    most = [c.most + padding for c in columns]
    if sum(most) <= available:
        return [w * available / sum(most) for w in most]
    if sum(least) >= available:
        return [w * available / sum(least) for w in least]
    width = list(least)
    costs = [_cost(col, w - padding) for col, w in zip(columns, width)]
    step = (available - sum(width)) / STEPS
    steps_left = STEPS
    while steps_left:
        # The best gain per step, up to LOOK_AHEAD steps ahead.
        best, best_cost, best_gain, best_steps = None, None, 0.0, 0
        now = _total(costs)
        for i, col in enumerate(columns):
            for steps in range(1, min(LOOK_AHEAD, steps_left) + 1):
                if width[i] + steps * step > most[i] + step / 2:
                    break
                trial = _cost(col, width[i] + steps * step - padding)
                gain = (now - _total(costs[:i] + [trial] + costs[i + 1 :])) / steps
                if gain > best_gain:
                    best, best_cost, best_gain, best_steps = i, trial, gain, steps
        if best is None or best_cost is None:
            break
        width[best] += best_steps * step
        costs[best] = best_cost
        steps_left -= best_steps
    # What saves no line is shared by how far each column is from its longest line.
    room = [max(m - w, 0.0) for m, w in zip(most, width)]
    spare = available - sum(width)
    if sum(room) <= 0:
        return [w * available / sum(width) for w in width]
    return [w + spare * r / sum(room) for w, r in zip(width, room)]


def _cost(col: Column, width: float) -> list[float]:
    """Each cell's lines at `width`, and SQUEEZED_COST more for a cell that reads about a word a line."""
    return [c.count(width) + (0 if c.readable(width) else SQUEEZED_COST) for c in col.cells]


def _total(costs: list[list[float]]) -> float:
    """The table's lines, each row as tall as its tallest cell, and what squeezed cells cost."""
    return sum(max(row) for row in zip(*costs))
