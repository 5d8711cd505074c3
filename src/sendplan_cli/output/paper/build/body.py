"""The paper's body: overall position, progress by recommendation, impact and next steps, coming up, by lead."""

from __future__ import annotations

import re

from sendplan_cli.output.paper.build import risk_table, you_said_we_did
from sendplan_cli.output.paper.build.facts import NONE, Facts, movement_words
from sendplan_cli.output.paper.build.front import step_words
from sendplan_cli.output.paper.document.paper_model import (
    Block,
    Bullets,
    Cell,
    Figure,
    Heading,
    Para,
    Table,
)


def rating_cell(f: Facts, name: str | None, completion: bool) -> Cell:
    scale = f.view.plan.rating_scale
    rating = scale.completion_named(name) if completion else scale.impact_named(name)
    return Cell(name or "Not rated", rating.colour if rating is not None else None)


def position(f: Facts) -> tuple[Block, ...]:
    view = f.view
    blocks: list[Block] = []
    if f.unrated:
        blocks.append(Para("No action is rated yet, so there are no ratings to chart."))
    else:
        for chart in view.rating_charts:
            fig = chart.figure
            blocks.append(Figure(fig.title, fig.alt, chart.chart, fig))
            blocks.append(
                Table(
                    f"{fig.title}: the values in the chart",
                    ("Rating", "Actions"),
                    tuple((Cell(n), Cell(str(c))) for n, c, _ in fig.bars),
                )
            )
    if view.kpis:
        blocks.append(
            Table(
                f"Scorecard as at {f.as_of_words}",
                ("Indicator", "Latest", "Target", "Status", "Trend"),
                tuple(
                    (
                        Cell(c.row["indicator"]),
                        Cell(c.row["latest"]),
                        Cell(c.row["target"]),
                        Cell(c.row["status"], c.colour if c.status.rag else None),
                        Cell(c.row["trend"]),
                    )
                    for c in view.kpis
                ),
            )
        )
    changes = view.changes
    if changes:
        # git_movement gives each change as a mapping of its words.
        lines = [
            f"{i['ref']} {i['title']}: rating {i['before'] or 'not rated'} → {i['after'] or 'not rated'}"
            for i in changes.ratings
        ]
        lines += [
            f"{i['ref']} {i['title']}: due {i['before'] or 'no date'} → {i['after'] or 'no date'} ({i['approval']})"
            for i in changes.dates
        ]
        lines += [f"{i['ref']} {i['title']}: added" for i in changes.added]
        lines += [f"{i['ref']} {i['title']}: removed" for i in changes.removed]
        blocks.append(Heading("Changes since the last board"))
        blocks.append(
            Para(
                f"From git: {changes.source}"
                + (
                    "."
                    if lines
                    else ": no ratings or dates changed, and no action was added or removed."
                )
            )
        )
        if lines:
            blocks.append(Bullets(tuple(lines)))
    return tuple(blocks)


def progress(f: Facts) -> tuple[Block, ...]:
    blocks: list[Block] = []
    if any(rec.id.lower().startswith("afi") for rec, _ in f.view.coverage):
        blocks.append(
            Para("AfI: area for improvement, a recommendation of the inspection the plan answers.")
        )
    for rec, rows in f.view.coverage:
        blocks.append(Heading(rec.id))
        blocks.append(Para(rec.text, prose=True))
        blocks.append(
            Para(rec.senior_responsible_officer or NONE, label="Senior responsible officer:")
        )
        blocks.append(Para(rec.desired_outcome or NONE, label="Desired outcome:", prose=True))
        if not rows:
            blocks.append(Para("No action answers this recommendation."))
            continue
        blocks.append(
            Table(
                f"Actions answering {rec.id}",
                ("Ref", "Action", "Completion", "Impact", "Movement", "Measures of success"),
                tuple(
                    (
                        Cell(r.ref),
                        Cell(r.title),
                        rating_cell(f, r.completion, True),
                        rating_cell(f, r.impact, False),
                        Cell(movement_words(r.movement)),
                        Cell(_measures_count(r.action)),
                    )
                    for r in rows
                ),
                ("ref", "wide", "", "", "", ""),
            )
        )
    return tuple(blocks)


def _measures_count(action: object) -> str:
    n = len(getattr(action, "success_measures", []) or [])
    m = len(getattr(action, "measures", []) or [])
    if not (n or m):
        return NONE
    words = f"{n} success measure{'s' if n != 1 else ''}"
    if m:
        words += f" and {m} measure{'s' if m != 1 else ''} with figures"
    return words + " (appendix A)"


def narrative(f: Facts) -> tuple[Block, ...]:
    """What difference the work has made and next steps; risks and voice have sections of their own."""
    e = f.view.entry
    if not (e and (e.impact or e.next_steps)):
        # Voice and risks are said to be missing here only when no section of their own shows them.
        missing = ["What difference the work has made"]
        missing += [] if you_said_we_did.voice(f) else ["the voice of families"]
        missing += [] if risk_table.risks(f) else ["risks"]
        return (
            Para(
                f"{', '.join(missing)} and next steps are not recorded for {f.month_label} in the plan."
            ),
        )
    blocks: list[Block] = []
    if e.impact:
        blocks += [Heading("What difference it has made"), Para(e.impact, prose=True)]
    if e.next_steps:
        blocks += [Heading("Next steps"), Bullets(tuple(e.next_steps))]
    return tuple(blocks)


def coming_up(f: Facts) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for horizon, items in f.view.coming_up.items():
        if not items:
            blocks.append(Para(f"Nothing falls due {horizon}."))
            continue
        blocks.append(
            Table(
                f"Due {horizon} ({len(items)})",
                ("Ref", "Action", "What", "Due"),
                tuple(
                    (
                        Cell(i.ref),
                        Cell(i.title),
                        Cell(step_words(i)),
                        Cell(f"{i.due} (by {i.due_end:%d %b %Y})"),
                    )
                    for i in items
                ),
                ("ref", "", "wide", "date"),
            )
        )
    return tuple(blocks)


def lead_key(lead: str) -> str:
    """A lead as grouped: case, punctuation and spacing set aside, so one role is one row."""
    return " ".join(re.sub(r"[^\w\s]", " ", lead.casefold()).split())


def by_lead(f: Facts) -> tuple[Block, ...]:
    groups: dict[str, tuple[str, list]] = {}  # type: ignore[type-arg]
    for lead, rows in f.view.by_lead:
        shown, merged = groups.setdefault(lead_key(lead), (lead, []))
        merged.extend(rows)

    def state(r: object) -> str:
        status = getattr(r, "status", None)
        return (
            "; overdue"
            if status and status.overdue
            else "; missed a date"
            if status and status.missed
            else ""
        )

    return (
        Table(
            "Actions by accountable lead",
            ("Lead", "Actions"),
            tuple(
                (
                    Cell(shown if shown != "No lead named" else NONE),
                    Cell(
                        ", ".join(
                            f"{r.ref} ({r.completion or 'not rated'}{state(r)})" for r in rows
                        )
                    ),
                )
                for shown, rows in sorted(groups.values(), key=lambda g: lead_key(g[0]))
            ),
        ),
    )
