"""The Word paper, opened with python-docx: headings in order, repeating header rows, alt text, same exceptions."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import UTC
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT, run_cli
from papers import BUNDLED, EAST, WEST, paper

from sendplan_cli.output.paper.docx.docx_render import DEFAULT_DOCX


@cache
def _docx_bytes(path: str, month: str, template: str | None = None) -> bytes:
    import sys

    args = [
        sys.executable,
        "-m",
        "sendplan_cli",
        "report",
        path,
        "--month",
        month,
        "--format",
        "docx",
        "-o",
        "-",
    ]
    if template:
        args += ["--template", template]
    result = subprocess.run(args, capture_output=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def _document(path: str, month: str, template: str | None = None):  # type: ignore[no-untyped-def]
    from docx import Document

    return Document(io.BytesIO(_docx_bytes(path, month, template)))


def _table(document, caption: str):  # type: ignore[no-untyped-def]
    """The first table whose Caption paragraph starts with `caption`, as rows of cell text."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = list(document.element.body.iterchildren())
    for i, element in enumerate(body):
        if element.tag.endswith("}p") and Paragraph(element, document).text.startswith(caption):
            grid = next(e for e in body[i + 1 :] if e.tag.endswith("}tbl"))
            return [[c.text for c in row.cells] for row in Table(grid, document).rows]
    raise AssertionError(f"no table captioned {caption!r}")


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_headings_are_real_styles_in_order_under_a_title(name: str) -> None:
    document = _document(*BUNDLED[name])
    styles = [p.style.name for p in document.paragraphs]
    assert styles[0] == "Title"
    assert document.core_properties.title == document.paragraphs[0].text
    levels = [int(s.split()[-1]) for s in styles if re.fullmatch(r"Heading \d", s)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:]))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Cover",
        "Decisions sought",
        "Executive summary",
        "Exceptions",
        "Overall position",
        "Progress by recommendation",
        "Impact and next steps",
        "Coming up",
        "By lead",
        "Appendix A: action tracker",
        "Appendix B: rating legend and validation findings",
    ]


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_every_table_repeats_its_header_row_and_every_image_has_alt_text(name: str) -> None:
    from docx.oxml.ns import qn

    document = _document(*BUNDLED[name])
    assert len(document.tables) > 5
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
    # The rating charts; East Sussex rates no action yet, so it has none to draw.
    assert len(document.inline_shapes) == (0 if name == "east-sussex-2025" else 2)
    for shape in document.inline_shapes:
        assert shape._inline.docPr.get("descr", "").startswith("Actions by")


def test_the_same_exceptions_as_the_html() -> None:
    for path, month, caption in (
        (WEST, "2025-01", "In exception as at 31 Jan 2025 (7)"),
        (EAST, "2025-06", "In exception as at 30 Jun 2025 (4)"),
    ):
        rows = _table(_document(path, month), caption)
        html_table = (
            paper(path, month).split(f"<caption>{caption}</caption>")[1].split("</table>")[0]
        )
        assert [r[0] for r in rows[1:]] == re.findall(
            r'<th scope="row" class="ref">([^<]+)</th>', html_table
        )
    west = _table(_document(WEST, "2025-01"), "In exception as at")
    assert west[1][0] == "3.2" and west[1][2] == "Kate Courtney"
    assert (
        west[1][3]
        == "Rated Amber (in progress, on track), but its end date, 30 Jun 2024, has passed."
    )


def test_status_is_written_in_words_in_the_tracker() -> None:
    rows = _table(_document(EAST, "2025-06"), "Every action")
    assert rows[0][4] == "Completion" and {r[4] for r in rows[1:]} == {"Not rated"}


def test_a_custom_word_template_is_used(tmp_path: Path) -> None:
    from docx import Document

    template = tmp_path / "ours.docx"
    document = Document()
    document.add_paragraph("Sussex board: {{ title }}", style="Title")
    document.add_paragraph("{%p for plan in plans %}")
    document.add_paragraph("Our exceptions", style="Heading 1")
    document.add_paragraph("{{p plan.exceptions }}")
    document.add_paragraph("{%p endfor %}")
    document.save(str(template))
    ours = _document(WEST, "2025-01", str(template))
    assert (
        ours.paragraphs[0].text
        == "Sussex board: West Sussex Local Area SEND Partnership Improvement Plan"
    )
    assert [p.text for p in ours.paragraphs if p.style.name == "Heading 1"] == ["Our exceptions"]
    assert _table(ours, "In exception as at")[1][0] == "3.2"


def test_a_template_that_is_not_a_word_document_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    result = run_cli(
        "report",
        WEST,
        "--month",
        "2025-01",
        "--format",
        "docx",
        "--template",
        str(bad),
        "-o",
        str(tmp_path / "out.docx"),
    )
    assert result.returncode == 2
    assert "not a Word document (.docx)" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out.docx").exists()


def test_tables_are_as_wide_as_the_templates_page(tmp_path: Path) -> None:
    # The bundled template is A4 with 18 mm margins: 174 mm of text width.
    document = _document(WEST, "2025-01")
    page = document.sections[-1]
    text_width = page.page_width - page.left_margin - page.right_margin
    assert round(text_width / 36000) == 174
    # The tracker is on the template's landscape pages: 297 mm less the margins.
    landscape = text_width + (297 - 210) * 36000
    widths = {sum(column.width for column in grid.columns) for grid in document.tables}
    assert all(min(abs(width - text_width), abs(width - landscape)) < 36000 for width in widths), (
        widths
    )  # within a millimetre (Word rounds to twips)


def test_a_template_without_a_style_the_paper_uses_says_which_to_add(tmp_path: Path) -> None:
    from docx import Document

    template = tmp_path / "no-caption.docx"
    document = Document(str(ROOT / "templates" / DEFAULT_DOCX))
    document.styles["Caption"].delete()
    document.save(str(template))
    out = tmp_path / "out.docx"
    result = run_cli(
        "report", WEST, "--month", "2025-01", "--template", str(template), "-o", str(out)
    )
    assert result.returncode == 2
    assert f"{template}: the Word template has no style named 'Caption'" in result.stderr
    assert "add it in Word's Styles pane" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_the_default_template_is_built_by_its_script(tmp_path: Path) -> None:
    import runpy

    build = runpy.run_path(str(ROOT / "templates" / "build_docx_template.py"))["build"]
    build(tmp_path / DEFAULT_DOCX)
    from docx import Document

    made, shipped = (
        Document(str(tmp_path / DEFAULT_DOCX)),
        Document(str(ROOT / "templates" / DEFAULT_DOCX)),
    )
    assert [p.text for p in made.paragraphs] == [p.text for p in shipped.paragraphs]


def test_plan_text_is_shown_as_written_and_never_run_as_a_template(tmp_path: Path) -> None:
    from conftest import write_plan

    path = write_plan(
        tmp_path,
        """\
actions:
  - ref: "1"
    title: "<w:p>&amp; {{ 7 * 7 }} {%p if true %}"
    leads: "Sam\\n# Heading"
    due: July 2024
    completion: Red
    commentary: "First line\\nSecond line"
""",
    )
    document = _document(str(path), "2024-09")
    rows = _table(document, "Every action")
    assert rows[1][1] == "<w:p>&amp; {{ 7 * 7 }} {%p if true %}"
    assert rows[1][2] == "Sam\\n# Heading"
    # Commentary is prose: its line break is kept as a break in the cell.
    assert rows[1][8] == "First line\nSecond line"


def test_the_tracker_is_on_landscape_pages_and_the_footer_numbers_pages() -> None:
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    document = _document(WEST, "2025-01")
    assert [s.orientation for s in document.sections] == [
        WD_ORIENT.PORTRAIT,
        WD_ORIENT.LANDSCAPE,
        WD_ORIENT.PORTRAIT,
    ]
    assert document.sections[1].page_width > document.sections[1].page_height
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text.startswith(
        "West Sussex Local Area SEND Partnership Improvement Plan: board paper, January 2025"
    )
    assert footer._p.find(qn("w:fldSimple")).get(qn("w:instr")) == "PAGE"


@pytest.mark.parametrize(
    ("fmt", "template"), [("html", "board-paper.docx"), ("docx", "board-paper.html.j2")]
)
def test_a_template_of_the_other_kind_is_a_usage_error(
    fmt: str, template: str, tmp_path: Path
) -> None:
    out = tmp_path / f"paper.{fmt}"
    result = run_cli(
        "report",
        WEST,
        "--month",
        "2025-01",
        "--format",
        fmt,
        "--template",
        str(ROOT / "templates" / template),
        "-o",
        str(out),
    )
    assert result.returncode == 2 and "goes with --format docx" in result.stderr
    assert (
        "Traceback" not in result.stderr
        and "internal error" not in result.stderr
        and not out.exists()
    )


def test_ratings_are_coloured_and_always_written() -> None:
    from docx.oxml.ns import qn

    # West Sussex publishes 1.1 as Amber (completion) and Red (impact); the legend's colours are #f47738 and #d4351c.
    rows = _document(WEST, "2025-01").tables
    tracker = next(
        t
        for t in rows
        if [c.text for c in t.rows[0].cells][:5] == ["Ref", "Action", "Lead", "Due", "Completion"]
    )
    first = tracker.rows[1]
    assert (
        first.cells[0].text == "1.1"
        and first.cells[4].text == "Amber"
        and first.cells[5].text == "Red"
    )
    fills = [
        c._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) for c in (first.cells[4], first.cells[5])
    ]
    assert fills == ["f47738", "d4351c"]


def test_a_plan_with_indicators_gets_the_scorecard_in_word_as_in_html() -> None:
    fixture = "tests/fixtures/valid/indicators.yaml"
    document = _document(fixture, "2025-09")
    scorecard = _table(document, "Scorecard as at")
    assert scorecard[0] == ["Indicator", "Latest", "Target", "Status", "Trend"]
    # The fixture's ten indicators, in the plan's order, as the HTML paper lists them.
    assert [row[0].split(":")[0] for row in scorecard[1:]] == [f"KPI {n}" for n in range(1, 11)]
    html = paper(fixture, "2025-09")
    red = [
        row[0].split(":")[0]
        for row in _table(
            document,
            "In exception as at",
        )[1:]
        if row[3].startswith("Red")
    ]
    assert red and all(f"{kpi}:" in html for kpi in red)


def test_every_document_property_is_in_the_core_properties_namespace() -> None:
    """Word reads the last author, keywords, category and revision only in the core properties' own
    namespace; each is written once, there, and nothing else sits in the properties part."""
    import zipfile
    from xml.etree import ElementTree

    core = ElementTree.fromstring(
        zipfile.ZipFile(io.BytesIO(_docx_bytes(WEST, "2025-01"))).read("docProps/core.xml")
    )
    known = {
        "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/",
    }
    tags = [child.tag for child in core]
    assert {tag[1:].split("}")[0] for tag in tags} <= known
    assert len(tags) == len(set(tags))
    cp = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
    assert core.findtext(f"{cp}lastModifiedBy") == "West Sussex Local Area SEND Partnership"
    assert core.findtext(f"{cp}keywords") == "SEND; improvement plan; board paper"
    assert core.findtext(f"{cp}category") == "Board paper"


def test_document_properties_are_the_papers_own(tmp_path: Path) -> None:
    import zipfile
    from datetime import datetime

    from docx import Document

    before = datetime.now(UTC).replace(microsecond=0)
    west = _document(WEST, "2025-01")
    properties = west.core_properties
    # The cover's title, the board's month, and the partnership (the plan has no papers: entry naming an author).
    assert (
        properties.title
        == "West Sussex Local Area SEND Partnership Improvement Plan: board paper, January 2025"
    )
    assert properties.subject == "January 2025"
    assert properties.author == "West Sussex Local Area SEND Partnership"
    assert (
        "python-docx"
        not in f"{properties.author} {properties.comments} {properties.last_modified_by}"
    )
    assert properties.language == "en-GB"
    # Made during this test session (the document is cached per session, so not before an hour ago).
    for moment in (properties.created, properties.modified):
        assert abs((moment.replace(tzinfo=UTC) - before).total_seconds()) < 3600
    styles = (
        zipfile.ZipFile(io.BytesIO(_docx_bytes(WEST, "2025-01")))
        .read("word/styles.xml")
        .decode("utf-8")
    )
    assert re.search(r'<w:rPrDefault><w:rPr>.*<w:lang w:val="en-GB"', styles)
    # A papers: entry's author is the document's author.
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        Path(WEST).read_text(encoding="utf-8")
        + "papers:\n  - month: 2025-01\n    author: Sam Author, SEND Programme Manager\n",
        encoding="utf-8",
    )
    target = tmp_path / "paper.docx"
    result = run_cli(
        "report", str(plan), "--month", "2025-01", "--format", "docx", "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert Document(str(target)).core_properties.author == "Sam Author, SEND Programme Manager"


@pytest.mark.parametrize("own_template", [False, True], ids=["bundled", "own"])
def test_document_properties_hold_plan_text_as_written_with_either_template(
    tmp_path: Path, own_template: bool
) -> None:
    # docxtpl renders a template's properties as Jinja; the author here is plan text and must stay text.
    from docx import Document

    from sendplan_cli.resources import resource_dir

    plan = tmp_path / "plan.yaml"
    plan.write_text(
        Path(WEST).read_text(encoding="utf-8")
        + 'papers:\n  - month: 2025-01\n    author: "{{ 7*7 }} Programme Office"\n',
        encoding="utf-8",
    )
    target = tmp_path / "paper.docx"
    extra = (
        ["--template", str(resource_dir("templates") / "board-paper.docx")] if own_template else []
    )
    result = run_cli(
        "report", str(plan), "--month", "2025-01", "--format", "docx", "-o", str(target), *extra
    )
    assert result.returncode == 0, result.stderr
    properties = Document(str(target)).core_properties
    assert properties.author == "{{ 7*7 }} Programme Office"
    assert (properties.subject, properties.language) == ("January 2025", "en-GB")


def test_a_small_template_that_unpacks_to_a_huge_part_is_refused_before_it_is_read(
    tmp_path: Path,
) -> None:
    # 25 MB of spaces in the document part compress to a few KB: reading it would take gigabytes.
    import zipfile

    from sendplan_cli.resources import resource_dir

    bomb = tmp_path / "bomb.docx"
    with (
        zipfile.ZipFile(resource_dir("templates") / "board-paper.docx") as source,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "word/document.xml":
                declaration_end = data.index(b"?>") + 2
                data = (
                    data[:declaration_end]
                    + b"<!--"
                    + b" " * 25_000_000
                    + b"-->"
                    + data[declaration_end:]
                )
            target.writestr(part.filename, data)
    assert bomb.stat().st_size < 200_000
    out = tmp_path / "paper.docx"
    result = run_cli(
        "report",
        WEST,
        "--month",
        "2025-01",
        "--format",
        "docx",
        "--template",
        str(bomb),
        "-o",
        str(out),
    )
    assert result.returncode == 2
    assert "its part word/document.xml unpacks to 25 MB" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not out.exists()


def test_a_plan_with_a_long_title_gets_its_word_paper(tmp_path: Path) -> None:
    # Word holds at most 255 characters in a document property; the paper's title runs longer here.
    from docx import Document

    long_title = "West Sussex Local Area SEND Partnership Improvement Plan " * 6
    plan = tmp_path / "plan.yaml"
    text = Path(WEST).read_text(encoding="utf-8")
    plan.write_text(
        re.sub(r"(?m)^title: .*$", f"title: {long_title.strip()}", text, count=1), encoding="utf-8"
    )
    target = tmp_path / "paper.docx"
    result = run_cli(
        "report", str(plan), "--month", "2025-01", "--format", "docx", "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    title = Document(str(target)).core_properties.title
    assert len(title) == 255 and title.startswith(long_title[:200]) and title.endswith("…")
