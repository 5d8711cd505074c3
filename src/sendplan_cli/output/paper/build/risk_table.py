"""Risks: the month's risks in the author's words, then the plan's risk register, highest score first.

Scores, bands and whether a review date has passed come from plan/risk_scores.py, as the rules and
`sendplan list --risks` read them, so the paper never disagrees with them.
"""

from __future__ import annotations

from sendplan_cli.output.paper.build.facts import NONE, Facts
from sendplan_cli.output.paper.document.paper_model import Block, Bullets, Cell, Table
from sendplan_cli.plan.risk_scores import RatedRisk, by_score, rated_risks

HEADERS = (
    "Risk",
    "Owner",
    "Likelihood",
    "Impact",
    "Score",
    "Rating",
    "Mitigation",
    "Linked actions",
    "Review date",
)
COLUMNS = ("wide", "", "", "", "", "", "wide", "", "date")
OVERDUE = "review overdue"


def _review(f: Facts, rated: RatedRisk) -> str:
    review = rated.risk.review_date
    if review is None:
        return NONE
    # The same test the risk-review-overdue rule makes, as at the paper's date.
    return f"{review.text} ({OVERDUE})" if rated.review_passed(f.as_of) else review.text


def _row(f: Facts, rated: RatedRisk) -> tuple[Cell, ...]:
    risk = rated.risk
    return (
        Cell(f"{risk.id}: {risk.description}"),
        Cell(risk.owner or NONE),
        Cell(str(risk.likelihood)),
        Cell(str(risk.impact)),
        Cell(str(rated.score)),
        Cell(rated.band),
        Cell(risk.mitigation or NONE),
        Cell(", ".join(ref.strip() for ref in risk.actions) or NONE),
        Cell(_review(f, rated)),
    )


def risks(f: Facts) -> tuple[Block, ...]:
    """The month's risk text and the register; nothing (no section) when the plan has neither."""
    entry = f.view.entry
    blocks: list[Block] = []
    if entry is not None and entry.risks:
        blocks.append(Bullets(tuple(entry.risks)))
    register = by_score(rated_risks(f.view.plan))
    if register:
        overdue = sum(r.review_passed(f.as_of) for r in register)
        caption = f"Risk register by score, highest first, as at {f.as_of_words} ({len(register)}"
        caption += f"; {overdue} {OVERDUE})" if overdue else ")"
        blocks.append(
            Table(caption, HEADERS, tuple(_row(f, r) for r in register), COLUMNS),
        )
    return tuple(blocks)
