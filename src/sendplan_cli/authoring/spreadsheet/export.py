"""`sendplan export --month`: one update form per lead (or one for all), built from the plan as it is now."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.authoring.spreadsheet.cells import (
    header,
    put,
    slug,
    table,
    workbook_bytes,
    wrap,
)
from sendplan_cli.authoring.spreadsheet.form import (
    ACTION_COLUMNS,
    FIRST_ROW,
    FORM_KIND,
    FORM_VERSION,
    INDICATOR_COLUMNS,
    META_SHEET,
    RATING_COLUMNS,
    SHEETS,
    action_fingerprint,
    addressee,
    heading,
    indicator_fingerprint,
    leads_of,
    letter,
    open_actions,
    plan_fingerprint,
)
from sendplan_cli.plan.action_state import accountable_leads
from sendplan_cli.plan.model import Plan

_GUIDE = (
    "How to fill in this form",
    "",
    "The Actions sheet lists your open actions. Fill in the white columns on the right for this month:",
    "a completion rating and an impact rating (choose from the drop-down: the Ratings sheet says what each means),",
    "a line of commentary for the board, and, only if the action needs more time, a proposed new due date with the reason.",
    "A proposed date goes to the board to agree; the due date does not change until it does.",
    "The Indicators sheet lists the figures you report: give the period, the value (a number only) and any note.",
    "Leave a row empty if there is nothing to report. Please do not add, delete, move or rename rows or sheets,",
    "and send the file back as it is (.xlsx).",
)


def build_form(plan: Plan, raw: bytes, plan_name: str, month: date, lead: str | None) -> Any:
    """The update form for one lead (or for every lead when lead is None)."""
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    wb = Workbook()
    guide = wb.active
    guide.title = SHEETS[0]
    for row, text in enumerate((heading(plan.title, month), addressee(lead), "", *_GUIDE), start=1):
        put(guide, row, 1, text)
    guide.column_dimensions["A"].width = 120
    rows = _actions_sheet(wb.create_sheet(SHEETS[1]), plan, month, lead)
    indicator_rows = _indicators_sheet(wb.create_sheet(SHEETS[2]), plan, lead)
    _ratings_sheet(wb.create_sheet(SHEETS[3]), plan)
    _meta_sheet(
        wb.create_sheet(META_SHEET), plan, raw, plan_name, month, lead, rows, indicator_rows
    )
    _drop_downs(wb, plan, len(rows), len(indicator_rows), month)
    wb.security = WorkbookProtection(
        lockStructure=True
    )  # sheets cannot be renamed, moved or deleted
    wb.properties.title = heading(plan.title, month)
    wb.properties.subject = f"sendplan update form {month:%Y-%m}"
    wb.properties.creator = "sendplan"
    return wb


def _lock(ws: Any, columns: Any, rows: int) -> None:
    """Lock the sheet, leaving the lead's cells open; no password, so the officer can unlock it if needed."""
    from openpyxl.styles import Protection

    for number, column in enumerate(columns, start=1):
        if column.filled_in:
            for row in range(FIRST_ROW, FIRST_ROW + rows):
                ws.cell(row=row, column=number).protection = Protection(locked=False)
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _actions_sheet(ws: Any, plan: Plan, month: date, lead: str | None) -> list[tuple[str, str]]:
    header(ws, ACTION_COLUMNS)
    rows = []
    for row, (index, action, state) in enumerate(open_actions(plan, month, lead), start=FIRST_ROW):
        values = {
            "ref": action.ref,
            "title": action.title,
            "leads": ", ".join(accountable_leads(action)),
            "due": state.due.text if state.due else "no date",
            "last_month": f"{state.update.month:%B %Y}" if state.update else "as published",
            "last_completion": state.completion,
            "last_impact": state.impact,
            "last_commentary": state.commentary,
        }
        for number, column in enumerate(ACTION_COLUMNS, start=1):
            wrap(put(ws, row, number, values.get(column.key)))
        ws.cell(
            row=row, column=[c.key for c in ACTION_COLUMNS].index("proposed_due") + 1
        ).number_format = "DD/MM/YYYY"
        rows.append((action.ref, action_fingerprint(action, index, month)))
    table(ws, "Actions", len(ACTION_COLUMNS), len(rows))
    _lock(ws, ACTION_COLUMNS, len(rows))
    return rows


def _indicators_sheet(ws: Any, plan: Plan, lead: str | None) -> list[tuple[str, str]]:
    header(ws, INDICATOR_COLUMNS)
    rows = []
    found = [(i, ind) for i, ind in enumerate(plan.indicators) if lead is None or ind.owner == lead]
    for row, (index, indicator) in enumerate(found, start=FIRST_ROW):
        latest = indicator.actuals[-1] if indicator.actuals else None
        values = {
            "id": indicator.id,
            "name": indicator.name,
            "unit": str(indicator.unit),
            "latest": f"{latest.period.text}: {latest.value:.15g}" if latest else "none yet",
        }
        for number, column in enumerate(INDICATOR_COLUMNS, start=1):
            wrap(put(ws, row, number, values.get(column.key)))
        # Text, so Excel keeps "2025-01" or "Q3 24/25" as typed instead of turning it into a date.
        ws.cell(
            row=row, column=[c.key for c in INDICATOR_COLUMNS].index("period") + 1
        ).number_format = "@"
        rows.append((indicator.id, indicator_fingerprint(plan, index)))
    table(ws, "Indicators", len(INDICATOR_COLUMNS), len(rows))
    _lock(ws, INDICATOR_COLUMNS, len(rows))
    return rows


def _ratings_sheet(ws: Any, plan: Plan) -> None:
    header(ws, RATING_COLUMNS)
    scale = [("completion", r) for r in plan.rating_scale.completion] + [
        ("impact", r) for r in plan.rating_scale.impact
    ]
    for row, (kind, rating) in enumerate(scale, start=FIRST_ROW):
        for number, value in enumerate((kind, rating.name, rating.meaning), start=1):
            put(ws, row, number, value)
    table(ws, "Ratings", len(RATING_COLUMNS), len(scale))
    ws.protection.sheet = True


def _meta_sheet(
    ws: Any,
    plan: Plan,
    raw: bytes,
    plan_name: str,
    month: date,
    lead: str | None,
    rows: list[tuple[str, str]],
    indicator_rows: list[tuple[str, str]],
) -> None:
    """What the form was made from, so import can tell another plan, another month or a changed row."""
    meta = [
        ("kind", FORM_KIND),
        ("version", FORM_VERSION),
        ("plan", plan_name),
        ("title", plan.title),
        ("partnership", plan.partnership),
        ("month", f"{month:%Y-%m}"),
        ("lead", lead or ""),
        ("plan_sha256", plan_fingerprint(raw)),
    ]
    meta += [("action", f"{ref}\t{fp}") for ref, fp in rows]
    meta += [("indicator", f"{ref}\t{fp}") for ref, fp in indicator_rows]
    for row, (key, value) in enumerate(meta, start=1):
        put(ws, row, 1, key)
        put(ws, row, 2, value)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def _drop_downs(wb: Any, plan: Plan, actions: int, indicators: int, month: date) -> None:
    """The plan's own ratings as drop-downs; a date and a number check on the date and value cells."""
    from openpyxl.worksheet.datavalidation import DataValidation

    n_completion, n_impact = len(plan.rating_scale.completion), len(plan.rating_scale.impact)
    ws = wb[SHEETS[1]]
    last = FIRST_ROW + max(actions, 1) - 1

    def column(key: str) -> str:
        col = letter(ACTION_COLUMNS, key)
        return f"{col}{FIRST_ROW}:{col}{last}"

    checks = [
        (
            DataValidation(
                type="list",
                formula1=f"Ratings!$B$2:$B${1 + n_completion}",
                allow_blank=True,
                error="Choose a completion rating from the list (the Ratings sheet says what each means).",
            ),
            column("completion"),
        ),
        (
            DataValidation(
                type="list",
                formula1=f"Ratings!$B${2 + n_completion}:$B${1 + n_completion + n_impact}",
                allow_blank=True,
                error="Choose an impact rating from the list.",
            ),
            column("impact"),
        ),
        (
            DataValidation(
                type="date",
                operator="greaterThanOrEqual",
                formula1=str(_serial(month)),
                allow_blank=True,
                error=f"Give a date on or after 1 {month:%B %Y}, e.g. 31/03/2026.",
            ),
            column("proposed_due"),
        ),
    ]
    for check, cells in checks:
        check.showErrorMessage = True
        check.add(cells)
        ws.add_data_validation(check)
    value = letter(INDICATOR_COLUMNS, "value")
    number = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1000000000",
        formula2="1000000000",
        allow_blank=True,
        showErrorMessage=True,
        error="Give the figure as a number only, e.g. 54.2.",
    )
    number.add(f"{value}{FIRST_ROW}:{value}{FIRST_ROW + max(indicators, 1) - 1}")
    wb[SHEETS[2]].add_data_validation(number)


def _serial(day: date) -> int:
    """Excel's day number for a date (the 1900 date system)."""
    return (day - date(1899, 12, 30)).days


def form_files(
    plan: Plan, month: date, by_lead: bool, output: Path | None
) -> list[tuple[Path, str | None]]:
    """Where each form goes: one file, or one per lead in a folder."""
    if not by_lead:
        return [(output or Path(f"update-{month:%Y-%m}.xlsx"), None)]
    folder = output or Path(f"update-forms-{month:%Y-%m}")
    files: list[tuple[Path, str | None]] = []
    used: set[str] = set()
    for number, lead in enumerate(leads_of(plan, month), start=1):
        name = slug(lead) or f"lead-{number}"
        while name in used:
            name += f"-{number}"
        used.add(name)
        files.append((folder / f"update-{month:%Y-%m}-{name}.xlsx", lead))
    return files


def export_forms(
    plan_path: Path, plan: Plan, raw: bytes, month: date, by_lead: bool, output: Path | None
) -> list[Path]:
    """Write the forms, all or none; no existing file is overwritten, and nothing is written if any target exists."""
    from sendplan_cli.ground.atomic import staged_folder, write_atomic
    from sendplan_cli.ground.errors import UsageError

    published = plan.published.start or plan.published.end
    if published is not None and month < published.replace(day=1):
        raise UsageError(
            f"--month {month:%Y-%m}: the plan was published in {published:%B %Y}; updates start then"
        )
    files = form_files(plan, month, by_lead, output)
    taken = [path for path, _ in files if path.exists()]
    if taken:
        other = "another folder" if by_lead else "another file name"
        raise UsageError(
            f"{taken[0]}: already exists; sendplan never overwrites a form. Move it away, or give -o {other}"
        )
    if not files:
        raise UsageError(
            f"{plan_path}: no lead has an open action or an indicator in {month:%B %Y}; there is no form to send"
        )
    if (
        by_lead
    ):  # all or nothing: a half-written set of forms would block the rerun that completes it
        with staged_folder(files[0][0].parent) as write:
            for path, lead in files:
                write(path.name, workbook_bytes(build_form(plan, raw, plan_path.name, month, lead)))
        return [path for path, _ in files]
    try:
        files[0][0].parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"{files[0][0].parent}: cannot create the folder: {exc.strerror or exc}"
        ) from None
    path, lead = files[0]
    write_atomic(
        path, workbook_bytes(build_form(plan, raw, plan_path.name, month, lead)), exclusive=True
    )
    return [path]
