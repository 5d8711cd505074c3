"""Whatever goes wrong in a template, as one line naming the template, the line or tag, and what to do."""

from __future__ import annotations

import html
import re

from jinja2 import Environment, TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SecurityError

from sendplan_cli.ground.sanitise import one_line
from sendplan_cli.output.paper.templating.sandbox import NotIncludable, TemplateLimit

_TAG = re.compile(r"\{[{%].*?[%}]\}")
_XML = re.compile(r"<[^>]*>")
_QUOTED = re.compile(r"'([^']+)'")
_NO_ATTRIBUTE = re.compile(r"'[^']+ object' has no attribute '([^']+)'")
_UNDEFINED = re.compile(r"'([^']+)' is undefined")
_UNSAFE = re.compile(r"attribute '([^']+)' of '[^']+' object is unsafe")
_SEE = "see the template variables in the README"


def _plainly(exc: BaseException) -> str:
    """Jinja's wording ("'dict object' has no attribute 'sumary'") in the paper's terms, naming what was asked for."""
    text = str(exc)
    if found := _NO_ATTRIBUTE.search(text):
        return f"the template asks for {found.group(1)!r}, which the paper's data does not have ({_SEE})"
    if found := _UNDEFINED.search(text):
        return f"the template uses {found.group(1)!r}, which is not one of the paper's variables ({_SEE})"
    if found := _UNSAFE.search(text):
        return f"the template asks for {found.group(1)!r}, which templates may not use ({_SEE})"
    return f"{text} ({_SEE})"


def template_line(exc: BaseException, filename: str) -> int | None:
    """The template line being run when exc was raised (Jinja maps its frames onto the template)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def detail(exc: BaseException, memory_bytes: int | None = None) -> str:
    """What went wrong and what to do, without saying where."""
    if isinstance(exc, OverflowError) and "MAX_RANGE" in str(exc):
        return "range() may count to at most 100,000 in a template; simplify the template"
    if isinstance(exc, (TemplateLimit, OverflowError)):
        return f"{exc}; simplify the template"
    if isinstance(exc, ZeroDivisionError):
        return "the template divides by zero; check the line (a count that can be 0?)"
    if isinstance(exc, MemoryError):
        budget = f" ({memory_bytes // (1 << 20):,} MB)" if memory_bytes else ""
        return f"the template needed more memory than a template may use{budget}; simplify the template"
    if isinstance(exc, RecursionError):
        return "the template calls itself too deeply (a macro that never stops calling itself?); simplify the template"
    if isinstance(exc, NotIncludable):
        return str(exc.message)
    if isinstance(exc, TemplateNotFound):
        return (
            f"cannot include {exc.name!r}: a template may include only template files (.j2, .html, .md and the "
            "like, none hidden) in its own folder (not through a link that leads out of it) or the bundled "
            "templates/ folder"
        )
    if isinstance(exc, (UndefinedError, SecurityError)):
        return _plainly(exc)
    if isinstance(exc, TemplateSyntaxError):
        return f"template syntax error: {exc.message}"
    if isinstance(exc, TemplateError):
        return str(exc)
    if isinstance(exc, TypeError):
        return (
            "the template uses a value in a way it cannot be used (a loop over something that is not a list, or "
            "sums with text?); check the line against the template variables in the README"
        )
    return f"the template failed: {type(exc).__name__}: {exc}"


def text_error(
    exc: BaseException, filename: str, shown: str, memory_bytes: int | None = None
) -> str:
    """The message for a failure in an HTML or Markdown template; `filename` is as Jinja knows it, `shown` as the user gave it."""
    if isinstance(exc, TemplateSyntaxError):
        where = exc.filename or filename
        return f"{shown if where == filename else where}:{exc.lineno}: {detail(exc)}"
    if isinstance(exc, UnicodeDecodeError):
        return (
            f"{shown}: not a text template (UTF-8); give a Jinja template, such as a copy of "
            "the bundled templates/board-paper.html.j2 or board-paper.md.j2"
        )
    line = template_line(exc, filename)
    return (
        f"{shown}:{line}: {detail(exc, memory_bytes)}"
        if line
        else f"{shown}: {detail(exc, memory_bytes)}"
    )


def _culprits(exc: BaseException, tags: list[str]) -> list[str]:
    """Of the tags on a failing line, those that fail alone the same way, or that name what failed ('sumary')."""
    if isinstance(exc, TemplateSyntaxError):
        return [t for t in tags if _syntax_error(t) == exc.message]
    return [t for t in tags if any(name in t for name in _QUOTED.findall(str(exc)))]


def _syntax_error(tag: str) -> str | None:
    try:
        Environment().parse(tag)  # parsed only, never run
    except TemplateSyntaxError as exc:
        return exc.message
    return None


def word_error(exc: BaseException, source: str, shown: str, memory_bytes: int | None = None) -> str:
    """The message for a failure in a Word template, naming the tag where it can be found in `source` (the part's XML)."""
    line = exc.lineno if isinstance(exc, TemplateSyntaxError) else template_line(exc, "<template>")
    tag = ""
    if line and source:
        lines = source.splitlines()
        text = html.unescape(_XML.sub("", lines[line - 1])) if 0 < line <= len(lines) else ""
        found = _TAG.findall(text)
        words = one_line(" ".join(_culprits(exc, found)[:1] or found) if found else text.strip())
        if words:
            tag = f" at the tag {words[:120]}"
    return f"{shown}: the Word template failed{tag}: {detail(exc, memory_bytes)}"
