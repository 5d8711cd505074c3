"""`sendplan list --risks`: the plan's risks by score, as a table for people or stable JSON for scripts."""

from __future__ import annotations

from datetime import date
from typing import Any, TextIO

from sendplan_cli.ground.sanitise import rich_text
from sendplan_cli.plan.model import Plan
from sendplan_cli.plan.risk_scores import by_score, rated_risks

# The JSON keys are a documented interface (docs/risks-and-dependencies.md); add keys, never rename them.
COLUMNS = (
    "id",
    "description",
    "owner",
    "likelihood",
    "impact",
    "score",
    "band",
    "written_score",
    "mitigation",
    "actions",
    "review_date",
    "review_by",
    "review_passed",
)


def risk_rows(plan: Plan, as_of: date) -> list[dict[str, Any]]:
    """Each risk, highest score first, with the score and band sendplan works out."""
    rows = []
    for rated in by_score(rated_risks(plan)):
        risk = rated.risk
        rows.append(
            {
                "id": risk.id,
                "description": risk.description,
                "owner": risk.owner,
                "likelihood": risk.likelihood,
                "impact": risk.impact,
                "score": rated.score,
                "band": rated.band,
                "written_score": risk.score,
                "mitigation": risk.mitigation,
                "actions": [ref.strip() for ref in risk.actions],
                "review_date": risk.review_date.text if risk.review_date else None,
                "review_by": rated.review_by.isoformat() if rated.review_by else None,
                "review_passed": rated.review_passed(as_of),
            }
        )
    return rows


def print_risk_table(
    rows: list[dict[str, Any]],
    as_of: date,
    out: TextIO,
    title: str | None = None,
    colour: str = "auto",
) -> None:
    """The risks through rich; plan text is shown as written, never read as markup."""
    from rich.table import Table

    from sendplan_cli.output.colour import console as make_console

    heading = f"Risks by score as at {as_of.day} {as_of:%B %Y}" + (
        f": {rich_text(title)}" if title else ""
    )
    table = Table(title=heading, header_style="bold", show_lines=False)
    for name in ("Risk", "Description", "Owner", "Likelihood", "Impact", "Score"):
        table.add_column(name, overflow="fold")
    for name in ("Mitigation", "Actions", "Review"):
        table.add_column(name, overflow="fold")
    for row in rows:
        review = row["review_date"] or "-"
        if row["review_passed"]:
            review += " (passed)"
        cells = (
            row["id"],
            row["description"],
            row["owner"] or "none named",
            str(row["likelihood"]),
            str(row["impact"]),
            f"{row['score']} {row['band']}",
            row["mitigation"] or "none recorded",
            ", ".join(row["actions"]) or "-",
            review,
        )
        table.add_row(*(rich_text(cell) for cell in cells))
    console = make_console(out, colour)
    if not rows:
        console.print(
            f"{heading}: this plan has no risks; add them under `risks:`"
            " (see docs/risks-and-dependencies.md)."
        )
        return
    console.print(table)
