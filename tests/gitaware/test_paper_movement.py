"""The board paper reads movement from git where no update was recorded, and says so."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from gitplans import PlanRepo

SEPTEMBER = """\
actions:
  - ref: "1.1"
    title: Develop waiting well offer
    leads: Jo Lead
    due: March 2025
    completion: Red
    impact: Red
    commentary: Recruitment delayed
  - ref: "1.2"
    title: Publish the sufficiency plan
    leads: Ali Lead
    due: December 2024
    completion: Amber
    impact: Red
    commentary: Drafting
  - ref: "1.3"
    title: Retire the old referral form
    leads: Kim Lead
    due: December 2024
    completion: Amber
    impact: Red
    commentary: Under way
"""
# October: 1.1 Red -> Amber (one step better), 1.2 Amber -> Green (complete, a legend step), 1.2's date
# moved with no update recording it, 1.3 removed and 1.4 added.
OCTOBER = (
    SEPTEMBER.replace(
        "completion: Red\n    impact: Red\n    commentary: Recruitment delayed",
        "completion: Amber\n    impact: Red\n    commentary: Posts filled",
    )
    .replace(
        "due: December 2024\n    completion: Amber\n    impact: Red\n    commentary: Drafting",
        "due: February 2025\n    completion: Green\n    impact: Red\n    commentary: Published",
    )
    .split('  - ref: "1.3"')[0]
    + """\
  - ref: "1.4"
    title: Train every SENCo
    leads: Kim Lead
    due: June 2025
    completion: Grey
    impact: Red
    commentary: Starts in the spring
"""
)


RECOMMENDATION = "recommendations:\n  - id: AfI 1\n    text: Improve waiting times.\n"


def _linked(body: str) -> str:
    """The plan with its recommendation, every action answering it, so each shows in the progress tables."""
    return RECOMMENDATION + body.replace("    leads:", "    recommendations: [AfI 1]\n    leads:")


def _paper(tmp_path: Path) -> str:
    repo = PlanRepo(tmp_path)
    repo.commit(_linked(SEPTEMBER), when="2024-09-20T10:00:00+01:00", author="Sam Author")
    repo.commit(_linked(OCTOBER), when="2024-10-25T10:00:00+01:00", author="Jo Bloggs")
    done = run_cli(
        "report",
        "plans/plan.yaml",
        "--month",
        "2024-10",
        "--format",
        "md",
        "-o",
        "-",
        cwd=repo.root,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _cells(markdown: str, ref: str) -> list[str]:
    row = next(
        line
        for line in markdown.splitlines()
        if line.startswith(f"| {ref} |") and line.count("|") == 10
    )
    return [cell.strip() for cell in row.strip("|").split("|")]


def test_movement_comes_from_the_plan_as_committed_at_each_month_end(tmp_path: Path) -> None:
    markdown = _paper(tmp_path)
    assert _cells(markdown, "1.1")[6] == "improved (git)"
    assert _cells(markdown, "1.2")[6] == "completed (git)"
    assert _cells(markdown, "1.4")[6] == "new (git)"


def test_changes_since_the_last_board_name_their_source(tmp_path: Path) -> None:
    markdown = _paper(tmp_path)
    section = markdown.split("### Changes since the last board")[1].split("###")[0]
    assert (
        "the plan as committed at 31 October 2024 (commit " in section
        and " of 2024-10-25) against" in section
    )
    assert "against 30 September 2024 (commit " in section and " of 2024-09-20)" in section
    assert "- 1.1 Develop waiting well offer: rating Red → Amber" in section
    assert (
        "- 1.2 Publish the sufficiency plan: due December 2024 → February 2025 (not recorded)"
        in section
    )
    assert "- 1.4 Train every SENCo: added" in section
    assert "- 1.3 Retire the old referral form: removed" in section


def test_outside_git_the_paper_has_no_git_section(tmp_path: Path) -> None:
    from gitplans import HEADER

    (tmp_path / "plan.yaml").write_text(HEADER + _linked(OCTOBER), encoding="utf-8")
    done = run_cli(
        "report", "plan.yaml", "--month", "2024-10", "--format", "md", "-o", "-", cwd=tmp_path
    )
    assert done.returncode == 0
    assert "Changes since the last board" not in done.stdout and "(git)" not in done.stdout
    assert _cells(done.stdout, "1.1")[6] == "no update yet"
