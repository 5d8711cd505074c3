"""The board paper as an editable Word document, rendered through a Word template with Jinja tags (docxtpl)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from sendplan_cli.errors import UsageError
from sendplan_cli.output.paper.docx_parts import STYLES, MissingStyle, text
from sendplan_cli.output.paper.docx_properties import set_properties
from sendplan_cli.output.paper.docx_sections import plan_sections
from sendplan_cli.output.paper.render import Paper
from sendplan_cli.output.paper.view import PlanView
from sendplan_cli.resources import resource_dir

DEFAULT_DOCX = "board-paper.docx"


class _Sections:
    """Builds each section of the paper in a scratch document that shares the template's styles and images.

    docxtpl's own subdocument opens python-docx's blank document afresh for every section, a third of the
    rendering time; each section here is built in a bare body of its own and taken out as XML. The body is
    dropped whole, never emptied: lxml takes time growing with the square of a table's rows to remove it.
    """

    def __init__(self, tpl: Any) -> None:
        from copy import deepcopy

        from docx.oxml.ns import nsdecls
        from docx.oxml.parser import parse_xml

        template = tpl.get_docx()
        # python-docx sizes tables to the page: the template's own (its last section), never part of a section.
        page = template.element.body.sectPr
        self.page = deepcopy(page) if page is not None else parse_xml(f"<w:sectPr {nsdecls('w')}/>")
        self.part = template.part  # styles, numbering and pictures are the template's

    def build(self, fill: Any) -> Any:
        from copy import deepcopy

        from docx.document import Document
        from docx.oxml.ns import nsdecls
        from docx.oxml.parser import parse_xml
        from lxml import etree

        element = parse_xml(f"<w:document {nsdecls('w')}><w:body/></w:document>")
        page = deepcopy(self.page)
        element.body.append(page)
        fill(Document(element, self.part))
        element.body.remove(page)
        # As docxtpl's subdocument does: the body's children, relying on the template's namespace declarations.
        return _Built(re.sub(r"</?w:body[^>]*>", "", etree.tostring(element.body, encoding="unicode")))


class _Built(str):
    """A built section's WordprocessingML, which the template's Jinja inserts as it is, never escaped."""

    def __html__(self) -> str:
        return str(self)


def _plan_context(sections: _Sections, view: PlanView, paper: Paper) -> dict[str, Any]:
    values: dict[str, Any] = {"title": text(view.plan.title), "view": view}
    for name, build in plan_sections(view, paper).items():
        values[name] = sections.build(build)
    return values


def render_docx(paper: Paper, template: Path | None = None) -> bytes:
    """The board paper as .docx bytes, through the default Word template or the one given."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    path = template or resource_dir("templates") / DEFAULT_DOCX
    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except Exception as exc:  # python-docx raises several types for a file that is not a Word document
        raise UsageError(f"{path}: not a Word template (.docx): {exc}") from None
    titles = [v.plan.title for v in paper.views]
    sections = _Sections(tpl)
    try:
        plans = [_plan_context(sections, v, paper) for v in paper.views]
    except MissingStyle as exc:
        raise UsageError(f"{path}: the Word template has no style named {exc.name!r}, which the paper is built with "
                         f"({', '.join(STYLES)}); add it in Word's Styles pane, or start again from a copy of the "
                         f"bundled {DEFAULT_DOCX}") from None
    context = {
        "title": text(titles[0]) if len(titles) == 1 else "SEND improvement plans",
        "month_label": f"{paper.month:%B %Y}", "as_of": f"{paper.as_of:%d %b %Y}",
        "generated": f"{paper.generated:%d %b %Y}", "plans": plans,
    }
    from jinja2.sandbox import SandboxedEnvironment

    try:
        tpl.render(context, jinja_env=SandboxedEnvironment(autoescape=True))
    except TemplateError as exc:
        raise UsageError(f"{path}: template error: {exc}") from None
    set_properties(tpl.docx, paper, str(context["title"]))
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()
