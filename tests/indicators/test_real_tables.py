"""Indicators judged on real published tables, transcribed value by value from public sources.

The fixtures under tests/fixtures/real/ were not built with the feature: each starts with its
source, what was transcribed and what was left out. Every expectation here is what a reader of
the source would conclude with the README's status definitions (Green on or better than
expected, Amber worse by up to 5% of the expected value, Red beyond; Not rated with no figure
or no direction), worked out by hand from the published figures.

Each file is checked with `sendplan validate --format json` (findings and indicator statuses
in one answer) at the as-of dates stated below.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
DEVON = REAL / "devon-2024.yaml"
HERTS = REAL / "hertfordshire-2025.yaml"

# Devon's table reports at five milestones; each as-of date falls two weeks after one of them,
# once its figures are in: Jul 23, Nov 23, Mar 24, Jul 24 and Nov 24.
JUL_23, NOV_23, MAR_24, JUL_24, NOV_24 = (
    "2023-08-15",
    "2023-12-15",
    "2024-04-15",
    "2024-08-15",
    "2024-12-15",
)
# Hertfordshire: after the August 2025 report of the 2024 figure and the missed milestone.
HERTS_AS_OF = "2025-09-01"


@cache
def checked(path: Path, as_of: str) -> dict[str, Any]:
    result = run_cli("validate", str(path), "--as-of", as_of, "--format", "json")
    # 1 only for Devon's survey target, which passed with no figure (asserted below).
    assert result.returncode in (0, 1), result.stdout + result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    answer["exit_code"] = result.returncode
    return answer


def kpi(path: Path, as_of: str, ident: str) -> dict[str, Any]:
    [row] = [r for r in checked(path, as_of)["indicators"] if r["id"] == ident]
    return row


def findings(path: Path, as_of: str, code: str) -> list[dict[str, Any]]:
    return [f for f in checked(path, as_of)["findings"] if f["code"] == code]


def test_the_real_tables_are_valid_plans() -> None:
    # Hertfordshire has no error; Devon's one error is its survey target (below), not the file.
    result = run_cli("validate", str(HERTS), "--as-of", "2025-09-01")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout
    errors = [f for f in checked(DEVON, "2025-09-01")["findings"] if f["severity"] == "error"]
    assert [f["code"] for f in errors] == ["SP410"]


def test_every_devon_indicator_is_listed_in_the_order_of_the_table() -> None:
    rows = checked(DEVON, NOV_24)["indicators"]
    assert [r["id"] for r in rows] == [f"A{n}" for n in range(1, 10)]


# Devon, absence (A1 SEN support, A2 EHC plan): lower is better; each figure is read against
# the milestone for its month.
@pytest.mark.parametrize(
    ("as_of", "ident", "latest", "milestone", "status"),
    [
        # Jul 23: 12.1% (academic year 22/23) against Milestone 1 of 10.9%: 1.2 points worse, more
        # than 5% of 10.9 (0.545).
        (JUL_23, "A1", 12.1, 10.9, "Red"),
        # 14.7% against 12.7%: 2 points worse.
        (JUL_23, "A2", 14.7, 12.7, "Red"),
        # Nov 23: 11.3% against Milestone 2 of 10.5%: 0.8 points worse, more than 0.525.
        (NOV_23, "A1", 11.3, 10.5, "Red"),
        (NOV_23, "A2", 15.5, 13.6, "Red"),
        # Mar 24: 12.7% against Milestone 3 of 10.2%; 16.2% against 13.3%.
        (MAR_24, "A1", 12.7, 10.2, "Red"),
        (MAR_24, "A2", 16.2, 13.3, "Red"),
        # Jul 24: 12.2% against Milestone 4 of 10%; 16.1% against 13.1%.
        (JUL_24, "A1", 12.2, 10, "Red"),
        (JUL_24, "A2", 16.1, 13.1, "Red"),
        # Nov 24: 10.3% against Milestone 5 of 10%: 0.3 points worse, within 5% of 10 (0.5).
        (NOV_24, "A1", 10.3, 10, "Amber"),
        # 13.6% against 13%: 0.6 points worse, within 5% of 13 (0.65).
        (NOV_24, "A2", 13.6, 13, "Amber"),
    ],
)
def test_devon_absence_against_each_milestone(
    as_of: str, ident: str, latest: float, milestone: float, status: str
) -> None:
    row = kpi(DEVON, as_of, ident)
    assert row["latest"] == latest
    assert row["expected"] == milestone
    assert row["compared_with"] == "the trajectory"
    assert row["status"] == status


def test_devon_absence_improved_from_july_to_november_2024() -> None:
    # A1 12.2% then 10.3%; A2 16.1% then 13.6%: both lower, and lower is better.
    assert kpi(DEVON, NOV_24, "A1")["trend"] == "improving"
    assert kpi(DEVON, NOV_24, "A2")["trend"] == "improving"


# Devon, suspensions and permanent exclusions (A3 to A6), judged on the July figures only: the
# table says later figures are cumulative, and the November ones are for part of a school year
# (see the fixture's header), so a reader would not judge them against a full-year milestone.
@pytest.mark.parametrize(
    ("as_of", "ident", "latest", "milestone"),
    [
        (JUL_23, "A3", 47.7, 28.92),  # academic year 22/23 against Milestone 1
        (JUL_23, "A4", 38.17, 25.06),
        (JUL_23, "A5", 0.66, 0.45),
        (JUL_23, "A6", 0.54, 0.28),
        (JUL_24, "A3", 54.05, 30),  # against Milestone 4
        (JUL_24, "A4", 43.35, 30),
        (JUL_24, "A5", 0.56, 0.45),
        (JUL_24, "A6", 0.44, 0.30),
    ],
)
def test_devon_suspensions_and_exclusions_were_red_each_july(
    as_of: str, ident: str, latest: float, milestone: float
) -> None:
    row = kpi(DEVON, as_of, ident)
    assert (row["latest"], row["expected"], row["status"]) == (latest, milestone, "Red")
    # Red is a figure off trajectory: the board sees it among the findings.
    assert any(
        f["pointer"].startswith(f"indicators[{int(ident[1:]) - 1}].actuals")
        for f in findings(DEVON, as_of, "SP402")
    )


def test_devon_suspensions_rose_over_the_year_to_july_2024() -> None:
    # A3: 37.16 in March, 54.05 in July; higher is worse.
    assert kpi(DEVON, JUL_24, "A3")["trend"] == "worsening"


@pytest.mark.parametrize("ident", ["A1", "A2", "A3", "A4", "A5", "A6", "A7"])
def test_devon_targets_are_england_averages_with_no_date(ident: str) -> None:
    # The "Target" column holds the England (or national) average and no date: not SMART.
    messages = [f["message"] for f in findings(DEVON, NOV_24, "SP404")]
    assert any(
        m.startswith(f"indicator {ident} has a target of ") and m.endswith("with no date")
        for m in messages
    )
    assert kpi(DEVON, NOV_24, ident)["target_by"] is None


def test_devon_target_values_are_the_england_averages() -> None:
    expected = {"A1": 10, "A2": 12.1, "A3": 18.59, "A4": 17.63, "A5": 0.25, "A6": 0.13, "A7": 0.68}
    assert {i: kpi(DEVON, NOV_24, i)["target"] for i in expected} == expected


def test_devon_demand_measures_say_no_direction_so_are_not_rated() -> None:
    # A7 and A8 ("Demand"): the milestones rise above the baseline while the target column
    # holds a lower national figure; the table never says which way is better.
    for ident, latest in (("A7", 1.13), ("A8", 4.63)):
        row = kpi(DEVON, NOV_24, ident)
        assert row["latest"] == latest
        assert row["status"] == "Not rated"
        assert row["rag"] is None
    messages = [f["message"] for f in findings(DEVON, NOV_24, "SP404")]
    assert "indicator A7 has no direction" in messages
    assert "indicator A8 has no target, direction" in messages


def test_devon_demand_projections_are_provisional() -> None:
    # Every A7 figure is published "(projected end of year)".
    assert kpi(DEVON, NOV_24, "A7")["provisional"] is True
    assert kpi(DEVON, NOV_24, "A8")["provisional"] is False


def test_devon_parent_carer_survey_has_no_figure() -> None:
    # A9: 8% in May 2023, 90% by end January 2024; the table gives no figure since.
    row = kpi(DEVON, NOV_24, "A9")
    assert (row["baseline"], row["baseline_period"]) == (8, "May 2023")
    assert row["latest"] is None
    assert row["rag"] is None
    # The scorecard shows the target and its date although no figure exists.
    assert (row["target"], row["target_by"]) == (90, "January 2024")


@pytest.mark.parametrize(
    ("as_of", "missed"), [(NOV_23, False), (MAR_24, True), (JUL_24, True), (NOV_24, True)]
)
def test_devon_survey_target_passed_with_no_figure(as_of: str, missed: bool) -> None:
    # 90% by January 2024 with no figure: a reader of the table would ask where the figure is
    # once January 2024 has gone and its figure could have been reported (a month's figure,
    # due by the end of the next month). Before then, nothing is missing yet.
    survey = [
        f for f in findings(DEVON, as_of, "SP410") if f["pointer"].startswith("indicators[8]")
    ]
    assert bool(survey) is missed
    assert (kpi(DEVON, as_of, "A9")["status"] == "Target date passed, no figure") is missed
    if missed:
        assert "90% by January 2024" in survey[0]["message"]
        assert checked(DEVON, as_of)["exit_code"] == 1


def test_devon_figures_are_not_late_as_the_table_has_no_reporting_period_the_format_knows() -> None:
    # A1 to A8 have a figure for every milestone to Nov 24. (A9 is left out: its target date
    # passed with no figure, which is a finding of its own; see the fixture's header.)
    late = [f["pointer"] for f in findings(DEVON, NOV_24, "SP401")]
    assert not [p for p in late if any(p.startswith(f"indicators[{i}].") for i in range(8))]


def test_hertfordshire_2024_figure_misses_the_60_percent_milestone() -> None:
    # 56.3% for 2024 against the 60% milestone for 2024: 3.7 points short, more than 5% of 60
    # (3 points). The council itself says the milestone was missed.
    row = kpi(HERTS, HERTS_AS_OF, "EHCP 20 weeks")
    assert (row["latest"], row["latest_period"]) == (56.3, "2024")
    assert (row["target"], row["target_by"]) == (60, "2024")
    assert row["expected"] == 60
    assert row["gap_to_target"] == -3.7
    assert row["status"] == "Red"


def test_hertfordshire_improved_year_on_year() -> None:
    # 32.6% (2022), 40.2% (2023), 56.3% (2024).
    assert kpi(HERTS, HERTS_AS_OF, "EHCP 20 weeks")["trend"] == "improving"


def test_hertfordshire_missed_target_is_a_finding() -> None:
    [missed] = findings(HERTS, HERTS_AS_OF, "SP403")
    assert missed["pointer"].startswith("indicators[0].targets[0]")
    assert "60%" in missed["message"] and "56.3%" in missed["message"]


def test_hertfordshire_gives_no_baseline() -> None:
    # "An incremental milestone based on performance in 2022/23" names no value.
    messages = [f["message"] for f in findings(HERTS, HERTS_AS_OF, "SP404")]
    assert messages == ["indicator EHCP 20 weeks has no baseline"]


def test_hertfordshire_2025_figure_is_not_yet_due() -> None:
    # Calendar years: the figure for 2025 is due after the year ends.
    assert findings(HERTS, HERTS_AS_OF, "SP401") == []


@pytest.mark.parametrize(
    ("path", "as_of"), [(DEVON, NOV_24), (HERTS, HERTS_AS_OF)], ids=["devon", "hertfordshire"]
)
def test_the_scorecard_json_agrees_with_the_statuses_validate_reports(
    path: Path, as_of: str
) -> None:
    result = run_cli("list", str(path), "--indicators", "--as-of", as_of, "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = {
        r["id"]: (r["status"], r["latest"], r["expected"], r["target"])
        for r in json.loads(result.stdout)
    }
    validated = {
        r["id"]: (r["status"], r["latest"], r["expected"], r["target"])
        for r in checked(path, as_of)["indicators"]
    }
    assert listed == validated


# The Quarter 2 report of 2024 was reported in local press in November 2024.
HERTS_Q2_REPORT = "2024-11-15"


def test_hertfordshire_year_to_date_figure_is_read_for_january_to_september_with_what_the_report_compared() -> (
    None
):
    # "56 per cent of EHC Plans completed were issued within 20 weeks (to end Sept) higher than latest
    # national (50%) and in line with statistical neighbours (56 per cent)": the calendar year 2024
    # has not ended, so this is the latest figure, for nine months, not for September alone.
    row = kpi(HERTS, HERTS_Q2_REPORT, "EHCP 20 weeks")
    assert (row["latest"], row["latest_period_start"], row["latest_period_end"]) == (
        56,
        "2024-01-01",
        "2024-09-30",
    )
    assert [(c["name"], c["value"], c["period"]) for c in row["comparators"]] == [
        ("National", 50, None),
        ("Statistical neighbours", 56, None),
    ]


def test_hertfordshire_2024_figure_is_shown_beside_the_national_average() -> None:
    # "56.3% (2024, Jan to Dec), national average 46.4%" (August 2025).
    row = kpi(HERTS, HERTS_AS_OF, "EHCP 20 weeks")
    assert [(c["name"], c["value"], c["period"]) for c in row["comparators"]] == [
        ("National average", 46.4, "2024")
    ]
    assert row["target_comparison"] == "at_least"


def test_hertfordshire_series_has_no_missing_year() -> None:
    # 2022, 2023, January to September 2024 and 2024: every calendar year from the first has a figure.
    assert findings(HERTS, HERTS_AS_OF, "SP411") == []


def test_devon_figures_every_four_months_are_not_called_gaps() -> None:
    # Jul, Nov, Mar: the table's own rhythm. With no `reporting:` and figures for single months,
    # nothing says a month is missing.
    assert findings(DEVON, NOV_24, "SP411") == []


def test_hertfordshire_is_judged_on_the_year_not_the_quarter_that_ends_with_it() -> None:
    # 46% for October to December 2024 (the March 2025 report) and 56.3% for the whole of 2024 both
    # end on 31 December 2024. The indicator reports calendar years, its milestone is for the year
    # 2024, and every source leads with the year's figure: that is the one a reader judges.
    row = kpi(HERTS, HERTS_AS_OF, "EHCP 20 weeks")
    assert (row["latest"], row["latest_period_start"], row["latest_period_end"]) == (
        56.3,
        "2024-01-01",
        "2024-12-31",
    )
    # The trend compares the year with the nine months to September (56%), not with the quarter.
    assert row["trend"] == "improving"


def test_hertfordshire_quarter_stays_in_the_papers_figures_table() -> None:
    from datetime import date

    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.output.paper.charts.chart_cards import kpi_cards

    _, plan = load_model(HERTS)
    assert plan is not None
    [card] = kpi_cards(plan, date.fromisoformat(HERTS_AS_OF))
    shown = [(r["when"], r["what"], r["value"]) for r in card.table]
    assert ("October to December 2024", "Actual", "46%") in shown
