"""Building blocks of the Word paper: headings, lists, tables with repeating header rows, charts with alt text."""

from __future__ import annotations

from typing import Any

from sendplan_cli.ground.sanitise import one_line, paragraphs
from sendplan_cli.output.paper.docx.docx_fit import fit_columns

# The styles the built sections use; a Word template must have each (the bundled one does).
STYLES = ("Heading 2", "Caption", "List Bullet", "List Number", "Table Grid")


def paragraph(doc: Any, value: str = "", style: str | None = None) -> Any:
    """A new paragraph in the named style; the style's id is looked up once per document, not per paragraph."""
    para = doc.add_paragraph(value)
    if style is not None:
        para._p.style = _style_id(doc, style)
    return para


def _style_id(doc: Any, name: str) -> str:
    # python-docx searches the whole styles part on every styled paragraph; a paper has hundreds.
    cache = doc.__dict__.setdefault("_sendplan_style_ids", {})
    if name not in cache:
        try:
            cache[name] = doc.styles[name].style_id
        except KeyError:
            raise MissingStyle(name) from None
    return cache[name]


class MissingStyle(Exception):
    """The Word template lacks a style the paper is built with."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def text(value: object) -> str:
    """Plan text for one line of Word: control characters and breaks shown visibly."""
    return one_line(value).strip()


def prose(doc: Any, value: object, style: str | None = None) -> None:
    """Plan text as Word paragraphs: its paragraphs kept, its line breaks as line breaks."""
    for lines in paragraphs(value):
        para = paragraph(doc, style=style)
        for i, line in enumerate(lines):
            run = para.add_run(line.replace("\t", " "))
            if i < len(lines) - 1:
                run.add_break()


def bullets(doc: Any, items: list[str], numbered: bool = False) -> None:
    for item in items:
        paragraph(doc, text(item), "List Number" if numbered else "List Bullet")


def table(
    doc: Any,
    caption: str,
    header: list[str],
    rows: list[list[str]],
    fills: dict[tuple[int, int], str] | None = None,
    *,
    width: int | None = None,
) -> None:
    """A captioned table whose header row repeats on every page and whose first column labels each row.

    fills colours cells, by (row, column) of rows, with their word kept in black or white. Its columns
    are sized to their text on `width` (EMU; by default the narrowest page's width between margins)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.table import _Cell
    from docx.text.run import Run

    # A caption left at a page's foot is a heading without its table.
    paragraph(doc, caption, "Caption").paragraph_format.keep_with_next = True
    # Made whole in one go: python-docx's add_row looks up the grid for every cell of every row.
    grid = doc.add_table(rows=1 + len(rows), cols=len(header))
    grid._tbl.tblStyle_val = _style_id(doc, "Table Grid")
    lines = grid._tbl.tr_lst
    for tc, name in zip(lines[0].tc_lst, header):
        _Cell(tc, grid).paragraphs[0].add_run(name).bold = True
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    lines[0].get_or_add_trPr().append(repeat)
    for r, (tr, values) in enumerate(zip(lines[1:], rows)):
        for c, (tc, value) in enumerate(zip(tr.tc_lst, values)):
            run = tc.p_lst[0].add_r()
            _put(run, value)
            colour = fills.get((r, c)) if fills else None
            if colour:
                _shade(tc, Run(run, grid), colour)
    fit_columns(doc, grid._tbl, header, rows, set(fills or ()), width)


def chart(doc: Any, rating_chart: Any) -> None:
    """A rating bar chart as a picture with alternative text, followed by its data as a table."""
    from sendplan_cli.output.paper.docx.docx_charts import picture

    figure = rating_chart.figure
    picture(doc, figure, 80)
    table(
        doc,
        f"{figure.title}: the values in the chart",
        ["Rating", "Actions"],
        [[n, str(c)] for n, c, _ in figure.bars],
    )


def _put(r: Any, value: str) -> None:
    """Text into a new, empty run: line breaks and tabs through python-docx's run text, plain text as one w:t.

    The run's text setter first searches the run for content to clear and then reads the text a
    character at a time, most of a table's cost; a new run holds nothing, and text with no break
    or tab is one w:t, which python-docx's add_t writes (keeping leading and trailing spaces)."""
    if "\n" in value or "\r" in value or "\t" in value:
        r.text = value
    elif value:
        r.add_t(value)


def _shade(tc: Any, run: Any, colour: str) -> None:
    """Fill a cell with a rating's colour, its word kept in black or white, whichever contrasts more."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    from sendplan_cli.output.paper.templating.filters import text_colour

    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour.lstrip("#"))
    tc.get_or_add_tcPr().append(fill)
    run.font.color.rgb = RGBColor.from_string(text_colour(colour).lstrip("#").upper())
    run.bold = True
