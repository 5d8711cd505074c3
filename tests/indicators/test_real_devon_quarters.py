"""Devon's EHC needs assessments by calendar quarter, 2018 to 2020, read as the council's table reads.

tests/fixtures/real/devon-ehcp-quarters-2020.yaml transcribes Devon County Council's published
answer to an information request: for each calendar quarter from January to March 2018 to July
to September 2020, the assessments requested, the final plans issued, and the plans that went
over the statutory 20 weeks. There is no target, so nothing can be rated; what a reader takes from
the table is the movement from one quarter to the next. Each expectation is worked out by hand
from the table and the README's definitions (the trend compares the latest figure with the one for
the quarter before; "improving" and "worsening" need a direction, "up" and "down" do not).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

DEVON = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "devon-ehcp-quarters-2020.yaml"

# Two weeks after the quarter ends: October to December 2018, 2019; April to June and July to
# September 2020 (the last the answer gives).
AFTER_Q4_18, AFTER_Q4_19, AFTER_Q2_20, AFTER_Q3_20 = (
    "2019-01-15",
    "2020-01-15",
    "2020-07-15",
    "2020-10-15",
)


@cache
def scorecard(as_of: str) -> dict[str, dict[str, Any]]:
    result = run_cli("list", str(DEVON), "--indicators", "--as-of", as_of, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


@pytest.mark.parametrize(
    ("as_of", "latest", "start", "end", "trend"),
    [
        # 378 over 20 weeks in October to December 2018, the table's highest, after 370: worse.
        (AFTER_Q4_18, 378, "2018-10-01", "2018-12-31", "worsening"),
        # 176 after 233: a fourth quarter in a row with fewer late plans.
        (AFTER_Q4_19, 176, "2019-10-01", "2019-12-31", "improving"),
        # 136 after 126: up again from the lowest quarter.
        (AFTER_Q2_20, 136, "2020-04-01", "2020-06-30", "worsening"),
        # 242 after 136, the quarter the answer says Coronavirus "significantly affected".
        (AFTER_Q3_20, 242, "2020-07-01", "2020-09-30", "worsening"),
    ],
)
def test_plans_over_20_weeks_quarter_by_quarter(
    as_of: str, latest: float, start: str, end: str, trend: str
) -> None:
    row = scorecard(as_of)["DQ3"]
    assert row["latest"] == latest
    assert (row["latest_period_start"], row["latest_period_end"]) == (start, end)
    assert row["trend"] == trend
    # No target: the 20 weeks are the law's timescale, not a number of late plans to aim for.
    assert (row["status"], row["rag"], row["target"]) == ("Not rated", None, None)
    assert row["reason"] == "not rated: no target or trajectory to judge it against"


@pytest.mark.parametrize(
    ("as_of", "ident", "latest", "trend"),
    [
        # Requests: 487 after 368 (up); 321 after 329 (down).
        (AFTER_Q4_19, "DQ1", 487, "up"),
        (AFTER_Q3_20, "DQ1", 321, "down"),
        # Final plans: 334 after 382 (down); 345 after 431 (down).
        (AFTER_Q4_19, "DQ2", 334, "down"),
        (AFTER_Q3_20, "DQ2", 345, "down"),
    ],
)
def test_requests_and_final_plans_move_with_no_direction_said(
    as_of: str, ident: str, latest: float, trend: str
) -> None:
    row = scorecard(as_of)[ident]
    assert (row["latest"], row["trend"]) == (latest, trend)
    assert row["direction"] is None
    assert (
        row["reason"] == "not rated: the indicator does not say whether higher or lower is better"
    )


def test_a_quarter_still_running_is_not_yet_the_latest() -> None:
    # On 15 September 2020 July to September has not ended: April to June (136) is the latest.
    row = scorecard("2020-09-15")["DQ3"]
    assert (row["latest"], row["latest_period"]) == (136, "April to June 2020")


def test_the_table_is_a_valid_plan_with_nothing_missing_or_late() -> None:
    result = run_cli("validate", str(DEVON), "--as-of", AFTER_Q3_20, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    findings = json.loads(result.stdout)["findings"]
    assert [f["code"] for f in findings] == ["SP404", "SP404", "SP404"]


def test_a_calendar_quarter_written_as_the_format_writes_quarters_is_refused(
    tmp_path: Path,
) -> None:
    # "Q1 2018" is the table's own way; the format's Q1 is April to June, so it is not guessed.
    text = DEVON.read_text(encoding="utf-8").replace(
        "{period: January to March 2018, value: 463}", "{period: Q1 2018, value: 463}"
    )
    changed = tmp_path / "devon-quarters.yaml"
    changed.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(changed), "--as-of", AFTER_Q3_20)
    assert result.returncode == 1
    assert "cannot read 'Q1 2018' as a date" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
