"""The paper's model (output/paper/document/paper_model.py) laid out in Word with python-docx, in the template's own styles.

Like the HTML and Markdown templates this names no section, heading or count: it lays out each kind of
block, so a new section needs nothing here."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from sendplan_cli.ground.sanitise import paragraphs
from sendplan_cli.output.paper.document.paper_model import (
    Block,
    Bullets,
    Decisions,
    Figure,
    Heading,
    Para,
    PlanPaper,
    Section,
    Table,
)
from sendplan_cli.output.paper.docx.docx_parts import bullets, paragraph, table, text

SECTION_STYLE = "Heading 1"
PART_STYLE = "Heading 2"


EMU_PER_TWIP = 635


def _lines(value: str) -> list[list[str]]:
    return [[line.replace("\t", " ") for line in lines] for lines in paragraphs(value)]


def _cell(cell: Any) -> str:
    if cell.prose:
        return "\n\n".join("\n".join(lines) for lines in _lines(cell.text))
    return text(cell.text)


def _para(doc: Any, block: Para) -> Any:
    """The paragraphs of a Para block; the last is given back (a chart's headline is kept with the chart)."""
    para = None
    chunks = _lines(block.text) if block.prose else [[text(block.text)]]
    for n, lines in enumerate(chunks or [[""]]):
        para = paragraph(doc)
        if block.label and n == 0:
            para.add_run(block.label + " ").bold = True
        for i, line in enumerate(lines):
            run = para.add_run(line)
            if i < len(lines) - 1:
                run.add_break()
    return para


def block(doc: Any, b: Block, width: int | None = None) -> Any:
    """One block of a section, in the template's styles; for a paragraph, its last paragraph.

    width: the text width (EMU) a table is sized on, when it is not the template's own page."""
    if isinstance(b, Para):
        return _para(doc, b)
    elif isinstance(b, Heading):
        paragraph(doc, text(b.text), PART_STYLE).paragraph_format.keep_with_next = True
    elif isinstance(b, Bullets):
        bullets(doc, list(b.items))
    elif isinstance(b, Decisions):
        for d in b.items:
            para = paragraph(doc, style="List Number")
            para.add_run(f"{d.mark}:").bold = True
            para.add_run(" " + text(d.text))
    elif isinstance(b, Figure):
        from sendplan_cli.output.paper.docx.docx_charts import picture

        caption = paragraph(doc, text(b.title), "Caption")
        caption.paragraph_format.keep_with_next = True
        if b.data is not None:
            picture(doc, b.data, b.width_mm)
    elif isinstance(b, Table):
        fills = {
            (r, c): cell.fill
            for r, row in enumerate(b.rows)
            for c, cell in enumerate(row)
            if cell.fill
        }
        table(
            doc,
            text(b.caption),
            list(b.headers),
            [[_cell(c) for c in row] for row in b.rows],
            fills,
            width=width,
        )


def section(doc: Any, s: Section, heading: bool = True, width: int | None = None) -> None:
    """A section: its heading (unless a template of an earlier version puts its own) and its blocks."""
    if heading:
        paragraph(doc, text(s.heading), SECTION_STYLE).paragraph_format.keep_with_next = True
    leading: list[
        Any
    ] = []  # the paragraphs just before a chart: its headline stays on the chart's page
    for b in s.blocks:
        if isinstance(b, Figure):
            for para in leading:
                para.paragraph_format.keep_with_next = True
        last = block(doc, b, width)
        leading = [*leading, last] if isinstance(b, Para) and last is not None else []


def plan_body(doc: Any, plan: PlanPaper, several: bool, page: Any) -> None:
    """One plan's whole paper; a landscape section gets pages of its own, turned from the template's `page`."""
    if several:
        paragraph(doc, text(plan.title), SECTION_STYLE)
    landscape = False
    wide = _landscape_text_width(page)
    for s in plan.sections:
        if s.landscape != landscape:
            _break(doc, page, landscape)
            landscape = s.landscape
        section(doc, s, width=wide if landscape else None)
    if landscape:
        _break(doc, page, True)


def _landscape_text_width(page: Any) -> int | None:
    """The text width (EMU) of the template's page turned to landscape, as _break turns it: its longer
    side less the same side margins; none when the template's page gives no size."""
    from docx.oxml.ns import qn

    size, margins = page.find(qn("w:pgSz")), page.find(qn("w:pgMar"))
    if size is None or margins is None:
        return None
    w, h = size.get(qn("w:w")), size.get(qn("w:h"))
    if not (w and h):
        return None
    sides = int(margins.get(qn("w:left"), "0")) + int(margins.get(qn("w:right"), "0"))
    return (max(int(w), int(h)) - sides) * EMU_PER_TWIP


def _break(doc: Any, page: Any, landscape: bool) -> None:
    """End the pages so far (landscape or not) and start new ones: Word keeps a section's page setup in the
    paragraph that ends it."""
    from docx.oxml.ns import qn

    sect = deepcopy(page)
    size = sect.find(qn("w:pgSz"))
    if size is not None:
        w, h = size.get(qn("w:w")), size.get(qn("w:h"))
        if w and h:
            wide, tall = sorted((int(w), int(h)), reverse=True)
            size.set(qn("w:w"), str(wide if landscape else tall))
            size.set(qn("w:h"), str(tall if landscape else wide))
        if landscape:
            size.set(qn("w:orient"), "landscape")
        elif qn("w:orient") in size.attrib:
            del size.attrib[qn("w:orient")]
    para = paragraph(doc)
    para._p.get_or_add_pPr().append(sect)
