"""York's written statement of action, judged as a reader of its tables would judge it.

tests/fixtures/real/york-2020.yaml transcribes the numeric measures of success of action 4.1
(City of York Council and NHS Vale of York CCG): 98% of audited EHC plans compliant by September
2021, a satisfaction level "consistently above 90% by September 2021", and 95% of audited case
files showing the child's voice, with no date. The table rates each action at every review (May
20 to August 22) but has no column for a figure, so none is recorded. Each expectation below is
worked out by hand from the table and the README's status definitions.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

YORK = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "york-2020.yaml"

# The reviews named in the table's RAG columns: July 21 is before the September 2021 targets,
# December 21 and August 22 after them.
JULY_21, DECEMBER_21, AUGUST_22 = "2021-07-31", "2021-12-31", "2022-08-31"


@cache
def checked(as_of: str) -> dict[str, Any]:
    result = run_cli("validate", str(YORK), "--as-of", as_of, "--format", "json")
    assert result.returncode in (0, 1), result.stdout + result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    answer["exit_code"] = result.returncode
    return answer


def kpi(as_of: str, ident: str) -> dict[str, Any]:
    [row] = [r for r in checked(as_of)["indicators"] if r["id"] == ident]
    return row


def codes(as_of: str, ident: str) -> list[str]:
    index = ["4.1a", "4.1b", "4.1c"].index(ident)
    return [
        f["code"]
        for f in checked(as_of)["findings"]
        if f["pointer"].startswith(f"indicators[{index}]")
    ]


def test_the_three_measures_are_listed_in_the_order_of_the_table() -> None:
    assert [r["id"] for r in checked(AUGUST_22)["indicators"]] == ["4.1a", "4.1b", "4.1c"]


def test_before_september_2021_nothing_is_missing_yet() -> None:
    # At the July 21 review the September 2021 targets are still ahead: the plan passes.
    assert checked(JULY_21)["exit_code"] == 0
    for ident in ("4.1a", "4.1b"):
        assert kpi(JULY_21, ident)["status"] == "Not rated"
        assert "SP410" not in codes(JULY_21, ident)


@pytest.mark.parametrize("as_of", [DECEMBER_21, AUGUST_22])
@pytest.mark.parametrize(
    ("ident", "target", "comparison"), [("4.1a", 98, "at_least"), ("4.1b", 90, "above")]
)
def test_the_september_2021_targets_passed_with_no_figure(
    as_of: str, ident: str, target: float, comparison: str
) -> None:
    # The table gives no figure for either measure; by the December 21 review the date has gone.
    row = kpi(as_of, ident)
    assert row["status"] == "Target date passed, no figure"
    assert row["rag"] is None and row["latest"] is None
    assert (row["target"], row["target_by"], row["target_comparison"]) == (
        target,
        "September 2021",
        comparison,
    )
    assert "SP410" in codes(as_of, ident)
    # An error: the run fails, as a board reading the table should hear.
    assert checked(as_of)["exit_code"] == 1


def test_above_90_is_said_as_above_90() -> None:
    [missed] = [
        f["message"]
        for f in checked(AUGUST_22)["findings"]
        if f["code"] == "SP410" and f["pointer"].startswith("indicators[1]")
    ]
    assert "target of above 90% by September 2021" in missed


def test_the_voice_of_the_child_target_has_no_date_so_is_never_missed() -> None:
    # "95% of case files audited ..." names no date: not SMART, and not rated with no figure.
    row = kpi(AUGUST_22, "4.1c")
    assert (row["status"], row["target"], row["target_by"]) == ("Not rated", 95, None)
    messages = [f["message"] for f in checked(AUGUST_22)["findings"] if f["code"] == "SP404"]
    assert "indicator 4.1c has a target of 95% with no date" in messages
    assert "SP410" not in codes(AUGUST_22, "4.1c")


def test_no_measure_has_a_baseline() -> None:
    messages = [f["message"] for f in checked(AUGUST_22)["findings"] if f["code"] == "SP404"]
    assert {f"indicator {i} has no baseline" for i in ("4.1a", "4.1b", "4.1c")} <= set(messages)


def test_the_scorecard_json_agrees_with_validate() -> None:
    result = run_cli("list", str(YORK), "--indicators", "--as-of", AUGUST_22, "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = {
        r["id"]: (r["status"], r["target"], r["target_by"]) for r in json.loads(result.stdout)
    }
    validated = {
        r["id"]: (r["status"], r["target"], r["target_by"])
        for r in checked(AUGUST_22)["indicators"]
    }
    assert listed == validated
