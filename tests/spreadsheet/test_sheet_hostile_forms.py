"""Small returned files whose sheets reach far beyond a form: each imports, or is refused, without reading the excess.

A form's sheet may claim any size; sendplan reads only the cells a form can hold. These files
once made `import` run for minutes or run out of memory.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import run_cli
from hostile import RECORD_PART, dense_block, many_rows, shared_strings, stray_cell
from sheetforms import copy_plan, export, fill

FEB = date(2025, 2, 1)


@pytest.fixture()
def plan(tmp_path: Path) -> Path:
    return copy_plan(tmp_path)


@pytest.fixture()
def form(plan: Path, tmp_path: Path) -> Path:
    """Jane Taylor's February form, 1.5 filled in: actions 1.5, 1.6 and 5.4 in rows 2 to 4, so the form ends at row 5."""
    exported = next(
        p for p in export(plan, FEB, tmp_path / "forms") if p.name.endswith("jane-taylor.xlsx")
    )
    return fill(exported, {"1.5": {"completion": "Red", "impact": "Red", "commentary": "Delayed"}})


def _import(plan: Path, form: Path) -> tuple[int, str, bool]:
    before = plan.read_bytes()
    result = run_cli("import", str(plan), str(form))
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    return result.returncode, result.stderr, plan.read_bytes() == before


@pytest.mark.parametrize("coordinate", ["M1048576", "XFD200000"])
def test_one_stray_cell_far_below_the_form_is_named_by_its_cell(
    plan: Path, form: Path, tmp_path: Path, coordinate: str
) -> None:
    hostile = stray_cell(form, tmp_path / "stray.xlsx", coordinate)
    assert hostile.stat().st_size < 30_000
    code, message, untouched = _import(plan, hostile)
    assert code == 1 and untouched
    assert f"{hostile}:Actions!{coordinate}: a row that was not on the form as sent" in message
    assert f"{hostile}: nothing from this form was recorded" in message


def test_a_form_whose_sheet_only_claims_to_be_large_imports(
    plan: Path, form: Path, tmp_path: Path
) -> None:
    # Blank formatted rows far below the form hold nothing, so the form is the form as sent.
    roomy = many_rows(form, tmp_path / "roomy.xlsx", first_row=1000, rows=50)
    code, message, untouched = _import(plan, roomy)
    assert code == 0 and not untouched, message
    assert "action 1.5: completion Red, impact Red, commentary" in message


def test_a_dense_block_below_the_form_is_refused_naming_where_it_starts(
    plan: Path, form: Path, tmp_path: Path
) -> None:
    # 400 rows of 500 numbers: 200,000 cells, where a form of three actions has 52.
    dense = dense_block(form, tmp_path / "dense.xlsx", first_row=10, rows=400, columns=500)
    code, message, untouched = _import(plan, dense)
    assert code == 2 and untouched
    assert f"{dense}: the Actions sheet holds far more cells than a form of 3 row(s)" in message
    assert (
        "(the first at Actions!A10)" in message
        and "copy the answers into a fresh form" in message.lower()
    )


def test_a_dense_block_in_the_hidden_record_is_refused(
    plan: Path, form: Path, tmp_path: Path
) -> None:
    # The record of an 18-action plan has a few dozen rows; 200,000 cells below them are not a record.
    dense = dense_block(
        form, tmp_path / "record.xlsx", first_row=100, rows=400, columns=500, part=RECORD_PART
    )
    code, message, untouched = _import(plan, dense)
    assert code == 2 and untouched
    assert f"{dense}: the _sendplan sheet holds far more cells than a form for this plan" in message


def test_a_million_rows_are_refused_not_read(plan: Path, form: Path, tmp_path: Path) -> None:
    million = many_rows(form, tmp_path / "million.xlsx", first_row=6, rows=1_000_000)
    assert (
        million.stat().st_size < 2_000_000
    )  # under the size limit, so only reading within bounds stops it
    code, message, untouched = _import(plan, million)
    assert code == 2 and untouched
    assert f"{million}: the Actions sheet holds far more cells than a form of 3 row(s)" in message


def test_a_part_read_whole_on_opening_is_refused_when_larger_than_a_form_needs(
    plan: Path, form: Path, tmp_path: Path
) -> None:
    # 120,000 one-letter strings of 17 bytes each: 2.0 MB of XML that compresses to a few KB, all read before any sheet.
    bloated = shared_strings(form, tmp_path / "strings.xlsx", 120_000)
    code, message, untouched = _import(plan, bloated)
    assert code == 2 and untouched
    assert (
        f"{bloated}: its part xl/sharedStrings.xml unpacks to 2.0 MB, more than the 1.5 MB sendplan reads from a form"
        in message
    )


def test_a_pasted_picture_under_the_size_limit_is_not_taken_for_a_bloated_part(
    plan: Path, form: Path
) -> None:
    import os
    import zipfile

    with zipfile.ZipFile(
        form, "a"
    ) as archive:  # a screenshot: already compressed, so it unpacks to its own size
        archive.writestr(
            "xl/media/image1.png", os.urandom(1_700_000), compress_type=zipfile.ZIP_STORED
        )
    code, message, untouched = _import(plan, form)
    assert code == 0 and not untouched, message


def test_words_typed_beside_the_form_are_named_not_dropped(
    plan: Path, form: Path, tmp_path: Path
) -> None:
    # A lead who writes in the first empty column to the right of action 1.5's row expects it to be read.
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    book = load_workbook(form)
    sheet = book["Actions"]
    beside = f"{get_column_letter(sheet.max_column + 1)}2"
    sheet[beside] = "Also: the leaflet went to print on 3 February"
    typed = tmp_path / "typed-beside.xlsx"
    book.save(typed)
    code, message, untouched = _import(plan, typed)
    assert code == 1 and untouched
    assert (
        f"{typed}:Actions!{beside}: something is written beside the form, in a column it does not have"
        in message
    )
