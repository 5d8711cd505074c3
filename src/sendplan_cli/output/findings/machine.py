"""Machine formats: JSON (stable, documented in the README) and GitHub Actions annotations."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO

from sendplan_cli.check.verdict import level_name
from sendplan_cli.ground.sanitise import one_line
from sendplan_cli.output.findings.locations import from_root
from sendplan_cli.output.findings.run import Run
from sendplan_cli.output.findings.text import summary_line
from sendplan_cli.plan.diagnostics import Diagnostic

JSON_VERSION = 1


def finding_dict(d: Diagnostic, fails: bool, identity: str | None = None) -> dict[str, Any]:
    return {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "fails": fails,
        "file": d.path,
        "line": d.line,
        "column": d.column,
        "message": d.message,
        "hint": d.hint,
        "ref": d.ref,
        "pointer": d.pointer,
        "id": identity,
    }


def summary(run: Run) -> dict[str, Any]:
    v = run.verdict
    counts = v.counts()
    out: dict[str, Any] = {
        "files": len(v.results),
        "error": counts.get("error", 0),
        "warning": counts.get("warning", 0),
        "info": counts.get("info", 0),
        "failing": v.failing_count,
        "fail_on": v.fail_on_label,
        "failed": v.failed,
        "exit_zero": v.exit_zero,
        "exit_code": v.exit_code,
    }
    since = next((r.since for r in v.results if r.since), None)
    if since is not None:
        out.update(since=since, existing=sum(r.existing for r in v.results))
    return out


def report_json(run: Run, out: TextIO) -> None:
    """One JSON object; findings are written one at a time, so a huge run needs no second copy in memory."""
    out.write(
        f'{{\n  "version": {JSON_VERSION},\n  "as_of": "{run.verdict.as_of.isoformat()}",\n  "findings": ['
    )
    first = True
    for index, result in enumerate(run.verdict.results):
        for d, fails in zip(result.diagnostics, run.verdict.failing(index)):
            item = finding_dict(d, fails, result.identities.get(d))
            out.write(("\n    " if first else ",\n    ") + json.dumps(item, ensure_ascii=False))
            first = False
    out.write("\n  ]," if not first else "],")
    tail: dict[str, Any] = {"summary": summary(run)}
    indicators = [
        {"file": r.path, **status} for r in run.verdict.results for status in r.indicators
    ]
    if indicators:
        tail["indicators"] = indicators
    if run.statistics:
        tail["statistics"] = statistics(run)
    for i, (key, value) in enumerate(tail.items()):
        out.write(
            f'\n  "{key}": '
            + json.dumps(value, ensure_ascii=False)
            + ("," if i < len(tail) - 1 else "")
        )
    out.write("\n}\n")


def statistics(run: Run) -> list[dict[str, Any]]:
    counts = Counter(
        (d.code, d.name, d.severity.value) for r in run.verdict.results for d in r.diagnostics
    )
    return [
        {"code": c, "name": n, "severity": s, "count": k} for (c, n, s), k in sorted(counts.items())
    ]


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}


def report_github(run: Run, out: TextIO) -> None:
    """GitHub Actions workflow commands (::error file=...,line=...::message), then the run's summary line.

    A finding that fails the run is an error annotation whatever its severity, as in SARIF."""
    for _, d, fails in run.verdict.pairs():
        if run.quiet and not fails:
            continue
        title = _escape_property(f"{d.code} {d.name}")
        # Plan text is shown on one line first, so it cannot end the command and forge another.
        message = one_line(d.message) + (f"\n{one_line(d.hint)}" if d.hint else "")
        path = from_root(d.path) or d.path
        out.write(
            f"::{_GITHUB_LEVEL[level_name(d, fails)]} file={_escape_property(one_line(path))},line={d.line},"
            f"col={d.column},title={title}::{_escape_data(message)}\n"
        )
    out.write(f"sendplan: {summary_line(run)}\n")
