"""What the examples about git history and the bundled governance plan read, made before they run.

Each step works in the copy of the bundled plans an example runs in. Commits are made with a
fixed author and date, so a commit's short hash in an example is the same on every run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from filled_forms import monthly_round_forms

_PLAN = "plans/west-sussex-2024.yaml"
# Due dates as the plan writes them, each with the line above it so that it is found once.
_DUE_1_1 = "leads: [Caroline Tozzi]\n    due: July 2024"
_DUE_1_2 = "leads: [Caroline Tozzi]\n    due: On going with full implementation March 2026"
_END_OF_1_1 = '    impact: Red\n\n  - ref: "1.2"'
_UPDATES_1_1 = """
    updates:
      - month: 2024-09
        due: March 2025
        previous_due: July 2024
        commentary: New date agreed by the SEND Improvement Board on 5 September 2024
      - month: 2024-11
        completion: Green
        commentary: Offer published on the Local Offer"""
_DUE_1_4 = "leads: [Sally Kean]\n    due: Ongoing with full implementation March 2026"


def with_examples(folder: Path) -> None:
    """The bundled governance example and its evidence folder, beside the plans."""
    shutil.copytree(ROOT / "examples", folder / "examples")


def _git(folder: Path, *args: str, author: str = "Sam Author", day: str = "2024-06-03") -> None:
    stamp = f"{day}T10:00:00+01:00"
    email = author.lower().replace(" ", ".") + "@example.org"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | {
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def _edit(folder: Path, old: str, new: str) -> None:
    """Change one line of the West Sussex plan, as an author would in an editor."""
    path = folder / _PLAN
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _commit(folder: Path, message: str, author: str, day: str) -> None:
    _git(folder, "add", "plans", author=author, day=day)
    _git(folder, "commit", "-q", "-m", message, author=author, day=day)


def _start_repository(folder: Path) -> None:
    _git(folder, "init", "-q", "-b", "main")
    _commit(folder, "The plan as published", "Sam Author", "2024-06-03")


def branch_with_edits(folder: Path) -> None:
    """main as the team's shared copy has it; a branch moving 1.2's date; then an edit to 1.4 not committed."""
    _start_repository(folder)
    # What a clone knows of the shared copy: the branch as last fetched.
    _git(folder, "update-ref", "refs/remotes/origin/main", "HEAD")
    _git(folder, "checkout", "-q", "-b", "dates")
    _edit(folder, _DUE_1_2, "leads: [Caroline Tozzi]\n    due: December 2024")
    _commit(folder, "Action 1.2: the date the board set", "Jo Bloggs", "2024-09-10")
    _edit(folder, _DUE_1_4, "leads: [Sally Kean]\n    due: November 2024")


def action_history(folder: Path) -> None:
    """Action 1.1's due date moved in one commit, its approval recorded in a later one."""
    _start_repository(folder)
    _edit(folder, _DUE_1_1, "leads: [Caroline Tozzi]\n    due: March 2025")
    _commit(folder, "Action 1.1 due March 2025", "Jo Bloggs", "2024-09-10")
    _edit(folder, _END_OF_1_1, _END_OF_1_1.replace("\n\n", _UPDATES_1_1 + "\n\n", 1))
    _commit(
        folder, "Updates for 1.1: the new date's approval, and November", "Ria Khan", "2024-12-02"
    )


def monthly_round_imported(folder: Path) -> None:
    """February 2025's forms filled in and imported into the West Sussex plan."""
    monthly_round_forms(folder)
    forms = [f"forms/update-2025-02-{lead}.xlsx" for lead in ("jane-taylor", "caroline-tozzi")]
    subprocess.run(
        [sys.executable, "-m", "sendplan_cli", "import", _PLAN, *forms]
        + ["forms/update-2025-02-claire-prince.xlsx"],
        cwd=folder,
        env=os.environ | {"NO_COLOR": "1"},
        check=True,
        capture_output=True,
    )
