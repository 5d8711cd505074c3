"""`sendplan export --format xlsx` without --month: the whole tracker as an accessible workbook.

One table per sheet with a header row, named tables, no merged cells, and a cover sheet saying
what each sheet holds. The rating word is always written; its colour is only an extra.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.authoring.spreadsheet.cells import put, table, workbook_bytes, wrap
from sendplan_cli.plan.action_state import accountable_leads, state_at
from sendplan_cli.plan.model import Plan
from sendplan_cli.plan.scale import CompletionRating, ImpactRating

SHEETS = {
    "Actions": "every action with its lead, due date in force and ratings as at the as-of date",
    "Updates": "every monthly update recorded, one row per action and month",
    "Indicators": "every indicator with its unit, direction, owner and status as at the as-of date",
    "Figures": "every figure recorded for an indicator, one row per period",
    "Ratings": "the plan's rating scale: each rating and what it means",
}


def build_tracker(plan: Plan, as_of: date) -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    lines = [("Sheet", "What it holds"), *SHEETS.items()]
    for row, (sheet, holds) in enumerate(lines, start=1):
        put(cover, row, 1, sheet)
        put(cover, row, 2, holds)
    intro = [
        ("Plan", plan.title),
        ("Partnership", plan.partnership),
        ("Board", plan.board),
        ("Data as at", as_of.isoformat()),
        ("Ratings", "each rating is written as a word; colour is only a visual aid"),
    ]
    for offset, (key, value) in enumerate(intro, start=len(lines) + 2):
        put(cover, offset, 1, key)
        put(cover, offset, 2, value)
    table(cover, "Contents", 2, len(SHEETS))
    cover.column_dimensions["A"].width, cover.column_dimensions["B"].width = 14, 90
    _sheet(
        wb,
        "Actions",
        (
            "Ref",
            "Action",
            "Accountable lead(s)",
            "Recommendations",
            "Due date in force",
            "Completion",
            "Impact",
            "Commentary",
            "Rated in",
        ),
        _actions(plan, as_of),
        plan,
    )
    _sheet(
        wb,
        "Updates",
        (
            "Ref",
            "Month",
            "Completion",
            "Impact",
            "Commentary",
            "New due date agreed",
            "Due date replaced",
            "Proposed due date",
            "Reason for proposal",
        ),
        _updates(plan),
        plan,
    )
    _sheet(
        wb,
        "Indicators",
        ("Id", "Indicator", "Unit", "Direction", "Owner", "Status", "Latest figure"),
        _indicators(plan, as_of),
        plan,
    )
    _sheet(
        wb,
        "Figures",
        ("Id", "Period", "Value", "Note", "Provisional"),
        [
            (i.id, a.period.text, a.value, a.note, "yes" if a.provisional else "no")
            for i in plan.indicators
            for a in i.actuals
        ],
        plan,
    )
    _sheet(
        wb,
        "Ratings",
        ("Rating of", "Rating", "What it means"),
        [("completion", r.name, r.meaning) for r in plan.rating_scale.completion]
        + [("impact", r.name, r.meaning) for r in plan.rating_scale.impact],
        plan,
    )
    wb.properties.title = plan.title
    wb.properties.creator = "sendplan"
    return wb


def _actions(plan: Plan, as_of: date) -> list[tuple[Any, ...]]:
    rows = []
    for index, action in enumerate(plan.actions):
        state = state_at(action, index, as_of)
        rows.append(
            (
                action.ref,
                action.title,
                ", ".join(accountable_leads(action)),
                ", ".join(action.recommendations),
                state.due.text if state.due else None,
                state.completion,
                state.impact,
                state.commentary,
                f"{state.update.month:%Y-%m}" if state.update else "as published",
            )
        )
    return rows


def _updates(plan: Plan) -> list[tuple[Any, ...]]:
    return [
        (
            a.ref,
            f"{u.month:%Y-%m}",
            u.completion,
            u.impact,
            u.commentary,
            u.due.text if u.due else None,
            u.previous_due,
            u.proposed_due.text if u.proposed_due else None,
            u.proposed_due_reason,
        )
        for a in plan.actions
        for u in a.updates
    ]


def _indicators(plan: Plan, as_of: date) -> list[tuple[Any, ...]]:
    from sendplan_cli.plan.kpi_status import kpi_statuses

    statuses = kpi_statuses(plan, as_of)
    return [
        (
            i.id,
            i.name,
            str(i.unit),
            i.direction,
            i.owner,
            s.label,
            f"{s.latest.period.text}: {s.latest.value:.15g}" if s.latest else None,
        )
        for i, s in zip(plan.indicators, statuses)
    ]


def _sheet(
    wb: Any, name: str, headings: tuple[str, ...], rows: list[tuple[Any, ...]], plan: Plan
) -> None:
    from openpyxl.styles import Font, PatternFill

    ws = wb.create_sheet(name)
    ratings: list[CompletionRating | ImpactRating] = [
        *plan.rating_scale.completion,
        *plan.rating_scale.impact,
    ]
    colours = {r.name: r.colour for r in ratings if r.colour}
    for number, heading in enumerate(headings, start=1):
        put(ws, 1, number, heading).font = Font(bold=True)
        ws.column_dimensions[ws.cell(row=1, column=number).column_letter].width = (
            40 if len(heading) > 12 else 14
        )
    for row, values in enumerate(rows, start=2):
        for number, value in enumerate(values, start=1):
            cell = put(ws, row, number, value)
            wrap(cell)
            if headings[number - 1] in ("Completion", "Impact") and value in colours:
                # Colour is an extra for sighted readers; the word stays in the cell, so nothing depends on it.
                cell.fill = PatternFill("solid", fgColor=colours[value][1:])
                cell.font = Font(color="FFFFFF", bold=True)
    ws.freeze_panes = "A2"
    table(ws, name, len(headings), len(rows))


def export_tracker(plan_path: Path, plan: Plan, as_of: date, output: Path | None) -> Path:
    """Write the tracker workbook; an existing file is never overwritten."""
    from sendplan_cli.ground.atomic import write_atomic

    target = output or Path(f"{plan_path.stem}.xlsx")
    write_atomic(target, workbook_bytes(build_tracker(plan, as_of)), exclusive=True)
    return target
