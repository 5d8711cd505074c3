"""Kent's SEND figures from the Director's weekly bulletins, judged as a board member would.

tests/fixtures/real/kent-2024.yaml transcribes the figures Kent County Council's Director of
Education and SEND gave schools on KELSI: on 26 April 2024 an assessment backlog of 242 at the
end of February 2024, "on target to be cleared completely by the end April 2024", and an aim of
"no cases over 30 weeks by the end of August 2024"; on 4 October 2024, 64% of September's EHCPs
completed within timescale. No bulletin read gives a later figure for the backlog or any figure
for cases over 30 weeks, so once each target date has passed and its figure is due a board is
told the date passed with no figure, never that the aim was met. Each expectation is worked out
by hand from the bulletins and the README's definitions.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

KENT = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "kent-2024.yaml"

# After the 26 April bulletin and before the April figure is due (end of May); within August,
# before the August figure is due (end of September); and after the 4 October bulletin.
AFTER_APRIL_BULLETIN, IN_SEPTEMBER, AFTER_OCTOBER_BULLETIN = (
    "2024-05-10",
    "2024-09-20",
    "2024-10-15",
)


@cache
def scorecard(as_of: str) -> dict[str, dict[str, Any]]:
    result = run_cli("list", str(KENT), "--indicators", "--as-of", as_of, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


@cache
def checked(as_of: str) -> tuple[int, dict[str, Any]]:
    result = run_cli("validate", str(KENT), "--as-of", as_of, "--format", "json")
    assert result.returncode in (0, 1), result.stdout + result.stderr
    return result.returncode, json.loads(result.stdout)


def missed_messages(as_of: str) -> list[str]:
    return [f["message"] for f in checked(as_of)[1]["findings"] if f["code"] == "SP410"]


def test_the_six_measures_are_listed_in_bulletin_order() -> None:
    assert list(scorecard(AFTER_OCTOBER_BULLETIN)) == ["K1", "K2", "K3", "K4", "K5", "K6"]


def test_in_may_the_backlog_is_ahead_of_the_line_to_zero_and_nothing_is_missed() -> None:
    row = scorecard(AFTER_APRIL_BULLETIN)["K1"]
    # From 1,080 at the end of September 2023 to 0 at the end of April 2024 is seven months;
    # five have passed by the end of February, leaving 2/7 of 1,080 = 308.6, shown as 309.
    # 242 is 67 below it, and fewer is better.
    assert (row["latest"], row["latest_period"], row["expected"]) == (242, "2024-02", 309)
    assert (row["target"], row["target_by"]) == (0, "April 2024")
    assert row["status"] == "Green" and row["gap_to_expected"] == -67
    assert checked(AFTER_APRIL_BULLETIN)[0] == 0
    assert missed_messages(AFTER_APRIL_BULLETIN) == []


def test_before_the_august_figure_is_due_cases_over_30_weeks_are_only_unrated() -> None:
    row = scorecard(IN_SEPTEMBER)["K3"]
    assert (row["target"], row["target_by"]) == (0, "August 2024")
    assert row["status"] == "Not rated" and row["missed"] == []
    assert row["reason"] == "not rated: no figure recorded yet"
    # The April target, due by the end of May, is already missed.
    assert missed_messages(IN_SEPTEMBER) == [
        "indicator K1's target of 0 by April 2024 has passed with no figure for then or later;"
        " one was due by 31 May 2024"
    ]


@pytest.mark.parametrize(
    ("ident", "by", "due", "reason"),
    [
        (
            "K1",
            "April 2024",
            "2024-05-31",
            "target date passed, no figure: the target of 0 by April 2024 has no figure for then"
            " or later; the latest is 242 for 2024-02",
        ),
        (
            "K3",
            "August 2024",
            "2024-09-30",
            "target date passed, no figure: the target of 0 by August 2024 has no figure for then"
            " or later",
        ),
    ],
)
def test_after_october_each_aim_the_bulletins_never_report_on_is_flagged(
    ident: str, by: str, due: str, reason: str
) -> None:
    row = scorecard(AFTER_OCTOBER_BULLETIN)[ident]
    assert (row["target"], row["target_by"]) == (0, by)
    assert row["status"] == "Target date passed, no figure" and row["rag"] is None
    assert row["reason"] == reason
    assert row["missed"] == [{"kind": "target", "value": 0, "by": by, "due": due}]


def test_validate_fails_on_the_two_missed_targets_after_october() -> None:
    code, _ = checked(AFTER_OCTOBER_BULLETIN)
    assert code == 1
    assert missed_messages(AFTER_OCTOBER_BULLETIN) == [
        "indicator K1's target of 0 by April 2024 has passed with no figure for then or later;"
        " one was due by 31 May 2024",
        "indicator K3's target of 0 by August 2024 has passed with no figure for then or later;"
        " one was due by 30 Sep 2024",
    ]


def test_septembers_completions_are_shown_beside_the_national_average_but_not_rated() -> None:
    row = scorecard(AFTER_OCTOBER_BULLETIN)["K4"]
    assert (row["latest"], row["latest_period"]) == (64, "2024-09")
    assert row["comparators"] == [
        {"name": "National average (last published)", "value": 50.3, "period": None, "source": None}
    ]
    assert row["status"] == "Not rated"
    assert row["reason"] == "not rated: no target or trajectory to judge it against"


@pytest.mark.parametrize(
    ("ident", "baseline", "latest"),
    [("K2", (50, "2023-01"), (36, "2024-03")), ("K5", (12180, "2023-09"), (7802, "2024-01"))],
)
def test_measures_with_no_stated_aim_are_not_rated(
    ident: str, baseline: tuple[float, str], latest: tuple[float, str]
) -> None:
    row = scorecard(AFTER_OCTOBER_BULLETIN)[ident]
    assert (row["baseline"], row["baseline_period"]) == baseline
    assert (row["latest"], row["latest_period"]) == latest
    assert row["target"] is None and row["status"] == "Not rated"


def test_the_scorecard_a_board_reads_after_october() -> None:
    result = run_cli("list", str(KENT), "--indicators", "--as-of", AFTER_OCTOBER_BULLETIN)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert (
        "K3: target date passed, no figure: the target of 0 by August 2024 has no figure for"
        " then or later" in out
    )
    assert (
        "K1: target date passed, no figure: the target of 0 by April 2024 has no figure for"
        " then or later; the latest is 242 for 2024-02" in out
    )
    # "On target" in April is never read as the aim met.
    for status in ("Green", "Amber", "Red"):
        assert status not in out


def test_the_october_board_paper_lists_both_aims_among_the_exceptions() -> None:
    result = run_cli(
        "report",
        str(KENT),
        "--month",
        "2024-10",
        "--as-of",
        AFTER_OCTOBER_BULLETIN,
        "-f",
        "md",
        "-o",
        "-",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    paper = result.stdout
    assert "2 of 6 indicators are past a target date with no figure." in paper
    assert "0 of 0 rated indicators are Red." in paper
    assert (
        "| K3 | Cases over 30 weeks | None recorded | Past a target date with no figure: target 0"
        " by August 2024, figure due by 30 Sep 2024. |" in paper
    )
    assert (
        "| K3: Cases over 30 weeks | - | 0 by August 2024 | Target date passed, no figure | - |"
        in paper
    )
