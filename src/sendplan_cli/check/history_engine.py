"""The history rules run over a plan's versions: each pair of consecutive versions compared once.

git/versions.py reads the versions; each rule in check/rules/history.py compares one pair; this
module locates every finding in the plan as it is now, so it reads like any other finding.
"""

from __future__ import annotations

from typing import Any

from sendplan_cli.check.rules.history import HistoryRule
from sendplan_cli.git.changes import Change, PlanFacts
from sendplan_cli.git.repo import Commit
from sendplan_cli.git.versions import Version
from sendplan_cli.plan.diagnostics import Diagnostic
from sendplan_cli.plan.loader import LoadedPlan, format_pointer


def run_history(
    versions: list[Version], rules: list[HistoryRule], loaded: LoadedPlan, severity_of: Any
) -> list[tuple[Diagnostic, Commit | None]]:
    """Every finding of the rules over each pair of consecutive versions, located in the plan now."""
    if not isinstance(loaded.data, dict):
        return []
    current = PlanFacts(loaded.data)
    facts = [PlanFacts(v.data) for v in versions]
    found: list[tuple[Diagnostic, Commit | None]] = []
    for i in range(1, len(versions)):
        after = versions[i]
        change = Change(facts[i - 1], facts[i], current, after.by, after.day)
        for rule in rules:
            for finding in rule.compare(change):
                key = "ref" if finding.kind == "actions" else "id"
                pointer = current.pointer(finding.kind, key, finding.name, finding.field)
                line, column = loaded.position(pointer)
                found.append(
                    (
                        Diagnostic(
                            path=loaded.path,
                            line=line,
                            column=column,
                            code=rule.code,
                            name=rule.name,
                            severity=severity_of(rule),
                            message=finding.message,
                            pointer=format_pointer(pointer),
                            hint=finding.hint,
                            ref=finding.name if finding.kind == "actions" else None,
                        ),
                        after.commit,
                    )
                )
    return found
