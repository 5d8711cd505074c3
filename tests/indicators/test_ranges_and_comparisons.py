"""What real tables hold: part-year and year-to-date figures, comparators per period, strict targets,
a note on the baseline, a target from a date, and a change on the baseline refused."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import check, run_cli, write_plan


def _kpis(path: Path, as_of: str) -> list[dict[str, Any]]:
    result = run_cli("list", str(path), "--indicators", "--as-of", as_of, "--format", "json")
    assert result.returncode == 0, result.stdout + result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


ONE_FIGURE = """\
indicators:
  - id: KPI 1
    name: EHC plans in 20 weeks
    unit: percent
    direction: higher-is-better
    actuals:
      - {period: "PERIOD", value: 56}
actions: []
"""


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("2024-01/2024-09", "2024-01-01", "2024-09-30"),
        ("January 2024 to September 2024", "2024-01-01", "2024-09-30"),
        ("April 2024 - March 2025", "2024-04-01", "2025-03-31"),
        ("April to September 2024", "2024-04-01", "2024-09-30"),
        ("Q1 24/25 - Q2 24/25", "2024-04-01", "2024-09-30"),
    ],
)
def test_a_range_is_read_from_its_first_day_to_its_last(
    tmp_path: Path, written: str, start: str, end: str
) -> None:
    path = write_plan(tmp_path, ONE_FIGURE.replace("PERIOD", written))
    [row] = _kpis(path, "2025-06-01")
    # Before, "2024-01/2024-09" was read as September 2024 alone.
    assert (row["latest_period"], row["latest_period_start"], row["latest_period_end"]) == (
        written,
        start,
        end,
    )


@pytest.mark.parametrize(
    "written", ["2024-01, 2024-03", "2024-01 and 2024-03", "Sep-Mar 2025", "2024-09/2024-01"]
)
def test_a_period_that_is_not_one_period_or_one_range_is_refused_with_a_hint(
    tmp_path: Path, written: str
) -> None:
    path = write_plan(tmp_path, ONE_FIGURE.replace("PERIOD", written))
    [error] = [d for d in check(path) if d.severity.value == "error"]
    assert error.name == "bad-date" and error.line == 11
    assert any(
        words in error.message for words in ("one period", "which year", "ends before it starts")
    )


def test_an_action_date_with_two_dates_is_still_a_milestone_and_a_due_date(tmp_path: Path) -> None:
    from sendplan_cli.plan.model import Action

    action = Action.model_validate({"ref": "1", "title": "T", "due": "July 2024 - March 2025"})
    assert (
        action.due is not None
        and action.due.end == date(2025, 3, 31)
        and len(action.due.milestones) == 1
    )


COMPARED = """\
indicators:
  - id: KPI 1
    name: Parent carers rating services good
    unit: percent
    direction: DIRECTION
    targets:
      - {value: 90, by: March 2025, comparison: COMPARISON}
    actuals:
      - {period: 2025-03, value: 90}
actions: []
"""


@pytest.mark.parametrize(
    ("direction", "comparison", "status", "missed"),
    [
        ("higher-is-better", "above", "Amber", True),  # 90 is not above 90
        ("higher-is-better", "at_least", "Green", False),
        ("lower-is-better", "below", "Amber", True),  # 90 is not below 90
        ("lower-is-better", "at_most", "Green", False),
    ],
)
def test_a_strict_target_is_not_met_by_reaching_it_exactly(
    tmp_path: Path, direction: str, comparison: str, status: str, missed: bool
) -> None:
    path = write_plan(
        tmp_path, COMPARED.replace("DIRECTION", direction).replace("COMPARISON", comparison)
    )
    [row] = _kpis(path, "2025-05-15")
    assert (row["status"], row["target_comparison"]) == (status, comparison)
    found = [d for d in check(path, date(2025, 5, 15)) if d.name == "target-missed"]
    assert bool(found) is missed


def test_without_a_comparison_the_direction_gives_it(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        COMPARED.replace("DIRECTION", "lower-is-better").replace(", comparison: COMPARISON", ""),
    )
    [row] = _kpis(path, "2025-05-15")
    assert (row["status"], row["target_comparison"]) == ("Green", "at_most")


def test_a_comparison_against_the_direction_is_questioned(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path, COMPARED.replace("DIRECTION", "higher-is-better").replace("COMPARISON", "below")
    )
    [finding] = [
        d
        for d in check(path, date(2025, 5, 15))
        if d.name == "indicator-not-smart" and "comparison" in d.pointer
    ]
    assert finding.line == 11 and "higher-is-better" in finding.message


COMPARATORS = """\
indicators:
  - id: EHCP
    name: EHC plans issued within 20 weeks
    unit: percent
    direction: higher-is-better
    baseline: {value: 40.2, period: "2023", note: counted on the old system}
    targets: [{value: 60, by: "2025"}]
    actuals:
      - period: "2024"
        value: 56.3
        comparators:
          - {name: England, value: 46.4}
          - {name: Statistical neighbours, value: 56, period: 2024-01/2024-09, source: Quarter 2 report}
actions: []
"""


def test_comparators_for_the_latest_period_are_in_the_json_with_their_periods(
    tmp_path: Path,
) -> None:
    path = write_plan(tmp_path, COMPARATORS)
    [row] = _kpis(path, "2025-06-01")
    assert row["comparators"] == [
        {"name": "England", "value": 46.4, "period": None, "source": None},
        {
            "name": "Statistical neighbours",
            "value": 56,
            "period": "2024-01/2024-09",
            "source": "Quarter 2 report",
        },
    ]
    assert row["baseline_note"] == "counted on the old system"


def test_the_scorecard_shows_comparators_beside_the_latest_and_the_baseline_note(
    tmp_path: Path,
) -> None:
    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.output.scorecard import cells
    from sendplan_cli.plan.kpi_status import kpi_statuses

    path = write_plan(tmp_path, COMPARATORS)
    _, plan = load_model(path)
    assert plan is not None
    row = cells(kpi_statuses(plan, date(2025, 6, 1))[0])
    # Only a comparator whose period the plan gives shows one.
    assert row["comparators"] == "England 46.4%; Statistical neighbours 56% (2024-01/2024-09)"
    assert row["baseline"] == "40.2% (2023); counted on the old system"
    out = run_cli("list", str(path), "--indicators", "--as-of", "2025-06-01").stdout
    assert "England 46.4%;" in out


def test_a_target_from_a_date_is_dated(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        COMPARED.replace("DIRECTION", "higher-is-better").replace(
            "by: March 2025, comparison: COMPARISON", "by: From March 2021"
        ),
    )
    undated = [
        d
        for d in check(path, date(2025, 5, 15))
        if d.name == "indicator-not-smart" and "no date" in d.message
    ]
    assert undated == []
    [row] = _kpis(path, "2025-05-15")
    assert row["target_by"] == "From March 2021" and row["status"] == "Green"


def test_a_target_written_as_a_change_is_refused_with_the_sum_to_write(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        COMPARED.replace("DIRECTION", "higher-is-better")
        .replace("value: 90, by", "value: +50, by")
        .replace(", comparison: COMPARISON", ""),
    )
    [error] = [d for d in check(path) if d.severity.value == "error"]
    assert (error.line, error.name, error.message) == (
        11,
        "wrong-type",
        "'+50' is a change, not a value to reach",
    )
    assert "baseline plus 50" in (error.hint or "")


def test_update_records_a_year_to_date_figure_for_its_range(tmp_path: Path) -> None:
    path = write_plan(tmp_path, ONE_FIGURE.replace("PERIOD", "2023"))
    result = run_cli(
        "update", str(path), "--indicator", "KPI 1", "--period", "2024-01/2024-09", "--value", "55"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    rows = _kpis(path, "2025-06-01")
    assert (rows[0]["latest"], rows[0]["latest_period_start"], rows[0]["latest_period_end"]) == (
        55,
        "2024-01-01",
        "2024-09-30",
    )


def test_explain_says_how_to_write_ranges_bounds_ratios_and_changes() -> None:
    bad_date = run_cli("explain", "bad-date").stdout
    assert '"April 2024 to March 2025", "2024-01/2024-09"' in bad_date
    wrong_type = run_cli("explain", "wrong-type").stdout
    for words in ("`comparison: above`", "`unit: rate per 1,000`", 'not "+50"', 'not "1,600"'):
        assert words in wrong_type, words


def test_the_readme_example_validates_cleanly_reads_as_the_readme_says_and_renders_in_the_paper(
    tmp_path: Path,
) -> None:
    from conftest import ROOT

    readme = (ROOT / "docs" / "authors" / "indicators.md").read_text(encoding="utf-8")
    section = readme.split("### Comparators, part-year figures and strict targets")[1]
    path = tmp_path / "plan.yaml"
    path.write_text(section.split("```yaml\n")[1].split("```")[0], encoding="utf-8")
    clean = run_cli("validate", str(path), "--as-of", "2025-09-01", "--format", "json")
    assert clean.returncode == 0 and json.loads(clean.stdout)["findings"] == [], clean.stdout
    [row] = _kpis(path, "2025-09-01")
    # 40.2 at the end of 2023 to 60 at the end of 2025: 366 of 731 days along at the end of 2024.
    assert (row["latest"], row["revised"], row["status"]) == (56.3, "2025-08-06", "Green")
    # 50.11 shown to one place, as the indicator's figures are written.
    assert row["expected"] == 50.1
    assert [c["name"] for c in row["comparators"]] == ["England"]
    for fmt in ("html", "md"):
        out = tmp_path / f"paper.{fmt}"
        result = run_cli("report", str(path), "--month", "2025-08", "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert "Compared with: England 46.4%" in out.read_text(encoding="utf-8")
