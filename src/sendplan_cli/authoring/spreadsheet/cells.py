"""Writing cells safely: plan text is always a string, never a formula, and every sheet is a plain table."""

from __future__ import annotations

import io
import re
from typing import Any

from sendplan_cli.authoring.spreadsheet.form import Column


def as_shown(text: str) -> str:
    """Text as a cell holds it: through the one sanitiser, line breaks kept."""
    from sendplan_cli.ground.sanitise import prose_lines

    return "\n".join(prose_lines(text))


def put(ws: Any, row: int, column: int, value: Any) -> Any:
    """Write a value; text that starts with '=' stays text (plan text from strangers must never become a formula).

    Text goes through the one sanitiser: its line breaks are kept (a cell wraps), any other control or
    bidirectional character is shown visibly, as in every other output."""
    if isinstance(value, str):
        value = as_shown(value)
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def header(ws: Any, columns: tuple[Column, ...]) -> None:
    """Bold header row, frozen, with column widths; the lead's columns are marked so they stand out in any colour scheme."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for number, column in enumerate(columns, start=1):
        cell = put(ws, 1, number, column.header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(number)].width = column.width
    ws.freeze_panes = "A2"


def wrap(cell: Any) -> None:
    from openpyxl.styles import Alignment

    cell.alignment = Alignment(wrap_text=True, vertical="top")


def table(ws: Any, name: str, columns: int, rows: int) -> None:
    """A named Excel table over the header and rows, so screen readers and filters know its shape."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.table import Table, TableStyleInfo

    last = max(rows, 1) + 1  # a table needs at least one row below its header
    tab = Table(displayName=name, ref=f"A1:{get_column_letter(columns)}{last}")
    tab.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
    ws.add_table(tab)


def slug(name: str) -> str:
    """A file-name-safe form of a lead's name: lower-case letters, digits and hyphens only."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:60]


def workbook_bytes(wb: Any) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
