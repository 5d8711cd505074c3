"""validate --since: only the problems a change introduces are reported and can fail the run."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import run_cli
from gitplans import PlanRepo

AS_OF = "2025-01-15"
# Two actions already overdue at 15 Jan 2025 (July 2024 and March 2024, rated Amber): old errors.
# At that date the plan has 13 findings: for 1.1 and 2.1 overdue and rating-contradicts-dates, and for
# each of the three actions unrated (no impact), no-success-measure and unlinked-action.
OLD_FINDINGS = 13
OLD = """\
actions:
  - ref: "1.1"
    title: Develop waiting well offer
    leads: Jo Lead
    due: July 2024
    completion: Amber
    commentary: Scoping under way
  - ref: "2.1"
    title: Publish the sufficiency plan
    leads: Ali Lead
    due: March 2024
    completion: Amber
    commentary: Drafting
  - ref: "3.1"
    title: Review the local offer
    leads: Ria Lead
    due: December 2025
    completion: Amber
    commentary: On track
"""


def _validate(repo: PlanRepo, *args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("validate", "plans/plan.yaml", "--as-of", AS_OF, *args, cwd=repo.root)


def test_unrelated_edit_on_a_plan_with_old_errors_passes(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(OLD)
    repo.write(OLD.replace("Scoping under way", "Scoping is under way"))
    assert _validate(repo).returncode == 1  # the whole file still has two overdue actions
    done = _validate(repo, "--since", "HEAD")
    assert done.returncode == 0, done.stdout
    assert "SP101" not in done.stdout
    assert f"{OLD_FINDINGS} existing findings not shown (already there at HEAD)" in done.stdout


def test_a_newly_overdue_action_fails(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(OLD)
    repo.write(
        OLD
        + """\
  - ref: "4.1"
    title: Train every SENCo
    leads: Kim Lead
    due: October 2024
    completion: Red
    commentary: Not started yet
"""
    )
    done = _validate(repo, "--since", "HEAD")
    assert done.returncode == 1
    assert "action 4.1 was due October 2024" in done.stdout
    assert "action 1.1" not in done.stdout and "action 2.1" not in done.stdout


def test_a_new_unknown_rating_fails(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(OLD)
    repo.write(
        OLD.replace(
            "completion: Amber\n    commentary: On track",
            "completion: Purple\n    commentary: On track",
        )
    )
    done = _validate(repo, "--since", "HEAD")
    assert done.returncode == 1
    assert "SP014" in done.stdout and "Purple" in done.stdout


def test_moving_an_action_block_creates_no_new_finding(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(OLD)
    head, first, second, third = OLD.split("  - ref:")
    repo.write(head + "  - ref:" + third + "  - ref:" + second + "  - ref:" + first)
    done = _validate(repo, "--since", "HEAD", "--format", "json")
    assert done.returncode == 0, done.stdout
    report = json.loads(done.stdout)
    assert report["findings"] == []
    assert report["summary"]["existing"] == OLD_FINDINGS and report["summary"]["since"] == "HEAD"


def test_a_plan_new_since_the_revision_is_new_entirely(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    (tmp_path / "README.md").write_text("plans\n", encoding="utf-8")
    repo.commit()
    repo.write(OLD)
    done = _validate(repo, "--since", "HEAD")
    assert done.returncode == 1
    assert "action 1.1" in done.stdout and "action 2.1" in done.stdout


def test_in_a_repository_with_no_commits_everything_is_new(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.write(OLD)
    done = _validate(repo, "--since", "HEAD")
    assert done.returncode == 1
    assert "action 1.1" in done.stdout and "0 existing findings not shown" in done.stdout


def test_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    from gitplans import HEADER

    plan.write_text(HEADER + OLD, encoding="utf-8")
    done = run_cli("validate", str(plan), "--as-of", AS_OF, "--since", "HEAD", cwd=tmp_path)
    assert done.returncode == 2
    assert "not in one" in done.stderr and "git work tree" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unknown_revision_is_a_usage_error(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(OLD)
    done = _validate(repo, "--since", "no-such-branch")
    assert done.returncode == 2
    assert "no-such-branch" in done.stderr and "no such branch, tag or commit" in done.stderr


def test_a_shallow_clone_lacking_the_revision_says_to_fetch_the_history(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path / "origin")
    repo.commit(OLD, when="2024-06-01T10:00:00+01:00")
    repo.commit(OLD.replace("Drafting", "Drafting the plan"), when="2024-07-01T10:00:00+01:00")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)],
        check=True,
        env=repo.env(),
        capture_output=True,
    )
    done = run_cli("validate", "plans/plan.yaml", "--as-of", AS_OF, "--since", "HEAD~1", cwd=clone)
    assert done.returncode == 2
    assert "shallow clone" in done.stderr and "git fetch --unshallow" in done.stderr
    assert "fetch-depth: 0" in done.stderr


def test_since_from_configuration(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(OLD)
    (tmp_path / "sendplan.toml").write_text('since = "HEAD"\n', encoding="utf-8")
    assert _validate(repo).returncode == 0
    # An empty --since turns the configured comparison off: the old errors count again.
    assert _validate(repo, "--since", "").returncode == 1


def test_bad_since_and_history_settings_are_usage_errors(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(OLD)
    (tmp_path / "sendplan.toml").write_text("since = 3\n", encoding="utf-8")
    done = _validate(repo)
    assert done.returncode == 2 and "since: expected a git revision as text" in done.stderr
    (tmp_path / "sendplan.toml").write_text('history = "yes"\n', encoding="utf-8")
    done = _validate(repo)
    assert done.returncode == 2 and "history: expected true or false" in done.stderr


def test_a_revision_that_looks_like_an_option_is_refused(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(OLD)
    done = _validate(repo, "--since=--output=x")
    assert done.returncode == 2 and "a revision cannot start with '-'" in done.stderr
    assert not (tmp_path / "x").exists()


def test_without_git_installed_the_error_says_so(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    repo.commit(OLD)
    done = run_cli(
        "validate",
        "plans/plan.yaml",
        "--as-of",
        AS_OF,
        "--since",
        "HEAD",
        cwd=repo.root,
        env={"PATH": str(tmp_path / "no-programs-here")},
    )
    assert done.returncode == 2
    assert "git is not installed or not on PATH" in done.stderr and "Traceback" not in done.stderr
