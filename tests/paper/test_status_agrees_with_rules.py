"""The paper's status of each action agrees with `sendplan validate`'s SP101 and SP102 on every month."""

from __future__ import annotations

from pathlib import Path

import pytest
from papers import EAST, WEST

from sendplan_cli.check.pipeline import analyse
from sendplan_cli.plan.action_status import plan_status
from sendplan_cli.plan.dates import month_end

MONTHS = [month_end(year, month) for year in (2024, 2025, 2026) for month in range(1, 13)]


@pytest.mark.parametrize("path", [WEST, EAST])
def test_overdue_and_missed_actions_are_those_the_rules_report(path: str) -> None:
    for as_of in MONTHS:
        plan, findings, _ = analyse(Path(path), as_of)
        assert plan is not None
        published = plan.published.start
        if published is not None and as_of < published:
            continue
        statuses = plan_status(plan, as_of)
        assert {s.ref for s in statuses if s.overdue} == {
            d.ref for d in findings if d.code == "SP101"
        }, as_of
        assert {s.ref for s in statuses if s.missed} == {
            d.ref for d in findings if d.code == "SP102"
        }, as_of
