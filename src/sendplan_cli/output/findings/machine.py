"""Machine formats: JSON (stable, documented in the README), GitHub annotations, JUnit XML."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from sendplan_cli.output.findings import Run
from sendplan_cli.plan.diagnostics import Diagnostic

JSON_VERSION = 1


def finding_dict(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code, "name": d.name, "severity": d.severity.value, "file": d.path, "line": d.line,
        "column": d.column, "message": d.message, "hint": d.hint, "ref": d.ref, "pointer": d.pointer,
    }


def summary(run: Run) -> dict[str, Any]:
    counts = Counter(d.severity.value for r in run.results for d in r.diagnostics)
    out: dict[str, Any] = {
        "files": len(run.results),
        "error": counts.get("error", 0), "warning": counts.get("warning", 0), "info": counts.get("info", 0),
        "failed": any(r.fails() for r in run.results),
    }
    since = next((r.since for r in run.results if r.since), None)
    if since is not None:
        out.update(since=since, existing=sum(r.existing for r in run.results))
    return out


def report_json(run: Run, out: TextIO) -> None:
    """One JSON object; findings are written one at a time, so a huge run needs no second copy in memory."""
    out.write(f'{{\n  "version": {JSON_VERSION},\n  "as_of": "{run.as_of.isoformat()}",\n  "findings": [')
    first = True
    for r in run.results:
        for d in r.diagnostics:
            out.write(("\n    " if first else ",\n    ") + json.dumps(finding_dict(d), ensure_ascii=False))
            first = False
    out.write("\n  ]," if not first else "],")
    tail: dict[str, Any] = {"summary": summary(run)}
    if run.statistics:
        tail["statistics"] = statistics(run)
    for i, (key, value) in enumerate(tail.items()):
        out.write(f'\n  "{key}": ' + json.dumps(value, ensure_ascii=False) + ("," if i < len(tail) - 1 else ""))
    out.write("\n}\n")


def statistics(run: Run) -> list[dict[str, Any]]:
    counts = Counter((d.code, d.name, d.severity.value) for r in run.results for d in r.diagnostics)
    return [{"code": c, "name": n, "severity": s, "count": k} for (c, n, s), k in sorted(counts.items())]


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def report_github(run: Run, out: TextIO) -> None:
    """GitHub Actions workflow commands: ::error file=...,line=...,col=...,title=...::message."""
    for r in run.results:
        for d in r.diagnostics:
            title = _escape_property(f"{d.code} {d.name}")
            message = d.message + (f"\n{d.hint}" if d.hint else "")
            out.write(f"::{_GITHUB_LEVEL[d.severity.value]} file={_escape_property(d.path)},line={d.line},"
                      f"col={d.column},title={title}::{_escape_data(message)}\n")


def report_junit(run: Run, out: TextIO) -> None:
    """One test case per file; each finding at or above the failing level is a failure."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    total = sum(1 for r in run.results if r.fails())
    out.write(f'<testsuites name="sendplan" tests="{len(run.results)}" failures="{total}">\n')
    out.write(f'  <testsuite name="sendplan validate" tests="{len(run.results)}" failures="{total}">\n')
    for r in run.results:
        out.write(f"    <testcase name={quoteattr(r.path)} classname=\"sendplan\">\n")
        for d in r.diagnostics:
            tag = "failure" if r.fails() and (d.is_load_error or d.severity.rank >= r.fail_on.rank) else None
            if tag:
                text = f"{d.path}:{d.line}:{d.column}: {d.code} [{d.name}] {d.message}"
                out.write(f"      <failure type={quoteattr(d.code)} message={quoteattr(text)}/>\n")
        out.write("    </testcase>\n")
    out.write("  </testsuite>\n</testsuites>\n")
