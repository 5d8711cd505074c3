"""Importing returned forms: several leads on one action, stale forms, figures, dry runs and repeats."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import FIXTURES, PLANS
from sheetforms import changed_lines, copy_plan, export, fill

from sendplan_cli.authoring.spreadsheet.import_ import import_forms
from sendplan_cli.authoring.update import Change, record
from sendplan_cli.check.pipeline import load_model

FEB = date(2025, 2, 1)
JUNE = date(2025, 6, 1)  # East Sussex was published in April 2025
NOW = date(2026, 1, 1)  # the month under way: any month after the forms'


def _form(forms: list[Path], lead: str) -> Path:
    return next(p for p in forms if p.name.endswith(f"{lead}.xlsx"))


def _update(plan: Path, ref: str, month: date):  # type: ignore[no-untyped-def]
    _, model = load_model(plan)
    action = next(a for a in model.actions if a.ref == ref)
    return next((u for u in action.updates if u.month == month), None)


def test_an_action_with_several_leads_is_on_each_leads_form(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, PLANS / "east-sussex-2025.yaml")
    forms = export(plan, JUNE, tmp_path / "forms")
    # East Sussex 1.1 names no lead itself; its activities name three, so it is on each of their forms.
    leads = [
        "designated-clinical-officer",
        "strategic-lead-send-assessment-and-planning",
        "joint-director-for-children-and-young-people-nhs-sussex",
    ]
    from openpyxl import load_workbook

    for lead in leads:
        refs = [
            row[0]
            for row in load_workbook(_form(forms, lead))["Actions"].iter_rows(
                min_row=2, values_only=True
            )
        ]
        assert "1.1" in refs, lead


def test_two_forms_that_disagree_about_an_action_are_a_conflict_naming_both(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, PLANS / "east-sussex-2025.yaml")
    forms = export(plan, JUNE, tmp_path / "forms")
    officer = fill(
        _form(forms, "designated-clinical-officer"),
        {
            "1.1": {"completion": "Amber", "commentary": "On track"},
            "1.2": {"completion": "Amber", "commentary": "Started"},
        },
    )
    director = fill(
        _form(forms, "nhs-sussex"), {"1.1": {"completion": "Red", "commentary": "Behind"}}
    )
    outcome = import_forms(plan, [officer, director], None, False, NOW)
    conflict = next(p for p in outcome.problems if "disagree" in p)
    assert conflict.startswith(
        f"{officer}:Actions!A2 and {director}:Actions!A2: the forms disagree about action 1.1"
    )
    assert _update(plan, "1.1", JUNE) is None  # nothing for the disputed action
    assert _update(plan, "1.2", JUNE).commentary == "Started"  # the rest of the form is recorded


def test_two_forms_that_agree_record_the_action_once(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, PLANS / "east-sussex-2025.yaml")
    forms = export(plan, JUNE, tmp_path / "forms")
    same = {"1.1": {"completion": "Amber", "commentary": "On track"}}
    outcome = import_forms(
        plan,
        [
            fill(_form(forms, "designated-clinical-officer"), same),
            fill(_form(forms, "nhs-sussex"), same),
        ],
        None,
        False,
        NOW,
    )
    assert outcome.problems == [] and len(outcome.recorded) == 1


def test_an_older_form_imports_when_its_rows_did_not_change(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    jane = _form(export(plan, FEB, tmp_path / "forms"), "jane-taylor")
    record(
        plan,
        Change(
            "1.1",
            "2025-02",
            completion="Red",
            comment="Caroline's update, recorded after the forms went out",
        ),
    )
    fill(jane, {"1.5": {"completion": "Red", "commentary": "Delayed"}})
    outcome = import_forms(plan, [jane], None, False, NOW)
    assert outcome.problems == []
    assert _update(plan, "1.5", FEB).commentary == "Delayed"


def test_an_older_form_whose_row_changed_since_is_a_conflict_named_by_row(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    jane = _form(export(plan, FEB, tmp_path / "forms"), "jane-taylor")
    record(
        plan,
        Change("1.5", "2025-02", completion="Amber", comment="Recorded by the officer meanwhile"),
    )
    before = plan.read_bytes()
    fill(jane, {"1.5": {"completion": "Red", "commentary": "Delayed"}})
    outcome = import_forms(plan, [jane], None, False, NOW)
    assert outcome.problems == [
        f"{jane}:Actions!A2: action 1.5 changed in the plan since this form was made (its ratings, "
        "due date or February 2025 update); nothing was recorded for it. Export a fresh form, "
        "or record this row with `sendplan update action`"
    ]
    assert plan.read_bytes() == before


def test_dry_run_shows_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    jane = fill(
        _form(export(plan, FEB, tmp_path / "forms"), "jane-taylor"), {"1.6": {"impact": "Amber"}}
    )
    before = plan.read_bytes()
    outcome = import_forms(plan, [jane], None, True, NOW)
    assert plan.read_bytes() == before
    assert "+      - month: 2025-02\n+        impact: Amber\n" in outcome.diff
    assert outcome.summary.startswith(f"{plan}: would record 1 change(s)")


def test_comments_and_layout_are_kept(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    jane = fill(
        _form(export(plan, FEB, tmp_path / "forms"), "jane-taylor"), {"1.6": {"impact": "Amber"}}
    )
    before = plan.read_bytes()
    import_forms(plan, [jane], None, False, NOW)
    removed, added = changed_lines(before, plan.read_bytes())
    assert removed == [] and added == [
        "    updates:",
        "      - month: 2025-02",
        "        impact: Amber",
    ]


def test_figures_become_actuals_and_a_different_figure_for_a_recorded_period_is_a_conflict(
    tmp_path: Path,
) -> None:
    plan = copy_plan(tmp_path, FIXTURES / "valid" / "indicators.yaml")
    sam = _form(export(plan, date(2025, 9, 1), tmp_path / "forms"), "sam-example")
    fill(sam, {}, {"KPI 1": {"period": "2025-09", "value": 57.5, "note": "Provisional"}})
    outcome = import_forms(plan, [sam], None, False, NOW)
    assert outcome.problems == [] and outcome.recorded[0].startswith(
        "indicator KPI 1: 2025-09 = 57.5"
    )
    _, model = load_model(plan)
    latest = next(i for i in model.indicators if i.id == "KPI 1").actuals[-1]
    assert (latest.period.text, latest.value, latest.note) == ("2025-09", 57.5, "Provisional")
    assert (
        import_forms(plan, [sam], None, False, NOW).summary
        == f"{plan}: no change for September 2025; 1 row(s) already recorded"
    )

    fill(sam, {}, {"KPI 1": {"period": "2025-09", "value": 58}})
    before = plan.read_bytes()
    outcome = import_forms(plan, [sam], None, False, NOW)
    assert "already has a figure for 2025-09 (57.5) and the form says 58" in outcome.problems[0]
    assert "--replace" in outcome.problems[0] and plan.read_bytes() == before


def test_a_figure_that_is_not_a_number_is_named(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, FIXTURES / "valid" / "indicators.yaml")
    sam = _form(export(plan, date(2025, 9, 1), tmp_path / "forms"), "sam-example")
    fill(sam, {}, {"KPI 1": {"period": "2025-09", "value": "57.5%"}})
    outcome = import_forms(plan, [sam], None, False, NOW)
    assert f'{sam}:Indicators!F2: "57.5%" is not a number; write 57.5' in outcome.problems


def test_a_figure_for_an_indicator_whose_unit_changed_since_the_form_is_a_conflict(
    tmp_path: Path,
) -> None:
    plan = copy_plan(tmp_path, FIXTURES / "valid" / "indicators.yaml")
    sam = fill(
        _form(export(plan, date(2025, 9, 1), tmp_path / "forms"), "sam-example"),
        {},
        {"KPI 1": {"period": "2025-09", "value": 57}},
    )
    text = plan.read_text()
    kpi1 = text.index("  - id: KPI 1")
    unit = text.index("    unit: percent", kpi1)
    plan.write_text(text[:unit] + "    unit: count" + text[unit + len("    unit: percent") :])
    before = plan.read_bytes()
    outcome = import_forms(plan, [sam], None, False, NOW)
    assert outcome.problems == [
        f"{sam}:Indicators!A2: indicator KPI 1 was renamed or its unit changed since this form was made; "
        "nothing was recorded for it. Check the figure, then record it with `sendplan update indicator` "
        "or send a fresh form"
    ]
    assert plan.read_bytes() == before


def test_two_forms_with_different_figures_for_one_period_are_a_conflict(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, FIXTURES / "valid" / "indicators.yaml")
    forms = export(plan, date(2025, 9, 1), tmp_path / "forms")
    first = fill(_form(forms, "sam-example"), {}, {"KPI 1": {"period": "2025-09", "value": 57}})
    second = fill(
        first, {}, {"KPI 1": {"period": "2025-09", "value": 58}}, out=tmp_path / "resent.xlsx"
    )
    before = plan.read_bytes()
    outcome = import_forms(plan, [first, second], None, False, NOW)
    assert outcome.problems[0].startswith(
        f"{first}:Indicators!A2 and {second}:Indicators!A2: the forms disagree about "
        "the figure of indicator KPI 1 for 2025-09; nothing was recorded for it"
    )
    assert plan.read_bytes() == before


def test_a_figure_on_a_form_for_a_period_not_yet_ended_or_before_the_baseline_is_refused(
    tmp_path: Path,
) -> None:
    # As `update --indicator` refuses them: on 15 September 2025 the month of September has not ended,
    # and KPI 1's baseline is for March 2024, so a figure for January 2024 belongs in the baseline.
    plan = copy_plan(tmp_path, FIXTURES / "valid" / "indicators.yaml")
    forms = export(plan, date(2025, 9, 1), tmp_path / "forms")
    early = fill(_form(forms, "sam-example"), {}, {"KPI 1": {"period": "2025-09", "value": 57}})
    before = plan.read_bytes()
    outcome = import_forms(plan, [early], None, False, date(2025, 9, 15))
    assert outcome.problems == [
        f"{early}:Indicators!A2: period 2025-09: the period ends on 30 September 2025, so its "
        "figure can be recorded from 1 October 2025; check the period"
    ]
    old = fill(early, {}, {"KPI 1": {"period": "2024-01", "value": 40}}, out=tmp_path / "old.xlsx")
    outcome = import_forms(plan, [old], None, False, date(2025, 10, 15))
    assert outcome.problems == [
        f"{old}:Indicators!A2: period 2024-01 is before indicator KPI 1's baseline (March 2024); "
        "give a period after the baseline, or correct the baseline by hand"
    ]
    assert plan.read_bytes() == before
