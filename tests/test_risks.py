"""Risk scores and bands on the 5x5 matrix, and `sendplan list --risks`, which reads them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli, write_plan

from sendplan_cli.plan.risk_matrix import band, band_ranges, score

# Cells of the common local-authority 5x5 matrix: 1-4 low, 5-9 medium, 10-15 high, 16-25 very high.
CELLS = [
    (1, 1, 1, "Low"),
    (2, 2, 4, "Low"),
    (1, 5, 5, "Medium"),
    (3, 3, 9, "Medium"),
    (2, 5, 10, "High"),
    (3, 5, 15, "High"),
    (4, 4, 16, "Very high"),
    (5, 5, 25, "Very high"),
]


@pytest.mark.parametrize(("likelihood", "impact", "expected", "rating"), CELLS)
def test_a_cell_of_the_matrix(likelihood: int, impact: int, expected: int, rating: str) -> None:
    assert score(likelihood, impact) == expected
    assert band(expected) == rating


def test_the_bands_cover_every_score_once() -> None:
    assert band_ranges() == ["16-25 Very high", "10-15 High", "5-9 Medium", "1-4 Low"]


PLAN = """\
actions:
  - ref: "3.1"
    title: Improve timeliness of completing EHC plans
risks:
  - id: R1
    description: Transport costs rise
    owner: Head of Transport
    likelihood: 2
    impact: 3
    mitigation: Route review
  - id: R2
    description: Too few educational psychologists
    owner: Principal Educational Psychologist
    likelihood: 4
    impact: 4
    score: 12
    mitigation: Locum psychologists
    actions: ["3.1"]
    review_date: November 2024
  - id: R3
    description: Placements run out
    likelihood: 3
    impact: 2
"""


def test_list_risks_as_json_is_highest_score_first(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    result = run_cli("list", str(path), "--risks", "--format", "json", "--as-of", "2025-01-15")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    # R2 is 4 x 4 = 16 (its written 12 is wrong); R1 and R3 are both 6 and keep the plan's order.
    assert [(r["id"], r["score"], r["band"]) for r in rows] == [
        ("R2", 16, "Very high"),
        ("R1", 6, "Medium"),
        ("R3", 6, "Medium"),
    ]
    top = rows[0]
    assert top["written_score"] == 12
    assert top["actions"] == ["3.1"]
    assert (top["review_date"], top["review_by"], top["review_passed"]) == (
        "November 2024",
        "2024-11-30",
        True,
    )
    assert rows[2]["owner"] is None and rows[2]["review_passed"] is False


def test_list_risks_as_a_table_shows_the_rating_and_what_is_missing(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN)
    result = run_cli("list", str(path), "--risks", "--as-of", "2025-01-15", env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Risks by score as at 15 January 2025" in out
    assert "16 Very high" in out and "6 Medium" in out
    assert "November 2024 (passed)" in out
    assert "none named" in out and "none recorded" in out
    assert out.index("R2") < out.index("R1") < out.index("R3")


def test_risk_text_is_shown_not_read_as_markup(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        """\
        risks:
          - id: R1
            description: "[bold red]Costs[/] rise"
            likelihood: 2
            impact: 2
        """,
    )
    result = run_cli("list", str(path), "--risks", env={"COLUMNS": "200"})
    assert "[bold red]Costs[/] rise" in result.stdout


def test_a_plan_without_risks_says_where_to_add_them(tmp_path: Path) -> None:
    path = write_plan(tmp_path, 'actions:\n  - ref: "1.1"\n    title: T\n')
    result = run_cli("list", str(path), "--risks")
    assert result.returncode == 0
    assert "this plan has no risks; add them under `risks:`" in result.stdout
    assert json.loads(run_cli("list", str(path), "--risks", "-f", "json").stdout) == []


def test_risks_and_indicators_together_is_a_usage_error(tmp_path: Path) -> None:
    path = write_plan(tmp_path, 'actions:\n  - ref: "1.1"\n    title: T\n')
    result = run_cli("list", str(path), "--risks", "--indicators")
    assert result.returncode == 2
    assert "give one of them" in result.stderr


EDITOR_CASES = {
    "risk-on-the-matrix": (
        "risks:\n  - {id: R1, description: D, likelihood: 4, impact: 5}\n",
        True,
    ),
    "risk-off-the-matrix": (
        "risks:\n  - {id: R1, description: D, likelihood: 6, impact: 5}\n",
        False,
    ),
    "risk-without-impact": ("risks:\n  - {id: R1, description: D, likelihood: 4}\n", False),
    "depends-on-a-list": ('actions:\n  - {ref: "1.1", title: T, depends_on: ["1.2"]}\n', True),
    "depends-on-a-mapping": ('actions:\n  - {ref: "1.1", title: T, depends_on: {a: b}}\n', False),
}


@pytest.mark.parametrize("name", sorted(EDITOR_CASES))
def test_the_schema_and_sendplan_agree_on_risks_and_dependencies(name: str, tmp_path: Path) -> None:
    body, valid = EDITOR_CASES[name]
    path = write_plan(tmp_path, body)
    findings = json.loads(run_cli("validate", str(path), "--format", "json").stdout)["findings"]
    assert (not any(f["code"] < "SP100" for f in findings)) is valid
    schema = ROOT / "schemas" / "plan.schema.json"
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == (0 if valid else 1), done.stdout + done.stderr
