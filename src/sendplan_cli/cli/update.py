"""`sendplan update action|indicator|paper`: record one thing a month brings, changing only those lines.

Each command has only its own options, so one that belongs to another kind of update is refused
by the parser. The group (cli/update_routing.py) still runs the old spelling for one release.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from sendplan_cli.cli.update_paper import paper
from sendplan_cli.cli.update_record import (
    LOOSE,
    DryRun,
    Plan,
    action_update,
    indicator_figure,
    refuse_loose_words,
    typed,
)
from sendplan_cli.cli.update_routing import UpdateGroup
from sendplan_cli.ground.errors import UsageError

if TYPE_CHECKING:
    from sendplan_cli.authoring.evidence_item import EvidenceCited

update_app = typer.Typer(
    name="update",
    cls=UpdateGroup,
    help="Record a month's progress: an action's update, a KPI figure, the paper's words.\n\n"
    "Each changes only those lines of the plan, and nothing unless the plan stays valid.",
    no_args_is_help=True,
)


@update_app.command(context_settings=LOOSE)
def action(
    ctx: typer.Context,
    plan: Plan,
    ref: Annotated[
        str, typer.Argument(metavar="REF", help="The action's ref, e.g. 1.1.", show_default=False)
    ],
    month: Annotated[
        str | None,
        typer.Option("--month", "-m", help="The month the update is for, YYYY-MM (required)."),
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
    evidence: Annotated[
        str | None,
        typer.Option(
            "--evidence",
            help="The title of a document the update cites as evidence (with --evidence-path or --evidence-link).",
        ),
    ] = None,
    evidence_path: Annotated[
        str | None,
        typer.Option(
            "--evidence-path",
            help="With --evidence: where the document is, from the plan's folder; it must exist in the repository.",
        ),
    ] = None,
    evidence_link: Annotated[
        str | None,
        typer.Option("--evidence-link", help="With --evidence: where it can be read online."),
    ] = None,
    evidence_date: Annotated[
        str | None,
        typer.Option(
            "--evidence-date",
            help="With --evidence: when the document was written, e.g. May 2025 (default: the update's month).",
        ),
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """An action's update for a month: ratings, commentary, dates.

    Adds the month's entry to the action's updates, or sets the given values on it.

    --evidence adds one document to the month's evidence."""
    refuse_loose_words(ctx, '--comment "Recruitment gap"')
    if month is None:
        from sendplan_cli.ground.sanitise import one_line

        raise UsageError(
            f"--month is missing: give the month this update of action {one_line(ref)} is for, e.g. --month 2025-01"
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
        evidence=_cited(evidence, evidence_path, evidence_link, evidence_date),
    )


def _cited(
    title: str | None, path: str | None, link: str | None, written: str | None
) -> EvidenceCited | None:
    """The evidence item the options name; its details without --evidence are refused."""
    from sendplan_cli.authoring.evidence_item import EvidenceCited

    if title is None:
        given = [
            o
            for o, v in (
                ("--evidence-path", path),
                ("--evidence-link", link),
                ("--evidence-date", written),
            )
            if v is not None
        ]
        if given:
            raise UsageError(
                f'{given[0]} goes with --evidence: give the document\'s title too, e.g. --evidence "Audit report"'
            )
        return None
    return EvidenceCited(typed(title) or "", path, link, written)


@update_app.command(context_settings=LOOSE)
def indicator(
    ctx: typer.Context,
    plan: Plan,
    indicator_id: Annotated[
        str,
        typer.Argument(metavar="ID", help='The indicator\'s id, e.g. "KPI 2".', show_default=False),
    ],
    period: Annotated[
        str | None,
        typer.Option(
            "--period", help='The reporting period, e.g. 2025-06 or "Q1 25/26" (required).'
        ),
    ] = None,
    value: Annotated[
        str | None,
        typer.Option("--value", help="The figure, a plain number such as 54.2 (required)."),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="A note for the board beside the figure.")
    ] = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Correct the figure already recorded for that period."),
    ] = False,
    dry_run: DryRun = False,
) -> None:
    """An indicator's figure for one reporting period.

    A second figure for a period is refused unless --replace is given."""
    refuse_loose_words(ctx, '--period "Sept 2025"')
    if period is None or value is None:
        raise UsageError("a figure needs --period and --value, e.g. --period 2025-06 --value 54.2")
    indicator_figure(plan, indicator_id, period, value, note, replace, dry_run)


update_app.command(context_settings=LOOSE)(paper)
