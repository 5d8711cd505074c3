"""Movement from git for the board paper, where no update was recorded for the month.

Git already knows what each rating was at the end of last month: the plan as committed then.
For each action with no update for the board's month, the paper's movement compares the plan as
committed at the end of the month with the plan as committed at the end of the month before, and
the row says so (the ratings shown stay those of the plan file, as every other part of the paper). The same two versions give "Changes since the last board":
ratings moved, dates moved (with their approval recorded or not), actions added and removed.
Outside git, in a shallow clone, or before the plan's first commit, the paper is as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.git.changes import PlanFacts, due_end
from sendplan_cli.git.repo import Commit, GitRepo
from sendplan_cli.ground.errors import UsageError
from sendplan_cli.plan.scale import COMPLETE


@dataclass
class BoardChanges:
    """What changed in the plan between two month ends, as git recorded it."""

    source: str
    """Which commits the figures come from, in words for the paper."""
    ratings: list[dict[str, Any]] = field(default_factory=list)
    """ref, title, before, after for each completion rating that moved."""
    dates: list[dict[str, Any]] = field(default_factory=list)
    """ref, title, before, after, approval ("recorded in an update", "not recorded", "brought forward")."""
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)


def _at(commits: list[Commit], end: date) -> Commit | None:
    """The last commit made on or before a day."""
    found = [c for c in commits if c.day <= end.isoformat()]
    return found[-1] if found else None


def _versions(
    path: Path, month_end: date, before_end: date
) -> tuple[PlanFacts, PlanFacts, Commit, Commit] | None:
    from sendplan_cli.git.versions import VersionReader

    try:
        repo = GitRepo.find(path, "the board paper")
        if repo.is_shallow():
            return None
        relative = repo.relative(path)
        commits = repo.commits_touching(relative)
    except UsageError:
        return None
    now, before = _at(commits, month_end), _at(commits, before_end)
    if now is None or before is None:
        return None
    reader = VersionReader()
    data = [
        reader.parse(raw) if raw is not None else None
        for raw in repo.blobs([before, now], relative)
    ]
    if data[0] is None or data[1] is None:
        return None
    return PlanFacts(data[0]), PlanFacts(data[1]), before, now


def _movement(view: Any, was: str | None, now: str | None) -> str:
    scale = view.plan.rating_scale
    if was is None:
        return "new"
    if scale.completion_means(now) in COMPLETE and scale.completion_means(was) not in COMPLETE:
        return "completed"
    names = [r.name for r in scale.completion]
    if was not in names or now not in names or was == now:
        return "unchanged"
    return "improved" if names.index(now) < names.index(was) else "worsened"


def add_git_movement(view: Any, month_end: date, before_end: date) -> None:
    """Set the movement of rows with no update this month from git, and the changes since the last board."""
    found = _versions(Path(view.path), month_end, before_end)
    if found is None:
        return
    before, now, then, last = found
    source = (
        f"the plan as committed at {month_end:%d %B %Y} (commit {last.short} of {last.day}) against "
        f"{before_end:%d %B %Y} (commit {then.short} of {then.day})"
    )
    for row in view.rows:
        action, was = now.actions.get(row.ref), before.actions.get(row.ref)
        if row.updated_this_month or action is None:
            continue
        row.movement = _movement(view, was.completion if was else None, action.completion)
        row.source = f"git: {source}"
    view.changes = _changes(before, now, source)


def _changes(before: PlanFacts, now: PlanFacts, source: str) -> BoardChanges:
    out = BoardChanges(source=source)
    for ref, action in now.actions.items():
        was = before.actions.get(ref)
        if was is None:
            out.added.append({"ref": ref, "title": action.title})
            continue
        if was.completion != action.completion:
            out.ratings.append(
                {
                    "ref": ref,
                    "title": action.title,
                    "before": was.completion,
                    "after": action.completion,
                }
            )
        if was.due != action.due:
            old, new = due_end(was.due), due_end(action.due)
            if old is None or new is None:
                approval = "date set" if old is None else "date removed"
            elif new < old:
                approval = "brought forward"
            else:
                approval = (
                    "recorded in an update" if action.records_move(old, new) else "not recorded"
                )
            out.dates.append(
                {
                    "ref": ref,
                    "title": action.title,
                    "before": was.due,
                    "after": action.due,
                    "approval": approval,
                }
            )
    out.removed = [
        {"ref": ref, "title": a.title}
        for ref, a in before.actions.items()
        if ref not in now.actions
    ]
    return out
