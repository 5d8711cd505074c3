"""An update recorded but not yet committed is one change in `sendplan history`, not two.

`sendplan update action` writes the month's entry into the plan; until it is committed, git sees
a working-tree change and the plan holds a recorded update. Both describe the same edit, so the
history lists it once, at its month, saying that it is not yet committed.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from gitplans import PlanRepo
from test_timeline import _repo


def _record_january_update(repo: PlanRepo, *options: str) -> None:
    done = run_cli(
        "update", "action", "plans/plan.yaml", "2.1", "--month", "2025-01", *options, cwd=repo.root
    )
    assert done.returncode == 0, done.stderr


def test_an_uncommitted_update_is_listed_once_in_text(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _record_january_update(repo, "--completion", "Green", "--comment", "Plan published")
    done = run_cli("history", "plans/plan.yaml", "HEAD", cwd=repo.root)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        "History of every action since HEAD in plans/plan.yaml: 2 changes, oldest first\n"
        "2025-01-01  recorded update 2025-01, not yet committed 2.1    completion: Amber -> Green\n"
        "2025-01-01  recorded update 2025-01, not yet committed 2.1    commentary set: Plan published\n"
    )


def test_an_uncommitted_update_is_listed_once_in_json(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    _record_january_update(repo, "--completion", "Green", "--comment", "Plan published")
    done = run_cli("history", "plans/plan.yaml", "HEAD", "--format", "json", cwd=repo.root)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["events"] == [
        {
            "day": "2025-01-01",
            "source": "update",
            "ref": "2.1",
            "what": "completion",
            "before": "Amber",
            "after": "Green",
            "commit": None,
            "author": None,
            "month": "2025-01",
            "committed": False,
        },
        {
            "day": "2025-01-01",
            "source": "update",
            "ref": "2.1",
            "what": "commentary",
            "before": None,
            "after": "Plan published",
            "commit": None,
            "author": None,
            "month": "2025-01",
            "committed": False,
        },
    ]


def test_in_the_whole_history_the_uncommitted_update_is_once_and_committed_ones_say_so(
    tmp_path: Path,
) -> None:
    repo = _repo(tmp_path)
    _record_january_update(repo, "--completion", "Green", "--comment", "Plan published")
    done = run_cli(
        "history", "plans/plan.yaml", "--action", "2.1", "--format", "json", cwd=repo.root
    )
    assert done.returncode == 0, done.stderr
    events = [
        (e["source"], e["what"], e["month"], e["committed"])
        for e in json.loads(done.stdout)["events"]
    ]
    assert events == [
        ("commit", "added", None, True),
        ("update", "completion", "2025-01", False),
        ("update", "commentary", "2025-01", False),
    ]
    # The updates Ria committed for action 1.1 are the month's record and in git already.
    whole = run_cli(
        "history", "plans/plan.yaml", "--action", "1.1", "--format", "json", cwd=repo.root
    )
    assert {e["committed"] for e in json.loads(whole.stdout)["events"]} == {True}


def test_an_uncommitted_change_to_a_committed_update_marks_only_what_changed(
    tmp_path: Path,
) -> None:
    repo = _repo(tmp_path)
    _record_january_update(repo, "--completion", "Green", "--comment", "Plan published")
    repo.commit(when="2025-01-20T10:00:00+00:00", author="Ria Khan")
    _record_january_update(repo, "--comment", "Plan published on the Local Offer")
    done = run_cli("history", "plans/plan.yaml", "--action", "2.1", cwd=repo.root)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()[1:]
    # The rating was committed on 20 January; only the new commentary waits to be committed.
    assert [line[12:] for line in lines if line.startswith("2025-01-01")] == [
        "recorded update 2025-01" + " " * 20 + "2.1    completion: Amber -> Green",
        "recorded update 2025-01, not yet committed 2.1    commentary set: Plan published on the Local Offer",
    ]
    assert not any("update changed" in line for line in lines), lines


def test_an_uncommitted_update_with_no_rating_or_commentary_is_still_listed_once(
    tmp_path: Path,
) -> None:
    repo = _repo(tmp_path)
    _record_january_update(repo, "--propose-due", "June 2025", "--reason", "Consultation ran late")
    done = run_cli("history", "plans/plan.yaml", "HEAD", cwd=repo.root)
    assert done.returncode == 0, done.stderr
    [heading, line] = done.stdout.splitlines()
    assert heading.endswith(": 1 change, oldest first")
    assert "not yet committed" in line and line.endswith("2.1    update recorded for 2025-01")
