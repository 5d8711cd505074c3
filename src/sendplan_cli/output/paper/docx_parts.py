"""Building blocks of the Word paper: headings, lists, tables with repeating header rows, charts with alt text."""

from __future__ import annotations

import io
from typing import Any

from sendplan_cli.output.sanitise import one_line, paragraphs


def text(value: object) -> str:
    """Plan text for one line of Word: control characters and breaks shown visibly."""
    return one_line(value).strip()


def prose(doc: Any, value: object, style: str | None = None) -> None:
    """Plan text as Word paragraphs: its paragraphs kept, its line breaks as line breaks."""
    for lines in paragraphs(value):
        para = doc.add_paragraph(style=style)
        for i, line in enumerate(lines):
            run = para.add_run(line.replace("\t", " "))
            if i < len(lines) - 1:
                run.add_break()


def bullets(doc: Any, items: list[str], numbered: bool = False) -> None:
    for item in items:
        doc.add_paragraph(text(item), style="List Number" if numbered else "List Bullet")


def table(doc: Any, caption: str, header: list[str], rows: list[list[str]]) -> Any:
    """A captioned table whose header row repeats on every page and whose first column labels each row."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc.add_paragraph(caption, style="Caption")
    grid = doc.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(name).bold = True
    tr_pr = grid.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for values in rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, values):
            cell.text = value
    return grid


def chart(doc: Any, counts: list[tuple[str, int, str]], title: str) -> None:
    """A bar chart image with alternative text, followed by its data as a table."""
    from docx.shared import Mm

    from sendplan_cli.output.paper.docx_charts import bar_chart

    alt = f"{title}: " + ", ".join(f"{name} {count}" for name, count, _ in counts)
    shape = doc.add_paragraph().add_run().add_picture(io.BytesIO(bar_chart(counts)), width=Mm(110))
    shape._inline.docPr.set("descr", alt)
    shape._inline.docPr.set("title", title)
    table(doc, f"{title}: the values in the chart", ["Rating", "Actions"], [[text(n), str(c)] for n, c, _ in counts])
