"""Risk and dependency rules on small plans (cases/risks.yaml, cases/dependencies.yaml), and what their messages say."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import HEADER, check, write_plan

from sendplan_cli.check.config import Config
from sendplan_cli.check.engine import run_rules
from sendplan_cli.check.pipeline import load_model
from sendplan_cli.check.rules import get

CASES = [
    case
    for family in ("risks", "dependencies")
    for case in yaml.safe_load(
        (Path(__file__).parent / "cases" / f"{family}.yaml").read_text(encoding="utf-8")
    )
]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_rule_case(case: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    path = tmp_path / "plan.yaml"
    path.write_text(HEADER + case["plan"], encoding="utf-8")
    loaded, plan = load_model(path)
    assert plan is not None and loaded.ok, loaded.diagnostics
    config = replace(Config(), select=frozenset(get(name).code for name in case["select"]))
    as_of = case["as_of"] if isinstance(case["as_of"], date) else date.fromisoformat(case["as_of"])
    found = sorted((d.line, d.column, d.name) for d in run_rules(plan, loaded, config, as_of))
    assert found == sorted(tuple(e) for e in case["expect"])


def _one(path: Path, name: str, as_of: date = date(2025, 1, 15)):  # type: ignore[no-untyped-def]
    [found] = [d for d in check(path, as_of) if d.name == name]
    return found


def test_a_circle_names_every_action_in_it_in_the_order_they_wait(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        """\
        actions:
          - ref: "1.1"
            title: Agree the pathway
            depends_on: ["3.1"]
          - ref: "2.1"
            title: Commission the service
            depends_on: ["1.1"]
          - ref: "3.1"
            title: Train the staff
            depends_on: ["2.1"]
        """,
    )
    cycle = _one(path, "dependency-cycle")
    # 1.1 waits on 3.1, 3.1 on 2.1, and 2.1 (line 11) on 1.1 again.
    assert cycle.message == (
        "actions 1.1, 3.1 and 2.1 depend on each other in a circle "
        "(1.1 on 3.1, 3.1 on 2.1, 2.1 on 1.1), so none can finish first (see line 11)"
    )
    assert cycle.severity.value == "error"
    assert cycle.ref == "1.1"


def test_the_dates_in_a_dependency_message_are_the_ends_of_the_due_months(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        """\
        actions:
          - ref: "1.1"
            title: Agree the pathway
            due: September 2024
            completion: Amber
          - ref: "2.1"
            title: Commission the service
            due: June 2024
            completion: Amber
            depends_on: ["1.1"]
        """,
    )
    before = _one(path, "due-before-dependency")
    assert before.message == (
        "action 2.1 is due by 30 Jun 2024, before action 1.1 it depends on (due by 30 Sep 2024)"
    )
    overdue = _one(path, "dependency-overdue")
    assert overdue.message == (
        "action 2.1 depends on action 1.1, which was due by 30 Sep 2024 and is not complete"
    )
    assert "agree a new date for 1.1" in (overdue.hint or "")


def test_an_unknown_dependency_suggests_the_nearest_ref(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        """\
        actions:
          - ref: "1.10"
            title: Agree the pathway
          - ref: "2.1"
            title: Commission the service
            depends_on: ["1.01"]
        """,
    )
    unknown = _one(path, "unknown-dependency")
    assert unknown.message == "action 2.1 depends on action 1.01, which the plan does not have"
    assert unknown.hint == "did you mean '1.10'?"


def test_a_score_that_disagrees_names_both_scores_and_bands(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        """\
        risks:
          - id: R2
            description: Health advice arrives late
            owner: Designated Clinical Officer
            mitigation: Weekly tracking
            likelihood: 3
            impact: 4
            score: 16
        """,
    )
    # 3 x 4 = 12, in the 10-15 High band; 16 is the lowest Very high score.
    mismatch = _one(path, "risk-score-mismatch")
    assert mismatch.message == (
        "risk R2 gives score 16 (Very high), but likelihood 3 x impact 4 is 12 (High)"
    )
    assert mismatch.severity.value == "error"


def test_a_passed_review_names_the_day_and_the_date_as_written(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        """\
        risks:
          - id: R1
            description: Placements run out
            owner: Head of Place Planning
            mitigation: Interim places
            likelihood: 3
            impact: 5
            review_date: November 2024
        """,
    )
    review = _one(path, "risk-review-overdue")
    assert review.message == "risk R1 was due for review by 30 Nov 2024 (November 2024)"
    assert review.line == 12


@pytest.mark.parametrize("written", ["6", "0"])
def test_a_level_off_the_matrix_is_refused_with_the_range(tmp_path: Path, written: str) -> None:
    path = write_plan(
        tmp_path,
        f"""\
        risks:
          - id: R1
            description: Placements run out
            likelihood: {written}
            impact: 2
        """,
    )
    [error] = [d for d in check(path) if d.is_load_error]
    assert (error.line, error.name) == (8, "invalid-value")
    assert "from 1" in error.message and "to 5" in error.message


def test_a_risk_without_likelihood_is_refused_where_to_add_it(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        """\
        risks:
          - id: R1
            description: Placements run out
            impact: 2
        """,
    )
    [error] = [d for d in check(path) if d.is_load_error]
    assert error.name == "missing-key"
    assert "likelihood" in error.message


@pytest.mark.parametrize("written", ["0", "-4", "30"])
def test_a_written_score_no_matrix_gives_is_called_off_the_matrix(
    tmp_path: Path, written: str
) -> None:
    path = write_plan(
        tmp_path,
        f"""\
        risks:
          - id: R3
            description: Transport costs rise
            likelihood: 2
            impact: 3
            score: {written}
        """,
    )
    assert _one(path, "risk-score-mismatch").message == (
        f"risk R3 gives score {written}, which is off the 5x5 matrix (1 to 25),"
        " but likelihood 2 x impact 3 is 6 (Medium)"
    )
