"""How wide the Word paper's text is set: the advance widths of its font, and where a line may break.

The Word paper's table columns are sized to their text (docx_widths), measured with the advance
widths of Arial, the paper's font, which Helvetica and Liberation Sans (LibreOffice's Arial) share. The two tables below are Adobe's Helvetica and
Helvetica-Bold metrics (the core-font AFM files, as matplotlib ships them), in thousandths of an em,
for the printable ASCII characters; 95 numbers a weight cost nothing to import, where matplotlib's font
manager would load matplotlib and find whatever sans-serif font a machine has, not the paper's.
"""

from __future__ import annotations

import re
import unicodedata

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
