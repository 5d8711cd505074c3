"""A GitHub Actions job summary: counts per file and rule, and every finding that fails the run.

GitHub shows only the first annotations of a step; the summary page has room for all of them.
Written when GITHUB_STEP_SUMMARY names the file to append to, whatever the output format.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from sendplan_cli.check.verdict import describe_counts
from sendplan_cli.ground.sanitise import md_cell
from sendplan_cli.output.findings.locations import from_root
from sendplan_cli.output.findings.run import Run


def render(run: Run) -> str:
    v = run.verdict
    lines = [
        "## sendplan validate",
        "",
        f"{describe_counts(v.counts())} in {len(v.results)} file{'s' if len(v.results) != 1 else ''} "
        f"(as of {v.as_of.isoformat()}). {v.outcome}",
        "",
    ]
    lines += ["| File | Errors | Warnings | Info | Result |", "| --- | --- | --- | --- | --- |"]
    for index, result in enumerate(v.results):
        counts = v.counts(index)
        outcome = "fails" if v.file_failed(index) else "passes"
        lines.append(
            f"| {md_cell(_path(result.path))} | {counts['error']} | {counts['warning']} | {counts['info']} | {outcome} |"
        )
    by_rule = Counter((d.code, d.name, d.severity.value) for r in v.results for d in r.diagnostics)
    if by_rule:
        lines += ["", "| Rule | Severity | Findings |", "| --- | --- | --- |"]
        lines += [
            f"| {code} {name} | {severity} | {count} |"
            for (code, name, severity), count in sorted(by_rule.items())
        ]
    failing = [(r, d) for r, d, fails in v.pairs() if fails]
    if failing:
        lines += [
            "",
            f"### Findings that fail the run ({len(failing)})",
            "",
            "| Where | Rule | Action | Message |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {md_cell(_path(d.path))}:{d.line}:{d.column} | {d.code} {d.name} | {md_cell(d.ref)} | {md_cell(d.message)} |"
            for _, d in failing
        ]
    return "\n".join(lines) + "\n"


def _path(path: str) -> str:
    return from_root(path) or path


def append_if_asked(run: Run) -> None:
    """Append the summary to $GITHUB_STEP_SUMMARY when it is set."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    with Path(target).open("a", encoding="utf-8") as handle:
        handle.write(render(run))
