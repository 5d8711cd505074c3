"""Opening a returned form without trusting it: size, format and shape are checked before any cell is read.

Only the cells a form can hold are read (sheetscan.py), so a small file that claims a million
rows costs no more than the form it pretends to be.

openpyxl never runs macros or formulas; macros are dropped on reading (keep_vba=False), external
links are not followed, and a formula in a cell the lead fills in is refused, not evaluated.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sendplan_cli.authoring.spreadsheet.form import (
    ACTION_COLUMNS,
    FIRST_ROW,
    FORM_KIND,
    INDICATOR_COLUMNS,
    META_SHEET,
    SHEETS,
)
from sendplan_cli.authoring.spreadsheet.sheetscan import Sheet, TooLarge, scan
from sendplan_cli.ground.errors import UsageError
from sendplan_cli.ground.sanitise import one_line

MAX_FORM_BYTES = 2_000_000
"""A filled-in form is a few tens of kilobytes; anything this large is not one (or carries pasted pictures)."""
MAX_UNPACKED_BYTES = 50_000_000
"""An .xlsx is a zip; this bounds what unpacking it may cost, whatever the file claims."""
MAX_PART_BYTES = 1_500_000
"""The shared strings, styles and the like are read whole on opening; a form's are a few KB (a plan of 2,000 actions, 600)."""
_RECORD_ROWS = (
    100  # the hidden record's rows besides one per action and indicator, with room to spare
)
_NODES_PER_CELL = (
    8  # a cell is at most a few XML elements (c, v or is/t, f), each opened and closed
)
_SLACK_NODES = (
    100_000  # room for blank formatted rows, validations and views that Excel adds on saving
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Form:
    """A returned form, opened and checked for shape; rows hold (ref, fingerprint) as exported."""

    path: Path
    meta: dict[str, str]
    actions: list[tuple[str, str]] = field(default_factory=list)
    indicators: list[tuple[str, str]] = field(default_factory=list)
    sheets: dict[str, Sheet] = field(default_factory=dict)
    """The Actions and Indicators sheets, as far as a form of this size reaches."""
    shown: tuple[Any, Any] = (None, None)
    """What the lead sees at the top of the Guide sheet (A1, A2): the plan and month, and whose form it is."""

    @property
    def name(self) -> str:
        return one_line(self.path)

    def where(self, sheet: str, cell: str) -> str:
        return f"{self.name}:{sheet}!{cell}"


def _refuse(path: Path, message: str) -> UsageError:
    return UsageError(f"{one_line(path)}: {message}")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, once it is known to be a regular file of a sensible size in the xlsx format."""
    suffix = path.suffix.casefold()
    if suffix == ".csv":
        raise _refuse(
            path,
            "is a CSV file; sendplan imports the Excel workbook (.xlsx) it exported. Send back the .xlsx form itself",
        )
    if suffix in (".xls", ".xlsm", ".xlsb", ".ods"):
        raise _refuse(
            path,
            f"is a {suffix} file; sendplan imports Excel workbooks (.xlsx). Open it and save it as "
            "'Excel Workbook (.xlsx)', then import that",
        )
    if suffix != ".xlsx":
        raise _refuse(
            path,
            "is not an .xlsx file; sendplan imports the Excel workbook (.xlsx) made by `sendplan export --month`",
        )
    try:
        if not path.is_file():
            raise _refuse(path, "no such file" if not path.exists() else "is not a regular file")
        size = path.stat().st_size
        if size > MAX_FORM_BYTES:
            raise _refuse(
                path,
                f"is {size / 1e6:.1f} MB; an update form is a few tens of KB and sendplan reads forms up to "
                f"{MAX_FORM_BYTES / 1e6:.0f} MB. Remove pasted pictures, or copy the answers into a fresh form",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise _refuse(path, f"cannot read: {exc.strerror or exc}") from None
    if raw.startswith(_OLE):
        raise _refuse(
            path,
            "is password-protected, or an old .xls workbook renamed .xlsx; remove the password "
            "(File > Info > Protect Workbook) and save it as 'Excel Workbook (.xlsx)'",
        )
    if not raw.startswith(b"PK"):
        raise _refuse(
            path,
            "is not an Excel workbook (.xlsx): the file is damaged or of another kind. Ask for the form to be sent again",
        )
    return raw


def open_workbook(path: Path, raw: bytes) -> Any:
    """The workbook opened read-only: its sheets are streamed when read, never loaded whole."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
            if sum(info.file_size for info in parts) > MAX_UNPACKED_BYTES:
                raise _refuse(path, "unpacks to more than 50 MB; it is not an update form")
            # The XML besides the sheets (strings, styles) is read whole on opening, so each such part is bounded on its own;
            # pictures are not read at all.
            big = next(
                (
                    i
                    for i in parts
                    if i.filename.endswith((".xml", ".rels"))
                    and not i.filename.startswith("xl/worksheets/")
                    and i.file_size > MAX_PART_BYTES
                ),
                None,
            )
            if big is not None:
                raise _refuse(
                    path,
                    f"its part {one_line(big.filename)} unpacks to {big.file_size / 1e6:.1f} MB, more than the "
                    f"{MAX_PART_BYTES / 1e6:.1f} MB sendplan reads from a form (a form's is a few KB). Copy the "
                    "answers into a fresh form, or export forms by lead (--by-lead) so each is smaller",
                )
            if "xl/workbook.xml" not in archive.namelist():
                raise _refuse(path, "is a zip file but not an Excel workbook (.xlsx)")
        with warnings.catch_warnings():
            warnings.simplefilter(
                "ignore"
            )  # openpyxl warns about Excel features it drops; none matter here
            return load_workbook(
                io.BytesIO(raw), read_only=True, data_only=False, keep_vba=False, keep_links=False
            )
    except UsageError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged workbook can fail anywhere inside openpyxl
        raise _damaged(path, exc) from None


def _damaged(path: Path, exc: Exception) -> UsageError:
    return _refuse(
        path,
        f"cannot be read as an Excel workbook ({type(exc).__name__}); the file may be damaged. "
        "Ask for the form to be sent again",
    )


def _scan(
    path: Path, workbook: Any, title: str, columns: int, rows: int, every_row: bool = False
) -> Sheet:
    """One sheet within the budget of a form with that many rows below its header (every_row: read past them too)."""
    budget = _NODES_PER_CELL * columns * (rows + 1) + _SLACK_NODES
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return scan(workbook[title], columns, None if every_row else FIRST_ROW + rows, budget)
    except TooLarge as exc:
        limit = "a form for this plan" if every_row else f"a form of {rows} row(s)"
        first = f" (the first at {one_line(title)}!{exc.stray})" if exc.stray else ""
        raise _refuse(
            path,
            f"the {one_line(title)} sheet holds far more cells than {limit}; it is not the form as sent: "
            f"rows or cells were added far below or to the right{first}. Copy the answers into a fresh form",
        ) from None
    except Exception as exc:  # noqa: BLE001 - damaged XML can fail anywhere in the parser
        raise _damaged(path, exc) from None


def open_form(path: Path, plan_size: tuple[int, int]) -> Form:
    """Open a returned form and check its sheets, headings and record of what it was made from.

    plan_size is the plan's (actions, indicators): a form of it has about as many rows at most, so no more is read."""
    workbook = open_workbook(path, read_bytes(path))
    try:
        return _read_form(path, workbook, plan_size)
    finally:
        workbook.close()


def _read_form(path: Path, workbook: Any, plan_size: tuple[int, int]) -> Form:
    names = workbook.sheetnames
    if META_SHEET not in names:
        raise _refuse(
            path,
            "is not a sendplan update form (it holds no record of the plan it was made from); "
            "make forms with `sendplan export PLAN --month YYYY-MM`",
        )
    if tuple(names) != SHEETS:
        shown = ", ".join(one_line(n) for n in names if n != META_SHEET)
        raise _refuse(
            path,
            f"the sheets are {shown}; a form has {', '.join(SHEETS[:-1])} in that order. "
            "Sheets must not be renamed, added, removed or moved: put them back, or use a fresh form",
        )
    form = Form(path, {})
    # Room for twice the plan: a form made before actions were removed from it still lists them.
    record = _scan(path, workbook, META_SHEET, 2, 2 * sum(plan_size) + _RECORD_ROWS, every_row=True)
    for row in sorted({r for r, _ in record.cells}):
        key, value = record.cell(row, 1).value, record.cell(row, 2).value
        if key in ("action", "indicator") and isinstance(value, str) and "\t" in value:
            ref, title = value.split("\t", 1)
            (form.actions if key == "action" else form.indicators).append((ref, title))
        elif isinstance(key, str):
            form.meta[key] = "" if value is None else str(value)
    if form.meta.get("kind") != FORM_KIND or form.meta.get("version") != "1":
        raise _refuse(
            path, "its record of the plan it was made from is missing or damaged; use a fresh form"
        )
    guide = _scan(path, workbook, SHEETS[0], 1, 1)
    form.shown = (guide.cell(1, 1).value, guide.cell(2, 1).value)
    for title, columns, rows in (
        ("Actions", ACTION_COLUMNS, form.actions),
        ("Indicators", INDICATOR_COLUMNS, form.indicators),
    ):
        sheet = form.sheets[title] = _scan(path, workbook, title, len(columns), len(rows))
        for number, column in enumerate(columns, start=1):
            found = sheet.cell(1, number)
            if found.value != column.header:
                raise _refuse(
                    path,
                    f"{title}!{found.coordinate}: expected the heading "
                    f"{column.header!r}, found {one_line(found.value)!r}; columns must not be moved, added or deleted",
                )
    return form


def shape_problems(form: Form) -> list[str]:
    """Merged cells, and rows deleted, inserted or moved since export: each named by its cell."""
    problems = []
    for title, rows in (("Actions", form.actions), ("Indicators", form.indicators)):
        sheet = form.sheets[title]
        for merged in sheet.merged:
            problems.append(
                f"{form.where(title, merged)}: merged cells; unmerge them (Home > Merge & Centre) "
                "so each value sits in its own cell, then import again"
            )
        for offset, (key, _) in enumerate(rows):
            row = FIRST_ROW + offset
            found = sheet.cell(row, 1).value
            if str(found if found is not None else "") != key:
                problems.append(
                    f"{form.where(title, f'A{row}')}: expected {'action' if title == 'Actions' else 'indicator'} "
                    f"{one_line(key)} in this row, found {one_line(found) if found is not None else 'nothing'}; rows were "
                    "deleted, inserted or moved. Put them back as sent, or copy the answers into a fresh form"
                )
                break
        if sheet.stray is not None:
            thing = "action" if title == "Actions" else "indicator"
            problems.append(
                f"{form.where(title, sheet.stray)}: a row that was not on the form as sent; "
                f"sendplan only reads the rows it exported. Delete it, or ask for the {thing} to be added to the plan"
            )
        if sheet.beside is not None:
            problems.append(
                f"{form.where(title, sheet.beside)}: something is written beside the form, in a column it does not "
                "have, and sendplan does not read it; move it into the form's own columns (commentary goes in the "
                "commentary column), or delete it"
            )
    return problems
