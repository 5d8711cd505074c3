"""Inline suppressions: `# sendplan: ignore[overdue] reason="..." until=2025-03-31` on the offending line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_COMMENT = re.compile(r"#\s*sendplan:\s*ignore\[(?P<rules>[^\]]*)\](?P<rest>.*)$")
_REASON = re.compile(r"""reason\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""")
_UNTIL = re.compile(r"until\s*=\s*(?P<until>\S+)")


@dataclass
class Suppression:
    """One suppression comment; `used` is set when it hides a finding."""

    line: int
    column: int
    rules: tuple[str, ...]
    reason: str | None
    until: date | None
    until_text: str | None
    used: bool = False


def find_suppressions(text: str) -> list[Suppression]:
    """Every suppression comment in a plan's text."""
    found: list[Suppression] = []
    if "sendplan:" not in text:
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        start = _comment_start(line) if "sendplan:" in line else None
        match = _COMMENT.match(line, start) if start is not None else None
        if start is None or not match:
            continue
        rest = match["rest"]
        reason = _REASON.search(rest)
        until = _UNTIL.search(rest)
        until_date = None
        if until:
            try:
                until_date = date.fromisoformat(until["until"])
            except ValueError:
                until_date = None
        found.append(
            Suppression(
                line=number,
                column=start + 1,
                rules=tuple(r.strip() for r in match["rules"].split(",") if r.strip()),
                reason=(reason["dq"] if reason["dq"] is not None else reason["sq"])
                if reason
                else None,
                until=until_date,
                until_text=until["until"] if until else None,
            )
        )
    return found


def _comment_start(line: str) -> int | None:
    """Index of the '#' that starts a YAML comment on this line, skipping quoted text."""
    quote = None
    for i, char in enumerate(line):
        if quote:
            if char == quote and not (quote == '"' and line[i - 1] == "\\"):
                quote = None
        elif char in "\"'" and (i == 0 or line[i - 1] in " \t:[{,-"):
            quote = char
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return i
    return None
