"""A due date moved with the board's decision recorded in the plan's decisions log is not a silent move."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from gitplans import PlanRepo

BEFORE = """\
actions:
  - ref: "1.1"
    title: Develop waiting well offer
    leads: Jo Lead
    due: July 2024
    completion: Amber
    commentary: Scoping under way
"""
MOVED = BEFORE.replace("due: July 2024", "due: March 2025")


def _decision(ref: str, due: str, previous: str) -> str:
    """One entry of the decisions log."""
    return f"""\
  - date: 2024-09-05
    decision: Move the waiting well offer to March 2025 while the new service is procured
    by: SEND Partnership Board
    actions: ["{ref}"]
    due: {due}
    previous_due: {previous}
"""


def _silent_moves(repo: PlanRepo) -> list[dict]:  # type: ignore[type-arg]
    done = run_cli(
        "validate",
        "plans/plan.yaml",
        "--as-of",
        "2025-01-15",
        "--history",
        "--format",
        "json",
        cwd=repo.root,
    )
    assert done.returncode in (0, 1), done.stderr
    return [f for f in json.loads(done.stdout)["findings"] if f["code"] == "SP501"]


def test_a_decision_agreeing_the_new_date_clears_the_silent_move(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.commit(
        MOVED + "decisions:\n" + _decision("1.1", "March 2025", "July 2024"),
        when="2024-09-10T14:00:00+01:00",
    )
    assert _silent_moves(repo) == []


def test_a_decision_recorded_after_the_fact_clears_it_too(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.commit(MOVED, when="2024-09-10T14:00:00+01:00")
    repo.commit(
        MOVED + "decisions:\n" + _decision("1.1", "March 2025", "July 2024"),
        when="2024-10-01T14:00:00+01:00",
    )
    assert _silent_moves(repo) == []


def test_a_decision_about_another_action_or_another_date_does_not(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.commit(
        MOVED + "decisions:\n" + _decision("1.2", "March 2025", "July 2024"),
        when="2024-09-10T14:00:00+01:00",
    )
    repo.commit(
        MOVED
        + "decisions:\n"
        + _decision("1.2", "March 2025", "July 2024")
        + _decision("1.1", "Jan 2025", "July 2024"),
        when="2024-10-01T14:00:00+01:00",
    )
    [finding] = _silent_moves(repo)
    assert "no recorded decision or update agrees the change" in finding["message"]


def test_the_hint_says_where_to_record_the_decision(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.commit(MOVED, when="2024-09-10T14:00:00+01:00")
    [finding] = _silent_moves(repo)
    assert finding["hint"].startswith("record the decision under `decisions:`")
    assert 'actions: ["1.1"], due: March 2025, previous_due: July 2024' in finding["hint"]
