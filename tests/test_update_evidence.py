"""`sendplan update action --evidence`: one evidence item added to the month's update, checked as validate checks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

BEFORE = """\
title: Test plan
partnership: Test partnership
published: April 2024
board: Test board
actions:
  - ref: "1.1"
    title: Recruit educational psychologists
    due: July 2025
    updates:
      - month: 2024-12
        completion: Amber
        evidence:
          - {title: Recruitment report, link: "https://example.org/recruitment"}
  - ref: "1.2"
    title: Publish the local offer
    due: July 2025
"""


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A repository holding the plan at its top and two documents under evidence/."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "audit.md").write_text("# Timeliness audit\n", encoding="utf-8")
    (tmp_path / "evidence" / "minutes.md").write_text("# Board minutes\n", encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(BEFORE, encoding="utf-8")
    return tmp_path


def _update(repository: Path, *args: str):  # type: ignore[no-untyped-def]
    return run_cli("update", "action", "plan.yaml", *args, cwd=repository)


def test_two_updates_add_evidence_to_an_existing_list_and_start_a_new_one(
    repository: Path,
) -> None:
    first = _update(
        repository, "1.1", "--month", "2024-12", "--evidence", "Timeliness audit",
        "--evidence-path", "evidence/audit.md",
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    second = _update(
        repository, "1.2", "--month", "2025-01", "--completion", "Amber",
        "--evidence", "Board minutes", "--evidence-link", "https://example.org/minutes",
        "--evidence-date", "15/01/2025",
    )  # fmt: skip
    assert second.returncode == 0, second.stderr
    # The second item follows the first in its one-line style, dated with the update's month;
    # a new month's update gets a new list, written out key by key.
    assert (repository / "plan.yaml").read_text(encoding="utf-8") == BEFORE.replace(
        """\
          - {title: Recruitment report, link: "https://example.org/recruitment"}
""",
        """\
          - {title: Recruitment report, link: "https://example.org/recruitment"}
          - {title: Timeliness audit, date: December 2024, path: evidence/audit.md}
""",
    ) + (
        """\
    updates:
      - month: 2025-01
        completion: Amber
        evidence:
          - title: Board minutes
            date: 15/01/2025
            link: https://example.org/minutes
"""
    )
    checked = run_cli("validate", "plan.yaml", "--as-of", "2025-01-20", cwd=repository)
    assert "evidence-missing" not in checked.stdout


def test_the_same_evidence_twice_changes_nothing(repository: Path) -> None:
    args = ("1.1", "--month", "2024-12", "--evidence", "Timeliness audit")
    assert _update(repository, *args, "--evidence-path", "evidence/audit.md").returncode == 0
    after_first = (repository / "plan.yaml").read_bytes()
    again = _update(repository, *args, "--evidence-path", "evidence/audit.md")
    assert again.returncode == 0
    assert "no change" in again.stderr
    assert (repository / "plan.yaml").read_bytes() == after_first


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--evidence", "Audit", "--evidence-path", "evidence/gone.md"], "add the document first"),
        (["--evidence", "Audit", "--evidence-path", "../elsewhere.md"], "outside the plan's repository"),
        (["--evidence", "Audit", "--evidence-path", "/etc/hostname"], "outside the plan's repository"),
        (["--evidence", "Audit"], "--evidence needs --evidence-path"),
        (["--evidence-path", "evidence/audit.md"], "give the document's title too"),
        (["--evidence", "Audit", "--evidence-link", "https://x.org", "--evidence-date", "soonish"], "--evidence-date"),
        (["--evidence", " ", "--evidence-link", "https://x.org"], "--evidence is empty"),
    ],
    ids=["missing", "above", "absolute", "nowhere", "no-title", "bad-date", "blank-title"],
)  # fmt: skip
def test_evidence_refused_is_exit_2_with_what_to_do_and_nothing_written(
    repository: Path, args: list[str], says: str
) -> None:
    (repository.parent / "elsewhere.md").write_text("outside\n", encoding="utf-8")
    result = _update(repository, "1.1", "--month", "2024-12", *args)
    assert result.returncode == 2
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert (repository / "plan.yaml").read_text(encoding="utf-8") == BEFORE


def test_a_path_typed_from_the_repositorys_top_is_refused_with_the_path_to_give(
    repository: Path,
) -> None:
    # The plan kept in plans/: paths in it are read from plans/, not from where the command runs.
    (repository / "plans").mkdir()
    (repository / "plan.yaml").rename(repository / "plans" / "plan.yaml")
    result = run_cli(
        "update", "action", "plans/plan.yaml", "1.1", "--month", "2024-12",
        "--evidence", "Audit", "--evidence-path", "evidence/audit.md",
        cwd=repository,
    )  # fmt: skip
    assert result.returncode == 2
    assert "plans/plan.yaml" in result.stderr
    assert "give --evidence-path '../evidence/audit.md'" in result.stderr
    assert (repository / "plans" / "plan.yaml").read_text(encoding="utf-8") == BEFORE
