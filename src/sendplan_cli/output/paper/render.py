"""Render the board paper through Jinja templates, in a sandbox, with strict undefined variables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.errors import UsageError
from sendplan_cli.output.paper.view import PlanView
from sendplan_cli.output.sanitise import md_cell, md_inline, md_prose
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

    from sendplan_cli.output.paper import sandbox
    from sendplan_cli.output.paper.template_cache import template_cache

    class LimitedSandbox(SandboxedEnvironment):  # type: ignore[misc]
        """Jinja's sandbox with every repetition, power and %-format checked before it runs."""

        intercepted_binops = frozenset({"*", "**", "%"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            sandbox.checked_binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

    folders = [str(template.parent)] if template else []
    env = LimitedSandbox(
        loader=ChoiceLoader([FileSystemLoader(folders), FileSystemLoader(str(resource_dir("templates")))]),
        autoescape=select_autoescape(enabled_extensions=("html", "htm", "xml", "html.j2", "htm.j2"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    _limit_padding(env, sandbox)
    env.bytecode_cache = template_cache(env)
    env.filters["text_colour"] = text_colour
    # Plan text in Markdown goes through one of these (README, "Your own template"): `md` for a
    # table cell, `md_inline` for other one-line places, `md_prose` for paragraphs.
    env.filters["md"] = md_cell
    env.filters["md_inline"] = md_inline
    env.filters["md_prose"] = md_prose
    env.filters["date"] = lambda d, fmt="%d %b %Y": d.strftime(fmt) if d else "-"
    from sendplan_cli.output.paper.filters import register

    register(env)
    return env


def _limit_padding(env: Any, sandbox: Any) -> None:
    """The filters that pad to a width the template chooses check the width first."""
    center, indent, fmt = env.filters["center"], env.filters["indent"], env.filters["format"]

    def checked_center(value: Any, width: int = 80) -> Any:
        sandbox.check_width(width)
        return center(value, width)

    def checked_indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> Any:
        sandbox.check_width(width if isinstance(width, int) else len(str(width)))
        return indent(value, width, *args, **kwargs)

    def checked_format(value: Any, *args: Any, **kwargs: Any) -> Any:
        sandbox.check_widths(str(value))
        return fmt(value, *args, **kwargs)

    env.filters.update(center=checked_center, indent=checked_indent, format=checked_format)


def _template_line(exc: BaseException, filename: str) -> int | None:
    """The template line being run when exc was raised (Jinja maps its frames onto the template)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render(paper: Paper, fmt: str, template: Path | None = None) -> str:
    """The board paper as text; any template failure is a usage error naming the template and line."""
    from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
    from jinja2.sandbox import SecurityError

    from sendplan_cli.output.paper.sandbox import TemplateLimit, render_within_limits

    env = _environment(template)
    name = template.name if template else DEFAULT_TEMPLATE[fmt]
    filename = name
    try:
        compiled = env.get_template(name)
        filename = compiled.filename or name
        if template is None:  # the bundled templates are trusted and need no budget
            return str(compiled.render(context(paper)))
        return render_within_limits(compiled, context(paper))
    except TemplateSyntaxError as exc:
        raise UsageError(f"{exc.filename or name}:{exc.lineno}: template syntax error: {exc.message}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{name}: not a text template (UTF-8); give a Jinja template such as a copy of {DEFAULT_TEMPLATE[fmt]}") from None
    except Exception as exc:  # noqa: BLE001 - a template is a program: whatever it raises is its author's to fix
        line = _template_line(exc, filename)
        where = f"{filename}:{line}" if line else filename
        if isinstance(exc, (TemplateLimit, OverflowError)):
            detail = f"{exc}; simplify the template"
        elif isinstance(exc, (UndefinedError, SecurityError)):
            detail = f"{exc} (see the template variables in the README)"
        elif isinstance(exc, TemplateError):
            detail = str(exc)
        else:
            detail = f"the template failed: {type(exc).__name__}: {exc}"
        raise UsageError(f"{where}: {detail}") from None
