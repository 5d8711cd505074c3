"""Output formats for `sendplan validate`; REPORTER_BY_NAME feeds --format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from sendplan_cli.check.verdict import Verdict


@dataclass(frozen=True)
class Run:
    """What a reporter prints: the verdict of the run, and a way to read a file's lines for quoting."""

    verdict: Verdict
    lines_of: Callable[[str], list[str]]
    statistics: bool = False
    group_by: str | None = None
    concise: bool = False
    """Text: one line a finding, without the quoted line and hint."""
    quiet: bool = False
    """Text and GitHub: only the findings that fail the run, then the summary."""
    colour: str = "auto"
    """Text: the --color choice (auto, always or never); output/colour.py decides for the stream."""


Reporter = Callable[[Run, TextIO], None]


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
