"""Commands that write plans: update, new, schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sendplan_cli.cli.app import app, print_load_errors, today
from sendplan_cli.ground.errors import UsageError

_FIGURE = "A KPI figure (with --indicator, no action ref or --month)"
_PAPER = "The board paper's own words (with --month, no action ref)"


@app.command()
def update(
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
    """Record one month's update for one action, with --indicator one period's figure, or with --paper-... the board paper's own words for the month, changing only those lines of the plan.

    An empty value (--paper-risk "") removes that part of the month's paper entry."""
    comment, reason, note = _typed(comment), _typed(reason), _typed(note)
    paper_purpose, paper_summary, paper_impact, paper_voice = map(
        _typed, (paper_purpose, paper_summary, paper_impact, paper_voice)
    )
    paper_decision, paper_risk, paper_next_step = (
        [_typed(t) or "" for t in items] if items is not None else None
        for items in (paper_decision, paper_risk, paper_next_step)
    )
    paper = {
        "meeting_date": paper_meeting_date,
        "author": paper_author,
        "purpose": paper_purpose,
        "decisions_sought": paper_decision,
        "summary": paper_summary,
        "impact": paper_impact,
        "voice": paper_voice,
        "risks": paper_risk,
        "next_steps": paper_next_step,
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
            ("an action's update", action_options),
            ("a KPI figure", indicator is not None),
            ("the paper's words", paper),
        )
        if given
    ]
    if len(kinds) > 1:
        raise UsageError(
            f"one update records one thing: {' and '.join(kinds)} were asked for together; run `sendplan update` once for each"
        )
    if indicator is not None:
        _update_indicator(plan, ref, month, indicator, period, value, note, replace, dry_run)
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
        _update_paper(plan, ref, month, paper, dry_run)
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
    from sendplan_cli.authoring.update import Change, record
    from sendplan_cli.plan.dates import DateParseError, parse_month

    shown = one_line(month)
    try:
        shown = f"{parse_month(month):%Y-%m}"  # as the plan records it, however it was typed
    except DateParseError:
        pass  # the writer says what a month looks like
    diff = record(
        plan,
        Change(ref, month, completion, impact, comment, due, propose_due, reason, today()),
        dry_run,
    )
    _say(
        diff,
        dry_run,
        f"recorded {shown} for {one_line(ref)} in {one_line(plan)}",
        f"no change: {shown} for {one_line(ref)} in {one_line(plan)} already says that",
    )


def _typed(text: str | None) -> str | None:
    """Text typed or pasted into an option, with Windows' and old Mac line endings read as line breaks."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if text is not None else None


def _say(diff: str, dry_run: bool, done: str, unchanged: str) -> None:
    """The diff on standard output for --dry-run; otherwise one line on standard error saying what was written, or that nothing was."""
    if not diff:
        typer.echo(unchanged, err=True)
    elif dry_run:
        sys.stdout.write(diff)
    else:
        typer.echo(done, err=True)


def _update_paper(
    plan: Path, ref: str | None, month: str | None, values: dict, dry_run: bool
) -> None:
    from sendplan_cli.authoring.paper_entry import PaperChange, record_paper
    from sendplan_cli.ground.sanitise import one_line

    if ref is not None:
        raise UsageError(
            "--paper-... options write the board paper's words for a month; leave out the action ref"
        )
    if month is None:
        raise UsageError(
            "--paper-... options need --month, the board's month, e.g. --month 2025-06"
        )
    diff = record_paper(plan, PaperChange(month, values), dry_run)
    from sendplan_cli.plan.dates import parse_month

    shown = f"{parse_month(month):%Y-%m}"  # the writer has read it by now
    _say(
        diff,
        dry_run,
        f"recorded the paper's words for {shown} in {one_line(plan)}",
        f"no change: the paper for {shown} in {one_line(plan)} already says that",
    )


def _update_indicator(
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
    from sendplan_cli.authoring.actuals import ActualChange, record_actual
    from sendplan_cli.ground.sanitise import one_line

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
    diff = record_actual(
        plan, ActualChange(indicator, period, value, note, replace, today()), dry_run
    )
    _say(
        diff,
        dry_run,
        f"recorded {one_line(period)} for indicator {one_line(indicator)} in {one_line(plan)}",
        f"no change: indicator {one_line(indicator)} in {one_line(plan)} already has that figure for {one_line(period)}",
    )


@app.command()
def new(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The new plan file; never overwritten.")
    ],
    title: Annotated[str, typer.Option("--title", help="Title of the plan.")],
    partnership: Annotated[str, typer.Option("--partnership", help="The local area partnership.")],
    board: Annotated[
        str, typer.Option("--board", help="The board that reviews progress.")
    ] = "SEND Partnership Board",
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication month, YYYY-MM (default: this month)."),
    ] = None,
    schema_path: Annotated[
        str,
        typer.Option(
            "--schema-path",
            help="Path from the plan to the JSON Schema, for the editor modeline; written there if it does not exist.",
        ),
    ] = "plan.schema.json",
) -> None:
    """Start a new plan: a small valid file with a commented example of every section."""
    from sendplan_cli.authoring.new import create_new, new_plan_text
    from sendplan_cli.cli.outputs import refuse_overwriting_plans
    from sendplan_cli.plan.dates import DateParseError, month_error, parse_month

    refuse_overwriting_plans(output, [], "-o", "plans/new-plan.yaml")

    try:
        month = parse_month(published) if published else today().replace(day=1)
    except DateParseError as exc:
        raise typer.BadParameter(
            month_error(str(published), exc), param_hint="--published"
        ) from None
    create_new(
        output, new_plan_text(title, partnership, board, month, str(output), schema_path, today())
    )
    typer.echo(f"wrote {output}", err=True)
    schema_file = output.parent / schema_path
    if not schema_file.exists() and schema_file.parent.is_dir():
        from sendplan_cli.ground.atomic import write_atomic
        from sendplan_cli.plan.schema import schema_text

        # The editor modeline must point at a schema that exists in the user's own repository.
        write_atomic(schema_file, schema_text().encode("utf-8"))
        typer.echo(
            f"wrote {schema_file} (the JSON Schema editors use; refresh it with `sendplan schema -o {schema_file}`)",
            err=True,
        )


@app.command()
def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of standard output."),
    ] = None,
    plan: Annotated[
        Path | None,
        typer.Option(
            "--plan", help="Offer this plan's own ratings instead of the West Sussex legend."
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of a plan file, for editors (YAML language server) and other validators."""
    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.cli.inputs import one_plan_file
    from sendplan_cli.cli.outputs import refuse_overwriting_plans
    from sendplan_cli.plan.schema import schema_text

    refuse_overwriting_plans(output, [plan] if plan is not None else [], "-o", "plan.schema.json")
    scale = None
    if plan is not None:
        loaded, model = load_model(one_plan_file(plan, "--plan"))
        if model is None:
            print_load_errors(loaded.path, loaded.diagnostics)
            raise typer.Exit(1)
        scale = model.rating_scale
    text = schema_text(scale)
    if output is None:
        sys.stdout.write(text)
    else:
        from sendplan_cli.ground.atomic import write_atomic

        write_atomic(output, text.encode("utf-8"))
