"""Reading one sheet of a returned form within a budget, whatever the sheet claims about its size.

A sheet's declared dimension is not trusted: one stray cell at XFD1048576 would otherwise make a
12 KB file cost gigabytes. The sheet's XML is streamed once; only the cells a form can hold (its
rows, its columns) are kept, the first filled cell below the form's rows is noted, and reading
stops with a refusal once the sheet holds more than a form of that size could.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element, iterparse

from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter
from openpyxl.worksheet._reader import WorkSheetParser

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _SHEET_DATA, _MERGE = f"{_NS}row", f"{_NS}c", f"{_NS}sheetData", f"{_NS}mergeCell"
_HOLDS_VALUE = (f"{_NS}v", f"{_NS}is", f"{_NS}f")


class TooLarge(Exception):
    """The sheet holds more than a form of its size could; it was not read to the end."""

    def __init__(self, stray: str | None) -> None:
        super().__init__(stray)
        self.stray = stray
        """The first filled cell below the form, when one was met before reading stopped."""


@dataclass(frozen=True)
class Cell:
    """One cell as typed: its value converted as Excel shows it, and whether it holds a formula."""

    sheet: str
    coordinate: str
    value: Any
    data_type: str


@dataclass
class Sheet:
    """The cells of a sheet that a form can hold, and what lies outside them."""

    title: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    stray: str | None = None
    """The first filled cell at or below the row where the form ends, if any."""
    beside: str | None = None
    """The first filled cell to the right of the form's columns, in the form's rows, if any."""
    merged: list[str] = field(default_factory=list)

    def cell(self, row: int, column: int) -> Cell:
        return self.cells.get((row, column)) or Cell(
            self.title, f"{get_column_letter(column)}{row}", None, "n"
        )


def scan(worksheet: Any, columns: int, end_row: int | None, budget: int) -> Sheet:
    """The sheet's cells in columns 1..columns above end_row (all rows when None), reading at most budget XML nodes."""
    book = worksheet.parent
    converter = WorkSheetParser(
        None,
        worksheet._shared_strings,
        data_only=False,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )
    sheet = Sheet(worksheet.title)
    seen = 0
    row_number = 0
    container: Element | None = None
    # openpyxl's read-only sheet gives no public handle on its XML stream; this is the one it reads itself.
    with worksheet._get_source() as source:
        for event, element in iterparse(source, events=("start", "end")):
            seen += 1
            if seen > budget:
                raise TooLarge(sheet.stray)
            if event == "start":
                if element.tag == _SHEET_DATA:
                    container = element
                continue
            if element.tag == _ROW:
                row_number = int(element.get("r") or row_number + 1)
                _read_row(sheet, converter, element, row_number, columns, end_row)
                if container is not None:
                    container.remove(element)  # a million rows must not pile up in memory
            elif element.tag == _MERGE:
                sheet.merged.append(str(element.get("ref")))
    return sheet


def _read_row(
    sheet: Sheet,
    converter: WorkSheetParser,
    row: Element,
    number: int,
    columns: int,
    end_row: int | None,
) -> None:
    within = end_row is None or number < end_row
    if not within and sheet.stray is not None:
        return
    column = 0
    for element in row:
        if element.tag != _CELL:
            continue
        reference = element.get("r")
        column = coordinate_to_tuple(reference)[1] if reference else column + 1
        if within and column > columns:
            if sheet.beside is None and any(child.tag in _HOLDS_VALUE for child in element):
                value = converter.parse_cell(element)["value"]
                if value not in (None, ""):
                    sheet.beside = f"{get_column_letter(column)}{number}"  # words typed there would be lost unread
            continue
        if not within and not any(child.tag in _HOLDS_VALUE for child in element):
            continue
        parsed = converter.parse_cell(element)
        cell = Cell(
            sheet.title,
            f"{get_column_letter(column)}{number}",
            parsed["value"],
            parsed["data_type"],
        )
        if within:
            sheet.cells[(number, column)] = cell
        elif cell.value not in (None, ""):
            sheet.stray = cell.coordinate
            return
