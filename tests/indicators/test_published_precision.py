"""Figures worked out about an indicator are shown to the places the indicator publishes, in every output."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT, run_cli, write_plan

FIXTURE = str(ROOT / "tests" / "fixtures" / "valid" / "indicators.yaml")

# Worked by hand from the fixture, as at 15 September 2025 (month ends; 2024 is a leap year):
# KPI 1 (figures to one place, 56.1): 50 at 31 Mar 2025 to 58 at 30 Sep 2025 is 183 days;
#   31 Aug 2025 is 153 days along: 50 + 8 * 153 / 183 = 56.689 -> 56.7; 56.1 - 56.7 = -0.6.
# KPI 3 (whole numbers): 1600 at 31 Mar 2024 to 400 at 31 Mar 2026 is 730 days; 30 Jun 2025
#   is 456 along: 1600 - 1200 * 456 / 730 = 850.41 -> 850; 1000 - 850 = 150.
# KPI 4 (one place, 48.5): 55 to 42 over the same 730 days; 31 Aug 2025 is 518 along:
#   55 - 13 * 518 / 730 = 45.775 -> 45.8; 48.5 - 45.8 = 2.7.
# KPI 6 (one place, 6.5): 9 to 4 over 730 days, 456 along: 9 - 5 * 456 / 730 = 5.877 -> 5.9;
#   6.5 - 5.9 = 0.6.
# KPI 8 (whole numbers): 20 at 31 Aug 2023 to 10 at 31 Aug 2026 is 1096 days; 31 Aug 2024 is
#   366 along: 20 - 10 * 366 / 1096 = 16.66 -> 17; 17 is 0.34 worse, which does not show.
REASONS = {
    "KPI 1": "Amber: 56.1% for 2025-08 is 0.6 percentage points below the 56.7% expected on the trajectory",
    "KPI 3": "Red: 1,000 for Q1 25/26 is 150 above the 850 expected on a straight line from the baseline to the target",
    "KPI 4": "Amber: 48.5 days for 2025-08 is 2.7 days above the 45.8 days expected on a straight line from the baseline to the target",
    "KPI 6": "Amber: 6.5 months for Q1 25/26 is 0.6 months above the 5.9 months expected on a straight line from the baseline to the target",
    "KPI 8": "Amber: 17 per 100,000 for 2023/24 is just above the 17 per 100,000 expected on a straight line from the baseline to the target",
}
# (expected, gap_to_expected, gap_to_target, decimals); gaps to target: 56.1 - 65, 1000 - 400,
# 48.5 - 42, 6.5 - 4, 17 - 10.
FIGURES = {
    "KPI 1": (56.7, -0.6, -8.9, 1),
    "KPI 3": (850, 150, 600, 0),
    "KPI 4": (45.8, 2.7, 6.5, 1),
    "KPI 6": (5.9, 0.6, 2.5, 1),
    "KPI 8": (17, 0, 7, 0),
}
UNPUBLISHED = (
    "56.69",
    "0.59",
    "850.41",
    "149.59",
    "45.78",
    "2.72",
    "5.88",
    "0.62",
    "16.66",
    "0.34",
)


def _json(path: str, as_of: str) -> dict[str, dict[str, object]]:
    result = run_cli("list", path, "--indicators", "--format", "json", "--as-of", as_of)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    rows = data if isinstance(data, list) else data["indicators"]
    return {row["id"]: row for row in rows}


def test_the_terminal_scorecard_shows_expected_values_and_gaps_as_the_indicator_publishes() -> None:
    result = run_cli(
        "list", FIXTURE, "--indicators", "--as-of", "2025-09-15", env={"COLUMNS": "400"}
    )
    assert result.returncode == 0, result.stderr
    for kpi, reason in REASONS.items():
        assert f"{kpi}: {reason}\n" in result.stdout
    assert "│ 850 " in result.stdout and "│ 45.8 days " in result.stdout
    assert not [figure for figure in UNPUBLISHED if figure in result.stdout]


def test_json_gives_the_same_rounded_numbers_as_numbers() -> None:
    rows = _json(FIXTURE, "2025-09-15")
    for kpi, (expected, gap, to_target, decimals) in FIGURES.items():
        row = rows[kpi]
        assert (row["expected"], row["gap_to_expected"], row["gap_to_target"]) == (
            expected,
            gap,
            to_target,
        )
        assert row["decimals"] == decimals and row["reason"] == REASONS[kpi]
    assert isinstance(rows["KPI 3"]["expected"], int)


def test_the_html_paper_gives_the_same_reasons(tmp_path: Path) -> None:
    out = tmp_path / "paper.html"
    result = run_cli("report", FIXTURE, "--month", "2025-09", "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    for reason in REASONS.values():
        assert reason in html
    assert "149.59" not in html and "850.41" not in html


BOUNDARY = """\
indicators:
  - id: KPI 1
    name: Annual reviews completed on time
    unit: count
    direction: higher-is-better
    reporting: quarterly
    baseline: {value: 10, period: Q4 23/24}
    targets: [{value: 11, by: Q4 25/26}]
    actuals: [{period: Q4 24/25, value: 10}]
  - id: KPI 2
    name: Plans issued within 20 weeks
    unit: percent
    direction: higher-is-better
    reporting: quarterly
    baseline: {value: 50, period: Q4 23/24}
    targets: [{value: 50.3, by: Q4 25/26}]
    actuals: [{period: Q4 24/25, value: 50}]
  - id: KPI 3
    name: Tribunal appeals
    unit: count
    direction: lower-is-better
actions: []
"""


def test_a_figure_exactly_half_way_rounds_up_as_people_round(tmp_path: Path) -> None:
    # 31 Mar 2025 is 365 of the 730 days from 31 Mar 2024 to 31 Mar 2026, exactly half way:
    # KPI 1 expects 10.5, shown as 11 (not 10, as rounding halves to even would give);
    # KPI 2 expects 50.15, shown to one place as 50.2, so 50 is 0.2 points below (Amber: any
    # shortfall is, with no tolerance set).
    rows = _json(str(write_plan(tmp_path, BOUNDARY)), "2025-06-15")
    assert rows["KPI 1"]["reason"] == (
        "Amber: 10 for Q4 24/25 is 1 below the 11 expected on a straight line from the baseline to the target"
    )
    assert (rows["KPI 1"]["expected"], rows["KPI 1"]["gap_to_expected"]) == (11, -1)
    assert rows["KPI 2"]["reason"].startswith(
        "Amber: 50% for Q4 24/25 is 0.2 percentage points below the 50.2% expected"
    )
    assert rows["KPI 2"]["expected"] == 50.2
    # An indicator with no figures of its own keeps the default of two places.
    assert rows["KPI 3"]["decimals"] == 2
