"""Returned forms made hostile by hand: tiny files whose sheets claim, or hold, far more than a form.

Each takes an exported form and rewrites its Actions sheet's XML in the zip, as a tool (or a
person with a zip program) could. Used by the tests and by benchmarks/hostile_forms.py.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

ACTIONS_PART = "xl/worksheets/sheet2.xml"  # the form's second sheet, as export writes it
RECORD_PART = "xl/worksheets/sheet5.xml"  # the hidden record of what the form was made from


def _rewrite(
    form: Path, out: Path, rows_xml: str, dimension: str | None = None, part: str = ACTIONS_PART
) -> Path:
    """The form with rows_xml added at the end of a sheet's data (and its dimension claim changed)."""
    with zipfile.ZipFile(form) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info, data in parts:
            if info.filename == part:
                text = data.decode("utf-8")
                assert "</sheetData>" in text, f"{part} is not a sheet with data"
                text = text.replace("</sheetData>", rows_xml + "</sheetData>")
                if dimension is not None:
                    start = text.index('<dimension ref="') + len('<dimension ref="')
                    text = text[:start] + dimension + text[text.index('"', start) :]
                data = text.encode("utf-8")
            target.writestr(info.filename, data, compress_type=zipfile.ZIP_DEFLATED)
    return out


def stray_cell(form: Path, out: Path, coordinate: str, text: str = "x") -> Path:
    """One filled cell far from the form, e.g. M1048576 or XFD200000; the sheet's dimension claims it."""
    row = "".join(ch for ch in coordinate if ch.isdigit())
    cell = f'<row r="{row}"><c r="{coordinate}" t="inlineStr"><is><t>{text}</t></is></c></row>'
    return _rewrite(form, out, cell, dimension=f"A1:{coordinate}")


def dense_block(
    form: Path, out: Path, first_row: int, rows: int, columns: int, part: str = ACTIONS_PART
) -> Path:
    """A block of numbers below the form: rows x columns cells, compressing to very little."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(c) for c in range(1, columns + 1)]
    body = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{col}{r}"><v>1</v></c>' for col in letters) + "</row>"
        for r in range(first_row, first_row + rows)
    )
    return _rewrite(form, out, body, dimension=f"A1:{letters[-1]}{first_row + rows - 1}", part=part)


def many_rows(form: Path, out: Path, first_row: int, rows: int) -> Path:
    """Rows with nothing in them from first_row on; after the first they go unnumbered (each follows the last), as XML allows."""
    body = f'<row r="{first_row}"/>' + "<row/>" * (rows - 1)
    return _rewrite(form, out, body, dimension=f"A1:M{first_row + rows - 1}")


def shared_strings(form: Path, out: Path, count: int) -> Path:
    """A shared-strings part of count tiny strings (read whole on opening), declared so Excel readers load it."""
    with zipfile.ZipFile(form) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    table = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + "<si><t>x</t></si>" * count
        + "</sst>"
    )
    override = (
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, data in parts:
            if name == "[Content_Types].xml":
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            target.writestr(name, data)
        target.writestr("xl/sharedStrings.xml", table)
    return out


def styles(form: Path, out: Path, count: int) -> Path:
    """The styles part with count extra cell formats (read whole on opening)."""
    with zipfile.ZipFile(form) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, data in parts:
            if name == "xl/styles.xml":
                text = data.decode("utf-8")
                start = text.index("<cellXfs")
                end = text.index(">", start) + 1
                data = (
                    text[:end]
                    + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' * count
                    + text[end:]
                ).encode()
            target.writestr(name, data)
    return out
