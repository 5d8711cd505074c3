"""Which findings fail the run, and whether it failed: decided once, read by every format and the exit code."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sendplan_cli.check.pipeline import FileResult
from sendplan_cli.plan.diagnostics import Diagnostic, Severity

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True)
class Verdict:
    """The results of one run with the failing level applied.

    `fail_on` from the command line overrides each file's configuration; without it, each file
    fails at the level its own configuration sets."""

    results: list[FileResult]
    as_of: date
    fail_on: Severity | None = None
    exit_zero: bool = False
    """--exit-zero: the process exits 0 even when the run fails; the verdict itself is unchanged."""
    _failing: dict[int, list[bool]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for index, result in enumerate(self.results):
            level = self.level_of(result)
            self._failing[index] = [
                d.is_load_error or d.severity.rank >= level.rank for d in result.diagnostics
            ]

    def level_of(self, result: FileResult) -> Severity:
        """The lowest severity that fails this file."""
        return self.fail_on or result.fail_on

    def failing(self, index: int) -> list[bool]:
        """For result `index`, whether each of its diagnostics fails the run."""
        return self._failing[index]

    def file_failed(self, index: int) -> bool:
        return any(self._failing[index])

    @property
    def failed(self) -> bool:
        return any(any(flags) for flags in self._failing.values())

    @property
    def exit_code(self) -> int:
        """The code the process returns: every format that states one reads it here."""
        return 1 if self.failed and not self.exit_zero else 0

    @property
    def failing_count(self) -> int:
        return sum(sum(flags) for flags in self._failing.values())

    @property
    def fail_on_label(self) -> str:
        """The failing level used: one severity, or each file's when their configurations differ."""
        levels = sorted({self.level_of(r).value for r in self.results}) or [
            (self.fail_on or Severity.ERROR).value
        ]
        return levels[0] if len(levels) == 1 else "per file: " + ", ".join(levels)

    @property
    def outcome(self) -> str:
        """The verdict in words: "Failed: 3 findings at or above error." or "Passed: nothing at or above error."."""
        label = self.fail_on_label
        level = (
            label
            if not label.startswith("per file")
            else "each file's failing level (" + label[10:] + ")"
        )
        if not self.failed:
            return f"Passed: nothing at or above {level}."
        n = self.failing_count
        return f"Failed: {n} finding{'s' if n != 1 else ''} at or above {level}."

    def counts(self, index: int | None = None) -> Counter[str]:
        """Diagnostics per severity, for one result or for the whole run."""
        chosen = self.results if index is None else [self.results[index]]
        return Counter(d.severity.value for r in chosen for d in r.diagnostics)

    def pairs(self) -> list[tuple[FileResult, Diagnostic, bool]]:
        """Every diagnostic with its file and whether it fails the run, in output order."""
        return [
            (r, d, flag)
            for i, r in enumerate(self.results)
            for d, flag in zip(r.diagnostics, self._failing[i])
        ]


def level_name(diagnostic: Diagnostic, fails: bool) -> str:
    """The level machine formats give a finding: "error" when it fails the run, else its severity's."""
    if fails:
        return "error"
    return "warning" if diagnostic.severity is Severity.WARNING else "note"


def describe_counts(counts: Counter[str]) -> str:
    """ "3 errors, 1 warning, 0 info"."""
    return ", ".join(
        f"{counts[s.value]} {s.value}{'s' if counts[s.value] != 1 and s is not Severity.INFO else ''}"
        for s in SEVERITIES
    )
