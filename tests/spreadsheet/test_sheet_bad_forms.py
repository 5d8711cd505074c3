"""Returned forms that are wrong in every way a busy lead or a mail system can make them wrong.

Each ends with a message naming the file (and the cell where there is one), exit code 1 or 2,
and the plan byte for byte as it was.
"""

from __future__ import annotations

import os
import zipfile
from datetime import date
from pathlib import Path

import pytest
from conftest import PLANS, run_cli
from sheetforms import copy_plan, export, fill

FEB = date(2025, 2, 1)


@pytest.fixture()
def plan(tmp_path: Path) -> Path:
    return copy_plan(tmp_path)


@pytest.fixture()
def form(plan: Path, tmp_path: Path) -> Path:
    """Jane Taylor's February form: actions 1.5, 1.6 and 5.4 in rows 2 to 4."""
    return next(
        p for p in export(plan, FEB, tmp_path / "forms") if p.name.endswith("jane-taylor.xlsx")
    )


def refused(plan: Path, *args: str, code: int | None = None) -> str:
    """Import, and check nothing was written; returns what the user was told."""
    before = plan.read_bytes()
    result = run_cli("import", str(plan), *args)
    assert result.returncode in ((1, 2) if code is None else (code,)), (
        result.returncode,
        result.stderr,
    )
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert plan.read_bytes() == before
    return result.stderr


def _edit(form: Path, change) -> Path:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    wb = load_workbook(form)
    change(wb)
    wb.save(form)
    return form


def test_a_form_made_for_another_plan_is_refused(plan: Path, tmp_path: Path) -> None:
    (tmp_path / "other").mkdir()
    other = copy_plan(tmp_path / "other", PLANS / "east-sussex-2025.yaml")
    form = fill(
        export(other, date(2025, 6, 1), tmp_path / "east")[0], {"1.1": {"completion": "Amber"}}
    )
    message = refused(plan, str(form), code=2)
    assert (
        f"{form}: this form was made for 'East Sussex" in message
        and "import it into its own plan" in message
    )


def test_a_form_for_another_month_is_refused(plan: Path, form: Path) -> None:
    fill(form, {"1.5": {"completion": "Red"}})
    message = refused(plan, str(form), "--month", "2025-03", code=2)
    assert "this form is for February 2025, not March 2025" in message


def test_forms_for_two_months_are_not_mixed(plan: Path, form: Path, tmp_path: Path) -> None:
    march = next(
        p
        for p in export(plan, date(2025, 3, 1), tmp_path / "march")
        if p.name.endswith("jane-taylor.xlsx")
    )
    fill(form, {"1.5": {"completion": "Red"}})
    fill(march, {"1.6": {"completion": "Red"}})
    message = refused(plan, str(form), str(march), code=2)
    assert (
        "the forms are for February 2025 and March 2025; import one month's forms at a time"
        in message
    )
    assert "nothing was recorded" in message


def test_a_renamed_sheet_is_refused(plan: Path, form: Path) -> None:
    _edit(form, lambda wb: setattr(wb["Actions"], "title", "My actions"))
    message = refused(plan, str(form), code=2)
    assert (
        "the sheets are Guide, My actions, Indicators, Ratings" in message
        and "must not be renamed" in message
    )


def test_a_reordered_sheet_is_refused(plan: Path, form: Path) -> None:
    _edit(form, lambda wb: wb.move_sheet("Indicators", offset=-1))
    message = refused(plan, str(form), code=2)
    assert "the sheets are Guide, Indicators, Actions, Ratings" in message


def test_a_deleted_row_is_named(plan: Path, form: Path) -> None:
    def delete(wb):  # type: ignore[no-untyped-def]
        wb["Actions"].delete_rows(3)
        wb["Actions"]["I2"] = "Red"

    _edit(form, delete)
    message = refused(plan, str(form), code=1)
    assert (
        f"{form}:Actions!A3: expected action 1.6 in this row, found 5.4; rows were deleted, inserted or moved"
        in message
    )


def test_an_inserted_row_is_named(plan: Path, form: Path) -> None:
    def insert(wb):  # type: ignore[no-untyped-def]
        wb["Actions"].insert_rows(3)
        wb["Actions"]["A3"] = "9.9"
        wb["Actions"]["I3"] = "Red"

    _edit(form, insert)
    message = refused(plan, str(form), code=1)
    assert f"{form}:Actions!A3: expected action 1.6 in this row, found 9.9" in message
    assert f"{form}:Actions!A5: a row that was not on the form as sent" in message


def test_merged_cells_are_named(plan: Path, form: Path) -> None:
    def merge(wb):  # type: ignore[no-untyped-def]
        wb["Actions"]["K2"] = "Delayed"
        wb["Actions"].merge_cells("K2:M2")

    _edit(form, merge)
    assert f"{form}:Actions!K2:M2: merged cells; unmerge them" in refused(plan, str(form), code=1)


def test_values_typed_over_the_drop_down_are_named_with_the_nearest_rating(
    plan: Path, form: Path
) -> None:
    fill(
        form,
        {
            "1.5": {"completion": "Amberish", "impact": "Purple", "commentary": "fine"},
            "1.6": {"completion": "Amber", "commentary": "on track"},
        },
    )
    message = refused(plan, str(form), code=1)
    assert (
        f'{form}:Actions!I2: "Amberish" is not a completion rating; did you mean Amber?' in message
    )
    assert (
        f'{form}:Actions!J2: "Purple" is not an impact rating; choose one of Green, Amber, Red'
        in message
    )
    assert (
        "nothing from this form was recorded" in message
    )  # the good row 1.6 is not written either


@pytest.mark.parametrize("typed", ["31/02/2026", "03/31/2026", "next spring", "31 Marchly 2026"])
def test_a_date_typed_as_text_that_is_no_date_is_named(plan: Path, form: Path, typed: str) -> None:
    fill(
        form,
        {"1.5": {"completion": "Red", "proposed_due": typed, "proposed_due_reason": "capacity"}},
    )
    message = refused(plan, str(form), code=1)
    assert (
        f'{form}:Actions!L2: "{typed}" is not a date sendplan can read; give a date such as 31/03/2026'
        in message
    )


@pytest.mark.parametrize(
    ("typed", "recorded"),
    [
        ("31/03/2026", "'2026-03-31'"),
        ("31 March 2026", "'2026-03-31'"),
        ("March 2026", "March 2026"),
        ("1.4.26", "'2026-04-01'"),
    ],
)
def test_british_dates_typed_as_text_are_read_day_first(
    plan: Path, form: Path, typed: str, recorded: str
) -> None:
    fill(
        form,
        {"1.5": {"completion": "Red", "proposed_due": typed, "proposed_due_reason": "capacity"}},
    )
    result = run_cli("import", str(plan), str(form))
    assert result.returncode == 0, result.stderr
    assert f"        proposed_due: {recorded}\n" in plan.read_text()


def test_a_proposed_date_before_the_month_is_named(plan: Path, form: Path) -> None:
    fill(form, {"1.5": {"proposed_due": "January 2025", "proposed_due_reason": "capacity"}})
    assert f'{form}:Actions!L2: "January 2025" is before February 2025' in refused(
        plan, str(form), code=1
    )


def test_an_empty_form_says_it_came_back_blank(plan: Path, form: Path) -> None:
    message = refused(
        plan, str(form), code=1
    )  # nothing at all to record: the wrong files, most likely
    assert (
        f"{form}: came back blank: no rating, commentary, proposed date or figure is filled in"
        in message
    )


def test_a_blank_form_beside_filled_ones_is_reported_and_does_not_fail_the_import(
    plan: Path, form: Path, tmp_path: Path
) -> None:
    forms = export(plan, FEB, tmp_path / "more")
    filled = fill(
        next(p for p in forms if p.name.endswith("jane-taylor.xlsx")),
        {"1.5": {"completion": "Red"}},
    )
    result = run_cli("import", str(plan), str(filled), str(form))
    assert result.returncode == 0, result.stderr
    assert f"{form}: came back blank" in result.stderr
    assert f"{plan}: recorded 1 change(s) for February 2025:" in result.stderr


def test_a_formula_is_refused_not_run(plan: Path, form: Path) -> None:
    fill(form, {"1.5": {"commentary": '=WEBSERVICE("http://example.invalid")'}})
    message = refused(plan, str(form), code=1)
    assert (
        f'{form}:Actions!K2: =WEBSERVICE("http://example.invalid") is a formula; type the value itself'
        in message
    )


def test_a_password_protected_workbook_is_named(plan: Path, tmp_path: Path) -> None:
    # Excel saves a workbook encrypted with a password as an OLE compound file, not a zip.
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096))
    assert f"{locked}: is password-protected" in refused(plan, str(locked), code=2)


@pytest.mark.parametrize("damage", ["truncated", "noise"])
def test_a_corrupt_file_is_named(plan: Path, form: Path, damage: str) -> None:
    raw = form.read_bytes()
    form.write_bytes(raw[: len(raw) // 2] if damage == "truncated" else b"PK" + os.urandom(5000))
    message = refused(plan, str(form), code=2)
    assert f"{form}: cannot be read as an Excel workbook" in message and "sent again" in message


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("form.xls", "is a .xls file; sendplan imports Excel workbooks (.xlsx)"),
        ("form.csv", "is a CSV file; sendplan imports the Excel workbook (.xlsx)"),
    ],
)
def test_another_format_names_the_expected_one(
    plan: Path, tmp_path: Path, name: str, expected: str
) -> None:
    other = tmp_path / name
    other.write_text("Ref,Completion\n1.5,Red\n")
    assert f"{other}: {expected}" in refused(plan, str(other), code=2)


def test_a_five_megabyte_workbook_is_refused_before_it_is_opened(plan: Path, form: Path) -> None:
    with zipfile.ZipFile(
        form, "a"
    ) as archive:  # a pasted picture, as big as an email attachment gets
        archive.writestr(
            "xl/media/image1.png", os.urandom(5_000_000), compress_type=zipfile.ZIP_STORED
        )
    assert form.stat().st_size > 5_000_000
    assert f"{form}: is 5.0 MB; an update form is a few tens of KB" in refused(
        plan, str(form), code=2
    )


def test_a_workbook_that_is_not_a_form_is_named(plan: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    other = tmp_path / "budget.xlsx"
    Workbook().save(other)
    assert f"{other}: is not a sendplan update form" in refused(plan, str(other), code=2)
