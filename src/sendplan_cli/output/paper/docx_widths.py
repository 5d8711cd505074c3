"""Column widths of the Word paper's tables: no column narrower than its longest word, the rest shared by content.

LibreOffice lays a Word table out at the widths stored in it and, where a word is wider than its
column, breaks the word mid-way ("Completi-on"); so the widths are worked out here from the text.
Text is measured with Arial's advance widths, the paper's font: Arial, Helvetica and Liberation Sans
(which LibreOffice sets in Arial's place) share them. The two tables below are Adobe's Helvetica and
Helvetica-Bold metrics (the core-font AFM files, as matplotlib ships them), in thousandths of an em,
for the printable ASCII characters; 95 numbers a weight cost nothing to import, where matplotlib's font
manager would load matplotlib and find whatever sans-serif font a machine has, not the paper's.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# fmt: off
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 222, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 278, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667,
    611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 333, 278, 333, 584, 556, 278, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556,
    278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
)
# fmt: on
# Punctuation plan text uses beyond ASCII, the same in both weights but for the curly quotes.
_OTHER = {"–": 556, "—": 1000, "…": 1000, "£": 556, "€": 556, "•": 350, "°": 400, "×": 584}
_QUOTES = {"‘": (222, 278), "’": (222, 278), "“": (333, 500), "”": (333, 500)}
# Anything else (another script, a symbol) is taken as a full em: too wide is a roomier column,
# too narrow a broken word.
_UNKNOWN = 1000
SQUEEZED_LINES = 3
READABLE_WORDS_A_LINE = 1.5
"""A cell of three lines or more reads as a word a line below 1.5 words a line: its column is widened if it can be."""
# Where a line may break inside a word: after a hyphen followed by a letter, as LibreOffice breaks it.
_BREAK_AFTER_HYPHEN = re.compile(r"(?<=-)(?=[^\W\d_])")


def _advance(char: str, bold: bool) -> int:
    code = ord(char)
    if 32 <= code <= 126:
        return (_BOLD if bold else _REGULAR)[code - 32]
    if char in _QUOTES:
        return _QUOTES[char][bold]
    if char in _OTHER:
        return _OTHER[char]
    # An accented letter is as wide as its letter: é as e.
    base = unicodedata.normalize("NFD", char)[:1]
    if base != char and 32 <= ord(base) <= 126:
        return _advance(base, bold)
    return _UNKNOWN


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of text, in points, at `size` points."""
    return sum(_advance(c, bold) for c in text) * size / 1000


def words(text: str) -> list[str]:
    """The pieces a line of text cannot be broken within: words, split after a hyphen before a letter."""
    return [piece for word in text.split() for piece in _BREAK_AFTER_HYPHEN.split(word)]


@dataclass(frozen=True)
class Column:
    """What one column's cells need, in points of text (padding not included)."""

    least: float
    """The longest word: the column is never narrower."""
    readable: float
    """Wide enough that no cell reads about a word a line (three lines or more, under 1.5 words a line)."""
    most: float
    """The longest line: the column never needs to be wider."""
    content: float
    """All its text laid end to end: how the spare width is shared."""


def measure(cells: list[tuple[str, bool]], size: float) -> Column:
    """A column from its cells' text (each with whether it is set in bold) at `size` points."""
    least = most = content = 0.0
    for value, bold in cells:
        for line in _lines(value):
            space = text_width(" ", size, bold)
            pieces = [text_width(w, size, bold) for w in words(line)]
            least = max([least, *pieces])
            width = sum(pieces) + space * max(len(pieces) - 1, 0)
            most = max(most, width)
            content += width
    readable = least
    for value, bold in cells:
        readable = _readable(value, bold, size, readable, most)
    return Column(least, readable, most, content)


def _readable(value: str, bold: bool, size: float, low: float, high: float) -> float:
    """The narrowest width from `low` to `high` at which the cell does not read a word a line (to half a point)."""
    count = sum(len(words(line)) for line in _lines(value))

    def fine(width: float) -> bool:
        taken = lines(value, width, size, bold)
        return taken < SQUEEZED_LINES or count / taken >= READABLE_WORDS_A_LINE

    if fine(low):
        return low
    while high - low > 0.5:
        middle = (low + high) / 2
        low, high = (low, middle) if fine(middle) else (middle, high)
    return high


def widths(columns: list[Column], available: float, padding: float) -> list[float]:
    """Column widths, in points, adding up to `available`: each at least its longest word and padding.

    When every line fits on one line the table is widened in proportion. Otherwise each column gets
    its longest word, then room for no cell to read about a word a line, then what is left goes to the columns by how much text they hold, no column taking more than its
    longest line needs. When the longest words alone are wider than the page, they are narrowed in
    proportion (a word will break)."""
    least = [c.least + padding for c in columns]
    most = [max(c.most + padding, low) for c, low in zip(columns, least)]
    if sum(most) <= available:
        return [w * available / sum(most) for w in most]
    if sum(least) >= available:
        return [w * available / sum(least) for w in least]
    comfortable = [min(m, c.readable + padding) for c, m in zip(columns, most)]
    if sum(comfortable) >= available:
        short = [c - low for c, low in zip(comfortable, least)]
        return _share(least, comfortable, short, available)
    return _share(comfortable, most, [c.content for c in columns], available)


def _share(
    start: list[float], most: list[float], weight: list[float], available: float
) -> list[float]:
    """`start` widened to fill `available`, in proportion to `weight`, none past its `most`."""
    width = list(start)
    open_ = {i for i, w in enumerate(width) if most[i] > w}
    while open_:
        spare = available - sum(width)
        total = sum(max(weight[i], 1e-6) for i in open_)
        shares = {i: spare * max(weight[i], 1e-6) / total for i in open_}
        full = {i for i in open_ if width[i] + shares[i] >= most[i]}
        if not full:
            for i in open_:
                width[i] += shares[i]
            break
        for i in full:
            width[i] = most[i]
        open_ -= full
    return width


def lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """How many lines the text takes in a column `width` points wide between its margins, wrapped at words."""
    count = 0
    for line in _lines(text):
        count += 1
        used = 0.0
        space = text_width(" ", size, bold)
        for piece in words(line):
            needed = text_width(piece, size, bold)
            if used and used + space + needed > width:
                count += 1
                used = needed
            else:
                used += (space if used else 0) + needed
    return count


def _lines(text: str) -> list[str]:
    return text.replace("\r", "\n").replace("\t", " ").split("\n")
