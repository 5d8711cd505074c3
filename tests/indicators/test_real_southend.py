"""Southend's October 2025 progress update, judged as a board member reading the page would.

tests/fixtures/real/southend-2025.yaml transcribes the figures on the recommendation 3 page of
the Southend SEND Area Partnership's "Update on key strategic activity and next steps, October
2025": an average assessment time of 30.5 weeks for 2025 to date, down "from over 40 weeks" in
2024, and assessment timeliness of 44% "currently". What the partnership wanted is assessments
"in line with National averages": a target set by a national figure the page does not give in
the part read. A reader has two figures and nothing stated to judge them against, so neither
is Green, Amber or Red; and "over 40 weeks" is no figure, so no trend is shown. Each
expectation is worked out by hand from the page and the README's definitions.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

SOUTHEND = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "southend-2025.yaml"

# A month after October 2025, the month the update is dated; and a day within October, before
# "2025 to date" and "currently" have ended.
AFTER_UPDATE, DURING_OCTOBER = "2025-11-15", "2025-10-20"


@cache
def scorecard(as_of: str) -> dict[str, dict[str, Any]]:
    result = run_cli("list", str(SOUTHEND), "--indicators", "--as-of", as_of, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


@cache
def checked(as_of: str) -> dict[str, Any]:
    result = run_cli("validate", str(SOUTHEND), "--as-of", as_of, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def test_the_update_is_a_valid_plan_with_its_two_measures_in_page_order() -> None:
    assert list(scorecard(AFTER_UPDATE)) == ["S1", "S2"]
    assert [f for f in checked(AFTER_UPDATE)["findings"] if f["severity"] == "error"] == []


@pytest.mark.parametrize(
    ("ident", "latest", "unit", "start", "end"),
    [
        # "The average assessment time for 2025 to date is 30.5 weeks"
        ("S1", 30.5, "weeks", "2025-01-01", "2025-10-31"),
        # "The timeliness of EHC needs assessment is currently 44%"
        ("S2", 44, "percent", "2025-10-01", "2025-10-31"),
    ],
)
def test_after_the_update_each_figure_is_the_latest_and_is_not_rated(
    ident: str, latest: float, unit: str, start: str, end: str
) -> None:
    row = scorecard(AFTER_UPDATE)[ident]
    assert (row["latest"], row["unit"]) == (latest, unit)
    assert (row["latest_period_start"], row["latest_period_end"]) == (start, end)
    # "In line with National averages" has no value on the page: nothing to rate against.
    assert (row["target"], row["target_by"], row["expected"]) == (None, None, None)
    assert row["status"] == "Not rated" and row["rag"] is None
    assert row["reason"] == "not rated: no target or trajectory to judge it against"
    # No target date, so none has passed.
    assert row["missed"] == []


def test_the_fall_from_over_40_weeks_shows_no_trend_as_2024_has_no_figure() -> None:
    # "reduced from over 40 weeks in the 2024 calendar year" bounds the 2024 figure but does
    # not give it: a trend would need a number the page never states.
    row = scorecard(AFTER_UPDATE)["S1"]
    assert row["direction"] == "lower-is-better"
    assert row["trend"] is None


def test_the_national_figure_the_page_compares_with_is_not_shown() -> None:
    # The copy read ends at "44% compar": no national value was read, so none is beside it.
    assert [scorecard(AFTER_UPDATE)[i]["comparators"] for i in ("S1", "S2")] == [[], []]


def test_the_scorecard_a_board_reads_after_the_update() -> None:
    result = run_cli("list", str(SOUTHEND), "--indicators", "--as-of", AFTER_UPDATE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "30.5 weeks (January 2025 to October 2025)" in result.stdout
    assert "44% (2025-10)" in result.stdout
    assert "S1: not rated: no target or trajectory to judge it against" in result.stdout
    assert "S2: not rated: no target or trajectory to judge it against" in result.stdout
    for status in ("Green", "Amber", "Red", "Target date passed"):
        assert status not in result.stdout


def test_before_october_ends_a_reader_has_neither_figure() -> None:
    rows = scorecard(DURING_OCTOBER)
    assert [rows[i]["latest"] for i in ("S1", "S2")] == [None, None]
    assert rows["S2"]["reason"] == (
        "not rated: no figure yet for a period that has ended (2025-10 has not ended)"
    )


def test_each_measure_is_warned_of_for_having_no_baseline_or_target() -> None:
    messages = {f["message"] for f in checked(AFTER_UPDATE)["findings"] if f["code"] == "SP404"}
    assert messages == {
        "indicator S1 has no baseline, target",
        "indicator S2 has no baseline, target",
    }


def test_no_figure_is_late_as_the_update_promises_no_next_one() -> None:
    assert [f for f in checked("2026-06-01")["findings"] if f["code"] == "SP401"] == []


def test_the_board_paper_keeps_the_fall_the_page_reports_beside_the_figure() -> None:
    # No trend can be drawn from "over 40 weeks", but a board reading the paper still sees the
    # page's own words next to the 2025 figure, and no indicator counted as Red.
    result = run_cli(
        "report",
        str(SOUTHEND),
        "--month",
        "2025-11",
        "--as-of",
        AFTER_UPDATE,
        "-f",
        "md",
        "-o",
        "-",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    paper = result.stdout
    assert (
        "| S1: Average assessment time | 30.5 weeks (January 2025 to October 2025) | - "
        "| Not rated | - |" in paper
    )
    assert "| S2: Timeliness of EHC needs assessment | 44% (2025-10) | - | Not rated | - |" in paper
    assert (
        '| January 2025 to October 2025 | Actual | 30.5 weeks | "for 2025 to date", reduced from '
        '"over 40 weeks in the 2024 calendar year" |' in paper
    )
    assert "0 of 0 rated indicators are Red." in paper
