"""The history command: the timeline of a plan, or of one action, from git and the recorded updates."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sendplan_cli.cli.app import app, today
from sendplan_cli.ground.errors import UsageError

if TYPE_CHECKING:
    from sendplan_cli.git.timeline import Event


class HistoryFormat(str, Enum):
    text = "text"
    json = "json"


def _shown(text: str | None, width: int = 90) -> str:
    """One line of plan or git text, made safe by the one sanitiser and cut to width."""
    from sendplan_cli.ground.sanitise import one_line

    if text is None:
        return "(none)"
    line = one_line(" ".join(text.split()))
    return line if len(line) <= width else line[: width - 1] + "…"


def _who(event: Event) -> str:
    """Where a change comes from: a recorded update, a commit, or the working tree (or both of the first and last)."""
    if event.source == "update":
        month = f"recorded update {event.month}"
        return month if event.committed else f"{month}, not yet committed"
    if event.source == "uncommitted":
        return "not yet committed"
    return f"commit {event.commit} {_shown(event.author, 20)}"


@app.command("history")
def history_command(
    plan: Annotated[Path, typer.Argument(help="A plan file in a git work tree.")],
    since: Annotated[
        str | None,
        typer.Argument(
            metavar="[REF]",
            help="Only the changes made after this revision (e.g. the last board's tag).",
        ),
    ] = None,
    action: Annotated[
        str | None,
        typer.Option("--action", "-a", metavar="REF", help="Only this action, e.g. 1.1."),
    ] = None,
    output_format: Annotated[
        HistoryFormat, typer.Option("--format", "-f", help="text, or json for scripts.")
    ] = HistoryFormat.text,
) -> None:
    """Show the timeline of a plan or one action: every change to dates, ratings, leads and commentary, with
    commit, author and date, merged with the recorded monthly updates.

    Example: sendplan history plans/west-sussex-2024.yaml --action 1.1
    """
    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.cli.app import print_load_errors
    from sendplan_cli.cli.inputs import one_plan_file
    from sendplan_cli.git.repo import GitRepo
    from sendplan_cli.git.timeline import known_refs, timeline
    from sendplan_cli.git.versions import read_versions

    path = one_plan_file(plan, "sendplan history")
    repo = GitRepo.find(path, "sendplan history")
    repo.require_full_history("sendplan history")
    base = repo.resolve(since, "sendplan history") if since is not None else None
    loaded, model = load_model(path)
    if model is None:
        # As every command that only reads the plan: the plan as it is now cannot be read, so say why.
        print_load_errors(loaded.path, loaded.diagnostics)
        raise typer.Exit(1)
    versions = read_versions(repo, path, repo.relative(path), today(), base=base)
    if action is not None and action not in known_refs(versions):
        raise UsageError(
            f"{plan}: no version of this plan has an action {action!r}; `sendplan list {plan}` lists the refs"
        )
    events = timeline(versions, action)
    if output_format is HistoryFormat.json:
        json.dump(
            {"plan": str(plan), "action": action, "events": [asdict(e) for e in events]},
            sys.stdout,
            indent=2,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")
        return
    scope = (f"action {action}" if action else "every action") + (
        f" since {since}" if since else ""
    )
    typer.echo(
        f"History of {scope} in {plan}: {len(events)} change{'s' if len(events) != 1 else ''}, oldest first"
    )
    whos = [_who(e) for e in events]
    # As wide as a commit with a cut author, wider only when an update not yet committed needs it.
    width = max([37, *map(len, whos)])
    for e, who in zip(events, whos, strict=True):
        if e.what in ("added", "removed"):
            change = f"action {e.what}: {_shown(e.after or e.before)}"
        elif e.what.startswith("update "):
            change = f"{e.what} for {e.month}"
        elif e.before is None:
            change = f"{e.what} set: {_shown(e.after)}"
        else:
            change = f"{e.what}: {_shown(e.before, 40)} -> {_shown(e.after)}"
        typer.echo(f"{e.day}  {who:<{width}} {_shown(e.ref, 8):<6} {change}")
