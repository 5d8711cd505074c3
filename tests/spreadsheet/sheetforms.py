"""Helpers for the spreadsheet tests: export a form, fill it in as a lead would, read a plan's changed lines."""

from __future__ import annotations

import difflib
import shutil
from datetime import date
from pathlib import Path
from typing import Any

from conftest import PLANS

from sendplan_cli.authoring.spreadsheet.export import export_forms
from sendplan_cli.authoring.spreadsheet.form import ACTION_COLUMNS, INDICATOR_COLUMNS, letter
from sendplan_cli.check.pipeline import load_model

WEST_SUSSEX = PLANS / "west-sussex-2024.yaml"


def copy_plan(tmp_path: Path, source: Path = WEST_SUSSEX) -> Path:
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    return target


def export(plan_path: Path, month: date, folder: Path, by_lead: bool = True) -> list[Path]:
    raw = plan_path.read_bytes()
    _, plan = load_model(plan_path, raw=raw)
    return export_forms(
        plan_path, plan, raw, month, by_lead, folder if by_lead else folder / "form.xlsx"
    )


def fill(
    form: Path,
    answers: dict[str, dict[str, Any]],
    figures: dict[str, dict[str, Any]] | None = None,
    out: Path | None = None,
) -> Path:
    """Type answers into a form as a lead would: {ref: {column key: value}} on Actions, {id: {...}} on Indicators."""
    from openpyxl import load_workbook

    wb = load_workbook(form)
    for sheet, columns, rows in (
        ("Actions", ACTION_COLUMNS, answers),
        ("Indicators", INDICATOR_COLUMNS, figures or {}),
    ):
        ws = wb[sheet]
        for key, values in rows.items():
            row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == key)
            for column, value in values.items():
                ws[f"{letter(columns, column)}{row}"] = value
    target = out or form
    wb.save(target)
    return target


def changed_lines(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    """(removed, added) lines between two versions of a plan."""
    old, new = before.decode().splitlines(), after.decode().splitlines()
    removed, added = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += old[i1:i2]
            added += new[j1:j2]
    return removed, added
