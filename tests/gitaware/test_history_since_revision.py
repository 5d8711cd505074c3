"""`sendplan history PLAN REV` lists the changes made after REV, and only those.

The README's "since the last board" use: tag the commit the board saw, then ask what changed since.
The plan as committed at REV is where the changes start, so on a clean tree nothing has changed
since HEAD, whatever REV is called (a tag, HEAD, HEAD~N), and a plan moved in the work tree is
still the plan git knows.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from gitplans import PlanRepo
from test_timeline import FIRST, RECORDED, _repo


def _events(
    repo: PlanRepo, *args: str, plan: str = "plans/plan.yaml"
) -> list[tuple[str, str, str, str | None, str | None]]:
    done = run_cli("history", plan, *args, "--format", "json", cwd=repo.root)
    assert done.returncode == 0, done.stderr
    return [
        (e["source"], e["ref"], e["what"], e["before"], e["after"])
        for e in json.loads(done.stdout)["events"]
    ]


def test_nothing_has_changed_since_a_tag_on_the_last_commit(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.git("tag", "board-2025-01")
    assert _events(repo, "board-2025-01") == []
    done = run_cli("history", "plans/plan.yaml", "board-2025-01", cwd=repo.root)
    assert done.returncode == 0
    assert (
        done.stdout
        == "History of every action since board-2025-01 in plans/plan.yaml: 0 changes, oldest first\n"
    )


def test_nothing_has_changed_since_head_on_a_clean_tree(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    assert _events(repo, "HEAD") == []
    assert _events(repo, "HEAD", "--action", "1.1") == []


def test_since_an_earlier_commit_only_the_later_commits_and_updates_are_listed(
    tmp_path: Path,
) -> None:
    repo = _repo(tmp_path)
    # HEAD~2 is the first commit: both actions were there already, so neither was "added" since.
    # After it: Jo moved 1.1's date and lead; Ria committed the two updates recorded for 1.1.
    september = "New date agreed by the board on 5 September 2024"
    assert _events(repo, "HEAD~2") == [
        ("update", "1.1", "due", "July 2024", "March 2025"),
        ("update", "1.1", "commentary", None, september),
        ("commit", "1.1", "leads", "Jo Lead", "Kim Lead"),
        ("commit", "1.1", "due", "July 2024", "March 2025"),
        ("update", "1.1", "completion", "Amber", "Green"),
        ("update", "1.1", "commentary", september, "Offer published"),
        ("commit", "1.1", "update recorded", None, None),
        ("commit", "1.1", "update recorded", None, None),
    ]
    # HEAD~1 already had the moved date: only Ria's commit and the updates it brought are new.
    assert [e for e in _events(repo, "HEAD~1") if e[0] == "commit"] == [
        ("commit", "1.1", "update recorded", None, None),
        ("commit", "1.1", "update recorded", None, None),
    ]


def test_an_update_already_recorded_at_the_revision_is_not_a_change_since(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.write(
        RECORDED.replace("commentary: Offer published", "commentary: Offer published in December")
    )
    # The September update is as it was at HEAD; November's was edited, so it is listed as it now
    # reads, once: its edited commentary is the change not yet committed, not a second event.
    assert _events(repo, "HEAD") == [
        ("update", "1.1", "completion", "Amber", "Green"),
        (
            "update",
            "1.1",
            "commentary",
            "New date agreed by the board on 5 September 2024",
            "Offer published in December",
        ),
    ]
    done = run_cli("history", "plans/plan.yaml", "HEAD", "--format", "json", cwd=repo.root)
    assert [e["committed"] for e in json.loads(done.stdout)["events"]] == [True, False]


def test_uncommitted_edits_are_the_only_changes_since_head(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.write(
        RECORDED.replace(
            "title: Publish the sufficiency plan", "title: Publish the sufficiency plan 2025"
        )
    )
    assert _events(repo, "HEAD") == [
        (
            "uncommitted",
            "2.1",
            "title",
            "Publish the sufficiency plan",
            "Publish the sufficiency plan 2025",
        )
    ]


def test_a_plan_moved_with_git_mv_keeps_its_history_before_the_move_is_committed(
    tmp_path: Path,
) -> None:
    repo = _repo(tmp_path)
    whole = _events(repo)
    repo.git("mv", "plans/plan.yaml", "plans/renamed.yaml")
    assert _events(repo, "HEAD", plan="plans/renamed.yaml") == []
    assert _events(repo, plan="plans/renamed.yaml") == whole


def test_a_plan_moved_and_edited_without_git_is_still_the_plan_git_knows(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    moved = repo.root / "plans" / "moved.yaml"
    repo.plan.rename(moved)
    moved.write_text(
        moved.read_text(encoding="utf-8").replace("completion: Amber\n", "completion: Red\n"),
        encoding="utf-8",
    )
    # Action 2.1's completion is the last `completion: Amber` line; 1.1's is set by its updates.
    assert _events(repo, "HEAD", plan="plans/moved.yaml") == [
        ("uncommitted", "1.1", "completion", "Amber", "Red"),
        ("uncommitted", "2.1", "completion", "Amber", "Red"),
    ]


def test_a_plan_new_since_the_revision_is_added_entirely(tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    (tmp_path / "README.md").write_text("plans\n", encoding="utf-8")
    repo.commit(message="Start")
    repo.commit(FIRST, when="2024-06-03T09:00:00+01:00")
    assert [(e[0], e[1], e[2]) for e in _events(repo, "HEAD~1")] == [
        ("commit", "1.1", "added"),
        ("commit", "2.1", "added"),
    ]


def test_validate_since_head_sees_a_plan_moved_but_not_committed_as_the_same_plan(
    tmp_path: Path,
) -> None:
    repo = _repo(tmp_path)
    (repo.root / "plans" / "plan.yaml").rename(repo.root / "plans" / "moved.yaml")
    done = run_cli(
        "validate",
        "plans/moved.yaml",
        "--since",
        "HEAD",
        "--format",
        "json",
        "--as-of",
        "2025-01-15",
        cwd=repo.root,
    )
    # Nothing in the plan changed, so no finding is new; before, a moved plan counted as new entirely.
    assert json.loads(done.stdout)["findings"] == [], done.stdout
    assert done.returncode == 0
