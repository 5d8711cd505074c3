"""The three formats are one paper: the same section headings, table headers and figures, and a first page
the board can decide from."""

from __future__ import annotations

import io
import re

import papers
import pytest
from conftest import ROOT
from papers import BUNDLED, WEST, paper

from sendplan_cli.check.rules import RULES

INDICATORS = str(ROOT / "tests" / "fixtures" / "valid" / "indicators.yaml")
CASES = {**BUNDLED, "indicators": (INDICATORS, "2025-06")}
FIGURE = re.compile(r"\d+(?:[.,:]\d+)*")


def _figures(text: str) -> list[str]:
    return FIGURE.findall(text)


def from_html(source: str) -> tuple[list[str], list[list[str]], list[str]]:
    import lxml.html

    root = lxml.html.fromstring(source)
    for drop in root.xpath("//head | //svg | //*[local-name()='svg']"):
        drop.getparent().remove(drop)
    headings = [" ".join(h.text_content().split()) for h in root.xpath("//h1|//h2|//h3|//h4")]
    headers = [
        [" ".join(th.text_content().split()) for th in t.xpath("./thead/tr/th")]
        for t in root.xpath("//table")
    ]
    # A numbered list's numbers are the list's, not text: the other formats number it the same way.
    return headings, headers, _figures(" ".join(root.itertext()))


def from_markdown(source: str) -> tuple[list[str], list[list[str]], list[str]]:
    lines = source.splitlines()
    headings = [
        line.lstrip("#").strip().replace("\\", "") for line in lines if line.startswith("#")
    ]
    headers = [
        [c.strip() for c in lines[i - 1].strip().strip("|").split("|")]
        for i, line in enumerate(lines)
        if line.startswith("| ---")
    ]
    body = "\n".join(
        re.sub(r"^\d+\. ", "", line).replace("<br>", " ").replace("\\", "")
        for line in lines
        if not line.startswith("| ---")
    )
    return headings, headers, _figures(body)


def from_word(data: bytes) -> tuple[list[str], list[list[str]], list[str]]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    headings, headers, texts = [], [], []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            para = Paragraph(child, document)
            if para.style is not None and para.style.name.startswith(("Heading", "Title")):
                headings.append(para.text.strip())
            texts.append(para.text)
        elif child.tag.endswith("}tbl"):
            table = Table(child, document)
            headers.append([c.text.strip() for c in table.rows[0].cells])
            texts += [c.text for row in table.rows for c in row.cells]
    return headings, headers, _figures("\n".join(texts))


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_three_formats_show_the_same_headings_tables_and_figures(case: str) -> None:
    path, month = CASES[case]
    html = from_html(paper(path, month, "html"))
    markdown = from_markdown(paper(path, month, "md"))
    word = from_word(papers.word(path, month))
    for name, parts in (("Markdown", markdown), ("Word", word)):
        assert parts[0] == html[0], f"{name} headings differ from HTML's"
        assert parts[1] == html[1], f"{name} table headers differ from HTML's"
        assert sorted(parts[2]) == sorted(html[2]), f"{name} figures differ from HTML's"
    assert "Decisions sought" in html[0] and "Appendix A: action tracker" in html[0]


def _first_page(fmt: str) -> str:
    """West Sussex's paper up to the first section after the cover, decisions and summary."""
    text = paper(WEST, "2025-01", fmt)
    return text[: text.index("Exceptions</h2>" if fmt == "html" else "## Exceptions")]


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_west_sussex_first_page_asks_for_decisions_on_the_overdue_actions(fmt: str) -> None:
    page = _first_page(fmt)
    items = re.findall(r"(?:<li[^>]*>|^\d+\. )(.*?)(?:</li>|$)", page, re.M)
    # The plan's overdue actions and their accountable leads, read off plans/west-sussex-2024.yaml.
    for ref, lead in (
        ("1.1", "Caroline Tozzi"),
        ("1.3", "Sally Kean"),
        ("1.5", "Jane Taylor"),
        ("3.2", "Kate Courtney"),
        ("5.4", "Jane Taylor"),
    ):
        assert any(
            re.search(rf"\b{re.escape(ref)}\b", i) and lead in i and "For decision" in i
            for i in items
        ), f"no recommendation for decision names {ref} and {lead}"
    assert not re.search(r"\bSP\d{3}\b", page)
    # One-word rule names ("overdue") are plain English; the hyphenated ones are the tool's words.
    for rule in RULES:
        assert "-" not in rule.name or rule.name not in page, rule.name
    assert "actions[" not in page
