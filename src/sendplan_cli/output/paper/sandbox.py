"""Limits for custom templates: Jinja's sandbox, plus bounds on size and time.

A template is a small program. Jinja's sandbox stops it reaching Python's internals and caps
`range()`, but `{{ 'a' * 1000000000 }}` would still build a gigabyte and a nested loop could run
for hours. Here every repetition, power and padding is checked before it is computed, the output
is counted as it is made, and a wall-clock budget stops the rest: a signal timer where the
platform has one (it interrupts a loop that prints nothing), else a check between output chunks.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

MAX_OUTPUT_CHARS = 200_000_000
"""A custom paper's largest size; the default paper of a 10,000-action plan is about 11 MB."""
MAX_SECONDS = 60.0
"""A custom paper's longest rendering time; the whole default paper of a 10,000-action plan takes about half that."""
_WIDTH = re.compile(r"%[-+ #0]*(\d+)|\{[^}]*?(\d{4,})")


class TemplateLimit(Exception):
    """The template went past a size or time limit."""


def _too_big(n: int) -> TemplateLimit:
    return TemplateLimit(f"the template would make a value of {n:,} characters, more than the limit of {MAX_OUTPUT_CHARS:,}")


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


def render_within_limits(template: Any, context: dict[str, Any], seconds: float = MAX_SECONDS,
                         max_chars: int = MAX_OUTPUT_CHARS) -> str:
    """Render chunk by chunk, stopping at the size or time limit."""
    chunks: list[str] = []
    size = 0
    deadline = time.monotonic() + seconds
    with time_budget(seconds):
        for chunk in template.generate(context):
            size += len(chunk)
            if size > max_chars:
                raise TemplateLimit(f"the paper grew past the limit of {max_chars:,} characters")
            if time.monotonic() > deadline:
                raise TemplateLimit(f"the template took more than {seconds:.0f} seconds")
            chunks.append(chunk)
    return "".join(chunks)
