"""`sendplan list`: one row per action, as a table for people or stable JSON for scripts."""

from __future__ import annotations

import json
from typing import Any, TextIO

from sendplan_cli.ground.sanitise import rich_text
from sendplan_cli.plan.action_state import accountable_leads, dated_steps, final_due
from sendplan_cli.plan.model import Plan

# The JSON keys are a documented interface (README, "sendplan list"); add keys, never rename them.
COLUMNS = ("ref", "title", "leads", "due", "due_end", "completion", "impact", "recommendation")


def action_rows(plan: Plan) -> list[dict[str, Any]]:
    """Each action as published: the due date as written and the end of its final period."""
    rows = []
    for index, action in enumerate(plan.actions):
        due_at = ("actions", index, "due")
        final = final_due(action.due, due_at, dated_steps(action, index, action.due, due_at))
        leads = accountable_leads(action)
        rows.append(
            {
                "ref": action.ref,
                "title": action.title,
                "leads": leads,
                "due": action.due.text if action.due else None,
                "due_end": final[1].isoformat() if final else None,
                "completion": action.completion,
                "impact": action.impact,
                "recommendation": action.recommendations[0] if action.recommendations else None,
                "recommendations": action.recommendations,
            }
        )
    return rows


def print_json(rows: list[dict[str, Any]], out: TextIO) -> None:
    json.dump(rows, out, indent=2, ensure_ascii=False)
    out.write("\n")


def print_table(
    rows: list[dict[str, Any]], out: TextIO, title: str | None = None, colour: str = "auto"
) -> None:
    from rich.table import Table

    from sendplan_cli.output.colour import console

    table = Table(show_lines=False, header_style="bold", title=rich_text(title) if title else None)
    for name in ("Ref", "Action", "Lead(s)", "Due", "Due by", "Completion", "Impact", "Answers"):
        table.add_column(name, overflow="fold")
    for row in rows:
        cells = (
            row["ref"],
            row["title"],
            "; ".join(row["leads"]) or "-",
            row["due"] or "-",
            row["due_end"] or "not time-bound",
            row["completion"] or "-",
            row["impact"] or "-",
            ", ".join(row["recommendations"]) or "-",
        )
        # Plan text is shown as written: never a rich tag, a link or a terminal control sequence.
        table.add_row(*(rich_text(cell) for cell in cells))
    console(out, colour).print(table)
