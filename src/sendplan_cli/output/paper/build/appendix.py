"""The appendices: every action (the tracker), the rating legend, findings by rule, each indicator in detail.

Rule codes and rule names appear here and nowhere else in the paper."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sendplan_cli.output.paper.build.body import rating_cell
from sendplan_cli.output.paper.build.facts import NONE, Facts, leads_words, movement_words
from sendplan_cli.output.paper.document.paper_model import Block, Cell, Figure, Heading, Para, Table

if TYPE_CHECKING:
    from sendplan_cli.output.paper.charts.chart_cards import KpiCard


def _due(row: object) -> str:
    due = getattr(row, "due", None) or "No date"
    change = getattr(row, "due_change", None)
    proposal = getattr(row, "proposal", None)
    lines = [due]
    if change:
        lines.append(f"Date changed: {change}")
    if proposal is not None:
        lines.append(proposal.note)
    return "\n".join(lines)


def _measures(action: object) -> str:
    lines = [str(m) for m in getattr(action, "success_measures", [])]
    for m in getattr(action, "measures", []):
        lines.append(
            f"{m.name or m.indicator}: baseline {m.baseline or NONE}, target {m.target or NONE}, "
            f"actual {m.actual or NONE}"
        )
    return "\n".join(lines) or NONE


def tracker(f: Facts) -> tuple[Block, ...]:
    rows = tuple(
        (
            Cell(r.ref),
            Cell(r.title),
            Cell(leads_words(r.leads)),
            Cell(_due(r), prose=True),
            rating_cell(f, r.completion, True),
            rating_cell(f, r.impact, False),
            # Read off the plan as committed, not from a recorded update: said so beside it.
            Cell(movement_words(r.movement) + (" (git)" if r.source else "")),
            Cell(_measures(r.action), prose=True),
            Cell(r.commentary or NONE, prose=bool(r.commentary)),
        )
        for r in f.view.rows
    )
    return (
        Table(
            f"Every action as at {f.as_of_words}",
            (
                "Ref",
                "Action",
                "Lead",
                "Due",
                "Completion",
                "Impact",
                "Movement",
                "Success measures",
                "Latest commentary",
            ),
            rows,
            ("ref", "wide", "", "date", "", "", "", "wide", "wide"),
        ),
    )


def legend(f: Facts) -> tuple[Block, ...]:
    view = f.view
    scale = view.plan.rating_scale
    blocks: list[Block] = [
        Table(
            "Status of action completion against timescale",
            ("Rating", "Meaning"),
            tuple((Cell(r.name, r.colour), Cell(r.meaning)) for r in scale.completion),
        ),
        Table(
            "Status of impact",
            ("Rating", "Meaning"),
            tuple((Cell(r.name, r.colour), Cell(r.meaning)) for r in scale.impact),
        ),
    ]
    if view.findings_by_rule:
        blocks.append(
            Table(
                f"Validation findings as of {f.as_of_words}, by rule ({len(view.findings)} in all)",
                ("Rule", "Severity", "Count", "Actions", "For example"),
                tuple(
                    (
                        Cell(f"{g.code} {g.name}"),
                        Cell(g.severity),
                        Cell(str(g.count)),
                        Cell(", ".join(g.refs) or "the plan as a whole"),
                        Cell(g.example),
                    )
                    for g in view.findings_by_rule
                ),
            )
        )
    else:
        blocks.append(Para("No validation findings."))
    for card in view.kpis:
        blocks += _kpi(card)
    return tuple(blocks)


def _kpi(card: KpiCard) -> list[Block]:
    status = card.status
    ind = status.indicator
    figure = card.figure
    chart = card.chart
    blocks: list[Block] = [Heading(f"{ind.id}: {ind.name}"), Para(card.headline)]
    if card.row["comparators"] != "-":
        blocks.append(Para(f"Compared with: {card.row['comparators']}"))
    if figure is not None:
        blocks.append(Figure(f"{ind.id}: {ind.name}", card.headline, chart, figure, 160))
    blocks.append(
        Table(
            f"{ind.id}: the values{' in the chart' if figure is not None else ''}",
            ("When", "What", "Value", "Note"),
            tuple(
                (Cell(r["when"]), Cell(r["what"]), Cell(r["value"]), Cell(r["note"]))
                for r in card.table
            ),
        )
    )
    blocks += [Para(f"Definition change: {note}") for note in card.notes]
    return blocks
