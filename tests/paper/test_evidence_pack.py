"""`sendplan report PLAN --for-review DATE`: the evidence pack for a review, read as the stocktake's readers read it.

Expected values come from examples/governance.yaml: the second stocktake meets on 15 July 2025 with evidence
due 1 July; the review held before it is the regional peer review of 20 May 2025.
"""

from __future__ import annotations

import io
import json
import re
from functools import cache
from html import unescape
from pathlib import Path

import pytest
from browser import page_script
from conftest import ROOT, run_cli

EXAMPLE = str(ROOT / "examples" / "governance.yaml")
SECOND_STOCKTAKE = "2025-07-15"
FIRST_STOCKTAKE = "2025-04-08"
AXE_RUN = """
axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}})
  .then(r => { const pre = document.createElement("pre"); pre.id = "result";
    pre.textContent = JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target)})));
    document.body.appendChild(pre); });
"""


@cache
def pack(review: str, fmt: str) -> str:
    result = run_cli("report", EXAMPLE, "--for-review", review, "--format", fmt, "-o", "-")
    assert result.returncode == 0, result.stderr
    return result.stdout


def _text(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@cache
def word_text(review: str, tmp: str) -> str:
    import docx

    out = Path(tmp) / "pack.docx"
    result = run_cli("report", EXAMPLE, "--for-review", review, "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = docx.Document(io.BytesIO(out.read_bytes()))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [" | ".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def test_the_markdown_pack_names_the_review_and_its_window() -> None:
    md = pack(SECOND_STOCKTAKE, "md")
    assert "## The review" in md
    assert "| Review | Second DfE and NHS England stocktake |" in md
    assert "| Evidence due | 01 July 2025 |" in md
    assert "| Progress since | the Regional peer review (20 May 2025) |" in md
    assert "## Areas for priority action" in md
    # The two areas for priority action, and not the area for improvement or the other recommendation.
    assert "### APA 1: Leaders should urgently improve the timeliness" in md
    assert "### APA 2: Leaders should urgently improve how they communicate" in md
    assert "AfI 1" not in md and "D 1:" not in md


def test_the_pack_shows_progress_evidence_and_indicator_movement() -> None:
    md = pack(SECOND_STOCKTAKE, "md")
    row = next(line for line in md.splitlines() if line.startswith("| 1.1 | Recruit"))
    # 1.1's May update is in the window; its impact was Red (February) before it and Amber since.
    assert "May 2025: Two posts filled" in row
    assert "Red then, Amber now" in row
    assert "| 2.1 | Co-produce a communication charter" in md
    assert "No update since the Regional peer review (20 May 2025)" in md
    assert (
        "| 1.1 | Assessment timeliness audit | May 2025 | evidence/assessment-timeliness-audit.md |"
        in md
    )
    # KPI 1: April's 24% was the latest figure at the peer review; May's 27% is the latest by 1 July.
    assert re.search(r"\| KPI 1 \| New EHC plans issued within 20 weeks \| 24%[^|]*\| 27%", md)


def test_the_pack_names_what_is_late() -> None:
    md = pack(SECOND_STOCKTAKE, "md")
    # 2.1's June milestone had passed by the evidence deadline with the action still open.
    assert (
        "- 2.1 Co-produce a communication charter with the Parent Carer Forum: milestone missed: "
        "Draft charter shared with families (due June 2025)." in md
    )


def test_voice_and_decisions_are_those_in_the_window() -> None:
    first = pack(FIRST_STOCKTAKE, "md")
    assert "| 22 Jan 2025 | Northdale Young People's Group (example) | We want a say" in first
    assert "| 11 Mar 2025 | Move the backlog's completion to September 2025" in first
    assert "June 2025 to September 2025" in first
    # The April and May records came after the first stocktake's evidence deadline of 25 March.
    assert "Families hear nothing" not in first
    second = pack(SECOND_STOCKTAKE, "md")
    # Nothing was said or decided between the peer review (20 May) and 1 July.
    assert "No voice record since the Regional peer review (20 May 2025)." in second
    assert "No decision recorded since the Regional peer review (20 May 2025)." in second
    assert "Letters use words" not in second


def test_the_html_pack_holds_the_same_rows() -> None:
    html = pack(SECOND_STOCKTAKE, "html")
    text = _text(html)
    assert "<h2" in html and "Areas for priority action" in text
    assert "Second DfE and NHS England stocktake" in text
    assert "Red then, Amber now" in text
    assert "Draft charter shared with families (due June 2025)" in text


def test_the_word_pack_holds_the_same_rows(tmp_path: Path) -> None:
    text = word_text(SECOND_STOCKTAKE, str(tmp_path))
    assert "Areas for priority action" in text
    assert "Review | Second DfE and NHS England stocktake" in text
    assert (
        "1.1 | Assessment timeliness audit | May 2025 | evidence/assessment-timeliness-audit.md"
        in text
    )
    assert "Draft charter shared with families (due June 2025)" in text


PACK_TITLE = (
    "Northdale SEND Priority Action Plan (example): evidence for the Second DfE and NHS England "
    "stocktake, 15 July 2025"
)
PACK_ABOUT = "Evidence pack for the Second DfE and NHS England stocktake on 15 July 2025."


def test_the_pack_is_titled_for_its_review_in_every_format(tmp_path: Path) -> None:
    # The pack goes to the review's readers: its heading names the review, never "board paper".
    import docx

    md = pack(SECOND_STOCKTAKE, "md")
    assert md.splitlines()[0] == f"# {PACK_TITLE}"
    assert PACK_ABOUT in md
    html = pack(SECOND_STOCKTAKE, "html")
    assert re.search(r"<title>(.*?)</title>", html).group(1) == PACK_TITLE  # type: ignore[union-attr]
    assert re.search(r"<h1>(.*?)</h1>", html).group(1) == PACK_TITLE  # type: ignore[union-attr]
    # The running title printed at the top of every page.
    assert f'@top-left {{ content: "{PACK_TITLE}"' in html
    out = tmp_path / "pack.docx"
    result = run_cli("report", EXAMPLE, "--for-review", SECOND_STOCKTAKE, "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    first = [p for p in document.paragraphs if p.text.strip()][:2]
    assert (first[0].style.name, first[0].text) == ("Title", PACK_TITLE)
    assert first[1].text.startswith(PACK_ABOUT)
    assert document.sections[0].footer.paragraphs[0].text.startswith(f"{PACK_TITLE}. Page")
    assert document.core_properties.title == PACK_TITLE
    for text in (md, html, "\n".join(p.text for p in document.paragraphs)):
        assert "board paper" not in text.lower()


def test_an_untitled_review_is_named_by_its_kind() -> None:
    html = pack("2025-10-13", "html")
    assert re.search(r"<h1>(.*?)</h1>", html).group(1) == (  # type: ignore[union-attr]
        "Northdale SEND Priority Action Plan (example): evidence for the monitoring inspection, "
        "13 October 2025"
    )


def test_the_html_pack_has_no_wcag_2_2_a_or_aa_violations(tmp_path: Path) -> None:
    assert json.loads(page_script(pack(SECOND_STOCKTAKE, "html"), AXE_RUN, tmp_path)) == []


def test_a_date_that_is_no_review_is_refused_with_the_reviews_listed() -> None:
    result = run_cli("report", EXAMPLE, "--for-review", "2025-07-16", "-o", "-")
    assert result.returncode == 2
    assert "--for-review 2025-07-16" in result.stderr
    for listed in ("2025-04-08", "2025-05-20", "2025-07-15", "2025-10-13"):
        assert listed in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


@pytest.mark.parametrize("given", ["15/07/2025", "July"])
def test_a_date_not_written_yyyy_mm_dd_is_refused_the_same_way(given: str) -> None:
    result = run_cli("report", EXAMPLE, "--for-review", given, "-o", "-")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr and "2025-07-15" in result.stderr


def test_month_and_for_review_together_are_refused() -> None:
    result = run_cli(
        "report", EXAMPLE, "--month", "2025-07", "--for-review", SECOND_STOCKTAKE, "-o", "-"
    )
    assert result.returncode == 2
    assert "--month" in result.stderr and "--for-review" in result.stderr
    assert result.stdout == ""


def test_a_plan_without_reviews_is_refused() -> None:
    result = run_cli(
        "report", str(ROOT / "plans" / "west-sussex-2024.yaml"), "--for-review", "2025-01-01"
    )
    assert result.returncode == 2
    assert "records no reviews" in result.stderr and "reviews:" in result.stderr


def test_the_report_without_month_or_review_says_what_to_give() -> None:
    result = run_cli("report", EXAMPLE, "-o", "-")
    assert result.returncode == 2
    assert "--month YYYY-MM" in result.stderr and "--for-review" in result.stderr
