"""An update records what changed that month: ratings and commentary it leaves out stay as the months before left them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import run_cli, write_plan

from sendplan_cli.check.pipeline import load_model
from sendplan_cli.plan.action_state import state_at

PLAN = """\
actions:
  - ref: "1.1"
    title: Develop waiting well offer
    leads: [Sam Lead]
    due: March 2026
    completion: Amber
    impact: Amber
    commentary: As published.
    updates:
      - month: 2024-06
        completion: Red
        impact: Red
        commentary: Recruitment gap.
      - month: 2024-10
        completion: Amber
      - month: 2025-01
        proposed_due: June 2026
        proposed_due_reason: Recruitment
"""


def test_each_rating_and_the_commentary_come_from_the_newest_update_that_gave_them(
    tmp_path: Path,
) -> None:
    _, plan = load_model(write_plan(tmp_path, PLAN))
    assert plan is not None
    action = plan.actions[0]
    june = state_at(action, 0, date(2024, 6, 30))
    assert (june.completion, june.impact, june.commentary) == ("Red", "Red", "Recruitment gap.")
    # October rated completion only: impact and commentary stay as June left them.
    october = state_at(action, 0, date(2024, 10, 31))
    assert (october.completion, october.impact, october.commentary) == (
        "Amber",
        "Red",
        "Recruitment gap.",
    )
    assert october.impact_at == ("actions", 0, "updates", 0, "impact")
    # January proposed a date and nothing else.
    january = state_at(action, 0, date(2025, 1, 31))
    assert (january.completion, january.impact, january.commentary) == (
        "Amber",
        "Red",
        "Recruitment gap.",
    )
    before = state_at(action, 0, date(2024, 5, 31))
    assert (before.completion, before.impact, before.commentary) == (
        "Amber",
        "Amber",
        "As published.",
    )


def test_the_paper_shows_the_ratings_in_force_not_the_published_ones(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, PLAN)
    paper = tmp_path / "paper.md"
    assert run_cli("report", str(plan), "--month", "2025-01", "-o", str(paper)).returncode == 0
    tracker = paper.read_text(encoding="utf-8").split("## Appendix A: action tracker")[1]
    row = next(line for line in tracker.splitlines() if line.startswith("| 1.1 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert "Amber" in cells and "Red" in cells and "Recruitment gap." in cells
