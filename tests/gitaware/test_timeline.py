"""sendplan history: one chronological list of git's changes and the recorded updates."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from gitplans import PlanRepo

FIRST = """\
actions:
  - ref: "1.1"
    title: Develop waiting well offer
    leads: Jo Lead
    due: July 2024
    completion: Amber
  - ref: "2.1"
    title: Publish the sufficiency plan
    due: March 2025
    completion: Amber
"""
MOVED = FIRST.replace("due: July 2024", "due: March 2025").replace(
    "leads: Jo Lead", "leads: Kim Lead"
)
RECORDED = MOVED.replace(
    '''  - ref: "2.1"''',
    '''    updates:
      - month: 2024-09
        due: March 2025
        previous_due: July 2024
        commentary: New date agreed by the board on 5 September 2024
      - month: 2024-11
        completion: Green
        commentary: Offer published
  - ref: "2.1"''',
)


def _repo(tmp_path: Path) -> PlanRepo:
    repo = PlanRepo(tmp_path)
    repo.commit(FIRST, when="2024-06-03T09:00:00+01:00", author="Sam Author")
    repo.commit(MOVED, when="2024-09-10T14:00:00+01:00", author="Jo Bloggs")
    repo.commit(RECORDED, when="2024-12-02T10:00:00+00:00", author="Ria Khan")
    return repo


def test_the_timeline_of_one_action_in_order_with_both_sources(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    done = run_cli(
        "history", "plans/plan.yaml", "--action", "1.1", "--format", "json", cwd=repo.root
    )
    assert done.returncode == 0, done.stderr
    events = [
        (e["day"], e["source"], e["author"], e["what"], e["before"], e["after"])
        for e in json.loads(done.stdout)["events"]
    ]
    assert events == [
        ("2024-06-03", "commit", "Sam Author", "added", None, "Develop waiting well offer"),
        ("2024-09-01", "update", None, "due", "July 2024", "March 2025"),
        (
            "2024-09-01",
            "update",
            None,
            "commentary",
            None,
            "New date agreed by the board on 5 September 2024",
        ),
        ("2024-09-10", "commit", "Jo Bloggs", "leads", "Jo Lead", "Kim Lead"),
        ("2024-09-10", "commit", "Jo Bloggs", "due", "July 2024", "March 2025"),
        ("2024-11-01", "update", None, "completion", "Amber", "Green"),
        (
            "2024-11-01",
            "update",
            None,
            "commentary",
            "New date agreed by the board on 5 September 2024",
            "Offer published",
        ),
        ("2024-12-02", "commit", "Ria Khan", "update recorded", None, None),
        ("2024-12-02", "commit", "Ria Khan", "update recorded", None, None),
    ]
    assert all(e["ref"] == "1.1" for e in json.loads(done.stdout)["events"])


def test_the_text_timeline_names_commit_author_and_change(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    moved = repo.git("rev-parse", "--short=9", "HEAD~1").strip()
    done = run_cli("history", "plans/plan.yaml", "--action", "1.1", cwd=repo.root)
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.splitlines()[0]
        == "History of action 1.1 in plans/plan.yaml: 9 changes, oldest first"
    )
    [line] = [x for x in done.stdout.splitlines() if x.startswith("2024-09-10") and "due:" in x]
    assert f"commit {moved} Jo Bloggs" in line and "due: July 2024 -> March 2025" in line


def test_uncommitted_edits_close_the_timeline(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    repo.write(
        RECORDED.replace(
            "title: Publish the sufficiency plan", "title: Publish the sufficiency plan 2025"
        )
    )
    done = run_cli("history", "plans/plan.yaml", "--action", "2.1", cwd=repo.root)
    last = done.stdout.splitlines()[-1]
    assert (
        "not yet committed" in last
        and "title: Publish the sufficiency plan -> Publish the sufficiency plan 2025" in last
    )


def test_an_action_no_version_had_is_a_usage_error(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    done = run_cli("history", "plans/plan.yaml", "--action", "9.9", cwd=repo.root)
    assert done.returncode == 2
    assert (
        "no version of this plan has an action '9.9'" in done.stderr
        and "sendplan list" in done.stderr
    )


def test_history_outside_git_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text("title: x\npartnership: p\n", encoding="utf-8")
    done = run_cli("history", "plan.yaml", cwd=tmp_path)
    assert (
        done.returncode == 2 and "git work tree" in done.stderr and "Traceback" not in done.stderr
    )


def test_a_revision_limits_the_timeline_to_later_changes(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    done = run_cli(
        "history", "plans/plan.yaml", "HEAD~1", "--action", "1.1", "--format", "json", cwd=repo.root
    )
    assert done.returncode == 0, done.stderr
    authors = {e["author"] for e in json.loads(done.stdout)["events"] if e["source"] == "commit"}
    # Only the last commit (Ria Khan's) came after HEAD~1.
    assert authors == {"Ria Khan"}
    unknown = run_cli("history", "plans/plan.yaml", "no-such-tag", cwd=repo.root)
    assert unknown.returncode == 2 and "no-such-tag" in unknown.stderr
