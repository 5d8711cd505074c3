"""The one Jinja sandbox every board-paper template runs in, HTML, Markdown and Word alike.

Templates are given plain data only (output/paper/document/plain.py) and run in Jinja's immutable sandbox: no
attribute that starts with `_`, no method that changes a list or a mapping, `range()` capped. Undefined
names are errors. Here, too, every repetition, power and padding is checked before it is computed, so
`{{ 'a' * 1000000000 }}` is refused at its line; what such checks cannot see (a value doubled by `~`
again and again, a loop inside a loop) is stopped by the limits of the process a custom template runs
in (output/paper/templating/template_child.py). Includes are found only inside the template's own folder and the
bundled templates, never through a link that leads elsewhere; a Word template includes nothing.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    Template,
    TemplateNotFound,
)
from jinja2.loaders import split_template_path
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from sendplan_cli.output.paper.document.records import is_record_type
from sendplan_cli.output.paper.templating.filters import register
from sendplan_cli.resources import resource_dir

MAX_OUTPUT_CHARS = 200_000_000
"""A custom paper's largest size; the default paper of a 10,000-action plan is about 11 MB."""
MAX_SECONDS = 60.0
"""A custom paper's longest rendering time; the whole default paper of a 10,000-action plan takes about half that."""
MAX_MEMORY_BYTES = 1 << 30
"""The memory a custom template may use beyond the paper's own data (1 GiB)."""
_WIDTH = re.compile(r"%[-+ #0]*(\d+)|\{[^}]*?(\d{4,})")


@dataclass(frozen=True)
class Limits:
    """What a custom template may use: seconds of rendering, characters of output, bytes of memory."""

    seconds: float = MAX_SECONDS
    max_chars: int = MAX_OUTPUT_CHARS
    memory_bytes: int = MAX_MEMORY_BYTES


class TemplateLimit(Exception):
    """The template went past a size or time limit."""


def _too_big(n: int) -> TemplateLimit:
    return TemplateLimit(
        f"the template would make a value of {n:,} characters, more than the limit of {MAX_OUTPUT_CHARS:,}"
    )


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else None


def checked_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse `*`, `**` and `%` whose result would be huge, before Python builds it."""
    if operator == "*":
        for seq, count in ((left, right), (right, left)):
            size = _length(seq)
            if size is not None and isinstance(count, int) and size * count > MAX_OUTPUT_CHARS:
                raise _too_big(size * count)
    elif operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
        if right * abs(left).bit_length() > 1_000_000:
            raise TemplateLimit(f"{left} ** {right} is too large a number for a template")
    elif operator == "%" and isinstance(left, str):
        check_widths(left)


def check_widths(spec: str) -> None:
    """Refuse a format string that pads a value to a huge width (`%1000000000s`, `{:>1000000000}`)."""
    for match in _WIDTH.finditer(spec):
        width = int(match.group(1) or match.group(2))
        if width > MAX_OUTPUT_CHARS:
            raise _too_big(width)


def check_width(width: Any) -> None:
    if isinstance(width, int) and width > MAX_OUTPUT_CHARS:
        raise _too_big(width)


_LOOP_COUNTS = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0"}
)
"""The attributes of a for loop's `loop` that are always a number or True/False."""


def _public_fields(kind: type) -> frozenset[str]:
    """The fields of a paper record type (output/paper/document/records.py) not starting with `_`, or a loop's counts;
    none for other types."""
    if kind is LoopContext:
        return _LOOP_COUNTS
    if not is_record_type(kind):
        return frozenset()
    return frozenset(f.name for f in dataclasses.fields(kind) if not f.name.startswith("_"))


class LimitedSandbox(ImmutableSandboxedEnvironment):  # type: ignore[misc]
    """Jinja's immutable sandbox with every repetition, power and %-format checked before it runs."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verdicts: dict[tuple[type, str], bool] = {}
        self._fields: dict[type, frozenset[str]] = {}

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        checked_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        # A paper record's public field holds plain data (never a method, so never `str.format`), and a loop's
        # count is a number, both of which Jinja would allow: read them straight, as the template reads hundreds
        # of thousands of them on a large plan.
        # Anything else, a name starting with `_` included, takes Jinja's own checks.
        kind = type(obj)
        fields = self._fields.get(kind)
        if fields is None:
            fields = self._fields[kind] = _public_fields(kind)
        if attribute in fields:
            return getattr(obj, attribute)
        return super().getattr(obj, attribute)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Jinja's verdict depends only on the object's type and the attribute's name (never the value), and
        # working it out (isinstance against every mutable ABC) was half the default paper's time on a large plan.
        key = (type(obj), attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = bool(super().is_safe_attribute(obj, attr, value))
        return verdict


class CountedTemplate(Template):  # type: ignore[misc]
    """A template whose output is counted as it is made, stopping at its environment's `max_chars`."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        limit = getattr(self.environment, "max_chars", None)
        if limit is None:
            return str(super().render(*args, **kwargs))
        chunks, size = [], 0
        for chunk in self.generate(*args, **kwargs):
            size += len(chunk)
            if size > limit:
                raise TemplateLimit(f"the paper grew past the limit of {limit:,} characters")
            chunks.append(chunk)
        return "".join(chunks)


class WordSandbox(LimitedSandbox):
    """The sandbox for a Word template, which keeps the XML of the part it last compiled, to name a failing tag."""

    template_class = CountedTemplate
    source = ""
    max_chars: int | None = None

    def from_string(self, source: Any, *args: Any, **kwargs: Any) -> Any:
        self.source = source if isinstance(source, str) else ""
        return super().from_string(source, *args, **kwargs)


TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".html", ".htm", ".md", ".txt", ".css")
"""What a template may include: templates and their parts, never a key, a configuration or a plan."""


class FolderLoader(FileSystemLoader):  # type: ignore[misc]
    """Templates from one folder and its subfolders only: `..` is refused, and so is a link that leads out, a
    hidden file or folder (`.env`, `.git/config`) and a file that is not a template's part."""

    def __init__(self, folder: str, own: str | None = None) -> None:
        super().__init__(folder)
        self.own = own
        """The template the user named, which may be called anything; what it includes may not."""

    def get_source(self, environment: Any, template: str) -> Any:
        folder = self.searchpath[0]
        parts = split_template_path(template)
        named = template == self.own
        if not named and (
            any(part.startswith(".") for part in parts)
            or not parts[-1].lower().endswith(TEMPLATE_SUFFIXES)
        ):
            raise TemplateNotFound(
                template,
                f"{template!r} is not a template: a template may include only template "
                f"files ({', '.join(TEMPLATE_SUFFIXES)}), none of them hidden",
            )
        target = Path(posixpath.join(folder, *parts)).resolve()
        if not target.is_relative_to(Path(folder).resolve()):
            raise TemplateNotFound(template, f"{template!r} leads outside the folder {folder}")
        return super().get_source(environment, template)


class NotIncludable(TemplateNotFound):  # type: ignore[misc]
    """A Word template tried to include or extend another template."""


class NoIncludes(BaseLoader):  # type: ignore[misc]
    """A Word template is one document: it includes and extends nothing."""

    def get_source(self, environment: Any, template: str) -> Any:
        raise NotIncludable(
            template,
            f"a Word template cannot include or extend another template ({template!r}); "
            "put the tags in the document itself",
        )


def _limit_padding(env: Any) -> None:
    """The filters that pad to a width the template chooses check the width first."""
    center, indent, fmt = env.filters["center"], env.filters["indent"], env.filters["format"]

    def checked_center(value: Any, width: int = 80) -> Any:
        check_width(width)
        return center(value, width)

    def checked_indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> Any:
        check_width(width if isinstance(width, int) else len(str(width)))
        return indent(value, width, *args, **kwargs)

    def checked_format(value: Any, *args: Any, **kwargs: Any) -> Any:
        check_widths(str(value))
        return fmt(value, *args, **kwargs)

    env.filters.update(center=checked_center, indent=checked_indent, format=checked_format)


def text_environment(folder: Path | None, html: bool, own: str | None = None) -> LimitedSandbox:
    """The sandbox for HTML and Markdown templates: the given folder first, then the bundled templates.

    html: escape every value for HTML, whatever the template's file is called (the paper's format decides)."""
    from sendplan_cli.output.paper.templating.template_cache import template_cache

    loaders = [FolderLoader(str(folder), own)] if folder else []
    env = LimitedSandbox(
        loader=ChoiceLoader([*loaders, FolderLoader(str(resource_dir("templates")))]),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    _limit_padding(env)
    env.bytecode_cache = template_cache(env)
    register(env)
    return env


def word_environment(max_chars: int | None = None) -> WordSandbox:
    """The sandbox for Word templates: XML-escaped, strict, with no other template to include, and each
    part's output counted against `max_chars` when given."""
    env = WordSandbox(loader=NoIncludes(), autoescape=True, undefined=StrictUndefined)
    env.max_chars = max_chars
    _limit_padding(env)
    register(env)
    return env


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise TemplateLimit in the rendering code once `seconds` have passed (POSIX main thread only)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expired(signum: int, frame: Any) -> None:
        raise TemplateLimit(f"the template took more than {seconds:.0f} seconds")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def generate_within_limits(template: Any, context: dict[str, Any], limits: Limits) -> Iterator[str]:
    """The template's output chunk by chunk, stopping at the size or time limit."""
    size = 0
    deadline = time.monotonic() + limits.seconds
    with time_budget(limits.seconds):
        for chunk in template.generate(context):
            size += len(chunk)
            if size > limits.max_chars:
                raise TemplateLimit(
                    f"the paper grew past the limit of {limits.max_chars:,} characters"
                )
            if time.monotonic() > deadline:
                raise TemplateLimit(f"the template took more than {limits.seconds:.0f} seconds")
            yield chunk


def render_within_limits(
    template: Any,
    context: dict[str, Any],
    seconds: float = MAX_SECONDS,
    max_chars: int = MAX_OUTPUT_CHARS,
) -> str:
    """Render chunk by chunk, stopping at the size or time limit."""
    return "".join(generate_within_limits(template, context, Limits(seconds, max_chars)))
