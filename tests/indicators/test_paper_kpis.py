"""The board paper's KPI scorecard, charts with text alternatives and data tables, and Red KPIs among the exceptions."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

from conftest import run_cli, write_plan

PLAN = """\
indicators:
  - id: KPI 1
    name: New EHC plans issued within 20 weeks <script>alert(1)</script>
    unit: percent
    direction: higher-is-better
    owner: Head of SEND Services
    baseline: {value: 38, period: March 2024}
    targets: [{value: 60, by: March 2026}]
    trajectory:
      - {by: Dec 2024, value: 45, label: Milestone 1}
      - {by: June 2025, value: 52, label: Milestone 2}
    actuals:
      - {period: 2025-05, value: 49}
      - {period: 2025-06, value: 48, note: Staff vacancies}
    definition_changes:
      - {since: April 2025, note: Excludes plans transferred in from another area.}
  - id: KPI 2
    name: Suspensions of pupils with SEND
    unit: count
    direction: lower-is-better
    actuals:
      - {period: 2025-06, value: 1600}
actions: []
"""

SVG = "{http://www.w3.org/2000/svg}"


def _paper(tmp_path: Path, fmt: str) -> str:
    result = run_cli(
        "report", str(write_plan(tmp_path, PLAN)), "--month", "2025-07", "--format", fmt, "-o", "-"
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_each_indicator_has_a_chart_whose_text_alternative_states_the_headline(
    tmp_path: Path,
) -> None:
    html = _paper(tmp_path, "html")
    svgs = re.findall(r'<svg[^>]*aria-labelledby="kpi-\d[^"]*".*?</svg>', html, re.DOTALL)
    assert len(svgs) == 2
    chart = ET.fromstring(svgs[0])
    assert chart.get("role") == "img"
    title = chart.find(f"{SVG}title")
    assert title is not None and title.text == (
        "KPI 1 New EHC plans issued within 20 weeks <script>alert(1)</script>: Red: 48% for 2025-06 is "
        "4 percentage points below the 52% expected on the trajectory. Target 60% by March 2026."
    )
    assert "<script>" not in html  # the name is escaped wherever it appears
    # Patterns and labels, not colour alone: a dashed trajectory, a key naming each marker, values in words.
    assert any("stroke-dasharray" in (p.get("style") or "") for p in chart.iter(f"{SVG}path"))
    words = {t.text for t in chart.iter(f"{SVG}text")}
    assert {
        "Actual 48%",
        "Target 60%",
        "Baseline 38%",
        "Actual",
        "Trajectory",
        "Milestone",
        "Target",
        "Baseline",
    } <= words


def test_the_data_table_beside_each_chart_gives_every_value_in_date_order(tmp_path: Path) -> None:
    html = _paper(tmp_path, "html")
    table = html.split("<caption>KPI 1: the values in the chart</caption>")[1].split("</table>")[0]
    rows = re.findall(
        r'<tr><th scope="row">(.*?)</th><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>', table
    )
    assert rows == [
        ("March 2024", "Baseline", "38%", ""),
        ("Dec 2024", "Trajectory", "45%", "Milestone 1"),
        ("2025-05", "Actual", "49%", ""),
        ("June 2025", "Trajectory", "52%", "Milestone 2"),
        ("2025-06", "Actual", "48%", "Staff vacancies"),
        ("March 2026", "Target", "60%", ""),
    ]
    assert (
        "Definition change: From April 2025: Excludes plans transferred in from another area."
        in html
    )


def test_the_scorecard_gives_the_status_in_words_and_red_kpis_are_exceptions(
    tmp_path: Path,
) -> None:
    html = _paper(tmp_path, "html")
    scorecard = html.split("<caption>Scorecard as at 31 Jul 2025</caption>")[1].split("</table>")[0]
    assert re.search(r'style="background:#d4351c;[^"]*">Red</span>', scorecard)
    assert "<td>Not rated</td>" in scorecard
    exceptions = html.split("<caption>In exception as at 31 Jul 2025")[1].split("</table>")[0]
    assert (
        "KPI 1" in exceptions
        and "Head of SEND Services" in exceptions
        and "KPI 2" not in exceptions
    )
    assert "1 of 1 rated indicators is Red." in html


def test_markdown_has_the_same_scorecard_and_tables(tmp_path: Path) -> None:
    md = _paper(tmp_path, "md")
    # Plan text is escaped in Markdown: the tag is shown as written, never passed through as HTML.
    assert (
        "| KPI 1: New EHC plans issued within 20 weeks \\<script\\>alert(1)\\</script\\> | 48% (2025-06) "
        "| 60% by March 2026 | Red | worsening |"
    ) in md
    assert "| 2025-06 | Actual | 48% | Staff vacancies |" in md
    assert re.search(r"^\| KPI 1 \| .* \| Red: ", md, re.MULTILINE)
