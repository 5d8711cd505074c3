"""sendplan can change whatever it wrote: a run of updates on one action, one line to several and back, quotes of either kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import HEADER

from sendplan_cli.authoring.actuals import ActualChange, record_actual
from sendplan_cli.authoring.update import Change, record
from sendplan_cli.check.pipeline import load_model

START = (
    HEADER
    + """\
actions:
  - ref: "1.1"
    title: Waiting well offer
    completion: Amber

  # Next, the pathway
  - ref: "1.2"
    title: Pathway
"""
)

# Written by hand from the steps below: months in order, each entry's keys in the order they were
# first given, several lines as a block, one line plain unless it must be quoted, and the blank
# line and comment before action 1.2 where they were.
EXPECTED = (
    HEADER
    + """\
actions:
  - ref: "1.1"
    title: Waiting well offer
    completion: Amber
    updates:
      - month: 2024-12
        completion: Amber
        commentary: |-
          Two lines
          of December
      - month: 2025-01
        commentary: It's with the forum
        impact: Red
      - month: 2025-02
        commentary: '"Yes", said the forum'

  # Next, the pathway
  - ref: "1.2"
    title: Pathway
"""
)

STEPS = [
    Change("1.1", "2025-01", comment='"Waiting well" leaflet drafted'),
    Change("1.1", "2025-01", comment="Leaflet drafted.\n\nSent to the forum for comment."),
    Change("1.1", "2025-01", impact="Red"),
    Change("1.1", "2025-01", comment="It's with the forum"),
    Change("1.1", "2024-12", completion="Amber", comment="Two lines\nof December"),
    Change("1.1", "2025-02", comment="line one\nline two"),
    Change("1.1", "2025-02", comment='"Yes", said the forum'),
]


def _commentary(path: Path, month: str) -> str | None:
    _, plan = load_model(path)
    assert plan is not None
    return next(str(u.commentary) for u in plan.actions[0].updates if f"{u.month:%Y-%m}" == month)


def test_a_run_of_updates_on_one_action_gives_the_file_written_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(START, encoding="utf-8")
    for step in STEPS:
        record(path, step)
        if (
            step.comment is not None
        ):  # each value reads back exactly as typed, paragraph breaks included
            assert _commentary(path, step.month) == step.comment
    assert path.read_text(encoding="utf-8") == EXPECTED


@pytest.mark.parametrize(
    "first, second",
    [
        ("one line", "two\nlines"),
        ("two\nlines", "one line"),
        ("'single' quotes", '"double" quotes'),
        ('"double" quotes', "two\n\nparagraphs"),
        ("two\n\nparagraphs", "'single' quotes"),
        ("it's: a colon", "#not a comment\nsecond"),
    ],
)
def test_any_value_sendplan_wrote_can_be_changed_by_the_next_update(
    tmp_path: Path, first: str, second: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(START, encoding="utf-8")
    record(path, Change("1.1", "2025-01", comment=first))
    record(path, Change("1.1", "2025-01", comment=second))
    assert _commentary(path, "2025-01") == second
    assert path.read_text(encoding="utf-8").endswith(
        '\n\n  # Next, the pathway\n  - ref: "1.2"\n    title: Pathway\n'
    )


def test_a_figure_note_goes_from_one_line_to_several_and_back(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        HEADER + "indicators:\n  - id: KPI 1\n    name: N\n    unit: count\n    actuals:\n"
        "      - period: 2025-05\n        value: 4\n        note: first\nactions: []\n",
        encoding="utf-8",
    )
    record_actual(path, ActualChange("KPI 1", "2025-05", "5", note="Two\nlines", replace=True))
    record_actual(path, ActualChange("KPI 1", "2025-05", "6", note="'One' line", replace=True))
    assert path.read_text(encoding="utf-8").endswith(
        "      - period: 2025-05\n        value: 6\n        note: \"'One' line\"\nactions: []\n"
    )


def test_commentary_pasted_with_windows_line_endings_is_recorded_as_lines(tmp_path: Path) -> None:
    # Text copied from a Word document in a Windows terminal arrives with CR LF between its lines.
    from conftest import PLANS, run_cli

    plan = tmp_path / "plan.yaml"
    plan.write_bytes((PLANS / "west-sussex-2024.yaml").read_bytes())
    result = run_cli(
        "update",
        str(plan),
        "1.1",
        "--month",
        "2025-01",
        "--comment",
        "Leaflet drafted.\r\nPrinting in March.",
    )
    assert result.returncode == 0, result.stderr
    assert _commentary(plan, "2025-01") == "Leaflet drafted.\nPrinting in March."


def test_commentary_with_indented_lines_is_recorded_and_read_back_as_typed(tmp_path: Path) -> None:
    # A lead's commentary often carries an indented list under a line of its own.
    from conftest import PLANS, run_cli

    plan = tmp_path / "plan.yaml"
    plan.write_bytes((PLANS / "west-sussex-2024.yaml").read_bytes())
    comment = "Progress:\n  - recruited two\n  - training two"
    result = run_cli(
        "update",
        str(plan),
        "1.1",
        "--month",
        "2025-01",
        "--completion",
        "Green",
        "--comment",
        comment,
    )
    assert result.returncode == 0, result.stderr
    assert _commentary(plan, "2025-01") == comment
