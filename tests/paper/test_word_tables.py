"""The Word paper's tables sized to their text and their page, and its language en-GB in every part Word reads."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import run_cli
from papers import BUNDLED

from sendplan_cli.output.paper.docx.docx_metrics import text_width
from sendplan_cli.output.paper.docx.docx_widths import cell, column, widths

TWIPS_PER_MM = 1440 / 25.4
# The bundled template (templates/build_docx_template.py): A4 with 18 mm margins, the tracker landscape.
PORTRAIT_MM, LANDSCAPE_MM = 210 - 36, 297 - 36


@pytest.fixture(scope="module", params=sorted(BUNDLED))
def word_paper(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, month = BUNDLED[request.param]
    docx = tmp_path_factory.mktemp(request.param) / "paper.docx"
    result = run_cli("report", path, "--month", month, "--format", "docx", "-o", str(docx))
    assert result.returncode == 0, result.stderr
    return docx


def test_text_is_measured_in_arial() -> None:
    # Adobe's Helvetica-Bold widths, which Arial shares: C 722, o 611, m 889, p 611, l 278, e 556, t 333,
    # i 278, o 611, n 611 thousandths of an em; at 10 pt, 55 points.
    assert text_width("Completion", 10, bold=True) == pytest.approx(55.0)
    assert text_width("Impact", 10) == pytest.approx(
        10 * (278 + 833 + 556 + 556 + 500 + 278) / 1000
    )
    assert text_width("é", 10) == text_width("e", 10)


def test_no_column_is_narrower_than_its_longest_word() -> None:
    rows = [
        ["1.1", "Improve waiting times for neurodevelopmental pathways", "Not rated"],
        ["1.2", "Review the EHCP quality assurance framework with partners", "Amber"],
    ]
    header = ["Ref", "Action", "Completion"]
    columns = [
        column([cell(header[c], 10, True)] + [cell(r[c], 10) for r in rows]) for c in range(3)
    ]
    sized = widths(columns, 300, 12)
    assert sum(sized) == pytest.approx(300)
    assert sized[0] >= text_width("Ref", 10, True) + 12
    assert sized[1] >= text_width("neurodevelopmental", 10) + 12
    assert sized[2] >= text_width("Completion", 10, True) + 12
    # The action, the longest text, is given what the others do not need.
    assert sized[1] > sized[2] > sized[0]


def test_a_table_too_wide_for_its_page_is_narrowed_in_proportion() -> None:
    columns = [column([cell("Neurodevelopmental", 10)]) for _ in range(9)]
    assert widths(columns, 300, 12) == pytest.approx([300 / 9] * 9)


def _grids(docx: Path) -> list[tuple[int, str]]:
    """Each table's width in twips, with its first header cell's text."""
    from docx import Document

    found = []
    for table in Document(str(docx)).tables:
        grid = table._tbl.tblGrid.gridCol_lst
        total = sum(
            int(g.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
            for g in grid
        )
        found.append((total, " ".join(c.text for c in table.rows[0].cells)))
    return found


def test_each_table_is_as_wide_as_its_page(word_paper: Path) -> None:
    # The tracker (its header starts "Ref Action Lead") is on landscape pages; every other table on portrait.
    for total, header in _grids(word_paper):
        wide = header.startswith("Ref Action Lead")
        expected = (LANDSCAPE_MM if wide else PORTRAIT_MM) * TWIPS_PER_MM
        assert total == pytest.approx(expected, abs=20), header


def test_the_language_is_en_gb_in_every_part(word_paper: Path) -> None:
    with zipfile.ZipFile(word_paper) as package:
        parts = {
            name: package.read(name).decode("utf-8")
            for name in package.namelist()
            if name.endswith(".xml")
        }
    assert [name for name, xml in parts.items() if "en-US" in xml] == []
    assert re.search(
        r'<w:rPrDefault><w:rPr>.*?<w:lang w:val="en-GB" w:eastAsia="en-GB"',
        parts["word/styles.xml"],
    )
    assert '<w:themeFontLang w:val="en-GB"' in parts["word/settings.xml"]
    assert "<dc:language>en-GB</dc:language>" in parts["docProps/core.xml"]
