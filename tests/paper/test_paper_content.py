"""The paper's own words from `papers:` in the plan, the same sections in every format, unique ids."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from conftest import ROOT, run_cli, write_plan
from papers import EAST, WEST, paper

PLAN = """\
actions:
  - ref: "1"
    title: Late action
    leads: Jo Lead
    due: July 2024
    completion: Red
    impact: Red
    commentary: Recruitment delayed
papers:
  - month: 2024-09
    meeting_date: 2024-10-15
    author: Sam Author, SEND Programme Manager
    purpose: To report progress and seek agreement to a new date for action 1.
    decisions_sought:
      - Agree a new date of March 2025 for action 1
      - Note the position
    summary: |
      Progress is slower than planned.

      Recruitment is the main reason.
    impact: Families report shorter waits.
    voice: The parent carer forum asked for clearer letters.
    risks: [Recruitment may slip further]
    next_steps: [Advertise again in October]
"""
SECTIONS = [
    "Cover",
    "Decisions sought",
    "Executive summary",
    "Exceptions",
    "Overall position",
    "Progress by recommendation",
    "Impact, voice, risks and next steps",
    "Coming up",
    "By lead",
    "Appendix A: action tracker",
    "Appendix B: rating legend and validation findings",
]


def test_the_papers_entry_fills_the_cover_decisions_and_narrative(tmp_path: Path) -> None:
    path = str(write_plan(tmp_path, PLAN))
    html = paper(path, "2024-09")
    assert '<th scope="row">Meeting date</th><td>15 October 2024</td>' in html
    assert '<th scope="row">Report by</th><td>Sam Author, SEND Programme Manager</td>' in html
    assert (
        '<li value="1"><span class="mark">For decision:</span> Agree a new date of March 2025 for action 1</li>'
        in html
    )
    assert "<p>Progress is slower than planned.</p><p>Recruitment is the main reason.</p>" in html
    assert "The parent carer forum asked for clearer letters." in html
    assert "<li>Recruitment may slip further</li>" in html
    assert "No decisions are recorded" not in html
    # Another month has no entry: the defaults, said once.
    other = paper(path, "2024-08")
    assert "Agree a new date of March 2025" not in other
    assert other.count("are not recorded for August 2024 in the plan") == 1


def test_the_papers_entry_is_in_the_json_schema() -> None:
    schema = json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    entry = schema["$defs"]["PaperEntry"]["properties"]
    assert set(entry) == {
        "month",
        "meeting_date",
        "author",
        "purpose",
        "decisions_sought",
        "summary",
        "impact",
        "voice",
        "risks",
        "next_steps",
    }
    assert all(value.get("description") for value in entry.values())


def test_an_unknown_key_in_a_papers_entry_is_refused(tmp_path: Path) -> None:
    path = write_plan(tmp_path, PLAN.replace("    author:", "    auther:"))
    result = run_cli("validate", str(path), "--as-of", "2024-09-30")
    assert result.returncode == 1 and "auther" in result.stdout + result.stderr


def test_markdown_and_html_have_the_same_sections(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    path = str(write_plan(tmp_path, PLAN))
    html = paper(path, "2024-09")
    markdown = paper(path, "2024-09", "md")
    assert re.findall(r"<h2 id=[^>]*>([^<]+)</h2>", html) == SECTIONS
    assert re.findall(r"^## (.+)$", markdown, re.MULTILINE) == SECTIONS
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    assert rendered.count("<table>") == markdown.count("\n| --- ")


def test_ids_are_unique_when_several_plans_make_one_paper() -> None:
    html = run_cli("report", WEST, EAST, "--month", "2025-06", "-o", "-").stdout
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert ids and all(count == 1 for count in ids.values()), [i for i, c in ids.items() if c > 1]
    references = re.findall(r'aria-labelledby="([^"]+)"', html)
    assert all(ref in ids for ref in references)
    assert html.count("<h1>") == 1


def test_indicator_charts_keep_ids_unique_across_plans(tmp_path: Path) -> None:
    from conftest import FIXTURES

    source = (FIXTURES / "valid" / "indicators.yaml").read_text(encoding="utf-8")
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(source, encoding="utf-8")
    second.write_text(source, encoding="utf-8")
    result = run_cli("report", str(first), str(second), "--month", "2025-07", "-o", "-")
    assert result.returncode == 0, result.stderr
    ids = Counter(re.findall(r'\sid="([^"]+)"', result.stdout))
    assert any(i.startswith("p2-kpi-") for i in ids)
    assert all(count == 1 for count in ids.values()), [i for i, c in ids.items() if c > 1]


def test_a_plan_without_its_own_words_still_has_the_narrative_section_in_every_format(
    tmp_path: Path,
) -> None:
    import docx

    html = paper(WEST, "2025-01")
    markdown = paper(WEST, "2025-01", "md")
    target = tmp_path / "paper.docx"
    assert run_cli("report", WEST, "--month", "2025-01", "-o", str(target)).returncode == 0
    headings = [
        p.text for p in docx.Document(str(target)).paragraphs if p.style.name.startswith("Heading")
    ]
    said = "risks and next steps are not recorded for January 2025 in the plan."
    assert re.search(
        r"<h2 id=[^>]*>Impact, voice, risks and next steps</h2>\s*<p>[^<]*" + re.escape(said), html
    )
    assert "## Impact, voice, risks and next steps\n\nWhat difference the work has made" in markdown
    assert "Impact, voice, risks and next steps" in headings
