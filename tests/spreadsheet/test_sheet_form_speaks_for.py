"""A form speaks only for its own lead and its own month, whatever was edited in its hidden record.

Forms are not signed: someone with a zip program can change anything. These are the edits that
once went through: another lead's action put on a form, the month changed, a form for a month
not yet begun. Each is refused naming the cell; the rest of the plan stays as it was.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli
from sheetforms import copy_plan, export, fill

from sendplan_cli.authoring.spreadsheet.form import (
    META_SHEET,
    action_fingerprint,
    indicator_fingerprint,
)
from sendplan_cli.check.pipeline import load_model

FEB = date(2025, 2, 1)
TITLE = "West Sussex Local Area SEND Partnership Improvement Plan"


@pytest.fixture()
def plan(tmp_path: Path) -> Path:
    return copy_plan(tmp_path)


@pytest.fixture()
def form(plan: Path, tmp_path: Path) -> Path:
    """Jane Taylor's February form: actions 1.5, 1.6 and 5.4 in rows 2 to 4."""
    return next(
        p for p in export(plan, FEB, tmp_path / "forms") if p.name.endswith("jane-taylor.xlsx")
    )


def _record(form: Path, key: str, value: str, occurrence: int = 0) -> None:
    """Change the value of a key in the form's hidden record, as someone with a zip program could."""
    from openpyxl import load_workbook

    wb = load_workbook(form)
    rows = [r for r in wb[META_SHEET].iter_rows(min_col=1, max_col=2) if r[0].value == key]
    rows[occurrence][1].value = value
    wb.save(form)


def _import(plan: Path, *args: str) -> tuple[int, str, bytes]:
    result = run_cli("import", str(plan), *args)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    return result.returncode, result.stderr, plan.read_bytes()


def test_another_leads_action_put_on_a_form_is_refused_and_the_rest_recorded(
    plan: Path, form: Path
) -> None:
    # Row 2 held Jane Taylor's 1.5; it now claims Caroline Tozzi's 1.1, visibly and in the record, fingerprint and all.
    _, model = load_model(plan)
    index = next(i for i, a in enumerate(model.actions) if a.ref == "1.1")
    fill(
        form,
        {"1.5": {"completion": "Blue"}, "1.6": {"completion": "Amber", "commentary": "On track"}},
    )
    _record(form, "action", f"1.1\t{action_fingerprint(model.actions[index], index, FEB)}")
    from openpyxl import load_workbook

    wb = load_workbook(form)
    wb["Actions"]["A2"] = "1.1"
    wb.save(form)
    before = plan.read_text()
    code, message, _ = _import(plan, str(form))
    assert code == 1
    assert (
        f"{form}:Actions!A2: action 1.1 is not Jane Taylor's in the plan (its leads are Caroline Tozzi), and a "
        "form speaks only for its own lead's actions; nothing was recorded for it"
    ) in message
    assert "action 1.6: completion Amber, commentary" in message
    assert before.count("completion: Blue") == plan.read_text().count("completion: Blue")


def test_another_owners_indicator_put_on_a_form_is_refused(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, FIXTURES / "valid" / "indicators.yaml")
    sam = next(
        p
        for p in export(plan, date(2025, 9, 1), tmp_path / "forms")
        if p.name.endswith("sam-example.xlsx")
    )
    _, model = load_model(plan)
    index = next(i for i, ind in enumerate(model.indicators) if ind.id == "KPI 2")  # Robin Sample's
    fill(sam, {}, {"KPI 1": {"period": "2025-09", "value": 12}})
    _record(sam, "indicator", f"KPI 2\t{indicator_fingerprint(model, index)}")
    from openpyxl import load_workbook

    wb = load_workbook(sam)
    wb["Indicators"]["A2"] = "KPI 2"
    wb.save(sam)
    before = plan.read_bytes()
    code, message, after = _import(plan, str(sam))
    assert code == 1 and after == before
    assert (
        f"{sam}:Indicators!A2: indicator KPI 2 is not Sam Example's in the plan (its owner is Robin Sample), and a "
        "form speaks only for its own lead's indicators; nothing was recorded for it"
    ) in message


def test_a_form_whose_hidden_month_was_changed_is_refused_naming_the_heading(
    plan: Path, form: Path
) -> None:
    _record(form, "month", "2025-03")
    fill(form, {"1.5": {"completion": "Red"}})
    before = plan.read_bytes()
    code, message, after = _import(plan, str(form))
    assert code == 2 and after == before
    assert (
        f"{form}:Guide!A1: the form says '{TITLE}: update for February 2025' but its hidden record says it is for "
        "March 2025; it was altered after it was sent"
    ) in message


def test_a_form_whose_hidden_lead_was_changed_is_refused_naming_whose_it_says_it_is(
    plan: Path, form: Path
) -> None:
    _record(form, "lead", "Caroline Tozzi")
    fill(form, {"1.5": {"completion": "Red"}})
    before = plan.read_bytes()
    code, message, after = _import(plan, str(form))
    assert code == 2 and after == before
    assert (
        f"{form}:Guide!A2: the form says 'For: Jane Taylor' but its hidden record says it is Caroline Tozzi's"
        in message
    )


@pytest.mark.parametrize("month_option", [[], ["--month", "2030-01"]])
def test_a_form_for_a_month_not_yet_begun_is_refused(
    plan: Path, tmp_path: Path, month_option: list[str]
) -> None:
    future = next(
        p
        for p in export(plan, date(2030, 1, 1), tmp_path / "future")
        if p.name.endswith("jane-taylor.xlsx")
    )
    fill(future, {"1.5": {"completion": "Red", "commentary": "Ahead of time"}})
    before = plan.read_bytes()
    code, message, after = _import(plan, str(future), *month_option)
    assert code == 2 and after == before
    assert f"{future}: this form is for January 2030, which has not begun" in message


def test_the_current_months_round_still_imports(plan: Path, tmp_path: Path) -> None:
    this_month = date.today().replace(day=1)  # the command reads the same clock
    current = next(
        p for p in export(plan, this_month, tmp_path / "now") if p.name.endswith("jane-taylor.xlsx")
    )
    fill(current, {"1.5": {"completion": "Red", "commentary": "This month"}})
    code, message, _ = _import(plan, str(current))
    assert code == 0, message
    assert f"recorded 1 change(s) for {this_month:%B %Y}:" in message
