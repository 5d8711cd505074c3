"""Human output: `path:line:col: severity CODE [name] message`, the line quoted with a caret, a hint.

Each file gets a heading with its counts and a closing line; the run ends with the overall
summary, the as-of date and the failing level. Plan text is shown through the sanitiser, so no
control character from a plan reaches the terminal or a CI log.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TextIO

from sendplan_cli.check.verdict import describe_counts
from sendplan_cli.ground.sanitise import one_line, window
from sendplan_cli.output.findings.run import Run
from sendplan_cli.plan.diagnostics import Diagnostic

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SNIPPET_WIDTH = 100


def _snippet(d: Diagnostic, lines: list[str]) -> list[str]:
    if not 1 <= d.line <= len(lines):
        return []
    text, column = window(lines[d.line - 1].rstrip("\r\n"), d.column, SNIPPET_WIDTH)
    shown = one_line(text.replace("\t", " "))
    # Escapes widen the text before the caret; count them so the caret stays under the column.
    caret = len(one_line(text[: column - 1].replace("\t", " ")))
    gutter = f"{d.line:>5} | "
    return [gutter + shown, " " * (len(gutter) - 2) + "| " + " " * caret + "^"]


def render(d: Diagnostic, lines: list[str]) -> tuple[str, list[str], str | None]:
    """The headline, the quoted line with its caret, and the hint of one diagnostic."""
    head = f"{one_line(d.path)}:{d.line}:{d.column}: {d.severity.value} {d.code} [{d.name}] {one_line(d.message)}"
    return head, _snippet(d, lines), (f"  hint: {one_line(d.hint)}" if d.hint else None)


def _files(n: int) -> str:
    return f"{n} file{'s' if n != 1 else ''}"


def _existing(run: Run) -> str:
    """With --since: how many findings were already there and are not shown."""
    since = next((r.since for r in run.verdict.results if r.since), None)
    if since is None:
        return ""
    existing = sum(r.existing for r in run.verdict.results)
    return f" {existing} existing finding{'s' if existing != 1 else ''} not shown (already there at {since})."


def summary_line(run: Run) -> str:
    """The run's last line: counts, files, as-of date, failing level and the outcome."""
    v = run.verdict
    return (
        f"{describe_counts(v.counts())} in {_files(len(v.results))} (as of {v.as_of.isoformat()})."
        f"{_existing(run)} {v.outcome}"
    )


def report(run: Run, out: TextIO) -> None:
    from functools import lru_cache

    lines_of = lru_cache(maxsize=4)(run.lines_of)  # quoting never holds the whole corpus in memory
    from sendplan_cli.output import colour

    console = (
        colour.console(out, run.colour, soft_wrap=True, width=None)
        if colour.wanted(out, run.colour)
        else None
    )
    if run.group_by == "lead":
        _by_lead(run, out, console, lines_of)
    else:
        _by_file(run, out, console, lines_of)
    if run.statistics:
        counts = Counter(
            (d.code, d.name, d.severity.value) for r in run.verdict.results for d in r.diagnostics
        )
        _write(out, console, "", None)
        for (code, name, severity), count in sorted(counts.items()):
            _write(out, console, f"{count:>5}  {code}  {name:<32} {severity}", None)
    shown_any = any(_shown(run, i) for i in range(len(run.verdict.results)))
    if (shown_any and not run.concise) or run.statistics:
        _write(out, console, "", None)
    if len(run.verdict.results) > 1 and not run.quiet and not run.concise:
        for index in range(len(run.verdict.results)):
            _write(out, console, _file_line(run, index), None)
    _write(out, console, summary_line(run), "bold")


def _file_line(run: Run, index: int) -> str:
    v = run.verdict
    outcome = "fails" if v.file_failed(index) else "passes"
    return f"{one_line(v.results[index].path)}: {describe_counts(v.counts(index))}: {outcome}"


def _shown(run: Run, index: int) -> list[Diagnostic]:
    """A file's diagnostics to print: all of them, or with --quiet those that fail the run."""
    result = run.verdict.results[index]
    if not run.quiet:
        return result.diagnostics
    return [d for d, fails in zip(result.diagnostics, run.verdict.failing(index)) if fails]


def _by_file(run: Run, out: TextIO, console: object, lines_of) -> None:  # type: ignore[no-untyped-def]
    for index in range(len(run.verdict.results)):
        shown = _shown(run, index)
        if not shown:
            continue
        if not run.concise:
            _write(out, console, f"── {_file_line(run, index)}", "bold")
        for d in shown:
            _diagnostic(out, console, d, lines_of(d.path), run.concise)


def _by_lead(run: Run, out: TextIO, console: object, lines_of) -> None:  # type: ignore[no-untyped-def]
    groups: dict[str, list[Diagnostic]] = defaultdict(list)
    for index, r in enumerate(run.verdict.results):
        for d in _shown(run, index):
            for lead in r.leads.get(d.ref or "", []) or ["(no lead)"]:
                groups[lead].append(d)
    for lead, diagnostics in sorted(groups.items()):
        _write(out, console, f"── {one_line(lead)} ({len(diagnostics)})", "bold")
        for d in diagnostics:
            _diagnostic(out, console, d, lines_of(d.path), run.concise)


def _diagnostic(
    out: TextIO, console: object, d: Diagnostic, lines: list[str], concise: bool = False
) -> None:
    head, snippet, hint = render(d, [] if concise else lines)
    _write(out, console, head, _STYLE[d.severity.value])
    if concise:
        return
    for line in snippet:
        _write(out, console, line, "dim")
    if hint:
        _write(out, console, hint, "green")


def _write(out: TextIO, console: object, text: str, style: str | None) -> None:
    if console is None:
        out.write(text + "\n")
    else:
        from rich.text import Text

        console.print(Text(text, style=style or ""))  # type: ignore[attr-defined]
