"""`sendplan update --paper-...`: the board paper's own words written into `papers:`, nothing else touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PLANS, run_cli

from sendplan_cli.check.pipeline import load_model

EAST = PLANS / "east-sussex-2025.yaml"


def _copy(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(EAST, plan)
    return plan


def _entries(plan: Path) -> list:  # type: ignore[type-arg]
    _, model = load_model(plan)
    assert model is not None
    return model.papers


def test_the_months_words_are_added_at_the_end_and_reach_the_paper(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    before = plan.read_text(encoding="utf-8")
    result = run_cli(
        "update",
        str(plan),
        "--month",
        "2025-06",
        "--paper-meeting-date",
        "2025-06-24",
        "--paper-purpose",
        "To update the Board on progress.",
        "--paper-decision",
        "Note the progress",
        "--paper-decision",
        "Agree the revised date for action 2.1",
        "--paper-risk",
        "Therapy vacancies",
    )
    assert result.returncode == 0, result.stderr
    after = plan.read_text(encoding="utf-8")
    assert after.startswith(before)  # every existing line kept as it was
    assert after[len(before) :] == (
        "papers:\n"
        "  - month: 2025-06\n"
        "    meeting_date: 2025-06-24\n"
        "    purpose: To update the Board on progress.\n"
        "    decisions_sought:\n"
        "      - Note the progress\n"
        "      - Agree the revised date for action 2.1\n"
        "    risks:\n"
        "      - Therapy vacancies\n"
    )
    paper = tmp_path / "paper.md"
    assert run_cli("report", str(plan), "--month", "2025-06", "-o", str(paper)).returncode == 0
    text = paper.read_text(encoding="utf-8")
    for words in (
        "To update the Board on progress.",
        "Agree the revised date for action 2.1",
        "Therapy vacancies",
    ):
        assert words in text


def test_the_same_words_again_change_nothing(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    args = ("update", str(plan), "--month", "2025-06", "--paper-author", "Head of SEND")
    assert run_cli(*args).returncode == 0
    written = plan.stat().st_mtime_ns, plan.read_bytes()
    again = run_cli(*args)
    assert again.returncode == 0
    assert "no change" in again.stderr
    assert (plan.stat().st_mtime_ns, plan.read_bytes()) == written


def test_an_existing_entry_gains_parts_in_the_schemas_order_and_an_empty_value_removes_one(
    tmp_path: Path,
) -> None:
    plan = _copy(tmp_path)
    assert (
        run_cli(
            "update", str(plan), "--month", "2025-06", "--paper-purpose", "P", "--paper-risk", "R"
        ).returncode
        == 0
    )
    assert (
        run_cli(
            "update", str(plan), "--month", "2025-06", "--paper-author", "A", "--paper-risk", ""
        ).returncode
        == 0
    )
    assert plan.read_text(encoding="utf-8").endswith(
        "papers:\n  - month: 2025-06\n    author: A\n    purpose: P\n"
    )


def test_several_lines_are_kept_as_a_block_and_months_stay_in_order(tmp_path: Path) -> None:
    plan = _copy(tmp_path)
    assert (
        run_cli(
            "update",
            str(plan),
            "--month",
            "2025-07",
            "--paper-summary",
            "First paragraph.\n\nSecond.",
        ).returncode
        == 0
    )
    assert (
        run_cli(
            "update", str(plan), "--month", "2025-06", "--paper-voice", 'Parents said: "better"'
        ).returncode
        == 0
    )
    entries = _entries(plan)
    assert [f"{e.month:%Y-%m}" for e in entries] == ["2025-06", "2025-07"]
    assert entries[1].summary == "First paragraph.\n\nSecond."
    assert entries[0].voice == 'Parents said: "better"'
    assert "    summary: |-\n      First paragraph.\n\n      Second.\n" in plan.read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["1.1", "--month", "2025-06", "--paper-author", "A"], "leave out the action ref"),
        (["--paper-author", "A"], "need --month"),
        (["--month", "2025-06", "--paper-meeting-date", "24/06/2025"], "YYYY-MM-DD"),
        (["--month", "2024-01", "--paper-author", "A"], "the plan was published in"),
        (["--month", "June", "--paper-author", "A"], "use YYYY-MM"),
        (["--month", "2025-06", "--paper-risk", ""], "would hold only its month"),
        (
            ["--month", "2025-06", "--paper-risk", "R", "--completion", "Red"],
            "an action's update and the paper's words were asked for together",
        ),
        (
            ["--month", "2025-06", "--paper-risk", "R", "--indicator", "KPI 1"],
            "a KPI figure and the paper's words",
        ),
        (
            ["--month", "2025-06", "--paper-risk", "ok", "--paper-risk", "\x1b[31mALERT"],
            "--paper-risk: holds control character U+001B",
        ),
    ],
)
def test_refusals_exit_2_and_leave_the_plan_alone(
    tmp_path: Path, args: list[str], words: str
) -> None:
    plan = _copy(tmp_path)
    before = plan.read_bytes()
    result = run_cli("update", str(plan), *args)
    assert result.returncode == 2, result.stderr
    assert words in result.stderr and "Traceback" not in result.stderr
    assert plan.read_bytes() == before


def test_new_words_go_above_the_comment_that_heads_the_next_section(tmp_path: Path) -> None:
    text = EAST.read_text(encoding="utf-8")
    at = text.index("\nsource:")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        text[:at]
        + "\npapers:\n  - month: 2025-06\n    purpose: June\n\n# Where the plan came from"
        + text[at:],
        encoding="utf-8",
    )
    assert (
        run_cli("update", str(plan), "--month", "2025-07", "--paper-purpose", "July").returncode
        == 0
    )
    assert (
        run_cli("update", str(plan), "--month", "2025-06", "--paper-summary", "Summary").returncode
        == 0
    )
    assert (
        "papers:\n  - month: 2025-06\n    purpose: June\n    summary: Summary\n  - month: 2025-07\n    purpose: July\n"
        "\n# Where the plan came from\nsource:\n"
    ) in plan.read_text(encoding="utf-8")
