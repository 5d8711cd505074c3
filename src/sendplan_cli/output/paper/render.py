"""Render the board paper through Jinja templates, in the sandbox, from plain data, with strict undefined variables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.ground.errors import UsageError
from sendplan_cli.output.paper.sandbox import Limits
from sendplan_cli.output.paper.template_errors import text_error
from sendplan_cli.output.paper.view import PlanView

DEFAULT_TEMPLATE = {"html": "board-paper.html.j2", "md": "board-paper.md.j2"}
# The names every template receives; the README documents each one (a test keeps them in step).
TEMPLATE_VARIABLES = ("title", "month", "month_label", "as_of", "generated", "plans")


@dataclass(frozen=True)
class Paper:
    """What one board paper covers."""

    views: list[PlanView]
    month: date
    as_of: date
    generated: date


def context(paper: Paper) -> dict[str, Any]:
    """What every HTML and Markdown template receives, as plain data (output/paper/plain.py)."""
    from sendplan_cli.output.paper.plain import plain

    titles = [v.plan.title for v in paper.views]
    values = {
        "title": titles[0] if len(titles) == 1 else "SEND improvement plans",
        "month": paper.month,
        "month_label": f"{paper.month:%B %Y}",
        "as_of": paper.as_of,
        "generated": paper.generated,
        "plans": paper.views,
    }
    assert tuple(values) == TEMPLATE_VARIABLES
    return plain(values)  # type: ignore[no-any-return]


def render(paper: Paper, fmt: str, template: Path | None = None, limits: Limits = Limits()) -> str:
    """The board paper as text; any template failure is a usage error naming the template and line.

    A custom template runs in a child process within `limits` (output/paper/template_child.py)."""
    values = context(paper)
    if template is not None:
        from sendplan_cli.output.paper.template_child import Job, run

        return run(Job("text", str(template), values, limits, html=fmt == "html")).decode("utf-8")
    from sendplan_cli.output.paper.sandbox import text_environment

    name = DEFAULT_TEMPLATE[fmt]
    try:
        return str(text_environment(None, fmt == "html").get_template(name).render(values))
    except Exception as exc:  # noqa: BLE001 - reported as for any template, should the bundled one ever fail
        raise UsageError(text_error(exc, name, name)) from None
