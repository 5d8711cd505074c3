"""Build templates/board-paper.docx, the default Word template of the board paper.

Run from the repository: `python templates/build_docx_template.py`. The template is an ordinary
Word document with Jinja tags (docxtpl): open it in Word, restyle headings, tables and the title,
add a logo, header or footer, move or delete sections, and pass it with `--template`. Each
`{{p plan.<section> }}` is one section's content, built with the template's own styles.
"""

from __future__ import annotations

from pathlib import Path

SECTIONS = (
    ("Executive summary", "summary"),
    ("Decisions sought", "decisions"),
    ("Overall position", "position"),
    ("Exceptions", "exceptions"),
    ("Progress by recommendation", "progress"),
    ("Impact, voice, risks and next steps", "narrative"),
    ("Coming up", "coming_up"),
    ("By lead", "by_lead"),
)
APPENDICES = (
    ("Appendix A: action tracker", "tracker"),
    ("Appendix B: rating legend and validation findings", "appendix"),
)


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


def _section(doc, landscape: bool) -> None:  # type: ignore[no-untyped-def]
    """Start a new section on a new page, A4 landscape or portrait."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    )


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
    footer.text = "{{ title }}: board paper, {{ month_label }}. Page "
    _page_number(footer)
    doc.add_paragraph("{{ title }}: board paper, {{ month_label }}", style="Title")
    doc.add_paragraph(
        "Board paper for {{ month_label }}. Data as of {{ as_of }}. Generated {{ generated }}."
    )
    doc.add_paragraph("{%p for plan in plans %}")
    doc.add_paragraph("{%p if plans|length > 1 %}")
    doc.add_paragraph("{{ plan.title }}", style="Heading 1")
    doc.add_paragraph("{%p endif %}")
    doc.add_paragraph("Cover", style="Heading 1")
    doc.add_paragraph("{{p plan.cover }}")
    for heading, name in SECTIONS:
        doc.add_paragraph(heading, style="Heading 1")
        doc.add_paragraph(f"{{{{p plan.{name} }}}}")
    # The tracker has nine columns: it goes on landscape pages, between two section breaks. Each
    # break sits in an empty paragraph of its own, since docxtpl replaces a tag's whole paragraph.
    doc.add_paragraph()
    _section(doc, landscape=True)
    doc.add_paragraph(APPENDICES[0][0], style="Heading 1")
    doc.add_paragraph(f"{{{{p plan.{APPENDICES[0][1]} }}}}")
    doc.add_paragraph()
    _section(doc, landscape=False)
    doc.add_paragraph(APPENDICES[1][0], style="Heading 1")
    doc.add_paragraph(f"{{{{p plan.{APPENDICES[1][1]} }}}}")
    doc.add_paragraph("{%p endfor %}")
    doc.save(str(target))


if __name__ == "__main__":
    build(Path(__file__).resolve().parent / "board-paper.docx")
