"""Render the board paper through Jinja templates, in the sandbox, from plain data, with strict undefined variables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sendplan_cli.ground.errors import UsageError
from sendplan_cli.output.paper.build.scope import Paper
from sendplan_cli.output.paper.document.paper_model import BoardPaper
from sendplan_cli.output.paper.templating.sandbox import Limits
from sendplan_cli.output.paper.templating.template_errors import text_error

DEFAULT_TEMPLATE = {"html": "board-paper.html.j2", "md": "board-paper.md.j2"}
# The names every template receives; the README documents each one (a test keeps them in step).
TEMPLATE_VARIABLES = ("title", "month", "month_label", "as_of", "generated", "paper", "plans")
LEGACY = "plans"
"""The per-plan views of earlier versions: made plain only for a template that reads them (a large plan's
views cost more to convert than the whole paper does to render)."""


def reads_views(template: Path) -> bool:
    """True when a user's template may read `plans`: it names it, includes another template, or does not parse
    (the child then reports why). Parsing runs nothing of the template."""
    import jinja2
    from jinja2 import nodes

    try:
        ast = jinja2.Environment().parse(template.read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - any failure is reported by the child, which renders it
        return True
    if any(ast.find_all((nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport))):
        return True
    # The names read off the tree, not jinja2.meta: that compiles the template, folding its constant
    # expressions, and a template's `'%1000000000s' % 'a'` would be built here, outside the sandbox.
    return any(name.name == LEGACY for name in ast.find_all(nodes.Name))


def context(paper: Paper, views: bool = False, model: BoardPaper | None = None) -> dict[str, Any]:
    """What every HTML and Markdown template receives, as plain data (output/paper/document/plain.py).

    views: include `plans`, the per-plan views a user's template of an earlier version reads."""
    from sendplan_cli.output.paper.document.plain import plain

    titles = [v.plan.title for v in paper.views]
    values = {
        "title": titles[0] if len(titles) == 1 else "SEND improvement plans",
        "month": paper.month,
        "month_label": f"{paper.month:%B %Y}",
        "as_of": paper.as_of,
        "generated": paper.generated,
        "paper": model or paper.model(),
        "plans": paper.views if views else [],
    }
    assert tuple(values) == TEMPLATE_VARIABLES
    return plain(values)  # type: ignore[no-any-return]


def render(paper: Paper, fmt: str, template: Path | None = None, limits: Limits = Limits()) -> str:
    """The board paper as text; any template failure is a usage error naming the template and line.

    A custom template runs in a child process within `limits` (output/paper/templating/template_child.py)."""
    if template is not None:
        from sendplan_cli.output.paper.templating.template_child import Job, run

        values = context(paper, views=reads_views(template))
        return run(Job("text", str(template), values, limits, html=fmt == "html")).decode("utf-8")
    from sendplan_cli.output.paper.templating.sandbox import text_environment

    values = context(paper)
    name = DEFAULT_TEMPLATE[fmt]
    try:
        return str(text_environment(None, fmt == "html").get_template(name).render(values))
    except Exception as exc:  # noqa: BLE001 - reported as for any template, should the bundled one ever fail
        raise UsageError(text_error(exc, name, name)) from None
