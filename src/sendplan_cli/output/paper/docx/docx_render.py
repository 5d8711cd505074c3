"""The board paper as an editable Word document, rendered through a Word template with Jinja tags (docxtpl)."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from sendplan_cli.ground.errors import UsageError
from sendplan_cli.output.paper.build.scope import Paper
from sendplan_cli.output.paper.build.view import PlanView
from sendplan_cli.output.paper.document.paper_model import PlanPaper
from sendplan_cli.output.paper.document.plain import plain
from sendplan_cli.output.paper.docx.docx_blocks import SECTION_STYLE, plan_body, section
from sendplan_cli.output.paper.docx.docx_parts import STYLES, MissingStyle, text
from sendplan_cli.output.paper.docx.docx_properties import core_properties, set_default_language
from sendplan_cli.output.paper.templating.docx_tags import fill_tags, open_template
from sendplan_cli.output.paper.templating.sandbox import Limits
from sendplan_cli.resources import resource_dir

DEFAULT_DOCX = "board-paper.docx"
RENDERED_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
"""The document properties docxtpl renders as Jinja; the paper sets each of them afterwards but identifier."""


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
        xml = re.sub(r"</?w:body[^>]*>", "", etree.tostring(element.body, encoding="unicode"))
        return Markup(xml)  # the template's Jinja inserts a built section as it is, never escaped


def _plan_context(
    sections: _Sections, plan: PlanPaper, view: PlanView, several: bool, legacy: bool
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": text(plan.title),
        "body": sections.build(lambda doc: plan_body(doc, plan, several, sections.page)),
    }
    if legacy:
        # The tags of earlier versions: each section without its heading (the template has its own), and the view.
        values["view"] = plain(view)
        for s in plan.sections:
            values[s.key] = sections.build(lambda doc, s=s: section(doc, s, heading=False))
    return values


def word_values(paper: Paper, tpl: Any, path: Path, legacy: bool = False) -> dict[str, Any]:
    """What a Word template's tags receive: the paper's words and, per plan, its whole paper built with the
    template's styles (`body`); with `legacy`, each section on its own and the view as plain data too."""
    model = paper.model()
    sections = _Sections(tpl)
    several = len(model.plans) > 1
    try:
        plans = [
            _plan_context(sections, p, v, several, legacy) for p, v in zip(model.plans, paper.views)
        ]
    except MissingStyle as exc:
        raise UsageError(
            f"{path}: the Word template has no style named {exc.name!r}, which the paper is built with "
            f"({', '.join((SECTION_STYLE, *STYLES))}); add it in Word's Styles pane, or start again from a "
            f"copy of the bundled {DEFAULT_DOCX}"
        ) from None
    return {
        "title": text(model.title),
        "heading": text(model.heading),
        "about": text(model.about),
        "month_label": model.month_label,
        "as_of": model.as_of,
        "generated": model.generated,
        "plans": plans,
    }


def render_docx(paper: Paper, template: Path | None = None, limits: Limits = Limits()) -> bytes:
    """The board paper as .docx bytes, through the default Word template or the one given.

    The sections are built here, with the template's styles; a custom template's tags are then filled
    in a child process within `limits` (output/paper/templating/template_child.py)."""
    path = template or resource_dir("templates") / DEFAULT_DOCX
    tpl = open_template(str(path), str(path))
    values = word_values(paper, tpl, path, legacy=template is not None)
    set_default_language(tpl.docx)
    # Set once the tags are filled: docxtpl renders the properties as Jinja, and they hold plan text. The
    # template's own are emptied first: they are replaced anyway, and a `{{ title }}` there would be rendered
    # into a property first (one over Word's 255 characters stops the paper).
    properties = core_properties(paper, str(values["heading"]), str(values["about"]))
    for name in RENDERED_PROPERTIES:
        setattr(tpl.docx.core_properties, name, "")
    if template is None:
        return fill_tags(tpl, values, properties, str(path))
    from sendplan_cli.output.paper.templating.template_child import Job, run

    # The child reads the template as it stands now: with the pictures the built sections refer to.
    document = io.BytesIO()
    tpl.docx.save(document)
    return run(Job("word", str(template), values, limits, document.getvalue(), properties))
