"""Which actions answer each area for priority action, worked out once; where evidence paths must stay."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from conftest import ROOT, check, write_plan

from sendplan_cli.check.pipeline import load_parts
from sendplan_cli.check.rules.base import Context

EXAMPLE = ROOT / "examples" / "governance.yaml"
AS_OF = date(2025, 6, 16)


def _context(path: Path) -> Context:
    loaded, plan, _ = load_parts(path, None, None, None)
    assert plan is not None
    return Context(plan, AS_OF, source=loaded)


def _answers(ctx: Context) -> list[tuple[str, list[str]]]:
    return [
        (a.recommendation.id, [act.ref for _, act in a.answering]) for a in ctx.priority_areas()
    ]


def test_the_example_plans_areas_for_priority_action_and_the_actions_answering_them() -> None:
    # Read off examples/governance.yaml: APA 1 and APA 2 are typed area-for-priority-action;
    # 1.1 and 1.2 cite APA 1, 2.1 and 2.2 cite APA 2; AfI 1 and D 1 are not priority areas.
    ctx = _context(EXAMPLE)
    assert _answers(ctx) == [("APA 1", ["1.1", "1.2"]), ("APA 2", ["2.1", "2.2"])]
    # Worked out once per check: every rule reads these very objects.
    assert ctx.priority_areas() is ctx.priority_areas()


def test_an_action_answering_two_areas_counts_for_both_and_is_one_open_priority_action(
    tmp_path: Path,
) -> None:
    plan = write_plan(
        tmp_path,
        """\
        recommendations:
          - {id: APA 1, type: area-for-priority-action, text: Improve EHC plan timeliness.}
          - {id: APA 2, type: area-for-priority-action, text: Improve joint commissioning.}
          - {id: AfI 1, text: Improve the local offer.}
        actions:
          - {ref: "1.1", title: Joint panel, recommendations: [APA 1, APA 2], due: July 2025}
          - {ref: "2.1", title: Local offer, recommendations: [AfI 1], due: July 2025}
          - {ref: "2.2", title: Done already, recommendations: [APA 2], due: May 2025, completion: Blue}
        """,
    )
    ctx = _context(plan)
    assert _answers(ctx) == [("APA 1", ["1.1"]), ("APA 2", ["1.1", "2.2"])]
    # 2.2 is rated complete; 2.1 answers no priority area.
    assert [a.ref for _, a in ctx.open_priority_actions()] == ["1.1"]


_CITING = """\
actions:
  - ref: "1.1"
    title: Recruit educational psychologists
    due: July 2025
    updates:
      - month: 2024-12
        evidence:
          - {title: Shared audit, path: ../evidence/audit.md}
"""


def test_evidence_beside_the_plans_folder_counts_when_both_are_in_one_repository(
    tmp_path: Path,
) -> None:
    # A git worktree or submodule marks its top folder with a `.git` file, not a folder.
    (tmp_path / ".git").write_text("gitdir: /elsewhere/.git/worktrees/plans\n", encoding="utf-8")
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "audit.md").write_text("# Audit\n", encoding="utf-8")
    (tmp_path / "plans").mkdir()
    plan = write_plan(tmp_path / "plans", _CITING)
    assert [d.name for d in check(plan) if d.name == "evidence-missing"] == []


def test_evidence_above_the_repository_is_outside_it(tmp_path: Path) -> None:
    # The same path, but the repository is the plans folder: ../evidence leaves it.
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "audit.md").write_text("# Audit\n", encoding="utf-8")
    (tmp_path / "plans" / ".git").mkdir(parents=True)
    plan = write_plan(tmp_path / "plans", _CITING)
    [found] = [d for d in check(plan) if d.name == "evidence-missing"]
    assert "outside the repository" in found.message
    assert found.line == 12  # four header lines, then the eighth line of _CITING


def test_a_copy_of_the_example_outside_any_repository_finds_its_evidence_beside_it(
    tmp_path: Path,
) -> None:
    shutil.copy(EXAMPLE, tmp_path / "governance.yaml")
    shutil.copytree(ROOT / "examples" / "evidence", tmp_path / "evidence")
    found = [d for d in check(tmp_path / "governance.yaml", AS_OF) if d.name == "evidence-missing"]
    assert found == []
