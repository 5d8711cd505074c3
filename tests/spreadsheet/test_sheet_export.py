"""What the exported forms and the tracker workbook hold, read back with openpyxl."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from conftest import FIXTURES, run_cli, write_plan
from openpyxl import load_workbook
from sheetforms import copy_plan, export

from sendplan_cli.authoring.update import Change, record

FEB = date(2025, 2, 1)


def _rows(path: Path, sheet: str = "Actions") -> list[tuple]:  # type: ignore[type-arg]
    return list(load_workbook(path)[sheet].iter_rows(min_row=2, values_only=True))


def _form(forms: list[Path], lead: str) -> Path:
    return next(p for p in forms if p.name.endswith(f"{lead}.xlsx"))


def test_each_lead_gets_their_open_actions_with_the_state_as_published(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    forms = export(plan, FEB, tmp_path / "forms")
    # Read off the plan: Jane Taylor leads 1.5, 1.6 and 5.4; Caroline Tozzi 1.1, 1.2, 1.7 and 2.1, which is Blue (complete).
    jane = _rows(_form(forms, "jane-taylor"))
    assert [r[0] for r in jane] == ["1.5", "1.6", "5.4"]
    assert jane[0][:8] == (
        "1.5",
        "Develop waiting well offer for CAMHS",
        "Jane Taylor",
        "July 2024",
        "as published",
        "Amber",
        "Red",
        None,
    )
    assert all(cell is None for row in jane for cell in row[8:])  # this month's cells are empty
    assert [r[0] for r in _rows(_form(forms, "caroline-tozzi"))] == ["1.1", "1.2", "1.7"]


def test_the_form_shows_the_latest_update_before_the_month_and_drops_actions_completed(
    tmp_path: Path,
) -> None:
    plan = copy_plan(tmp_path)
    record(
        plan,
        Change("1.5", "2025-01", completion="Red", impact="Red", comment="Behind", due="June 2025"),
    )
    record(plan, Change("1.6", "2025-01", completion="Green", comment="Done"))
    jane = _rows(_form(export(plan, FEB, tmp_path / "forms"), "jane-taylor"))
    assert [r[0] for r in jane] == ["1.5", "5.4"]
    assert jane[0][3:8] == ("June 2025", "January 2025", "Red", "Red", "Behind")


def test_the_form_is_locked_except_the_leads_cells_and_offers_the_plans_own_scale(
    tmp_path: Path,
) -> None:
    plan = write_plan(
        tmp_path,
        """\
        rating_scale:
          completion:
            - {name: Done, meaning: Finished, means: complete}
            - {name: On course, meaning: In progress on time, means: on-track}
            - {name: Slipping, meaning: In progress late, means: off-track}
          impact:
            - {name: Felt, meaning: Felt widely, means: felt}
            - {name: Not yet, meaning: Not felt, means: not-felt}
        actions:
          - ref: "1"
            title: "=HYPERLINK(\\"http://example.invalid\\", \\"click\\")"
            leads: [Ann Lead]
            due: March 2026
            completion: On course
    """,
    )
    form = export(plan, FEB, tmp_path / "forms")[0]
    wb = load_workbook(form)
    assert wb.sheetnames == ["Guide", "Actions", "Indicators", "Ratings", "_sendplan"]
    assert wb["_sendplan"].sheet_state == "veryHidden"
    meta = {k: v for k, v in wb["_sendplan"].iter_rows(values_only=True)}
    assert meta["month"] == "2025-02" and meta["lead"] == "Ann Lead"
    assert meta["plan_sha256"] == hashlib.sha256(plan.read_bytes()).hexdigest()
    actions = wb["Actions"]
    assert actions.protection.sheet and wb.security.lockStructure
    assert [actions.cell(row=2, column=c).protection.locked for c in range(1, 14)] == [True] * 8 + [
        False
    ] * 5
    # Plan text is written as text: a title that looks like a formula is never one.
    assert actions["B2"].data_type == "s" and actions["B2"].value.startswith("=HYPERLINK")
    checks = {str(v.sqref): v for v in actions.data_validations.dataValidation}
    assert checks["I2"].type == "list" and checks["I2"].formula1 == "Ratings!$B$2:$B$4"
    assert checks["J2"].formula1 == "Ratings!$B$5:$B$6" and checks["L2"].type == "date"
    ratings = [r[1] for r in wb["Ratings"].iter_rows(min_row=2, values_only=True)]
    assert ratings == ["Done", "On course", "Slipping", "Felt", "Not yet"]


def test_indicators_sheet_lists_the_leads_indicators_with_a_number_check(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, FIXTURES / "valid" / "indicators.yaml")
    wb = load_workbook(_form(export(plan, date(2025, 9, 1), tmp_path / "forms"), "sam-example"))
    rows = list(wb["Indicators"].iter_rows(min_row=2, values_only=True))
    assert rows[0][:4] == (
        "KPI 1",
        "New EHC plans issued within 20 weeks",
        "percent",
        "2025-08: 56.1",
    )
    check = wb["Indicators"].data_validations.dataValidation[0]
    assert check.type == "decimal" and str(check.sqref).startswith("F2")


def test_an_existing_form_is_never_overwritten(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    target = tmp_path / "form.xlsx"
    target.write_bytes(b"keep me")
    result = run_cli("export", str(plan), "--month", "2025-02", "-o", str(target))
    assert (
        result.returncode == 2
        and "already exists; sendplan never overwrites a form" in result.stderr
    )
    assert target.read_bytes() == b"keep me"


def test_the_tracker_is_one_named_table_per_sheet_with_words_for_ratings(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    record(
        plan,
        Change(
            "1.5",
            "2025-01",
            completion="Red",
            comment="Behind",
            proposed_due="June 2025",
            proposed_due_reason="Capacity",
        ),
    )
    out = tmp_path / "tracker.xlsx"
    result = run_cli(
        "export", str(plan), "--format", "xlsx", "-o", str(out), "--as-of", "2025-02-10"
    )
    assert result.returncode == 0, result.stderr
    wb = load_workbook(out)
    assert wb.sheetnames == ["Cover", "Actions", "Updates", "Indicators", "Figures", "Ratings"]
    cover = {row[0]: row[1] for row in wb["Cover"].iter_rows(values_only=True) if row[0]}
    assert cover["Data as at"] == "2025-02-10" and set(wb.sheetnames[1:]) <= set(cover)
    for ws in wb:
        assert not ws.merged_cells.ranges
        assert len(ws.tables) == 1
    actions = {r[0]: r for r in wb["Actions"].iter_rows(min_row=2, values_only=True)}
    assert len(actions) == 18  # every action, open or complete
    assert actions["1.5"][5:9] == ("Red", "Red", "Behind", "2025-01")
    assert actions["2.1"][5] == "Blue" and wb["Actions"]["F2"].fill.fgColor.rgb.endswith(
        "f47738"
    )  # 1.1 Amber: word and colour
    updates = list(wb["Updates"].iter_rows(min_row=2, values_only=True))
    assert updates == [
        ("1.5", "2025-01", "Red", None, "Behind", None, None, "June 2025", "Capacity")
    ]


def test_plan_text_in_a_workbook_keeps_its_line_breaks_and_shows_other_controls(
    tmp_path: Path,
) -> None:
    plan = write_plan(
        tmp_path,
        "recommendations:\n  - id: AfI 1\n    text: X.\nactions:\n"
        '  - ref: "1.1"\n    title: "Two\\nlines and a right-to-left mark \\u202e here"\n'
        "    recommendations: [AfI 1]\n    leads: [Jo Lead]\n    due: July 2025\n    completion: Amber\n",
    )
    target = tmp_path / "tracker.xlsx"
    assert run_cli("export", str(plan), "--format", "xlsx", "-o", str(target)).returncode == 0
    titles = [
        row[1] for row in load_workbook(target)["Actions"].iter_rows(min_row=2, values_only=True)
    ]
    # A line break is a cell's own; a bidirectional control could make the row read differently, so it is shown.
    assert titles == ["Two\nlines and a right-to-left mark \\u202e here"]
