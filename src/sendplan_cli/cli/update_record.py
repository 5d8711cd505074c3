"""What each kind of `update` records, and the line that says so: shared by the commands and the old spelling.

Each function takes the values as typed, writes through the one round-trip writer
(authoring/roundtrip.write_edit, behind `record`, `record_actual` and `record_paper`) and says
what it wrote on standard error, or prints the diff on standard output with --dry-run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sendplan_cli.cli.app import today
from sendplan_cli.ground.errors import UsageError

if TYPE_CHECKING:
    from sendplan_cli.authoring.evidence_item import EvidenceCited

Plan = Annotated[Path, typer.Argument(metavar="PLAN", help="The plan file.", show_default=False)]
DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
]
LOOSE = {"allow_extra_args": True}
"""Context settings that let a command see a word no option takes, for `refuse_loose_words` to answer."""


def refuse_loose_words(ctx: typer.Context, example: str) -> None:
    """Refuse a word that belongs to no option, saying to quote a value of several words as in `example`."""
    from sendplan_cli.ground.sanitise import one_line

    if ctx.args:
        raise UsageError(
            f"{one_line(ctx.args[0])!r} belongs to no option: put a value of several words in quotes, "
            f"e.g. {example}"
        )


def typed(text: str | None) -> str | None:
    """Text typed or pasted into an option, with Windows' and old Mac line endings read as line breaks."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if text is not None else None


def typed_items(items: list[str] | None) -> list[str] | None:
    """A repeated option's values, each read as `typed` reads one."""
    return [typed(text) or "" for text in items] if items is not None else None


def _say(diff: str, dry_run: bool, done: str, unchanged: str) -> None:
    """The diff on standard output for --dry-run; otherwise one line on standard error saying what was written, or that nothing was."""
    if not diff:
        typer.echo(unchanged, err=True)
    elif dry_run:
        sys.stdout.write(diff)
    else:
        typer.echo(done, err=True)


def action_update(
    plan: Path,
    ref: str,
    month: str,
    *,
    completion: str | None,
    impact: str | None,
    comment: str | None,
    due: str | None,
    propose_due: str | None,
    reason: str | None,
    dry_run: bool,
    evidence: EvidenceCited | None = None,
) -> None:
    """Record one month's update for one action."""
    from sendplan_cli.authoring.update import Change, record
    from sendplan_cli.ground.sanitise import one_line
    from sendplan_cli.plan.dates import DateParseError, parse_month

    shown = one_line(month)
    try:
        shown = f"{parse_month(month):%Y-%m}"  # as the plan records it, however it was typed
    except DateParseError:
        pass  # the writer says what a month looks like
    change = Change(
        ref,
        month,
        completion,
        impact,
        typed(comment),
        due,
        propose_due,
        typed(reason),
        today(),
        evidence,
    )
    _say(
        record(plan, change, dry_run),
        dry_run,
        f"recorded {shown} for {one_line(ref)} in {one_line(plan)}",
        f"no change: {shown} for {one_line(ref)} in {one_line(plan)} already says that",
    )


def indicator_figure(
    plan: Path,
    indicator: str,
    period: str,
    value: str,
    note: str | None,
    replace: bool,
    dry_run: bool,
) -> None:
    """Record one period's figure for one indicator."""
    from sendplan_cli.authoring.actuals import ActualChange, record_actual
    from sendplan_cli.ground.sanitise import one_line

    change = ActualChange(indicator, period, value, typed(note), replace, today())
    _say(
        record_actual(plan, change, dry_run),
        dry_run,
        f"recorded {one_line(period)} for indicator {one_line(indicator)} in {one_line(plan)}",
        f"no change: indicator {one_line(indicator)} in {one_line(plan)} already has that figure for {one_line(period)}",
    )


def paper_words(
    plan: Path, month: str, values: dict[str, str | list[str] | None], named: str, dry_run: bool
) -> None:
    """Write the board paper's own words for one month; a part given as None is left as it is."""
    from sendplan_cli.authoring.paper_entry import PaperChange, record_paper
    from sendplan_cli.ground.sanitise import one_line
    from sendplan_cli.plan.dates import parse_month

    given = {key: value for key, value in values.items() if value is not None}
    diff = record_paper(plan, PaperChange(month, given, named), dry_run)
    shown = f"{parse_month(month):%Y-%m}"  # the writer has read it by now
    _say(
        diff,
        dry_run,
        f"recorded the paper's words for {shown} in {one_line(plan)}",
        f"no change: the paper for {shown} in {one_line(plan)} already says that",
    )
