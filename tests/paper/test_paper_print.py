"""The bundled papers printed by Chromium on A4, and checked with axe-core for WCAG 2.2 A and AA."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from browser import page_script, print_pdf
from papers import BUNDLED, paper

MAIN_BODY_PAGES = 6
AXE_RUN = """
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}})
  .then(r => { const pre = document.createElement("pre"); pre.id = "result";
    pre.textContent = JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target)})));
    document.body.appendChild(pre); });
"""
# Every element within the page's width, as laid out at the width A4 leaves between the margins.
WIDTH_RUN = """
const limit = document.documentElement.clientWidth;
const wide = [...document.querySelectorAll(SELECTOR)].filter(e => e.getBoundingClientRect().right > limit + 1)
  .map(e => e.tagName + (e.id ? "#" + e.id : "") + " in " + (e.closest("section") || {}).className + " " + (e.closest("table") ? e.closest("table").caption.textContent : "") + " " + Math.round(e.getBoundingClientRect().right));
const pre = document.createElement("pre"); pre.id = "result"; pre.textContent = JSON.stringify(wide);
document.body.appendChild(pre);
"""


@pytest.fixture(scope="module", params=sorted(BUNDLED))
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, list[str]]:
    from pypdf import PdfReader

    path, month = BUNDLED[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    html = folder / "paper.html"
    html.write_text(paper(path, month), encoding="utf-8")
    pdf = folder / "paper.pdf"
    print_pdf(html, pdf)
    return request.param, html.read_text(encoding="utf-8"), [page.extract_text() for page in PdfReader(pdf).pages]


def _body(page: str) -> list[str]:
    """A page's lines without the margin boxes (the title at the top, "Page n of m")."""
    return [line for line in page.splitlines() if line.strip() and ": board paper, " not in line
            and not re.fullmatch(r"Page \d+ of \d+", line.strip())]


def test_every_page_is_numbered_and_titled(printed: tuple[str, str, list[str]]) -> None:
    name, _, pages = printed
    for number, page in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in page, (name, number)
        assert ": board paper, " in page.splitlines()[0] or ": board paper, " in page, (name, number)


def test_the_first_page_holds_the_cover_and_summary(printed: tuple[str, str, list[str]]) -> None:
    _, _, pages = printed
    assert "Report to" in pages[0] and "Executive summary" in pages[0]


def test_no_page_holds_only_a_heading_and_no_heading_ends_a_page(printed: tuple[str, str, list[str]]) -> None:
    name, html, pages = printed
    def texts(pattern: str) -> set[str]:
        return {" ".join(re.sub(r"<[^>]+>", " ", h).split()) for h in re.findall(pattern, html, re.DOTALL)}

    headings = texts(r"<h[1-6][^>]*>(.*?)</h[1-6]>")
    # A caption or a table's header row at a page's foot is a heading left behind too.
    labels = headings | texts(r"<caption>(.*?)</caption>") | texts(r"<thead>(.*?)</thead>")
    for number, page in enumerate(pages, 1):
        body = _body(page)
        assert body and not set(body) <= headings, (name, number, body)
        assert " ".join(body[-1].split()) not in labels, (name, number, "page ends with a heading", body[-1])


def test_the_main_body_is_at_most_six_pages(printed: tuple[str, str, list[str]]) -> None:
    name, _, pages = printed
    appendix = next(i for i, page in enumerate(pages) if "Appendix A" in "".join(_body(page)[:2]))
    assert appendix <= MAIN_BODY_PAGES, f"{name}: the main body runs to {appendix} pages"


def test_nothing_is_wider_than_the_page(printed: tuple[str, str, list[str]], tmp_path: Path) -> None:
    _, html, _ = printed
    # Laid out at the screen's larger type, which is wider than print's: A4 portrait less the 14 mm
    # margins each side is 182 mm, 688 CSS pixels; the tracker prints landscape, 269 mm, 1017 pixels.
    portrait = WIDTH_RUN.replace("SELECTOR", '"body *:not(section.tracker, section.tracker *)"')
    assert json.loads(page_script(html, portrait, tmp_path, width=688)) == []
    landscape = WIDTH_RUN.replace("SELECTOR", '"section.tracker *"')
    assert json.loads(page_script(html, landscape, tmp_path, width=1017)) == []


def test_no_wcag_2_2_a_or_aa_violations(printed: tuple[str, str, list[str]], tmp_path: Path) -> None:
    _, html, _ = printed
    assert json.loads(page_script(html, AXE_RUN, tmp_path)) == []
