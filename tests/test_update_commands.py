"""`sendplan update action|indicator|paper`, each with only its own options, and the old spelling beside them.

The old spelling (`update PLAN REF ...`, `update PLAN --indicator ID ...`, `update PLAN --paper-...`)
gives the same result and exit code for one more release, and then one line on standard error
saying what to type instead.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, PLANS, ROOT, run_cli

WEST = PLANS / "west-sussex-2024.yaml"
EAST = PLANS / "east-sussex-2025.yaml"
INDICATORS = FIXTURES / "valid" / "indicators.yaml"


def _copy(tmp_path: Path, source: Path) -> Path:
    plan = tmp_path / source.name
    shutil.copyfile(source, plan)
    return plan


def _notice(stderr: str) -> str:
    """The deprecation line: the last line on standard error, and the only one that says so."""
    lines = stderr.splitlines()
    assert [line for line in lines if "deprecated" in line] == lines[-1:], stderr
    return lines[-1]


def test_update_help_lists_the_three_commands_one_line_each() -> None:
    result = run_cli("update", "--help", env={"COLUMNS": "80"})
    assert result.returncode == 0
    panel = result.stdout.split("Commands")[1]
    rows = [line.strip("│ ") for line in panel.splitlines()[1:] if line.startswith("│")]
    assert [row.split()[0] for row in rows] == ["action", "indicator", "paper"]


# (new spelling, old spelling, source plan): the same update, written both ways.
SAME_UPDATE = [
    (
        [
            "action",
            "{plan}",
            "1.1",
            "--month",
            "2024-06",
            "--completion",
            "Red",
            "--comment",
            "Gap",
        ],
        ["{plan}", "1.1", "--month", "2024-06", "--completion", "Red", "--comment", "Gap"],
        WEST,
    ),
    (
        ["indicator", "{plan}", "KPI 2", "--period", "2025-07", "--value", "44"],
        ["{plan}", "--indicator", "KPI 2", "--period", "2025-07", "--value", "44"],
        INDICATORS,
    ),
    (
        ["paper", "{plan}", "--month", "2025-07", "--purpose", "To report.", "--risk", "Staff"],
        ["{plan}", "--month", "2025-07", "--paper-purpose", "To report.", "--paper-risk", "Staff"],
        EAST,
    ),
]


@pytest.mark.parametrize(
    ("new", "old", "source"), SAME_UPDATE, ids=["action", "indicator", "paper"]
)
def test_both_spellings_write_the_same_plan_and_only_the_old_one_is_warned_about(
    new: list[str], old: list[str], source: Path, tmp_path: Path
) -> None:
    written = []
    for args, folder in ((new, "new"), (old, "old")):
        (tmp_path / folder).mkdir()
        plan = _copy(tmp_path / folder, source)
        result = run_cli("update", *[str(plan) if a == "{plan}" else a for a in args])
        assert result.returncode == 0, result.stderr
        assert result.stderr.splitlines()[0].startswith("recorded ")
        written.append((result.stderr.splitlines(), plan.read_bytes()))
    (new_said, new_plan), (old_said, old_plan) = written
    assert new_plan == old_plan != source.read_bytes()
    assert new_said == [new_said[0]]  # the new spelling says what it wrote, and nothing else
    kind = new[0]
    assert old_said[0] == new_said[0].replace("/new/", "/old/")
    assert f"type `sendplan update {kind} PLAN" in _notice("\n".join(old_said))


def test_a_refused_old_spelling_shows_its_error_alone_as_it_always_did(tmp_path: Path) -> None:
    plan = _copy(tmp_path, WEST)
    before = plan.read_bytes()
    result = run_cli("update", str(plan), "9.9", "--month", "2025-01", "--completion", "Red")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("sendplan: error: ") and "no action with ref '9.9'" in line
    assert plan.read_bytes() == before


def test_an_old_spelling_that_changes_nothing_still_names_the_new_one(tmp_path: Path) -> None:
    plan = _copy(tmp_path, WEST)
    args = ["update", str(plan), "1.1", "--month", "2025-01", "--comment", "Recruiting"]
    assert run_cli(*args).returncode == 0
    again = run_cli(*args)
    assert again.returncode == 0
    assert again.stderr.startswith("no change: 2025-01 for 1.1")
    assert "type `sendplan update action PLAN REF ...` with the same options" in _notice(
        again.stderr
    )


def test_an_option_the_old_spelling_never_had_points_to_the_update_commands() -> None:
    result = run_cli("update", str(WEST), "1.1", "--month", "2025-01", "--bogus", "--dry-run")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "sendplan: error: No such option: --bogus",
        "Run 'sendplan update -h' for its options.",
    ]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["action", "{plan}", "1.1", "--month", "2025-01", "--comment", "x", "--value", "3"],
            "--value is not an option of `sendplan update action`: "
            "it belongs to `sendplan update indicator`",
        ),
        (
            ["indicator", "{plan}", "KPI 1", "--period", "2025-06", "--value", "3", "--month", "M"],
            "--month is not an option of `sendplan update indicator`: "
            "it belongs to `sendplan update action` and `sendplan update paper`",
        ),
        (
            ["indicator", "{plan}", "KPI 1", "--period", "2025-06", "--value", "3", "--due", "x"],
            "--due is not an option of `sendplan update indicator`: "
            "it belongs to `sendplan update action`",
        ),
        (
            ["paper", "{plan}", "--month", "2025-06", "--purpose", "P", "--completion", "Red"],
            "--completion is not an option of `sendplan update paper`: "
            "it belongs to `sendplan update action`",
        ),
        (
            ["paper", "{plan}", "--month", "2025-06", "--paper-purpose", "P"],
            "No such option: --paper-purpose (Possible options: --purpose)",
        ),
        (
            ["action", "{plan}", "1.1", "--month", "2025-01", "--paper-risk", "R"],
            "No such option: --paper-risk",
        ),
    ],
    ids=lambda value: f"{value[0]} {value[-2]}" if isinstance(value, list) else "",
)
def test_an_option_of_another_kind_of_update_is_refused_by_the_parser(
    args: list[str], words: str, tmp_path: Path
) -> None:
    plan = _copy(tmp_path, WEST)
    before = plan.read_bytes()
    result = run_cli("update", *[str(plan) if a == "{plan}" else a for a in args])
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"sendplan: error: {words}",
        f"Run 'sendplan update {args[0]} -h' for its options.",
    ]
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["action", "{plan}", "1.1", "--comment", "x"], "--month is missing: give the month"),
        (
            ["action", "{plan}", "1.1", "--month", "2025-01", "--comment", "Staff", "gap"],
            "'gap' belongs to no option: put a value of several words in quotes",
        ),
        (["indicator", "{plan}", "KPI 1", "--value", "3"], "a figure needs --period and --value"),
        (
            ["indicator", "{plan}", "KPI 1", "--period", "Sept", "2025", "--value", "3"],
            "'2025' belongs to no option",
        ),
        (["paper", "{plan}", "--purpose", "P"], "--month is missing: give the board's month"),
        (
            ["paper", "{plan}", "--month", "2025-06"],
            "give at least one part of the paper, e.g. --purpose",
        ),
        (
            ["paper", "{plan}", "--month", "2025-06", "--meeting-date", "24/06/2025"],
            "--meeting-date '24/06/2025': give the date as YYYY-MM-DD",
        ),
        (
            ["paper", "{plan}", "--month", "2025-06", "--risk", "\x1b[31mALERT"],
            "--risk: holds control character U+001B",
        ),
        (["actoin", "{plan}", "1.1", "--month", "2025-01"], "Did you mean 'action'?"),
    ],
)
def test_each_command_says_what_to_give(args: list[str], words: str, tmp_path: Path) -> None:
    plan = _copy(tmp_path, EAST)
    before = plan.read_bytes()
    result = run_cli("update", *[str(plan) if a == "{plan}" else a for a in args])
    assert result.returncode == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith("sendplan: error: ") and words in first, result.stderr
    assert "--paper-" not in result.stderr and "deprecated" not in result.stderr
    assert plan.read_bytes() == before


def test_the_readme_says_when_the_old_spelling_goes() -> None:
    from sendplan_cli.cli.update_legacy import REMOVED_IN

    readme = (ROOT / "docs" / "authors" / "updates.md").read_text(encoding="utf-8")
    assert re.search(
        rf"old spellings?\b[^.]*\bremoved in sendplan {re.escape(REMOVED_IN)}\b", readme
    )
