"""The board paper as an editable Word document, rendered through a Word template with Jinja tags (docxtpl)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from sendplan_cli.errors import UsageError
from sendplan_cli.output.paper.docx_parts import STYLES, MissingStyle, text
from sendplan_cli.output.paper.docx_sections import plan_sections
from sendplan_cli.output.paper.docx_tags import fill_tags, open_template
from sendplan_cli.output.paper.plain import plain
from sendplan_cli.output.paper.render import Paper
from sendplan_cli.output.paper.sandbox import Limits
from sendplan_cli.output.paper.view import PlanView
from sendplan_cli.resources import resource_dir

DEFAULT_DOCX = "board-paper.docx"


class _Sections:
    """Builds each section of the paper in one scratch document that shares the template's styles and images.

    docxtpl's own subdocument opens python-docx's blank document afresh for every section, a third of the
    rendering time; each section here is built in the same body, taken out as XML, and the body emptied.
    """

    def __init__(self, tpl: Any) -> None:
        from copy import deepcopy

        from docx.document import Document
        from docx.oxml.ns import nsdecls
        from docx.oxml.parser import parse_xml

        template = tpl.get_docx()
        element = parse_xml(f"<w:document {nsdecls('w')}><w:body/></w:document>")
        # python-docx sizes tables to the page: the template's own (its last section), never part of a section.
        page = template.element.body.sectPr
        self.page = deepcopy(page) if page is not None else parse_xml(f"<w:sectPr {nsdecls('w')}/>")
        element.body.append(self.page)
        self.doc = Document(element, template.part)  # styles, numbering and pictures are the template's

    def build(self, fill: Any) -> Any:
        from lxml import etree

        body = self.doc.element.body
        fill(self.doc)
        body.remove(self.page)
        # As docxtpl's subdocument does: the body's children, relying on the template's namespace declarations.
        xml = re.sub(r"</?w:body[^>]*>", "", etree.tostring(body, encoding="unicode"))
        for child in list(body):
            body.remove(child)
        body.append(self.page)
        return Markup(xml)  # the template's Jinja inserts a built section as it is, never escaped


def _plan_context(sections: _Sections, view: PlanView, paper: Paper) -> dict[str, Any]:
    values: dict[str, Any] = {"title": text(view.plan.title), "view": plain(view)}
    for name, build in plan_sections(view, paper).items():
        values[name] = sections.build(build)
    return values


def word_values(paper: Paper, tpl: Any, path: Path) -> dict[str, Any]:
    """What a Word template's tags receive: the paper's words and, per plan, its sections built with the
    template's styles and its view as plain data."""
    titles = [v.plan.title for v in paper.views]
    sections = _Sections(tpl)
    try:
        plans = [_plan_context(sections, v, paper) for v in paper.views]
    except MissingStyle as exc:
        raise UsageError(f"{path}: the Word template has no style named {exc.name!r}, which the paper is built with "
                         f"({', '.join(STYLES)}); add it in Word's Styles pane, or start again from a copy of the "
                         f"bundled {DEFAULT_DOCX}") from None
    return {
        "title": text(titles[0]) if len(titles) == 1 else "SEND improvement plans",
        "month_label": f"{paper.month:%B %Y}", "as_of": f"{paper.as_of:%d %b %Y}",
        "generated": f"{paper.generated:%d %b %Y}", "plans": plans,
    }


def render_docx(paper: Paper, template: Path | None = None, limits: Limits = Limits()) -> bytes:
    """The board paper as .docx bytes, through the default Word template or the one given.

    The sections are built here, with the template's styles; a custom template's tags are then filled
    in a child process within `limits` (output/paper/template_child.py)."""
    path = template or resource_dir("templates") / DEFAULT_DOCX
    tpl = open_template(str(path), str(path))
    values = word_values(paper, tpl, path)
    properties = {"title": f"{values['title']}: board paper, {values['month_label']}"}
    if template is None:
        return fill_tags(tpl, values, properties, str(path))
    from sendplan_cli.output.paper.template_child import Job, run

    # The child reads the template as it stands now: with the pictures the built sections refer to.
    document = io.BytesIO()
    tpl.docx.save(document)
    return run(Job("word", str(template), values, limits, document.getvalue(), properties))
