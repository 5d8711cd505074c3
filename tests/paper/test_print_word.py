"""The bundled Word papers printed by LibreOffice on A4 and measured in the PDF: their length, and tables read whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli
from office import print_pdf
from papers import BUNDLED
from pdf_layout import Page, broken_words, read_office_pdf, squeezed_cells

# Printed by LibreOffice 7.4 when every column of a table had the same width, West Sussex ran to 15
# pages and East Sussex to 32; with the columns sized to their text, 9 and 16.
MOST_PAGES = {"west-sussex-2024": 10, "east-sussex-2025": 16}


def _table_text(docx: Path) -> str:
    from docx import Document

    document = Document(str(docx))
    return " ".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )


@pytest.fixture(scope="module", params=sorted(BUNDLED))
def printed_word(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, str, list[Page]]:
    path, month = BUNDLED[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    docx = folder / "paper.docx"
    result = run_cli("report", path, "--month", month, "--format", "docx", "-o", str(docx))
    assert result.returncode == 0, result.stderr
    return request.param, _table_text(docx), read_office_pdf(print_pdf(docx, folder))


def test_the_paper_fits_its_page_budget(printed_word: tuple[str, str, list[Page]]) -> None:
    name, _, pages = printed_word
    assert len(pages) <= MOST_PAGES[name], f"{name}: {len(pages)} A4 pages"
    assert all(round(p.width) in (595, 842) for p in pages), "every page is A4"


def test_no_column_is_squeezed(printed_word: tuple[str, str, list[Page]]) -> None:
    # No table cell wraps to about a word a line (3 or more lines, under 1.5 words a line).
    name, _, pages = printed_word
    assert [cell for page in pages for cell in squeezed_cells(page)] == [], name
    cells = sum(len(page.cells) for page in pages)
    assert cells > 100, (
        f"{name}: only {cells} table cells found in the PDF; the measure would prove nothing"
    )


def test_no_word_in_a_table_is_broken(printed_word: tuple[str, str, list[Page]]) -> None:
    # A column narrower than its longest word makes LibreOffice break the word mid-way: "Completi" / "on".
    name, text, pages = printed_word
    assert broken_words(text, pages) == {}, name


def test_the_measures_find_words_broken_in_narrow_columns(tmp_path: Path) -> None:
    # A table as python-docx makes it, nine columns of one width on a portrait page: a long word cannot fit.
    from docx import Document

    document = Document()
    grid = document.add_table(rows=2, cols=9)
    grid.style = "Table Grid"
    for cell in grid.rows[0].cells:
        cell.text = "Neurodevelopmental"
    grid.rows[1].cells[0].text = "A column too narrow for a sentence holds a word or two a line"
    docx = tmp_path / "narrow.docx"
    document.save(str(docx))
    pages = read_office_pdf(print_pdf(docx, tmp_path))
    assert broken_words(_table_text(docx), pages)["Neurodevelopmental"] == 9
    assert any(cell.startswith("page 1: A / colum") for cell in squeezed_cells(pages[0]))
