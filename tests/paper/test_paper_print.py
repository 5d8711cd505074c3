"""The bundled papers printed by Chromium on A4 and measured in the PDF, and checked with axe-core for WCAG 2.2 A and AA."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape
from pathlib import Path

import pytest
from browser import page_script, print_pdf
from papers import BUNDLED, paper
from pdf_layout import Page, outside_printable_area, read_pdf, squeezed_cells, unprinted_words

MAIN_BODY_PAGES = 6
# Printed by Chromium with the screen's spacing, West Sussex ran to 9 pages, the last rows of a table
# alone on the sixth; with print spacing, 8 and East Sussex 13. A board asked for no more than these.
MOST_PAGES = {"west-sussex-2024": 8, "east-sussex-2025": 14}
BAD_PAGE = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Bad</title><style>
@page { size: A4; margin: 15mm 14mm; } body { font: 9pt Arial, sans-serif; margin: 0; }
td, th { border: 1px solid #505a5f; } table { border-collapse: collapse; }
</style></head><body><h1>A page that prints badly</h1>
<div style="overflow: hidden"><table style="width: 1400px"><tr><th>Ref</th><th>Text</th></tr>
<tr><td>1.1</td><td style="text-align: right">Far</td></tr></table></div>
<table style="width: 100%; table-layout: fixed"><tr><th style="width: 30px">Ref</th><th style="width: 40px">Action</th><th>Lead</th></tr>
<tr><td>1.2</td><td>Improve waiting times for neurodevelopmental pathways</td><td>Sam Lead</td></tr></table>
</body></html>
"""
AXE_RUN = """
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}})
  .then(r => { const pre = document.createElement("pre"); pre.id = "result";
    pre.textContent = JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target)})));
    document.body.appendChild(pre); });
"""


@pytest.fixture(scope="module", params=sorted(BUNDLED))
def printed_pdf(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, str, list[Page]]:
    path, month = BUNDLED[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    html = folder / "paper.html"
    html.write_text(paper(path, month), encoding="utf-8")
    pdf = folder / "paper.pdf"
    print_pdf(html, pdf)
    return request.param, html.read_text(encoding="utf-8"), read_pdf(pdf)


@pytest.fixture(scope="module")
def printed(printed_pdf: tuple[str, str, list[Page]]) -> tuple[str, str, list[str]]:
    name, html, pages = printed_pdf
    return name, html, [page.text for page in pages]


def _body(page: str) -> list[str]:
    """A page's lines without the margin boxes (the title at the top, "Page n of m")."""
    return [
        line
        for line in page.splitlines()
        if line.strip()
        and ": board paper, " not in line
        and not re.fullmatch(r"Page \d+ of \d+", line.strip())
    ]


def test_every_page_is_numbered_and_titled(printed: tuple[str, str, list[str]]) -> None:
    name, _, pages = printed
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in page, (name, number)
        assert ": board paper, " in page.splitlines()[0] or ": board paper, " in page, (
            name,
            number,
        )


def test_the_first_page_holds_the_cover_and_summary(printed: tuple[str, str, list[str]]) -> None:
    _, _, pages = printed
    assert "Report to" in pages[0] and "Executive summary" in pages[0]


def test_no_page_holds_only_a_heading_and_no_heading_ends_a_page(
    printed: tuple[str, str, list[str]],
) -> None:
    name, html, pages = printed

    def texts(pattern: str) -> set[str]:
        return {
            " ".join(re.sub(r"<[^>]+>", " ", h).split())
            for h in re.findall(pattern, html, re.DOTALL)
        }

    headings = texts(r"<h[1-6][^>]*>(.*?)</h[1-6]>")
    # A caption or a table's header row at a page's foot is a heading left behind too.
    labels = headings | texts(r"<caption>(.*?)</caption>") | texts(r"<thead>(.*?)</thead>")
    for number, page in enumerate(pages, 1):
        body = _body(page)
        assert body and not set(body) <= headings, (name, number, body)
        assert " ".join(body[-1].split()) not in labels, (
            name,
            number,
            "page ends with a heading",
            body[-1],
        )


def test_the_paper_fits_its_page_budget(printed_pdf: tuple[str, str, list[Page]]) -> None:
    name, _, pages = printed_pdf
    assert len(pages) <= MOST_PAGES[name], f"{name}: {len(pages)} A4 pages"
    # The tracker prints landscape, every other page portrait: all A4.
    assert all(sorted((round(p.width), round(p.height))) == [595, 842] for p in pages), name


def test_the_main_body_is_at_most_six_pages(printed: tuple[str, str, list[str]]) -> None:
    name, _, pages = printed
    appendix = next(i for i, page in enumerate(pages) if "Appendix A" in "".join(_body(page)[:2]))
    assert appendix <= MAIN_BODY_PAGES, f"{name}: the main body runs to {appendix} pages"


def _margin_text(page: Page, title: str, total: int) -> tuple[str, ...]:
    """The running title and the page number, which stand in the page's margins."""
    return (title, f"Page {page.number} of {total}")


def test_nothing_printed_is_clipped(printed_pdf: tuple[str, str, list[Page]]) -> None:
    # Every word's box and every table border, as printed, lies within the printable area.
    name, html, pages = printed_pdf
    title = unescape(" ".join(re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1).split()))  # type: ignore[union-attr]
    wrong = [
        w
        for page in pages
        for w in outside_printable_area(page, _margin_text(page, title, len(pages)))
    ]
    assert wrong == [], f"{name}: " + "; ".join(wrong[:10])


def test_nothing_is_shrunk_to_fit(printed_pdf: tuple[str, str, list[Page]]) -> None:
    # Chromium shrinks every page when anything is wider than the paper; tables print at 8 pt, text at 9 pt.
    name, _, pages = printed_pdf
    assert [(p.number, p.commonest_size) for p in pages if p.commonest_size < 8] == [], name


def test_no_column_is_squeezed(printed_pdf: tuple[str, str, list[Page]]) -> None:
    # Measured in the PDF: no table cell wraps to about a word a line (3 or more lines, under 1.5 words a line).
    name, _, pages = printed_pdf
    assert [cell for page in pages for cell in squeezed_cells(page)] == [], name
    cells = sum(len(page.cells) for page in pages)
    assert cells > 100, (
        f"{name}: only {cells} table cells found in the PDF; the measure would prove nothing"
    )


def test_every_word_is_printed_whole(printed_pdf: tuple[str, str, list[Page]]) -> None:
    # Chromium leaves out of the PDF a word that falls wholly off the sheet, and a squeezed column breaks words.
    name, html, pages = printed_pdf
    assert unprinted_words(html, pages) == Counter(), name


def test_the_pdf_measures_find_clipped_squeezed_and_shrunk_pages(tmp_path: Path) -> None:
    # The same measures on pages built to fail them: a table cut off at the right and a column 40 px wide,
    # then a table too wide for the paper, which Chromium prints by shrinking the whole page.
    clipped = tmp_path / "clipped.html"
    clipped.write_text(BAD_PAGE, encoding="utf-8")
    print_pdf(clipped, tmp_path / "clipped.pdf")
    [page] = read_pdf(tmp_path / "clipped.pdf")
    assert any("a table border at" in w for w in outside_printable_area(page, ()))
    assert unprinted_words(BAD_PAGE, [page])["Far"] == 1
    assert any(cell.startswith("page 1: Improv") for cell in squeezed_cells(page))
    assert page.commonest_size == 9
    shrunk = tmp_path / "shrunk.html"
    shrunk.write_text(BAD_PAGE.replace('<div style="overflow: hidden">', "<div>"), encoding="utf-8")
    print_pdf(shrunk, tmp_path / "shrunk.pdf")
    assert read_pdf(tmp_path / "shrunk.pdf")[0].commonest_size < 8


def test_no_wcag_2_2_a_or_aa_violations(
    printed: tuple[str, str, list[str]], tmp_path: Path
) -> None:
    _, html, _ = printed
    assert json.loads(page_script(html, AXE_RUN, tmp_path)) == []
