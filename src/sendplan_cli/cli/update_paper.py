"""`sendplan update paper`: the board paper's own words for one month, written into the plan's `papers:`."""

from __future__ import annotations

from typing import Annotated

import typer

from sendplan_cli.cli.update_record import (
    DryRun,
    Plan,
    paper_words,
    refuse_loose_words,
    typed,
    typed_items,
)
from sendplan_cli.ground.errors import UsageError

_EACH = "repeat for each (replaces the month's list)"


def paper(
    ctx: typer.Context,
    plan: Plan,
    month: Annotated[
        str | None,
        typer.Option("--month", "-m", help="The board's month, YYYY-MM (required)."),
    ] = None,
    meeting_date: Annotated[
        str | None, typer.Option("--meeting-date", help="When the board meets, YYYY-MM-DD.")
    ] = None,
    author: Annotated[
        str | None, typer.Option("--author", help="Who the paper is by (name and role).")
    ] = None,
    purpose: Annotated[str | None, typer.Option("--purpose", help="What the paper is for.")] = None,
    decision: Annotated[
        list[str] | None,
        typer.Option("--decision", help=f"A decision the board is asked to take; {_EACH}."),
    ] = None,
    summary: Annotated[
        str | None,
        typer.Option("--summary", help="The executive summary in the author's words."),
    ] = None,
    impact: Annotated[
        str | None,
        typer.Option(
            "--impact",
            help="What difference the work has made for children, young people and families.",
        ),
    ] = None,
    voice: Annotated[
        str | None,
        typer.Option(
            "--voice", help="What the parent carer forum, children and young people have said."
        ),
    ] = None,
    risk: Annotated[
        list[str] | None,
        typer.Option("--risk", help=f"A risk or issue for the board; {_EACH}."),
    ] = None,
    next_step: Annotated[
        list[str] | None,
        typer.Option("--next-step", help=f"What happens before the next board; {_EACH}."),
    ] = None,
    dry_run: DryRun = False,
) -> None:
    """The board paper's own words for one month.

    Each option sets that part of the month's entry; an empty value (--risk "") removes it."""
    refuse_loose_words(ctx, '--purpose "To report progress"')
    if month is None:
        raise UsageError(
            "--month is missing: give the board's month this paper is for, e.g. --month 2025-06"
        )
    words = {
        "meeting_date": meeting_date,
        "author": author,
        "purpose": typed(purpose),
        "decisions_sought": typed_items(decision),
        "summary": typed(summary),
        "impact": typed(impact),
        "voice": typed(voice),
        "risks": typed_items(risk),
        "next_steps": typed_items(next_step),
    }
    paper_words(plan, month, words, "--", dry_run)
