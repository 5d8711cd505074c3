"""The README's exit-code table, one row at a time: read-only commands report a plan that cannot be
read as a finding (exit 1), commands that change the plan refuse (exit 2), a missing path is 2."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import PLANS, run_cli

WEST = PLANS / "west-sussex-2024.yaml"
BROKEN = "title: Test plan\npartnership: [\n"  # an unclosed flow list: SP003 yaml-syntax


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["list"],
        ["report", "--month", "2025-01", "-o", "{out}/paper.html"],
        ["export", "-o", "{out}/tracker.xlsx"],
        ["export", "--month", "2025-01", "-o", "{out}/form.xlsx"],
        ["schema", "-o", "{out}/schema.json", "--plan"],
    ],
)
def test_read_only_commands_report_an_unreadable_plan_as_a_finding_and_exit_1(
    command: list[str], broken: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli(*[part.format(out=out) for part in command], str(broken))
    assert result.returncode == 1, result.stderr
    assert (
        "SP003" in result.stdout + result.stderr
    )  # the finding, with its code, says what is wrong
    assert list(out.iterdir()) == []  # and nothing was written


@pytest.mark.parametrize(
    "command",
    [
        ["update", "{plan}", "1.1", "--month", "2025-01", "--completion", "Red"],
        ["import", "{plan}", "{form}"],
    ],
)
def test_commands_that_change_the_plan_refuse_an_unreadable_one_with_exit_2(
    command: list[str], broken: Path, tmp_path: Path
) -> None:
    form = tmp_path / "form.xlsx"
    form.write_bytes(b"")
    result = run_cli(*[part.format(plan=broken, form=form) for part in command])
    assert result.returncode == 2, result.stderr
    assert "sendplan validate" in result.stderr  # says what to do
    assert broken.read_text(encoding="utf-8") == BROKEN


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "{missing}"],
        ["list", "{missing}"],
        ["report", "{missing}", "--month", "2025-01"],
        ["export", "{missing}", "-o", "{tmp}/t.xlsx"],
        ["history", "{missing}"],
        ["update", "{missing}", "1.1", "--month", "2025-01", "--completion", "Red"],
        ["import", "{missing}", "{tmp}/form.xlsx"],
        ["import", "{plan}", "{missing}"],
        ["schema", "--plan", "{missing}"],
    ],
)
def test_a_missing_path_is_a_usage_error_everywhere(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "no-such-plan.yaml"
    # A copy of the plan, so that the command's lock file is never left beside the bundled one.
    plan = tmp_path / WEST.name
    plan.write_bytes(WEST.read_bytes())
    result = run_cli(*[part.format(missing=missing, tmp=tmp_path, plan=plan) for part in command])
    assert result.returncode == 2, result.stderr
    assert "no-such-plan" in result.stderr


def test_validate_exits_1_when_findings_fail_and_0_with_exit_zero_saying_so() -> None:
    # West Sussex at 2025-01-15 has five overdue actions, each an error.
    failing = run_cli("validate", str(WEST), "--as-of", "2025-01-15", "--format", "sarif")
    forgiven = run_cli(
        "validate", str(WEST), "--as-of", "2025-01-15", "--format", "sarif", "--exit-zero"
    )
    assert (failing.returncode, forgiven.returncode) == (1, 0)
    assert json.loads(failing.stdout)["runs"][0]["invocations"][0]["exitCode"] == 1
    assert json.loads(forgiven.stdout)["runs"][0]["invocations"][0]["exitCode"] == 0


def test_new_refuses_an_existing_file_and_explain_an_unknown_rule(tmp_path: Path) -> None:
    existing = tmp_path / "plan.yaml"
    existing.write_text("kept\n", encoding="utf-8")
    result = run_cli("new", "-o", str(existing), "--title", "T", "--partnership", "P")
    assert result.returncode == 2 and existing.read_text(encoding="utf-8") == "kept\n"
    assert run_cli("explain", "no-such-rule").returncode == 2


def _git_repo_with(tmp_path: Path, name: str, text: str) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    git = [
        "git",
        "-C",
        str(tmp_path),
        "-c",
        "user.name=Officer",
        "-c",
        "user.email=officer@example.org",
    ]
    subprocess.run([*git, "add", name], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Plan"], check=True)
    return path


def test_history_reports_an_unreadable_plan_as_a_finding_and_exits_1(tmp_path: Path) -> None:
    broken = _git_repo_with(tmp_path, "broken.yaml", BROKEN)
    result = run_cli("history", str(broken))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "SP003" in result.stdout + result.stderr
    assert "0 changes" not in result.stdout  # no history is made up for a file that is not read


def test_history_of_a_file_that_is_not_a_plan_is_a_usage_error(tmp_path: Path) -> None:
    readme = _git_repo_with(tmp_path, "README.md", "# Our plan\n\npartnership: West Sussex\n")
    result = run_cli("history", str(readme))
    assert result.returncode == 2, result.stdout + result.stderr
    assert "not a plan file" in result.stderr
