"""Human output: `path:line:col: severity CODE [name] message`, the line quoted with a caret, a hint."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from typing import TextIO

from sendplan_cli.output.findings import Run
from sendplan_cli.plan.diagnostics import Diagnostic

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _snippet(d: Diagnostic, lines: list[str]) -> list[str]:
    if not 1 <= d.line <= len(lines):
        return []
    text = lines[d.line - 1].rstrip("\r\n").expandtabs(1)
    gutter = f"{d.line:>5} | "
    return [gutter + text, " " * (len(gutter) - 2) + "| " + " " * (d.column - 1) + "^"]


def render(d: Diagnostic, lines: list[str]) -> tuple[str, list[str], str | None]:
    """The headline, the quoted line with its caret, and the hint of one diagnostic."""
    head = f"{d.path}:{d.line}:{d.column}: {d.severity.value} {d.code} [{d.name}] {d.message}"
    return head, _snippet(d, lines), (f"  hint: {d.hint}" if d.hint else None)


def _use_colour(out: TextIO) -> bool:
    return "NO_COLOR" not in os.environ and hasattr(out, "isatty") and out.isatty()


def _summary(run: Run) -> str:
    counts = Counter(d.severity.value for r in run.results for d in r.diagnostics)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info")]
    files = len(run.results)
    line = f"{', '.join(parts)} in {files} file{'s' if files != 1 else ''} (as of {run.as_of.isoformat()})"
    since = next((r.since for r in run.results if r.since), None)
    if since is None:
        return line
    existing = sum(r.existing for r in run.results)
    return line + f"; {existing} existing finding{'s' if existing != 1 else ''} not shown (already there at {since})"


def _ordered(run: Run) -> list[tuple[str | None, list[Diagnostic]]]:
    diagnostics = [d for r in run.results for d in r.diagnostics]
    if run.group_by != "lead":
        return [(None, diagnostics)]
    groups: dict[str, list[Diagnostic]] = defaultdict(list)
    for r in run.results:
        for d in r.diagnostics:
            for lead in r.leads.get(d.ref or "", []) or ["(no lead)"]:
                groups[lead].append(d)
    return sorted(groups.items())


def report(run: Run, out: TextIO) -> None:
    from functools import lru_cache

    lines_of = lru_cache(maxsize=4)(run.lines_of)  # quoting never holds the whole corpus in memory
    colour = _use_colour(out)
    console = None
    if colour:
        from rich.console import Console

        console = Console(file=out, highlight=False, soft_wrap=True)
    for group, diagnostics in _ordered(run):
        if group is not None:
            _write(out, console, f"\n== {group} ({len(diagnostics)})", "bold")
        for d in diagnostics:
            head, snippet, hint = render(d, lines_of(d.path))
            _write(out, console, head, _STYLE[d.severity.value])
            for line in snippet:
                _write(out, console, line, "dim")
            if hint:
                _write(out, console, hint, "green")
    if run.statistics:
        counts = Counter((d.code, d.name, d.severity.value) for r in run.results for d in r.diagnostics)
        for (code, name, severity), count in sorted(counts.items()):
            _write(out, console, f"{count:>5}  {code}  {name:<32} {severity}", None)
    _write(out, console, _summary(run), "bold")


def _write(out: TextIO, console: object, text: str, style: str | None) -> None:
    if console is None:
        out.write(text + "\n")
    else:
        from rich.text import Text

        console.print(Text(text, style=style or ""))  # type: ignore[attr-defined]
