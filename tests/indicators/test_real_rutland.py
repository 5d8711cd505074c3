"""Rutland's Summer 2022 SEND timescales update, judged as a parent reading the page would.

tests/fixtures/real/rutland-2022.yaml transcribes the "Performance Headlines - Summer 2022" of
Rutland County Council's statutory SEND timescales update: one figure for each measure, each for
a period the page names (January to July 2022, or the academic year to date), and no target. A
reader of the page sees percentages and the council's reasons for any delay, but nothing to judge
them against: no measure can be Green, Amber or Red. Each expectation is worked out by hand from
the page and the README's status definitions.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

RUTLAND = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "rutland-2022.yaml"

# Three weeks after the latest date the page gives (304 plans "as of 23rd August 2022").
AS_OF = "2022-09-15"


@cache
def scorecard(as_of: str) -> dict[str, dict[str, Any]]:
    result = run_cli("list", str(RUTLAND), "--indicators", "--as-of", as_of, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


@cache
def checked(as_of: str) -> dict[str, Any]:
    result = run_cli("validate", str(RUTLAND), "--as-of", as_of, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def test_the_update_is_a_valid_plan_listed_in_the_page_order() -> None:
    assert list(scorecard(AS_OF)) == [f"R{n}" for n in range(1, 9)]
    errors = [f for f in checked(AS_OF)["findings"] if f["severity"] == "error"]
    assert errors == []


@pytest.mark.parametrize(
    ("ident", "latest", "start", "end"),
    [
        # "95% ... requests processed within 6 weeks (Jan -Jul 22)"
        ("R2", 95, "2022-01-01", "2022-07-31"),
        # "83% annual reviews completed within 12 months (academic YTD)"
        ("R3", 83, "2021-09-01", "2022-07-31"),
        # "80% parents informed of LA decision within 4 weeks of an annual review (academic YTD)"
        ("R4", 80, "2021-09-01", "2022-07-31"),
        # "85% Annual review issued within 12 weeks (academic YTD)"
        ("R5", 85, "2021-09-01", "2022-07-31"),
        # "96% transition year annual reviews and schools named in plans by deadline"
        ("R6", 96, "2021-09-01", "2022-07-31"),
        # "51% children have met or partially met medium term outcomes during the year"
        ("R7", 51, "2021-09-01", "2022-07-31"),
    ],
)
def test_each_percentage_is_read_for_the_months_the_page_gives_and_is_not_rated(
    ident: str, latest: float, start: str, end: str
) -> None:
    row = scorecard(AS_OF)[ident]
    assert row["latest"] == latest
    assert (row["latest_period_start"], row["latest_period_end"]) == (start, end)
    # The page states no target: a reader has nothing to rate the figure against.
    assert (row["target"], row["expected"], row["gap_to_target"]) == (None, None, None)
    assert row["status"] == "Not rated" and row["rag"] is None
    assert row["reason"] == "not rated: no target or trajectory to judge it against"
    # One figure each: "an increase since end March 22" names no March figure, so no trend.
    assert row["trend"] is None


def test_the_count_of_plans_says_no_direction() -> None:
    # "304 ... an increase in volume of 22": more plans is neither better nor worse on the page.
    row = scorecard(AS_OF)["R1"]
    assert (row["latest"], row["latest_period"], row["unit"]) == (304, "2022-08", "count")
    assert row["status"] == "Not rated"
    assert (
        row["reason"] == "not rated: the indicator does not say whether higher or lower is better"
    )


def test_the_cut_off_satisfaction_measure_has_no_figure() -> None:
    # The stored copy ends at "83% parents satisfied ... (Jan": no figure is recorded for it.
    row = scorecard(AS_OF)["R8"]
    assert row["latest"] is None
    assert row["reason"] == "not rated: no figure recorded yet"


def test_every_measure_is_warned_of_for_having_no_target() -> None:
    messages = {f["message"] for f in checked(AS_OF)["findings"] if f["code"] == "SP404"}
    assert "indicator R1 has no baseline, target, direction" in messages
    assert {f"indicator R{n} has no baseline, target" for n in range(2, 9)} <= messages


def test_no_figure_is_late_as_the_page_gives_no_reporting_period() -> None:
    # The page is an occasional update ("regular updates"); nothing says when the next is due.
    assert [f for f in checked(AS_OF)["findings"] if f["code"] == "SP401"] == []


def test_before_july_2022_ended_the_year_to_date_figures_are_not_yet_the_latest() -> None:
    # On 20 July 2022 the months the figures cover had not ended: a reader could not have them.
    assert scorecard("2022-07-20")["R3"]["latest"] is None
