"""What a printed PDF shows, measured with pdfplumber: each page's words with their boxes, and its table cells.

The paper's print checks read the PDF Chromium prints, not the screen layout: a word's box says
whether it was clipped, and the words in a table cell say whether its column was squeezed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

MM = 72 / 25.4
# The paper's @page rule: 15 mm top and bottom, 14 mm each side (templates/board-paper.html.j2).
MARGINS = {"top": 15 * MM, "right": 14 * MM, "bottom": 15 * MM, "left": 14 * MM}
# Office printers cannot print within about 5 mm of the sheet's edge: the running title and page
# number sit in the margins, but never that close to the edge.
UNPRINTABLE = 5 * MM
# Chromium draws table borders as thin filled rectangles; dashed badge borders are short dashes.
RULE_THICKNESS = 2.0
RULE_MIN_LENGTH = 6.0
TOLERANCE = 1.0


@dataclass
class Page:
    number: int
    width: float
    height: float
    text: str
    words: list[dict[str, Any]]
    sizes: Counter[float]
    """How many characters are set at each type size, in points."""
    cells: list[list[dict[str, Any]]]
    """The words of each table cell, one list per cell."""
    rules: list[dict[str, Any]]
    """Table borders."""

    @property
    def commonest_size(self) -> float:
        return self.sizes.most_common(1)[0][0] if self.sizes else 0.0


def _is_rule(obj: dict[str, Any]) -> bool:
    return (
        obj["object_type"] == "rect"
        and min(obj["width"], obj["height"]) < RULE_THICKNESS
        and max(obj["width"], obj["height"]) >= RULE_MIN_LENGTH
    )


def read_pdf(path: Path) -> list[Page]:
    """Every page of the PDF with its words, type sizes and table cells."""
    import pdfplumber

    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            # Tables are found from their borders alone: the page's white background and the badges'
            # boxes would otherwise be taken for one table the size of the page.
            ruled = page.filter(lambda o: o["object_type"] == "char" or _is_rule(o))
            cells = []
            for table in ruled.find_tables():
                for row in table.rows:
                    cells += [
                        page.within_bbox(box).extract_words()
                        for box in row.cells
                        if box is not None
                    ]
            pages.append(
                Page(
                    page.page_number,
                    float(page.width),
                    float(page.height),
                    page.extract_text() or "",
                    page.extract_words(),
                    Counter(round(float(c["size"]), 1) for c in page.chars),
                    [c for c in cells if c],
                    [o for o in page.rects if _is_rule(o)],
                )
            )
    return pages


def outside_printable_area(page: Page, margin_text: tuple[str, ...]) -> list[str]:
    """Words and borders not wholly within the printable area, with where they are.

    Across the page everything lies between the side margins. Down the page, the body lies between
    the top and bottom margins; only the running title and page number (words found in
    `margin_text`) may stand in those margins, and never within 5 mm of the sheet's edge."""
    left, right = MARGINS["left"] - TOLERANCE, page.width - MARGINS["right"] + TOLERANCE
    top, bottom = MARGINS["top"] - TOLERANCE, page.height - MARGINS["bottom"] + TOLERANCE
    wrong = []
    for word in page.words:
        where = f"page {page.number}: {word['text']!r} at x {word['x0']:.0f}-{word['x1']:.0f}, y {word['top']:.0f}-{word['bottom']:.0f}"
        if word["x0"] < left or word["x1"] > right:
            wrong.append(f"{where}: beyond the side margin")
        elif word["top"] < top or word["bottom"] > bottom:
            in_margin = any(word["text"] in line for line in margin_text)
            on_sheet = word["top"] >= UNPRINTABLE and word["bottom"] <= page.height - UNPRINTABLE
            if not (in_margin and on_sheet):
                wrong.append(f"{where}: in the {'top' if word['top'] < top else 'bottom'} margin")
    # A border drawn along the margin's edge lies half over it.
    left, right, top, bottom = (
        left - RULE_THICKNESS,
        right + RULE_THICKNESS,
        top - RULE_THICKNESS,
        bottom + RULE_THICKNESS,
    )
    for rule in page.rules:
        if rule["x0"] < left or rule["x1"] > right or rule["top"] < top or rule["bottom"] > bottom:
            wrong.append(
                f"page {page.number}: a table border at x {rule['x0']:.0f}-{rule['x1']:.0f}, "
                f"y {rule['top']:.0f}-{rule['bottom']:.0f} is outside the margins"
            )
    return wrong


def lines_of(words: list[dict[str, Any]]) -> list[list[str]]:
    """Words grouped into the lines they were printed on, top to bottom."""
    lines: dict[int, list[dict[str, Any]]] = {}
    for word in words:
        lines.setdefault(round(word["top"]), []).append(word)
    return [[w["text"] for w in sorted(lines[top], key=lambda w: w["x0"])] for top in sorted(lines)]


def squeezed_cells(page: Page, min_lines: int = 3, min_words_a_line: float = 1.5) -> list[str]:
    """Table cells whose column is too narrow to read: three or more lines averaging under 1.5 words a line."""
    found = []
    for words in page.cells:
        lines = lines_of(words)
        if len(lines) >= min_lines and len(words) / len(lines) < min_words_a_line:
            found.append(f"page {page.number}: " + " / ".join(" ".join(line) for line in lines))
    return found


class _Text(HTMLParser):
    """The text a browser draws: everything in the body but styles, scripts and (SVG) titles."""

    HIDDEN = {"style", "script", "title", "head"}

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag in self.HIDDEN

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag in self.HIDDEN

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


def unprinted_words(html: str, pages: list[Page]) -> Counter[str]:
    """Words of the page's text that the PDF does not hold as whole words: cut off, or broken across lines."""
    parser = _Text()
    parser.feed(html)
    printed = _tokens(" ".join(w["text"] for page in pages for w in page.words))
    return _tokens(" ".join(parser.parts)) - printed


def _is_line_rule(obj: dict[str, Any]) -> bool:
    return obj["object_type"] == "line" and max(obj["width"], obj["height"]) >= RULE_MIN_LENGTH


def read_office_pdf(path: Path) -> list[Page]:
    """read_pdf for a PDF LibreOffice printed, whose table borders are lines rather than thin rectangles."""
    import pdfplumber

    pages = read_pdf(path)
    with pdfplumber.open(path) as pdf:
        for page, printed in zip(pages, pdf.pages):
            ruled = printed.filter(lambda o: o["object_type"] == "char" or _is_line_rule(o))
            # LibreOffice sets a cell's first line against the border above it, a fraction over it.
            cells = [
                printed.within_bbox(_raised(box)).extract_words()
                for table in ruled.find_tables()
                for row in table.rows
                for box in row.cells
                if box is not None
            ]
            page.cells = [c for c in cells if c]
            page.rules = [o for o in printed.lines if _is_line_rule(o)]
    return pages


def _raised(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    x0, top, x1, bottom = box
    return (x0, max(top - TOLERANCE, 0.0), x1, bottom)


def broken_words(text: str, pages: list[Page]) -> Counter[str]:
    """Words of `text` the PDF does not hold whole: broken across lines, or cut off."""
    printed = _tokens(" ".join(w["text"] for page in pages for w in page.words))
    return _tokens(text) - printed
