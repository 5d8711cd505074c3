"""The filled-in forms the monthly round's import example reads, typed in as officers would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from sendplan_cli.authoring.spreadsheet.form import ACTION_COLUMNS, letter

# What each lead typed for February 2025: {form's lead: {ref: {column: value}}}.
ANSWERS = {
    "jane-taylor": {
        "1.5": {
            "completion": "Red",
            "impact": "Red",
            "commentary": "Recruitment paused; the panel is not yet formed.",
            "proposed_due": "30/06/2025",
            "proposed_due_reason": "The panel chair starts in May.",
        },
        "5.4": {
            "completion": "Amber",
            "impact": "Amber",
            "commentary": "Two of four sessions held.",
        },
    },
    "caroline-tozzi": {
        "1.1": {"completion": "Green", "impact": "Red", "commentary": "Done; no change seen yet."},
    },
    "claire-prince": {
        "3.3": {"completion": "Red", "commentary": "Not started."},
    },
}


def _type_into(form: Path, answers: dict[str, dict[str, str]], target: Path) -> None:
    workbook = load_workbook(form)
    sheet = workbook["Actions"]
    for ref, values in answers.items():
        row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == ref)
        for column, value in values.items():
            sheet[f"{letter(ACTION_COLUMNS, column)}{row}"] = value
    workbook.save(target)


def monthly_round_forms(folder: Path) -> None:
    """Export February 2025's forms for West Sussex, fill three in, and one badly as bad-claire-prince."""
    subprocess.run(
        [sys.executable, "-m", "sendplan_cli", "export", "plans/west-sussex-2024.yaml"]
        + ["--month", "2025-02", "--format", "xlsx", "--by-lead", "-o", "forms"],
        cwd=folder,
        env=os.environ | {"NO_COLOR": "1"},
        check=True,
        capture_output=True,
    )
    forms = folder / "forms"
    for lead, answers in ANSWERS.items():
        form = forms / f"update-2025-02-{lead}.xlsx"
        _type_into(form, answers, form)
    # The same lead's form with a rating that is not on the plan's scale, in the row below 3.3.
    bad = forms / "update-2025-02-claire-prince.xlsx"
    workbook = load_workbook(bad)
    sheet = workbook["Actions"]
    sheet[f"{letter(ACTION_COLUMNS, 'completion')}4"] = "Amberish"
    workbook.save(forms / "bad-claire-prince.xlsx")
