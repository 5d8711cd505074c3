"""Build templates/board-paper.docx, the default Word template of the board paper.

Run from the repository: `python templates/build_docx_template.py`. The template is an ordinary
Word document with Jinja tags (docxtpl): open it in Word, restyle headings, tables and the title,
add a logo, header or footer, and pass it with `--template`. `{{p plan.body }}` is one plan's whole
paper, its headings and tables built with the template's own styles; a template may instead place
each section on its own (`{{p plan.summary }}`, ...) under headings of its own.
"""

from __future__ import annotations

from pathlib import Path


def _page_number(paragraph) -> None:  # type: ignore[no-untyped-def]
    """A PAGE field, which Word fills in with each page's number."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run, shown = OxmlElement("w:r"), OxmlElement("w:t")
    shown.text = "1"
    run.append(shown)
    field.append(run)
    paragraph._p.append(field)


def build(target: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = "{{ title }}"
    footer = section.footer.paragraphs[0]
    footer.text = "{{ heading }}. Page "
    _page_number(footer)
    doc.add_paragraph("{{ heading }}", style="Title")
    doc.add_paragraph("{{ about }}. Data as of {{ as_of }}. Generated {{ generated }}.")
    doc.add_paragraph("{%p for plan in plans %}")
    doc.add_paragraph("{{p plan.body }}")
    doc.add_paragraph("{%p endfor %}")
    doc.save(str(target))


if __name__ == "__main__":
    build(Path(__file__).resolve().parent / "board-paper.docx")
