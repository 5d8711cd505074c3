"""What each filled-in row of a returned form asks to record, or the problems that stop it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sendplan_cli.authoring.spreadsheet import values
from sendplan_cli.authoring.spreadsheet.form import (
    ACTION_COLUMNS,
    FIRST_ROW,
    INDICATOR_COLUMNS,
)
from sendplan_cli.authoring.spreadsheet.reader import Form
from sendplan_cli.authoring.spreadsheet.sheetscan import Cell, Sheet
from sendplan_cli.plan.model import Plan


@dataclass(frozen=True)
class ActionFormRow:
    """One action's answers for the month, and where they were written."""

    form: Form
    row: int
    ref: str
    fingerprint: str
    completion: str | None
    impact: str | None
    commentary: str | None
    proposed_due: str | None
    proposed_due_reason: str | None

    @property
    def where(self) -> str:
        return self.form.where("Actions", f"A{self.row}")

    def answers(self) -> dict[str, str]:
        fields = ("completion", "impact", "commentary", "proposed_due", "proposed_due_reason")
        return {f: getattr(self, f) for f in fields if getattr(self, f) is not None}


@dataclass(frozen=True)
class FigureRow:
    """One indicator's figure for a period, and where it was written."""

    form: Form
    row: int
    indicator: str
    fingerprint: str
    period: str
    value: int | float
    note: str | None

    @property
    def where(self) -> str:
        return self.form.where("Indicators", f"A{self.row}")


def _cells(sheet: Sheet, row: int, columns: Any) -> dict[str, Cell]:
    return {c.key: sheet.cell(row, n) for n, c in enumerate(columns, start=1) if c.filled_in}


def read_rows(
    form: Form, plan: Plan, month: date
) -> tuple[list[ActionFormRow], list[FigureRow], list[str]]:
    """Every filled-in row of the form, and every problem with a cell (named by sheet and cell)."""
    problems: list[str] = []
    actions: list[ActionFormRow] = []
    figures: list[FigureRow] = []

    def read(cell: Cell, reader: Any, *args: Any) -> Any:
        problem = values.formula(cell)
        value, problem = (None, problem) if problem else reader(cell.value, *args)
        if problem:
            problems.append(f"{form.where(cell.sheet, cell.coordinate)}: {problem}")
        return value

    ws = form.sheets["Actions"]
    completions = [r.name for r in plan.rating_scale.completion]
    impacts = [r.name for r in plan.rating_scale.impact]
    for offset, (ref, fingerprint) in enumerate(form.actions):
        row = FIRST_ROW + offset
        cells = _cells(ws, row, ACTION_COLUMNS)
        got = {
            "completion": read(cells["completion"], values.rating, completions, "completion"),
            "impact": read(cells["impact"], values.rating, impacts, "impact"),
            "commentary": read(cells["commentary"], values.text),
            "proposed_due": read(cells["proposed_due"], values.proposed_date, month),
            "proposed_due_reason": read(cells["proposed_due_reason"], values.text),
        }
        typed = [
            cells[k]
            for k in ("proposed_due", "proposed_due_reason")
            if cells[k].value not in (None, "")
        ]
        if len(typed) == 1:
            missing = "reason" if typed[0] is cells["proposed_due"] else "proposed date"
            other = cells["proposed_due_reason" if missing == "reason" else "proposed_due"]
            problems.append(
                f"{form.where('Actions', other.coordinate)}: a proposed new date needs both the date and the "
                f"reason for it, for the board; give the {missing}"
            )
        if any(v is not None for v in got.values()):
            actions.append(ActionFormRow(form, row, ref, fingerprint, **got))

    ws = form.sheets["Indicators"]
    for offset, (ident, fingerprint) in enumerate(form.indicators):
        row = FIRST_ROW + offset
        cells = _cells(ws, row, INDICATOR_COLUMNS)
        known = len(problems)
        period = read(cells["period"], values.period)
        value = read(cells["value"], values.number)
        note = read(cells["note"], values.text)
        if len(problems) > known:
            continue  # the cell's own problem is named; "needs both" would only repeat it
        if (period is None) != (value is None):
            empty = cells["value" if period is not None else "period"]
            problems.append(
                f"{form.where('Indicators', empty.coordinate)}: a figure needs both its period and its value"
            )
        elif period is not None:
            figures.append(FigureRow(form, row, ident, fingerprint, period, value, note))
        elif note is not None:
            problems.append(
                f"{form.where('Indicators', cells['note'].coordinate)}: a note needs a figure; give its period and value"
            )
    return actions, figures, problems
