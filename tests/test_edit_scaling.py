"""Recording a month's updates for every action of a large plan (as an import of the month's forms does)
takes work in proportion to the plan, not to its square, however alike its actions are."""

from __future__ import annotations

import time
from pathlib import Path

from conftest import write_plan

ACTIVITY = "Neuro-Development 'waiting well' offer to be included on health provider websites and the Local Offer."


def _plan(tmp_path: Path, actions: int) -> Path:
    # Actions alike line for line but for the ref, like a plan built from one template: the lines a
    # line-matcher could confuse are everywhere.
    body = ["recommendations:", "  - {id: AfI 1, text: Waiting well.}", "actions:"]
    for n in range(actions):
        body += [
            f'  - ref: "1.{n + 1}"',
            "    title: Develop waiting well offer for Neurodiversity",
            "    recommendations: [AfI 1]",
            "    leads: [Caroline Tozzi]",
            "    due: July 2025",
            "    activities:",
            f"      - text: {ACTIVITY}",
            f"      - text: {ACTIVITY}",
            "    success_measures: [Offer published]",
            "    completion: Amber",
            "    impact: Red",
            "    commentary: Recruitment under way.",
            "",
        ]
    return write_plan(tmp_path, "\n".join(body), name=f"plan-{actions}.yaml")


def _cpu(tmp_path: Path, actions: int) -> float:
    from sendplan_cli.authoring.update import Change, apply_changes

    path = _plan(tmp_path, actions)
    changes = [
        Change(f"1.{n + 1}", "2025-01", "Red", None, "Recruitment gap; a new date is to be agreed.")
        for n in range(actions)
    ]
    start = time.process_time()
    before, after = apply_changes(path, changes)
    spent = time.process_time() - start
    # Every action got its update, and nothing else changed: the old lines are all still there, in order.
    text = after.decode("utf-8")
    assert text.count("      - month: 2025-01\n        completion: Red\n") == actions
    kept = iter(text.splitlines())
    assert all(line in kept for line in before.decode("utf-8").splitlines())
    return spent


def test_updating_every_action_of_a_plan_four_times_larger_takes_about_four_times_the_work(
    tmp_path: Path,
) -> None:
    # CPU time of this process, so other work on the machine barely counts. Matching the lines before
    # and after with difflib alone took 40 times the work for 4 times the actions.
    _cpu(tmp_path, 5)
    small = _cpu(tmp_path, 40)
    large = _cpu(tmp_path, 160)
    assert large < 6 * small
