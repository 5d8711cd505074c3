"""Render the board paper through Jinja templates, in a sandbox, with strict undefined variables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.errors import UsageError
from sendplan_cli.output.sanitise import md_cell, md_inline, md_prose
from sendplan_cli.output.paper.view import PlanView
from sendplan_cli.resources import resource_dir

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
    return values


def text_colour(background: str | None) -> str:
    """Black or white, whichever contrasts more with the background colour (WCAG relative luminance)."""
    if not background or len(background) != 7 or not background.startswith("#"):
        return "#0b0c0c"

    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(background[i : i + 2]) for i in (1, 3, 5))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#0b0c0c" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#ffffff"


def _environment(template: Path | None) -> Any:
    from jinja2 import (
        ChoiceLoader,
        FileSystemLoader,
        StrictUndefined,
        select_autoescape,
    )
    from jinja2.sandbox import SandboxedEnvironment

    folders = [str(template.parent)] if template else []
    env = SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(folders), FileSystemLoader(str(resource_dir("templates")))]),
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml", "html.j2", "htm.j2"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["text_colour"] = text_colour
    # Plan text in Markdown goes through one of these (README, "Templates"): `md` for a table cell,
    # `md_inline` for other one-line places, `md_prose` for paragraphs.
    env.filters["md"] = md_cell
    env.filters["md_inline"] = md_inline
    env.filters["md_prose"] = md_prose
    env.filters["date"] = lambda d, fmt="%d %b %Y": d.strftime(fmt) if d else "-"
    from sendplan_cli.output.paper.filters import register

    register(env)
    return env


def render(paper: Paper, fmt: str, template: Path | None = None) -> str:
    """The board paper as text; template errors become usage errors naming the template and line."""
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    env = _environment(template)
    name = template.name if template else DEFAULT_TEMPLATE[fmt]
    try:
        return env.get_template(name).render(context(paper))
    except TemplateSyntaxError as exc:
        raise UsageError(f"{exc.filename or name}:{exc.lineno}: template syntax error: {exc.message}") from None
    except (UndefinedError, SecurityError) as exc:
        raise UsageError(f"{name}: {exc} (see the template variables in the README)") from None
    except TemplateError as exc:
        raise UsageError(f"{name}: {exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{name}: not a text template (UTF-8); give a Jinja template such as a copy of {DEFAULT_TEMPLATE[fmt]}") from None
