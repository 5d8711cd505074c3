"""Findings as values: where, what, how serious."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in one file, located at a 1-based line and column."""

    path: str
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    message: str
    pointer: str = ""
    hint: str | None = None
    ref: str | None = None

    def with_severity(self, severity: Severity) -> Diagnostic:
        return replace(self, severity=severity)

    @property
    def is_load_error(self) -> bool:
        """The file could not be read as a valid plan; always fails a run."""
        return self.code in _LOAD_CODE_SET

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


# Problems found before any rule runs: the file cannot be read as a plan.
# Codes are stable: scripts and dashboards key on them.
LOAD_CODES: dict[str, str] = {
    "unreadable-file": "SP001",
    "encoding-error": "SP002",
    "yaml-syntax": "SP003",
    "duplicate-key": "SP004",
    "unsupported-yaml": "SP005",
    "not-a-plan": "SP006",
    "unknown-key": "SP010",
    "missing-key": "SP011",
    "wrong-type": "SP012",
    "bad-date": "SP013",
    "unknown-rating": "SP014",
    "invalid-value": "SP015",
    "unknown-reference": "SP016",
}
_LOAD_CODE_SET = frozenset(LOAD_CODES.values())
