"""Output formats for `sendplan validate`; REPORTER_BY_NAME feeds --format."""

from __future__ import annotations

from typing import TextIO

from sendplan_cli.output.findings.run import Reporter, Run


def _text(run: Run, out: TextIO) -> None:
    from sendplan_cli.output.findings.text import report

    report(run, out)


def _json(run: Run, out: TextIO) -> None:
    from sendplan_cli.output.findings.machine import report_json

    report_json(run, out)


def _github(run: Run, out: TextIO) -> None:
    from sendplan_cli.output.findings.machine import report_github

    report_github(run, out)


def _sarif(run: Run, out: TextIO) -> None:
    from sendplan_cli.output.findings.sarif import report_sarif

    report_sarif(run, out)


def _junit(run: Run, out: TextIO) -> None:
    from sendplan_cli.output.findings.junit import report_junit

    report_junit(run, out)


REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": _text,
    "json": _json,
    "github": _github,
    "sarif": _sarif,
    "junit": _junit,
}
