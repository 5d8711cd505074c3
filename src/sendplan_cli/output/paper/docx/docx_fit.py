"""A Word table's columns sized to their text on the page they print on, the same in Word and LibreOffice.

python-docx gives every column the same width, which LibreOffice keeps, breaking words mid-way; Word
would size an autofit table to its content, so each would print the paper differently. The table is
given a fixed layout with widths from docx_widths, and a width of the whole text column: a table sized
for a portrait page and placed on a landscape one is widened in proportion, never narrowed.
"""

from __future__ import annotations

from typing import Any

from sendplan_cli.output.paper.docx.docx_widths import cell, column, widths

EMU_PER_POINT = 12700
TWIPS_PER_POINT = 20
WHOLE_WIDTH = "5000"
"""A table width of 100%, in the fiftieths of a percent Word writes."""
DEFAULT_SIZE = 10.0
"""Points: the bundled template's Normal style, which its tables use."""
DEFAULT_PADDING = 108 * 2 / TWIPS_PER_POINT
"""Points: Word's default cell margins, 0.19 cm each side."""
UNSPLIT_LINES = 12
"""Rows of up to this many lines are never broken across pages; longer ones may be."""
SLACK = 1.0
SMALLEST_SIZE = 7.5
"""Points: a table too wide for its page is set smaller, down to this, before a word is let break."""
"""Points added to every column: the cell's borders, and rounding to whole twips."""


def fit_columns(
    doc: Any,
    tbl: Any,
    header: list[str],
    rows: list[list[str]],
    bold: set[tuple[int, int]],
    width: int | None = None,
) -> None:
    """Size the table's columns to its text (the header and the `bold` body cells set in bold) on `width` EMU."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    size, padding, narrowest, widest = _page(doc)
    cells = [
        [cell(name, size, True)]
        + [cell(row[c] if c < len(row) else "", size, (r, c) in bold) for r, row in enumerate(rows)]
        for c, name in enumerate(header)
    ]
    columns = [column(c) for c in cells]
    available = narrowest
    if width:
        available = width / EMU_PER_POINT
    elif sum(c.least + padding + SLACK for c in columns) > narrowest:
        # Its words would break on the narrowest page whatever the widths: it is sized for the widest,
        # where a template puts its wide tables (the bundled one's tracker is on landscape pages).
        available = widest
    smaller = _smaller_size(
        size, [c.least for c in columns], available - len(columns) * (padding + SLACK)
    )
    if smaller is not None:
        # Still too wide for its page: set a little smaller, so that no word is broken mid-way.
        size = smaller
        _set_size(tbl, size)
        cells = [
            [cell(name, size, True)]
            + [
                cell(row[c] if c < len(row) else "", size, (r, c) in bold)
                for r, row in enumerate(rows)
            ]
            for c, name in enumerate(header)
        ]
        columns = [column(c) for c in cells]
    points = widths(columns, available, padding + SLACK)
    twips = [round(p * TWIPS_PER_POINT) for p in points]
    tblPr = tbl.tblPr
    table_width = tblPr.find(qn("w:tblW"))
    if table_width is None:
        table_width = OxmlElement("w:tblW")
        tblPr.append(table_width)
    table_width.set(qn("w:type"), "pct")
    table_width.set(qn("w:w"), WHOLE_WIDTH)
    layout = tblPr.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        tblPr.append(layout)
    layout.set(qn("w:type"), "fixed")
    for col, w in zip(tbl.tblGrid.gridCol_lst, twips):
        col.set(qn("w:w"), str(w))
    total = sum(twips)
    shares = [str(round(int(WHOLE_WIDTH) * w / total)) for w in twips]
    for tr in tbl.tr_lst:
        for tc, share in zip(tr.tc_lst, shares):
            cell_width = tc.get_or_add_tcPr().get_or_add_tcW()
            cell_width.set(qn("w:type"), "pct")
            cell_width.set(qn("w:w"), share)
    for tr, *row in zip(tbl.tr_lst[1:], *(c[1:] for c in cells)):
        tallest = max(c.count(p - padding - SLACK) for c, p in zip(row, points))
        # A short row is kept whole on one page: half an action at a page's foot reads as all of it.
        # A long one may break, since LibreOffice cuts off a whole row taller than the page.
        if tallest <= UNSPLIT_LINES:
            tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _page(doc: Any) -> tuple[float, float, float, float]:
    """The tables' type size, their cells' side padding, and the narrowest and widest text width of any
    page, in points.

    A section is built apart from the template it goes into, so the narrowest of the template's pages
    is the one its tables are sized for: on a wider page they widen, and no word breaks."""
    cache = doc.__dict__
    if "_sendplan_table_page" not in cache:
        found = _text_widths(doc)
        cache["_sendplan_table_page"] = (_size(doc), _padding(doc), min(found), max(found))
    return cache["_sendplan_table_page"]  # type: ignore[no-any-return]


def _smaller_size(size: float, longest: list[float], room: float) -> float | None:
    """The type size, in half points and no smaller than SMALLEST_SIZE, at which the longest words fit in
    `room`; none when they fit at `size` already or fit at no allowed size."""
    needed = sum(longest)
    if needed <= room or room <= 0:
        return None
    fits = int(size * room / needed * 2) / 2
    return fits if fits >= SMALLEST_SIZE else None


def _set_size(tbl: Any, size: float) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for run in tbl.iter(qn("w:r")):
        run.get_or_add_rPr().sz_val = Pt(size)


def _size(doc: Any) -> float:
    for name in ("Table Grid", "Normal"):
        try:
            size = doc.styles[name].font.size
        except KeyError:
            continue
        if size is not None:
            return float(size.pt)
    return DEFAULT_SIZE


def _padding(doc: Any) -> float:
    from docx.oxml.ns import qn

    try:
        style = doc.styles["Table Grid"].element
    except KeyError:
        return DEFAULT_PADDING
    sides = [
        style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}/{qn(f'w:{side}')}")
        for side in ("left", "right")
    ]
    if any(s is None or s.get(qn("w:type"), "dxa") != "dxa" for s in sides):
        return DEFAULT_PADDING
    return sum(int(s.get(qn("w:w"), "0")) for s in sides) / TWIPS_PER_POINT


def _text_widths(doc: Any) -> list[float]:
    sections = [*doc.sections, *doc.part.document.sections]
    found = [
        (s.page_width - (s.left_margin or 0) - (s.right_margin or 0)) / EMU_PER_POINT
        for s in sections
        if s.page_width
    ]
    return found or [6 * 72.0]  # python-docx's blank page: 8.5 in less 1.25 in a side
