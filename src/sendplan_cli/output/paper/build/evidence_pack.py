"""Build the evidence pack for a review: progress, evidence, indicators and what is late per area for priority action.

The window runs from the review held before to the pack's as-of day (build/review_window.py). Action states come from the paper's view and
plan/action_status.py, indicator figures from plan/kpi_status.py: read here, never re-derived.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sendplan_cli.output.paper.build import review_records
from sendplan_cli.output.paper.build.facts import NONE, leads_words
from sendplan_cli.output.paper.build.review_window import Window, window
from sendplan_cli.output.paper.build.view import ActionRow, PlanView
from sendplan_cli.output.paper.document.paper_model import (
    Block,
    BoardPaper,
    Bullets,
    Cell,
    Heading,
    Para,
    PlanPaper,
    Section,
    Table,
)
from sendplan_cli.plan.governance_records import PRIORITY, Review
from sendplan_cli.plan.kpi_status import KpiStatus
from sendplan_cli.plan.kpi_values import format_value


def _rating(then: str | None, now: str | None, earlier: bool) -> str:
    if not earlier:
        return f"{now or 'not rated'} (no earlier review)"
    return f"{then or 'not rated'} then, {now or 'not rated'} now"


def _progress(w: Window, answering: list[tuple[int, ActionRow]]) -> Table:
    rows = []
    for i, row in answering:
        updates = [u for u in row.action.updates if w.month_in_window(u.month)]
        said = "; ".join(f"{u.month:%b %Y}: {u.commentary or 'ratings only'}" for u in updates)
        before = w.then[i].state if i in w.then else None
        rows.append(
            (
                Cell(row.ref),
                Cell(row.title),
                Cell(leads_words(row.leads)),
                Cell(said or f"No update since {w.since_words}", prose=bool(said)),
                Cell(
                    _rating(
                        before.completion if before else None,
                        row.completion,
                        w.previous is not None,
                    )
                ),
                Cell(
                    _rating(before.impact if before else None, row.impact, w.previous is not None)
                ),
            )
        )
    return Table(
        f"Progress since {w.since_words}",
        ("Ref", "Action", "Lead", "Updates in the window", "Completion", "Impact"),
        tuple(rows),
        ("ref", "", "", "wide", "", ""),
    )


def _evidence(w: Window, answering: list[tuple[int, ActionRow]]) -> Block:
    rows = [
        (
            Cell(row.ref),
            Cell(e.title),
            Cell(e.date.text if e.date else NONE),
            Cell(e.link or e.path or NONE),
        )
        for _, row in answering
        for u in row.action.updates
        if w.month_in_window(u.month)
        for e in u.evidence
    ]
    if not rows:
        return Para(f"No evidence is recorded with an update since {w.since_words}.")
    return Table(
        f"Evidence recorded since {w.since_words}",
        ("Ref", "Evidence", "Date", "Where to read it"),
        tuple(rows),
        ("ref", "", "date", "wide"),
    )


def _figure(status: KpiStatus | None) -> str:
    if status is None or status.latest is None:
        return "No figure"
    return f"{format_value(status.indicator, status.latest.value)} ({status.latest.period.text})"


def _indicators(w: Window, answering: list[tuple[int, ActionRow]]) -> Block:
    ids = dict.fromkeys(
        m.indicator for _, row in answering for m in row.action.measures if m.indicator
    )
    rows = [
        (
            Cell(i),
            Cell(w.kpis_now[i].indicator.name),
            Cell(_figure(w.kpis_then.get(i)) if w.previous else "No earlier review"),
            Cell(_figure(w.kpis_now[i])),
            Cell(w.kpis_now[i].rag or "Not rated"),
        )
        for i in ids
        if i in w.kpis_now
    ]
    if not rows:
        return Para("No indicator is linked to these actions' measures.")
    return Table(
        "Indicator movement",
        ("Id", "Indicator", "At the previous review", "Latest", "Status now"),
        tuple(rows),
        ("ref", "", "", "", ""),
    )


def _late(answering: list[tuple[int, ActionRow]]) -> Block:
    items = []
    for _, row in answering:
        s = row.status
        if s is None:
            continue
        if s.overdue and s.final is not None:
            items.append(f"{row.ref} {row.title}: overdue, its final date was {s.final.when}.")
        for step in s.missed:
            words = (
                f"{step.kind} missed: {step.text} (due {step.when})"
                if step.text
                else f"{step.kind} missed (due {step.when})"
            )
            items.append(f"{row.ref} {row.title}: {words}.")
    return Bullets(tuple(items)) if items else Para("Nothing answering it is late.")


def _priority(w: Window) -> tuple[Block, ...]:
    rows = list(enumerate(w.view.rows))
    blocks: list[Block] = []
    for rec in w.view.plan.recommendations:
        if rec.type != PRIORITY:
            continue
        answering = [(i, row) for i, row in rows if rec.id in row.recommendations]
        blocks.append(Heading(f"{rec.id}: {rec.text}"))
        if not answering:
            blocks.append(Para("No action answers it: add one under `actions:`."))
            continue
        blocks += [_progress(w, answering), _evidence(w, answering), _indicators(w, answering)]
        blocks += [Para("What is late:"), _late(answering)]
    return tuple(blocks) or (Para("The plan names no area for priority action."),)


SECTIONS: tuple[tuple[str, str, Callable[[Window], tuple[Block, ...]]], ...] = (
    ("review", "The review", review_records.review),
    ("priority", "Areas for priority action", _priority),
    ("voice", "Voice of children, young people and families", review_records.voice),
    ("decisions", "Decisions taken", review_records.decisions),
)


def evidence_pack(
    view: PlanView, review: Review, previous: Review | None, as_of: date, generated: date
) -> BoardPaper:
    """The pack for one review, built once; every format renders it as it renders the board paper."""
    w = window(view, review, previous, as_of)
    sections = tuple(
        Section(key, heading, order, build(w))
        for order, (key, heading, build) in enumerate(SECTIONS, 1)
    )
    # Named for the review, never "board paper": the pack goes to the review's readers, not to the board.
    name = review.title or review.type.replace("-", " ")
    return BoardPaper(
        title=view.plan.title,
        month_label=f"{review.date:%B %Y}",
        heading=f"{view.plan.title}: evidence for the {name}, {review.date:%d %B %Y}",
        about=f"Evidence pack for the {name} on {review.date:%d %B %Y}",
        as_of=f"{as_of:%d %b %Y}",
        generated=f"{generated:%d %b %Y}",
        plans=(PlanPaper(1, view.plan.title, sections, ("review",)),),
    )
