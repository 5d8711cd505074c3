"""What a finding format is given: the run's verdict and how to print it; every reporter reads it.

Kept out of the package's `__init__`: the reporters import this, the registry in `__init__` imports
the reporters, and nothing loops.
"""

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
