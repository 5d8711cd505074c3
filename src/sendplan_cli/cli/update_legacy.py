"""The old all-in-one `update`, kept for one release: an action's month, a figure or the paper's words by its options.

Deprecated: `sendplan update action`, `update indicator` and `update paper` replace it, each with only
its own options. The group in cli/update_routing.py runs it for a command line that does not name
one of them, and adds `notice` after its result. Its messages are as they were, so scripts and
habits keep working until it goes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand

from sendplan_cli.cli.update_record import (
    action_update,
    indicator_figure,
    paper_words,
    typed,
    typed_items,
)
from sendplan_cli.ground.errors import UsageError

REMOVED_IN = "0.2"
"""The release in which the old spelling stops working (the README says so too)."""

_KIND = "sendplan.update.old_kind"  # what the old command line asked for, once read
_INSTEAD = {
    "action": "`sendplan update PLAN REF` is deprecated and goes in sendplan {0}: "
    "type `sendplan update action PLAN REF ...` with the same options",
    "indicator": "`sendplan update PLAN --indicator ID` is deprecated and goes in sendplan {0}: "
    "type `sendplan update indicator PLAN ID --period ... --value ...`",
    "paper": "`sendplan update PLAN --paper-...` is deprecated and goes in sendplan {0}: "
    "type `sendplan update paper PLAN --month ...` with the options named without `paper-`, e.g. --purpose",
    "": "this spelling of `sendplan update` is deprecated and goes in sendplan {0}: type "
    "`sendplan update action`, `sendplan update indicator` or `sendplan update paper` (see `sendplan update -h`)",
}
_FIGURE = "A KPI figure (with --indicator, no action ref or --month)"
_PAPER = "The board paper's own words (with --month, no action ref)"


def notice(ctx: typer.Context) -> str:
    """The one line, for standard error, that says what to type instead of the old spelling."""
    return "sendplan: warning: " + _INSTEAD[ctx.meta.get(_KIND, "")].format(REMOVED_IN)


class _AsUpdate(typer.Context):
    """The old command's context, named `sendplan update` in its usage line and its errors, as it was."""

    @property
    def command_path(self) -> str:
        return self.parent.command_path if self.parent is not None else "sendplan update"


class _OldUpdateCommand(TyperCommand):
    context_class = _AsUpdate


def old_update_command() -> TyperCommand:
    """The old command, built when a command line is routed to it."""
    runner = typer.Typer(add_completion=False)
    runner.command(name="update", cls=_OldUpdateCommand)(update)
    command = typer.main.get_command(runner)
    assert isinstance(command, TyperCommand)
    return command


def update(
    ctx: typer.Context,
    plan: Annotated[Path, typer.Argument(help="The plan file.")],
    ref: Annotated[
        str | None, typer.Argument(help="The action's ref, e.g. 1.1 (not with --indicator).")
    ] = None,
    month: Annotated[
        str | None, typer.Option("--month", "-m", help="The reporting month, YYYY-MM.")
    ] = None,
    completion: Annotated[
        str | None, typer.Option("--completion", help="Completion rating from the plan's scale.")
    ] = None,
    impact: Annotated[
        str | None, typer.Option("--impact", help="Impact rating from the plan's scale.")
    ] = None,
    comment: Annotated[
        str | None, typer.Option("--comment", help="Commentary for the board.")
    ] = None,
    due: Annotated[
        str | None,
        typer.Option("--due", help="A new due date the board agreed this month (needs --comment)."),
    ] = None,
    propose_due: Annotated[
        str | None,
        typer.Option(
            "--propose-due",
            help='A new due date the lead proposes, for the board to agree (needs --reason); the due date stays as it is. "" takes the month\'s proposal back.',
        ),
    ] = None,
    reason: Annotated[
        str | None,
        typer.Option("--reason", help="With --propose-due: why the lead proposes the new date."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the change as a diff; write nothing.")
    ] = False,
    indicator: Annotated[
        str | None,
        typer.Option(
            "--indicator",
            help="Record a figure for this indicator id instead of an action update.",
            rich_help_panel=_FIGURE,
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            help="With --indicator: the reporting period, e.g. 2025-06.",
            rich_help_panel=_FIGURE,
        ),
    ] = None,
    value: Annotated[
        str | None,
        typer.Option(
            "--value",
            help="With --indicator: the figure, a plain number such as 54.2.",
            rich_help_panel=_FIGURE,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(
            "--note",
            help="With --indicator: a note for the board beside the figure.",
            rich_help_panel=_FIGURE,
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="With --indicator: correct the figure already recorded for that period.",
            rich_help_panel=_FIGURE,
        ),
    ] = False,
    paper_meeting_date: Annotated[
        str | None,
        typer.Option(
            "--paper-meeting-date", help="When the board meets, YYYY-MM-DD.", rich_help_panel=_PAPER
        ),
    ] = None,
    paper_author: Annotated[
        str | None,
        typer.Option(
            "--paper-author", help="Who the paper is by (name and role).", rich_help_panel=_PAPER
        ),
    ] = None,
    paper_purpose: Annotated[
        str | None,
        typer.Option("--paper-purpose", help="What the paper is for.", rich_help_panel=_PAPER),
    ] = None,
    paper_decision: Annotated[
        list[str] | None,
        typer.Option(
            "--paper-decision",
            help="A decision the board is asked to take; repeat for each (replaces the month's list).",
            rich_help_panel=_PAPER,
        ),
    ] = None,
    paper_summary: Annotated[
        str | None,
        typer.Option(
            "--paper-summary",
            help="The executive summary in the author's words.",
            rich_help_panel=_PAPER,
        ),
    ] = None,
    paper_impact: Annotated[
        str | None,
        typer.Option(
            "--paper-impact",
            help="What difference the work has made for children, young people and families.",
            rich_help_panel=_PAPER,
        ),
    ] = None,
    paper_voice: Annotated[
        str | None,
        typer.Option(
            "--paper-voice",
            help="What the parent carer forum, children and young people have said.",
            rich_help_panel=_PAPER,
        ),
    ] = None,
    paper_risk: Annotated[
        list[str] | None,
        typer.Option(
            "--paper-risk",
            help="A risk or issue for the board; repeat for each (replaces the month's list).",
            rich_help_panel=_PAPER,
        ),
    ] = None,
    paper_next_step: Annotated[
        list[str] | None,
        typer.Option(
            "--paper-next-step",
            help="What happens before the next board; repeat for each (replaces the month's list).",
            rich_help_panel=_PAPER,
        ),
    ] = None,
) -> None:
    """Deprecated: use `update action`, `update indicator` or `update paper` (see `sendplan update -h`).

    Records one month's update for one action, with --indicator one period's figure, or with --paper-... the board paper's own words for the month."""
    comment, reason, note = typed(comment), typed(reason), typed(note)
    paper_purpose, paper_summary, paper_impact, paper_voice = map(
        typed, (paper_purpose, paper_summary, paper_impact, paper_voice)
    )
    paper = {
        "meeting_date": paper_meeting_date,
        "author": paper_author,
        "purpose": paper_purpose,
        "decisions_sought": typed_items(paper_decision),
        "summary": paper_summary,
        "impact": paper_impact,
        "voice": paper_voice,
        "risks": typed_items(paper_risk),
        "next_steps": typed_items(paper_next_step),
    }
    paper = {key: value for key, value in paper.items() if value is not None}
    action_options = [
        name
        for name, given in (
            ("--completion", completion),
            ("--impact", impact),
            ("--comment", comment),
            ("--due", due),
            ("--propose-due", propose_due),
            ("--reason", reason),
        )
        if given is not None
    ]
    kinds = [
        kind
        for kind, given in (
            ("action", action_options or (ref is not None and indicator is None and not paper)),
            ("indicator", indicator is not None),
            ("paper", paper),
        )
        if given
    ]
    if len(kinds) == 1:
        ctx.meta[_KIND] = kinds[0]
    if len(kinds) > 1:
        asked = {
            "action": "an action's update",
            "indicator": "a KPI figure",
            "paper": "the paper's words",
        }
        raise UsageError(
            f"one update records one thing: {' and '.join(asked[k] for k in kinds)} were asked for together; "
            f"run {' and '.join(f'`sendplan update {kind}`' for kind in kinds)}, once each"
        )
    if indicator is not None:
        _figure(plan, ref, month, indicator, period, value, note, replace, dry_run)
        return
    figure_options = [
        name
        for name, given in (
            ("--period", period is not None),
            ("--value", value is not None),
            ("--note", note is not None),
            ("--replace", replace),
        )
        if given
    ]
    if figure_options:
        mode = "the paper's words" if paper else "an action's update"
        raise UsageError(
            f"{' and '.join(figure_options)} belong{'s' if len(figure_options) == 1 else ''} to a KPI figure "
            f"(with --indicator), not to {mode}; leave {'it' if len(figure_options) == 1 else 'them'} out"
        )
    if paper:
        if ref is not None:
            raise UsageError(
                "--paper-... options write the board paper's words for a month; leave out the action ref"
            )
        if month is None:
            raise UsageError(
                "--paper-... options need --month, the board's month, e.g. --month 2025-06"
            )
        paper_words(plan, month, paper, "--paper-", dry_run)
        return
    from sendplan_cli.ground.sanitise import one_line

    if ref is not None and month is None:
        raise UsageError(
            f"--month is missing: give the month this update of action {one_line(ref)} is for, e.g. --month 2025-01"
        )
    if ref is None or month is None:
        raise UsageError(
            "give the action's ref and --month (an action's update), --month with --paper-... options (the paper's words), "
            "or --indicator with --period and --value (a figure)"
        )
    action_update(
        plan,
        ref,
        month,
        completion=completion,
        impact=impact,
        comment=comment,
        due=due,
        propose_due=propose_due,
        reason=reason,
        dry_run=dry_run,
    )


def _figure(
    plan: Path,
    ref: str | None,
    month: str | None,
    indicator: str,
    period: str | None,
    value: str | None,
    note: str | None,
    replace: bool,
    dry_run: bool,
) -> None:
    if ref is not None and month is None:
        raise UsageError(
            f"--indicator records a figure, and {ref!r} belongs to no option: put a period of several words "
            'in quotes, e.g. --period "Sept 2025" (an action ref belongs to action updates)'
        )
    if month is not None:
        raise UsageError(
            "--indicator records a figure for --period; --month belongs to action updates and the paper's words"
        )
    if period is None or value is None:
        raise UsageError(
            "--indicator needs --period and --value, e.g. --period 2025-06 --value 54.2"
        )
    indicator_figure(plan, indicator, period, value, note, replace, dry_run)
