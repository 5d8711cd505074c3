"""Exceptions read off the published plans: every date an action has counts, and each says why."""

from __future__ import annotations

import re
from datetime import date

from conftest import write_plan
from papers import EAST, WEST, paper

from sendplan_cli.plan.action_status import months_between


def _section(markdown: str, heading: str) -> str:
    return markdown.split(f"**{heading}")[1].split("\n**")[0].split("\n## ")[0]


def _rows(section: str) -> dict[str, list[str]]:
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and cells[0] not in ("Ref", "---"):
            rows[cells[0]] = cells
    return rows


def _exceptions(markdown: str) -> dict[str, list[str]]:
    """The one exceptions table: ref, action, lead, what is wrong, months, mitigation, the ask."""
    return _rows(_section(markdown, "In exception as at"))


def test_east_sussex_june_2025_shows_2_1_with_its_missed_march_and_april_dates() -> None:
    # The published plan gives 2.1 the dates "March 2025 April 2025 September 2025": by 30 June
    # 2025 the first two have passed and the last has not, so 2.1 is not overdue but in exception.
    markdown = paper(EAST, "2025-06", "md")
    missed = _exceptions(markdown)
    assert "2.1" in missed
    why = missed["2.1"][3]
    assert "March 2025 (by 31 Mar 2025) and April 2025 (by 30 Apr 2025) have passed" in why
    assert "its final date, September 2025, has not" in why
    assert "Not rated" in why
    assert missed["2.1"][4] == "3 months"  # since 31 March 2025
    assert "overdue" not in " ".join(c for row in missed.values() for c in row[3:4])
    assert "Interim Director Mental Health" in missed["2.1"][2]


def test_east_sussex_missed_activity_dates_name_the_activity() -> None:
    missed = _exceptions(paper(EAST, "2025-06", "md"))
    # 1.1: the activity "Review the pathway from the LA to Health services to seek advice" is dated April 2025.
    assert (
        'activity "Review the pathway from the LA to Health services to seek advice" (April 2025'
        in missed["1.1"][3]
    )


def test_west_sussex_january_2025_lists_each_exception_once_with_lead_months_and_ask() -> None:
    # From the published table: 1.1, 1.3, 1.5 and 5.4 due July 2024 and 3.2 due June 2024, all Amber;
    # 4.1 and 4.2 have a milestone of Sept 2024 with later final dates.
    rows = _exceptions(paper(WEST, "2025-01", "md"))
    assert sorted(rows) == ["1.1", "1.3", "1.5", "3.2", "4.1", "4.2", "5.4"]
    for ref in ("1.1", "1.3", "1.5", "5.4"):
        assert (
            rows[ref][3]
            == "Rated Amber (in progress, on track), but its end date, 31 Jul 2024, has passed."
        )
        assert rows[ref][4] == "6 months"
        assert rows[ref][6] == "Re-rate the action, or agree a new date."
    assert rows["3.2"][2] == "Kate Courtney"
    assert rows["3.2"][4] == "7 months"
    assert rows["3.2"][5] == "None recorded"


def test_the_html_paper_has_the_same_exceptions_and_reasons() -> None:
    html = paper(WEST, "2025-01")
    table = html.split("<caption>In exception as at 31 Jan 2025 (7)</caption>")[1].split(
        "</table>"
    )[0]
    assert re.findall(r'<th scope="row" class="ref">([^<]+)</th>', table) == [
        "3.2",
        "1.1",
        "1.3",
        "1.5",
        "5.4",
        "4.1",
        "4.2",
    ]
    assert (
        "Rated Amber (in progress, on track), but its end date, 30 Jun 2024, has passed." in table
    )


def test_a_rating_that_contradicts_a_date_already_missed_is_not_said_twice() -> None:
    rows = _exceptions(paper(WEST, "2025-01", "md"))
    assert "due by 31 Jul 2024" not in rows["1.1"][3]


def test_a_plan_without_updates_says_so_once_as_data_quality_not_as_exceptions() -> None:
    markdown = paper(WEST, "2025-01", "md")
    assert markdown.count("monthly updates are not recorded in this plan") == 1
    quality = next(line for line in markdown.splitlines() if line.startswith("**Data quality:**"))
    assert "17 actions rated Red or Amber with no commentary" in quality
    assert "No update this month" not in markdown
    assert ": none." not in markdown


def test_title_once_and_by_lead_without_rule_names() -> None:
    html = paper(WEST, "2025-01")
    assert html.count("<h1>") == 1 and html.count("<h2>West Sussex") == 0
    by_lead = html.split("<caption>Actions by accountable lead</caption>")[1].split("</table>")[0]
    assert "Kate Courtney" in by_lead and "3.2 (Amber; overdue)" in by_lead
    assert not re.search(
        r"[a-z]+-[a-z]+-[a-z]+", by_lead
    )  # no rule slugs such as missing-commentary


def test_coming_up_gives_the_milestone_text_once() -> None:
    # East Sussex 1.4: "Expand the number of senior staff involved in the audits ..." is dated July 2025.
    markdown = paper(EAST, "2025-06", "md")
    section = markdown.split("**Due next month")[1].split("**Due next quarter")[0]
    lines = [line for line in section.splitlines() if line.startswith("| 1.4 |")]
    assert len(lines) == 1
    assert "Milestone: Expand the number of senior staff involved in the audits" in lines[0]


def test_appendix_summarises_findings_by_rule_not_line_numbers() -> None:
    markdown = paper(WEST, "2025-01", "md")
    row = next(line for line in markdown.splitlines() if line.startswith("| SP101 overdue |"))
    assert row.split("|")[3].strip() == "5" and "1.1, 1.3, 1.5, 3.2, 5.4" in row
    assert "| Line |" not in markdown


def test_months_in_exception_count_whole_months() -> None:
    assert months_between(date(2024, 7, 31), date(2025, 1, 31)) == 6
    assert months_between(date(2025, 6, 30), date(2025, 6, 30)) == 0


def test_multi_line_commentary_keeps_its_paragraphs_in_prose_and_is_visible_in_cells(
    tmp_path,
) -> None:  # type: ignore[no-untyped-def]
    path = write_plan(
        tmp_path,
        """\
actions:
  - ref: "1"
    title: Late action
    leads: Jo Lead
    due: July 2024
    completion: Red
    impact: Red
    commentary: |
      First paragraph.

      Second paragraph.
""",
    )
    html = paper(str(path), "2024-09")
    assert "<p>First paragraph.</p><p>Second paragraph.</p>" in html
    markdown = paper(str(path), "2024-09", "md")
    # In a table cell the breaks are shown as an escaped \n, which Markdown renders as the two characters.
    # In a prose cell (the mitigation) the paragraphs are kept as breaks.
    assert "| First paragraph.<br><br>Second paragraph. |" in markdown
