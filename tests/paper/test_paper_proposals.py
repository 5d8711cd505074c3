"""A new date a lead proposes is a decision for the board, shown the same in every format, never the due date."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import run_cli, write_plan

# 2.1 was agreed for September 2025; in October 2025 its lead proposes 31 March 2026. 2.2 proposes nothing.
PLAN = """\
actions:
  - ref: "2.1"
    title: Improve waiting times for neurodevelopmental pathways
    leads: [Sam Lead]
    due: September 2025
    completion: Amber
    impact: Red
    commentary: Work has started.
    updates:
      - month: 2025-10
        completion: Red
        impact: Red
        commentary: Recruitment has been slow.
        proposed_due: "2026-03-31"
        proposed_due_reason: Recruitment to the new team takes until March
  - ref: "2.2"
    title: Publish the local offer
    leads: [Alex Lead]
    due: March 2026
    completion: Amber
    impact: Amber
    commentary: On track.
"""
# The board agrees the date in November: `sendplan update --due` records it as the update's `due`.
AGREED = """\
      - month: 2025-11
        completion: Amber
        impact: Red
        commentary: New date agreed by the board.
        due: March 2026
        previous_due: September 2025
"""
DECISION = (
    "Agree a new date for action 2.1: 31 Mar 2026 (was September 2025). "
    "Reason given: Recruitment to the new team takes until March."
)
NOTE = "New date proposed, not yet agreed: 31 Mar 2026 (see decisions sought)"


def _report(plan: Path, month: str, fmt: str, out: Path) -> Path:
    target = out / f"paper.{fmt}"
    result = run_cli("report", str(plan), "--month", month, "--format", fmt, "-o", str(target))
    assert result.returncode == 0, result.stderr
    return target


def _html_text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def _html_section(page: str, section: str) -> str:
    return page.split(f'id="p1-{section}"')[1].split("<h2")[0]


def _html_rows(section: str) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", section, re.DOTALL):
        cells = [_html_text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.DOTALL)]
        if cells and cells[0] != "Ref":
            rows[cells[0]] = cells
    return rows


def _md_rows(section: str) -> dict[str, list[str]]:
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and cells[0] not in ("Ref", "---"):
            rows[cells[0]] = cells
    return rows


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("proposal")
    plan = write_plan(folder, PLAN)
    return {fmt: _report(plan, "2025-10", fmt, folder) for fmt in ("html", "md", "docx")}


def test_the_proposal_is_the_same_decision_in_html_markdown_and_word(
    papers: dict[str, Path],
) -> None:
    import docx

    asked = f"For decision: {DECISION}"
    decisions = _html_section(papers["html"].read_text(encoding="utf-8"), "decisions")
    items = [_html_text(li) for li in re.findall(r"<li[^>]*>(.*?)</li>", decisions, re.DOTALL)]
    assert items == [asked]
    markdown = (
        papers["md"].read_text(encoding="utf-8").split("## Decisions sought")[1].split("\n## ")[0]
    )
    assert re.findall(r"^\d+\. (.*)$", markdown, re.MULTILINE) == [f"**For decision:** {DECISION}"]
    document = docx.Document(str(papers["docx"]))
    numbered = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "List Number"
    ]
    assert numbered == [asked]


def test_the_proposal_stands_in_the_exceptions_ask_and_beside_the_tracker_date(
    papers: dict[str, Path],
) -> None:
    import docx

    page = papers["html"].read_text(encoding="utf-8")
    # HTML: the exception asks the board about the proposal; the tracker keeps the agreed date, the proposal after it.
    exceptions = _html_rows(_html_section(page, "exceptions"))
    assert list(exceptions) == ["2.1"]
    assert exceptions["2.1"][6] == f"Agree or refuse the new date proposed ({NOTE})."
    tracker = _html_rows(_html_section(page, "tracker"))
    assert tracker["2.1"][3] == f"September 2025 {NOTE}"
    assert tracker["2.2"][3] == "March 2026"
    # Markdown: the same cells, the proposal on a line of its own.
    markdown = papers["md"].read_text(encoding="utf-8")
    md_exceptions = _md_rows(markdown.split("## Exceptions")[1].split("\n## ")[0])
    assert md_exceptions["2.1"][6] == f"Agree or refuse the new date proposed ({NOTE})."
    md_tracker = _md_rows(markdown.split("## Appendix A: action tracker")[1].split("\n## ")[0])
    assert md_tracker["2.1"][3] == f"September 2025<br>{NOTE}"
    # Word: the tracker's Due cell.
    document = docx.Document(str(papers["docx"]))
    due: list[str] = []
    for grid in document.tables:
        header = [c.text for c in grid.rows[0].cells]
        if "Due" in header and "Lead" in header:
            due += [
                r.cells[header.index("Due")].text for r in grid.rows[1:] if r.cells[0].text == "2.1"
            ]
    assert due == [f"September 2025\n{NOTE}"]


def test_overdue_follows_the_agreed_date_not_the_proposal(papers: dict[str, Path]) -> None:
    # 31 Mar 2026 is still to come on 31 Oct 2025, but the agreed date, September 2025, has passed.
    markdown = papers["md"].read_text(encoding="utf-8")
    exceptions = _md_rows(markdown.split("## Exceptions")[1].split("\n## ")[0])
    assert list(exceptions) == ["2.1"]
    assert exceptions["2.1"][3].startswith(
        "Rated Red (in progress, off track), but its end date, 30 Sep 2025, has passed"
    )
    # Nothing falls due in the next quarter because of the proposal: it is not a date the plan keeps to.
    assert "31 Mar 2026 (by" not in markdown and "(by 31 Mar 2026)" not in markdown


def test_once_the_board_agrees_the_date_moves_and_no_decision_is_sought(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, PLAN.replace('  - ref: "2.2"', AGREED + '  - ref: "2.2"'))
    markdown = _report(plan, "2025-11", "md", tmp_path).read_text(encoding="utf-8")
    assert "Agree a new date" not in markdown and "New date proposed" not in markdown
    assert "is overdue" not in markdown
    tracker = _md_rows(markdown.split("## Appendix A: action tracker")[1].split("\n## ")[0])
    assert tracker["2.1"][3] == "March 2026<br>Date changed: September 2025 → March 2026"


def test_a_later_update_that_proposes_nothing_has_moved_on(tmp_path: Path) -> None:
    later = (
        "      - {month: 2025-11, completion: Red, impact: Red, commentary: Still recruiting.}\n"
    )
    plan = write_plan(tmp_path, PLAN.replace('  - ref: "2.2"', later + '  - ref: "2.2"'))
    markdown = _report(plan, "2025-11", "md", tmp_path).read_text(encoding="utf-8")
    assert "Agree a new date" not in markdown
    # Still overdue on its agreed date, with no new date asked for: the board is asked to re-rate or agree one.
    decisions = markdown.split("## Decisions sought")[1].split("\n## ")[0]
    assert re.findall(r"^\d+\. .*$", decisions, re.MULTILINE) == [
        "1. **For decision:** 2.1 Improve waiting times for neurodevelopmental pathways (lead: Sam Lead) "
        "is overdue (2 months in exception): re-rate it, or agree a new date. "
        "(Drawn from this month's exceptions.)"
    ]


def test_the_plans_own_decisions_come_first_then_the_proposals(tmp_path: Path) -> None:
    entry = "papers:\n  - month: 2025-10\n    decisions_sought: [Note the recruitment plan]\n"
    plan = write_plan(tmp_path, PLAN + entry)
    markdown = _report(plan, "2025-10", "md", tmp_path).read_text(encoding="utf-8")
    decisions = markdown.split("## Decisions sought")[1].split("\n## ")[0]
    assert re.findall(r"^\d+\. .*$", decisions, re.MULTILINE) == [
        "1. **For decision:** Note the recruitment plan",
        f"2. **For decision:** {DECISION}",
    ]


def test_the_board_agreeing_another_date_settles_the_proposal(tmp_path: Path) -> None:
    # Recorded in the proposing month itself, and a different date from the one proposed.
    decided = PLAN.replace(
        "        proposed_due_reason: Recruitment to the new team takes until March\n",
        "        proposed_due_reason: Recruitment to the new team takes until March\n"
        "        due: June 2026\n        previous_due: September 2025\n",
    )
    plan = write_plan(tmp_path, decided)
    markdown = _report(plan, "2025-10", "md", tmp_path).read_text(encoding="utf-8")
    assert "Agree a new date" not in markdown and "New date proposed" not in markdown


def test_an_action_with_no_date_is_asked_for_one_and_the_reason_keeps_its_capitals(
    tmp_path: Path,
) -> None:
    undated = PLAN.replace("    due: September 2025\n", "", 1).replace(
        "Recruitment to the new team takes until March", "Ofsted asked for a review first"
    )
    plan = write_plan(tmp_path, undated)
    markdown = _report(plan, "2025-10", "md", tmp_path).read_text(encoding="utf-8")
    assert (
        "Agree a new date for action 2.1: 31 Mar 2026 (it has no agreed date). "
        "Reason given: Ofsted asked for a review first."
    ) in markdown
