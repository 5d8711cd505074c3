"""KPI statuses on figures as councils publish them: targets that pass with no figure, provisional figures
and their revisions, annual and quarterly figures side by side, written in any order."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from conftest import run_cli, write_plan

from sendplan_cli.check.pipeline import load_model
from sendplan_cli.output.paper.charts.chart_cards import kpi_cards
from sendplan_cli.output.scorecard import cells
from sendplan_cli.plan.kpi_status import KpiStatus, kpi_statuses
from sendplan_cli.plan.model import Plan

# Transcribed in the shape of a real council's published KPI table: targets set, no figures recorded since.
NO_FIGURES = """\
indicators:
  - id: KPI 1
    name: New EHC plans issued within 20 weeks
    unit: percent
    direction: higher-is-better
    owner: Head of SEND
    reporting: quarterly
    targets:
      - {value: 50, by: September 2023}
      - {value: 60, by: March 2027}
    trajectory:
      - {by: March 2026, value: 55, label: Milestone 2}
  - id: KPI 2
    name: Annual reviews on time
    unit: percent
    direction: higher-is-better
    targets: [{value: 80, by: March 2026}]
    trajectory: [{by: June 2025, value: 70}]
    actuals:
      - {period: 2025-06, value: 40}
actions: []
"""


def _plan(tmp_path: Path, body: str, name: str = "plan.yaml") -> Plan:
    loaded, plan = load_model(write_plan(tmp_path, body, name=name))
    assert plan is not None and loaded.ok, loaded.diagnostics
    return plan


def _status(tmp_path: Path, body: str, as_of: date, name: str = "plan.yaml") -> KpiStatus:
    return kpi_statuses(_plan(tmp_path, body, name), as_of)[0]


def test_a_target_date_passed_with_no_figure_is_the_indicators_status(tmp_path: Path) -> None:
    listed = run_cli(
        "list",
        str(write_plan(tmp_path, NO_FIGURES)),
        "--indicators",
        "--as-of",
        "2025-12-01",
        "--format",
        "json",
    )
    one, two = json.loads(listed.stdout)
    # September 2023's figure is for the quarter ending then, due a month later: 31 Oct 2023, long past.
    assert (one["status"], one["rag"]) == ("Target date passed, no figure", None)
    assert one["missed"] == [
        {"kind": "target", "value": 50, "by": "September 2023", "due": "2023-10-31"}
    ]
    assert "the target of 50% by September 2023 has no figure for then or later" in one["reason"]
    # The other indicator has a figure to judge, 40 against the 70 expected: Red, as before.
    assert (two["status"], two["missed"]) == ("Red", [])


def test_the_scorecard_shows_the_target_and_the_next_milestone_before_any_figure(
    tmp_path: Path,
) -> None:
    path = write_plan(tmp_path, NO_FIGURES)
    one = json.loads(
        run_cli(
            "list", str(path), "--indicators", "--as-of", "2025-12-01", "--format", "json"
        ).stdout
    )[0]
    # On 1 Dec 2025 September 2023's target has passed; March 2027's is the one in force, March 2026 the next milestone.
    assert (one["target"], one["target_by"]) == (60, "March 2027")
    assert (one["next_milestone"], one["next_milestone_by"]) == (55, "March 2026")
    status = kpi_statuses(_plan(tmp_path, NO_FIGURES, "again.yaml"), date(2025, 12, 1))[0]
    assert cells(status)["target"] == "60% by March 2027; next milestone 55% by March 2026"
    terminal = run_cli("list", str(path), "--indicators", "--as-of", "2025-12-01").stdout
    assert "Target date passed, no figure" in terminal and "next milestone" in terminal


def test_the_paper_lists_a_target_passed_with_no_figure_among_the_exceptions_in_every_format(
    tmp_path: Path,
) -> None:
    path = write_plan(tmp_path, NO_FIGURES)
    wanted = "target 50% by September 2023, figure due by 31 Oct 2023"
    html = run_cli("report", str(path), "--month", "2025-11", "-o", "-").stdout
    table = html.split("<caption>In exception as at 30 Nov 2025 (2)</caption>")[1].split(
        "</table>"
    )[0]
    # KPI 1 has no figure past its target date; KPI 2 is in exception as Red, not for a missing figure.
    row = next(r for r in table.split("<tr>") if "KPI 1" in r)
    assert "Head of SEND" in row and wanted in row
    assert not any("KPI 2" in r and "no figure" in r for r in table.split("<tr>"))
    # The headline no longer says only that the one indicator with a figure is Red.
    assert "1 of 2 indicators is past a target date with no figure." in html
    md = run_cli("report", str(path), "--month", "2025-11", "--format", "md", "-o", "-").stdout
    assert "**In exception as at 30 Nov 2025 (2)**" in md and wanted in md
    import docx

    word = tmp_path / "paper.docx"
    assert (
        run_cli(
            "report", str(path), "--month", "2025-11", "--format", "docx", "-o", str(word)
        ).returncode
        == 0
    )
    document = docx.Document(io.BytesIO(word.read_bytes()))
    texts = [p.text for p in document.paragraphs] + [
        c.text for t in document.tables for r in t.rows for c in r.cells
    ]
    assert "In exception as at 30 Nov 2025 (2)" in texts and any(wanted in t for t in texts)


REVISED = """\
indicators:
  - id: KPI 1
    name: Pupils with SEND reaching the expected standard
    unit: percent
    direction: higher-is-better
    trajectory: [{by: March 2025, value: 55}]
    actuals:
{figures}
actions: []
"""


def _revised(figures: str) -> str:
    return REVISED.replace("{figures}", figures)


Q3 = "      - {period: Q3 24/25, value: 55}"
PROVISIONAL = "      - {period: Q4 24/25, value: 54, provisional: true}"
REVISION = "      - {period: Q4 24/25, value: 56.3, revised: 2025-06-12}"
UNSAID = "      - {period: Q4 24/25, value: 56.3}"


def test_the_newest_revision_stands_whichever_line_comes_first(tmp_path: Path) -> None:
    found = []
    for n, order in enumerate(
        ((Q3, PROVISIONAL, REVISION), (REVISION, PROVISIONAL, Q3), (PROVISIONAL, REVISION, Q3))
    ):
        status = _status(
            tmp_path, _revised("\n".join(order)), date(2025, 7, 15), name=f"plan-{n}.yaml"
        )
        found.append(status.as_dict())
        # 56.3 for the quarter to March, compared with the quarter before (55), not with its own provisional 54.
        assert (
            status.latest and status.latest.value,
            status.previous and status.previous.value,
        ) == (56.3, 55)
        assert (status.trend, status.label, cells(status)["latest"]) == (
            "improving",
            "Green",
            "56.3% (Q4 24/25), revised 2025-06-12",
        )
    assert found[0] == found[1] == found[2]


def test_the_provisional_figure_stays_in_the_papers_figures_table(tmp_path: Path) -> None:
    plan = _plan(tmp_path, _revised("\n".join((REVISION, PROVISIONAL, Q3))))
    [card] = kpi_cards(plan, date(2025, 7, 31))
    rows = [
        (r["when"], r["what"], r["value"]) for r in card.table if r["what"].startswith("Actual")
    ]
    assert rows == [
        ("Q3 24/25", "Actual", "55%"),
        ("Q4 24/25", "Actual", "56.3%"),
        ("Q4 24/25", "Actual, superseded", "54%"),
    ]


def test_a_revision_made_after_the_day_is_not_yet_known_on_it(tmp_path: Path) -> None:
    status = _status(tmp_path, _revised("\n".join((Q3, PROVISIONAL, REVISION))), date(2025, 5, 31))
    assert status.latest is not None and (status.latest.value, status.latest.provisional) == (
        54,
        True,
    )


def test_two_figures_for_a_period_with_nothing_saying_which_stands_are_conflicting_not_either(
    tmp_path: Path,
) -> None:
    for n, order in enumerate(((Q3, PROVISIONAL, UNSAID), (UNSAID, PROVISIONAL, Q3))):
        status = _status(
            tmp_path, _revised("\n".join(order)), date(2025, 7, 15), name=f"plan-{n}.yaml"
        )
        assert (status.label, status.rag, status.latest, status.trend) == (
            "Conflicting figures",
            None,
            None,
            None,
        )
        assert cells(status)["latest"] == "conflicting: 54% or 56.3% (Q4 24/25)"
        assert (
            status.reason
            == "not rated: conflicting figures for Q4 24/25 (54% and 56.3%); nothing says which stands"
        )


def _latest(
    tmp_path: Path, figures: list[str], as_of: date
) -> tuple[str | None, float | None, str | None]:
    body = _revised("\n".join(f"      - {{period: {p}, value: {v}}}" for p, v in figures))
    status = _status(tmp_path, body, as_of)
    return (
        status.latest.period.text if status.latest else None,
        status.latest.value if status.latest else None,
        status.trend,
    )


def test_a_year_still_running_does_not_hide_the_quarter_that_has_ended(tmp_path: Path) -> None:
    # On 1 Dec 2025 the calendar year 2025 has a month to run; Q2 25/26 ended on 30 September.
    for figures in ([("'2025'", 50), ("Q2 25/26", 58)], [("Q2 25/26", 58), ("'2025'", 50)]):
        assert _latest(tmp_path, figures, date(2025, 12, 1))[:2] == ("Q2 25/26", 58)


def test_on_the_same_last_day_the_finer_period_is_latest_and_the_trend_needs_an_earlier_period(
    tmp_path: Path,
) -> None:
    # The calendar year 2024 and the quarter October to December 2024 both end on 31 December 2024.
    for figures in ([("'2024'", 50), ("Q3 24/25", 58)], [("Q3 24/25", 58), ("'2024'", 50)]):
        assert _latest(tmp_path, figures, date(2025, 2, 1)) == ("Q3 24/25", 58, None)
    with_before = [("'2024'", 50), ("Q3 24/25", 58), ("Q2 24/25", 52)]
    assert _latest(tmp_path, with_before, date(2025, 2, 1)) == ("Q3 24/25", 58, "improving")


def test_the_paper_renders_figures_that_end_on_the_same_day_in_every_format(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        _revised("      - {period: '2024', value: 50}\n      - {period: Q3 24/25, value: 58}"),
    )
    for fmt in ("html", "md", "docx"):
        out = tmp_path / f"paper.{fmt}"
        result = run_cli("report", str(path), "--month", "2025-01", "--format", fmt, "-o", str(out))
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert out.stat().st_size > 0


def test_the_readme_example_of_a_revision_validates_cleanly_and_says_what_it_says_without_its_figures(
    tmp_path: Path,
) -> None:
    from conftest import ROOT

    readme = (ROOT / "docs" / "authors" / "indicators.md").read_text(encoding="utf-8")
    section = readme.split("### Revised figures, and targets that pass with no figure")[1]
    example = section.split("```yaml\n")[1].split("```")[0]
    path = tmp_path / "plan.yaml"
    path.write_text(example, encoding="utf-8")
    clean = run_cli("validate", str(path), "--as-of", "2025-11-15", "--format", "json")
    assert clean.returncode == 0 and json.loads(clean.stdout)["findings"] == [], clean.stdout
    without = "\n".join(
        line for line in example.splitlines() if "Q2 25/26" not in line and "actuals:" not in line
    )
    path.write_text(without + "\n", encoding="utf-8")
    found = json.loads(
        run_cli("validate", str(path), "--as-of", "2025-11-15", "--format", "json").stdout
    )["findings"]
    said = section.split("after the baseline, and `")[1].split("`")[0].replace("\n", " ")
    assert [
        f"{f['severity']} {f['code']} [{f['name']}] {f['message']}"
        for f in found
        if f["severity"] == "error"
    ] == [said]
    assert [f["name"] for f in found if f["severity"] != "error"] == ["late-data"]


def test_the_tracker_workbook_gives_the_latest_figure_the_status_reads_not_the_last_line(
    tmp_path: Path,
) -> None:
    from sendplan_cli.authoring.spreadsheet.tracker import build_tracker

    plan = _plan(tmp_path, _revised("\n".join((REVISION, Q3, PROVISIONAL))))
    [row] = list(
        build_tracker(plan, date(2025, 7, 15))["Indicators"].iter_rows(min_row=2, values_only=True)
    )
    # The last line written is the provisional 54; the revision of 12 June 2025, 56.3, stands.
    assert (row[5], row[6]) == ("Green", "Q4 24/25: 56.3")


def test_a_figure_only_for_a_year_still_running_is_not_yet_read_and_the_reason_says_why(
    tmp_path: Path,
) -> None:
    body = _revised("      - {period: '2025', value: 50}").replace(
        "    trajectory: [{by: March 2025, value: 55}]\n", ""
    )
    status = _status(tmp_path, body, date(2025, 12, 1))
    assert (status.latest, status.label) == (None, "Not rated")
    assert (
        status.reason == "not rated: no figure yet for a period that has ended (2025 has not ended)"
    )
