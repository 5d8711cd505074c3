"""`sendplan list --indicators`: the scorecard in the terminal and the computed statuses as JSON."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, write_plan

PLAN = """\
indicators:
  - id: KPI 1
    name: New EHC plans issued within 20 weeks [bold]really[/bold]
    unit: percent
    direction: higher-is-better
    reporting: monthly
    baseline: {value: 38, period: March 2024}
    targets: [{value: 60, by: March 2026}]
    trajectory:
      - {by: Dec 2024, value: 45}
      - {by: June 2025, value: 52}
    actuals:
      - {period: 2025-05, value: 49}
      - {period: 2025-06, value: 48, provisional: true}
  - id: KPI 2
    name: Suspensions
    unit: count
    direction: lower-is-better
    actuals:
      - {period: 2025-06, value: 1600}
actions: []
"""


def test_the_scorecard_shows_each_indicator_with_its_status_in_words(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    result = run_cli("list", str(path), "--indicators", "--as-of", "2025-08-15")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Indicators as at 15 August 2025" in out
    row = next(line for line in out.splitlines() if "KPI 1" in line and "│" in line)
    # June's 48 against the 52 the trajectory expects at its June point: 4 points short, beyond 5% of 52 (2.6).
    for cell in (
        "38% (March 2024)",
        "48% (2025-06), provisional",
        "60% by March 2026",
        "52%",
        "Red",
        "worsening",
    ):
        assert cell in row, (cell, row)
    assert "[bold]really[/bold]" in out  # plan text shown as written, never read as markup
    assert "KPI 2: not rated: no target or trajectory to judge it against" in out


def test_json_gives_dashboards_the_computed_status(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    result = run_cli("list", str(path), "--indicators", "--as-of", "2025-08-15", "--format", "json")
    assert result.returncode == 0, result.stderr
    one, two = json.loads(result.stdout)
    assert (one["id"], one["latest"], one["latest_period"], one["expected"], one["status"]) == (
        "KPI 1",
        48,
        "2025-06",
        52,
        "Red",
    )
    assert (one["gap_to_expected"], one["gap_to_target"], one["trend"], one["provisional"]) == (
        -4,
        -12,
        "worsening",
        True,
    )
    assert (two["status"], two["rag"], two["expected"]) == ("Not rated", None, None)


def test_a_late_figure_is_shown_beside_the_latest(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    result = run_cli("list", str(path), "--indicators", "--as-of", "2025-09-01")
    assert (
        "KPI 1: the figure for 2025-07 (the period ending 31 Jul 2025) was due by 31 Aug 2025 and is not recorded"
        in result.stdout
    )


def test_a_plan_with_errors_is_not_listed(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN.replace("value: 1600", 'value: "1,600"'))
    result = run_cli("list", str(path), "--indicators")
    assert result.returncode == 1
    assert "must be a number" in result.stderr and result.stdout == ""


def test_validate_json_carries_the_same_statuses_as_the_scorecard() -> None:
    import json

    from conftest import FIXTURES, run_cli

    plan = str(FIXTURES / "valid" / "indicators.yaml")
    validated = json.loads(
        run_cli("validate", plan, "--format", "json", "--as-of", "2025-09-15").stdout
    )["indicators"]
    listed = json.loads(
        run_cli("list", plan, "--indicators", "--format", "json", "--as-of", "2025-09-15").stdout
    )
    assert validated == listed


def test_controls_and_markup_in_an_indicator_are_shown_not_obeyed_in_every_scorecard(
    tmp_path: Path,
) -> None:
    path = write_plan(
        tmp_path,
        """\
        indicators:
          - id: "KPI [bold]1[/bold]"
            name: "Wait \\u202e reversed\\nsecond line"
            unit: count
            actuals:
              - {period: 2025-06, value: 3}
        actions: []
        """,
    )
    terminal = run_cli("list", str(path), "--indicators", "--as-of", "2025-07-15")
    assert "KPI [bold]1[/bold]" in terminal.stdout and "\\u202e" in terminal.stdout
    paper = tmp_path / "paper.html"
    assert run_cli("report", str(path), "--month", "2025-07", "-o", str(paper)).returncode == 0
    for text in (terminal.stdout, paper.read_text(encoding="utf-8")):
        assert "\u202e" not in text
