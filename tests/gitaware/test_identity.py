"""A finding keeps its identity when text moves, and loses it when the offending value changes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import write_plan

from sendplan_cli.check.pipeline import analyse
from sendplan_cli.git.identity import identities, stable_pointer
from sendplan_cli.plan.loader import load_plan

AS_OF = date(2025, 1, 15)

FIRST = """\
  - ref: "1.1"
    title: Develop waiting well offer
    leads: Nobody Known
    due: July 2024
    completion: Amber
"""
SECOND = """\
  - ref: "2.1"
    title: Review the local offer
    leads: Someone Else
    due: September 2024
    completion: Amber
"""
THIRD = """\
  - ref: "3.1"
    title: Publish the sufficiency plan
    due: March 2024
    completion: Amber
"""


def _ids(path: Path) -> dict[tuple[str, str | None], list[str]]:
    _, diagnostics, _ = analyse(path, AS_OF)
    data = load_plan(path).data
    out: dict[tuple[str, str | None], list[str]] = {}
    for d, ident in zip(diagnostics, identities(diagnostics, "plans/plan.yaml", data), strict=True):
        out.setdefault((d.code, d.ref), []).append(ident)
    return out


def test_moving_an_action_block_keeps_every_identity(tmp_path: Path) -> None:
    before = _ids(write_plan(tmp_path, "actions:\n" + FIRST + SECOND + THIRD, name="a.yaml"))
    after = _ids(write_plan(tmp_path, "actions:\n" + THIRD + SECOND + FIRST, name="b.yaml"))
    # Action 1.1 (July 2024) and 3.1 (March 2024) are overdue at 15 Jan 2025, so findings exist to compare.
    assert ("SP101", "1.1") in before and ("SP101", "3.1") in before
    assert before == after


def test_changing_the_offending_value_changes_the_identity(tmp_path: Path) -> None:
    plan = "actions:\n" + FIRST
    before = _ids(write_plan(tmp_path, plan, name="a.yaml"))
    after = _ids(
        write_plan(tmp_path, plan.replace("due: July 2024", "due: August 2024"), name="b.yaml")
    )
    assert before[("SP101", "1.1")] != after[("SP101", "1.1")]


def test_same_value_in_another_plan_path_is_another_finding(tmp_path: Path) -> None:
    path = write_plan(tmp_path, "actions:\n" + FIRST)
    _, diagnostics, _ = analyse(path, AS_OF)
    data = load_plan(path).data
    assert identities(diagnostics, "plans/a.yaml", data) != identities(
        diagnostics, "plans/b.yaml", data
    )


def test_otherwise_equal_findings_are_numbered_in_file_order() -> None:
    from sendplan_cli.plan.diagnostics import Diagnostic, Severity

    def at(line: int) -> Diagnostic:
        return Diagnostic(
            "p.yaml", line, 1, "SP303", "unused-suppression", Severity.WARNING, f"line {line}"
        )

    ids = identities([at(9), at(3)], "p.yaml", None)
    assert len(set(ids)) == 2
    # The first in the file gets the same identity as a lone finding of the same kind.
    assert ids[1] == identities([at(40)], "p.yaml", None)[0]


def test_list_positions_become_item_names() -> None:
    data = {"actions": [{"ref": "1.1", "updates": [{"month": "2024-09", "due": "May 2025"}]}]}
    assert stable_pointer("actions[0].updates[0].due", data) == (
        "actions[ref=1.1].updates[month=2024-09].due",
        "May 2025",
    )


def test_path_from_root_inside_and_outside_git(tmp_path: Path) -> None:
    from gitplans import PlanRepo

    from sendplan_cli.git.identity import path_from_root

    repo = PlanRepo(tmp_path / "repo")
    plan = repo.write("actions: []\n")
    assert path_from_root(plan) == "plans/plan.yaml"
    outside = write_plan(tmp_path, "actions: []\n")
    assert path_from_root(outside) == outside.as_posix()
