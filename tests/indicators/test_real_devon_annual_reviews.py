"""Devon's annual review timeliness, judged as a reader of the council's answer would judge it.

tests/fixtures/real/devon-annual-reviews-2024.yaml transcribes Devon County Council's published
answer to an information request on annual reviews of EHC plans: the share of review notes
processed within the statutory four weeks, and the median days to a decision letter, for the
academic years 2021/22 to 2023/24 and for 2024 to 31 May. The answer states no target, so a
reader sees the direction of travel only: the share rose each year, and the days to a decision,
down to 4 in 2022/23, rose to 18. Each expectation is worked out by hand from the answer and
the README's definitions (the latest figure is the one whose period ended last; the trend
compares it with the latest figure for a period that ended before it).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

DEVON = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "devon-annual-reviews-2024.yaml"

# After the 2022/23 academic year ended; after the answer's "2024 to date (31/5/24)"; and after
# the 2023/24 academic year ended on 31 August 2024.
AFTER_2022_23, AFTER_MAY_24, AFTER_2023_24 = "2023-09-15", "2024-06-30", "2024-09-15"


@cache
def scorecard(as_of: str) -> dict[str, dict[str, Any]]:
    result = run_cli("list", str(DEVON), "--indicators", "--as-of", as_of, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


@cache
def checked(as_of: str) -> dict[str, Any]:
    result = run_cli("validate", str(DEVON), "--as-of", as_of, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


@pytest.mark.parametrize(
    ("as_of", "ident", "latest", "start", "end", "trend"),
    [
        # 2022/23 against 2021/22: 65% up from 51%; 4 days down from 8. Both better.
        (AFTER_2022_23, "AR1", 65, "2022-09-01", "2023-08-31", "improving"),
        (AFTER_2022_23, "AR2", 4, "2022-09-01", "2023-08-31", "improving"),
        # In June 2024 the 2023/24 year has not ended: the latest figure is January to May 2024,
        # 66% against 65% for 2022/23 (better), 17 days against 4 (worse).
        (AFTER_MAY_24, "AR1", 66, "2024-01-01", "2024-05-31", "improving"),
        (AFTER_MAY_24, "AR2", 17, "2024-01-01", "2024-05-31", "worsening"),
        # Once 2023/24 has ended it is the latest: 73% and 18 days. Against the figure before it
        # (January to May 2024: 66%, 17 days) the share is higher and the days more; against
        # 2022/23 (65%, 4 days) a reader comparing year with year sees the same directions.
        (AFTER_2023_24, "AR1", 73, "2023-09-01", "2024-08-31", "improving"),
        (AFTER_2023_24, "AR2", 18, "2023-09-01", "2024-08-31", "worsening"),
    ],
)
def test_the_latest_figure_and_its_direction_of_travel(
    as_of: str, ident: str, latest: float, start: str, end: str, trend: str
) -> None:
    row = scorecard(as_of)[ident]
    assert row["latest"] == latest
    assert (row["latest_period_start"], row["latest_period_end"]) == (start, end)
    assert row["trend"] == trend


@pytest.mark.parametrize("as_of", [AFTER_2022_23, AFTER_MAY_24, AFTER_2023_24])
@pytest.mark.parametrize("ident", ["AR1", "AR2"])
def test_with_no_target_neither_measure_is_rated(as_of: str, ident: str) -> None:
    # "the statutory 4 week period" is a legal time limit, not a target the council sets for the
    # share or the days; a reader has no line to rate the figures against.
    row = scorecard(as_of)[ident]
    assert (row["status"], row["rag"]) == ("Not rated", None)
    assert row["reason"] == "not rated: no target or trajectory to judge it against"
    assert (row["target"], row["expected"], row["gap_to_target"]) == (None, None, None)


def test_the_share_is_written_as_a_percentage_and_the_duration_in_days() -> None:
    result = run_cli("list", str(DEVON), "--indicators", "--as-of", AFTER_2023_24)
    assert result.returncode == 0, result.stderr
    assert "73% (2023/24)" in result.stdout
    assert "18 days (2023/24)" in result.stdout


def test_both_measures_are_warned_of_for_having_no_target_and_nothing_is_late() -> None:
    findings = checked(AFTER_2023_24)["findings"]
    assert [f["severity"] for f in findings if f["severity"] == "error"] == []
    messages = {f["message"] for f in findings if f["code"] == "SP404"}
    assert messages == {
        "indicator AR1 has no baseline, target",
        "indicator AR2 has no baseline, target",
    }
    # Every academic year from 2021/22 to 2023/24 has its figure; 2024/25 is not due yet.
    assert [f for f in findings if f["code"] in ("SP401", "SP411")] == []
