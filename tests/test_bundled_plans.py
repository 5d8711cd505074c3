"""Facts read off the published source documents by hand, held against the bundled plans."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import PLANS, check, run_cli

from sendplan_cli.check.pipeline import load_model

WEST = PLANS / "west-sussex-2024.yaml"
EAST = PLANS / "east-sussex-2025.yaml"


def refs_with(path, as_of: date, name: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {d.ref for d in check(path, as_of) if d.name == name}


@pytest.mark.parametrize("path", [WEST, EAST], ids=["west", "east"])
def test_bundled_plans_have_no_schema_errors(path) -> None:  # type: ignore[no-untyped-def]
    loaded, plan = load_model(path)
    assert plan is not None
    assert loaded.diagnostics == []


def test_west_sussex_tables() -> None:
    _, plan = load_model(WEST)
    assert plan is not None
    assert [a.ref for a in plan.actions] == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "1.6",
        "1.7",
        "2.1",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "4.1",
        "4.2",
        "5.1",
        "5.2",
        "5.3",
        "5.4",
    ]
    assert [r.id for r in plan.recommendations] == ["AfI 1", "AfI 2", "AfI 3", "AfI 4", "AfI 5"]
    by_ref = {a.ref: a for a in plan.actions}
    assert by_ref["1.3"].leads == ["Sally Kean"]
    assert by_ref["3.2"].leads == ["Kate Courtney"]
    assert by_ref["4.1"].leads == ["Graham Olway"]
    assert by_ref["5.2"].leads == ["Karen Furse"]
    assert (
        by_ref["1.2"].due is not None
        and by_ref["1.2"].due.text == "On going with full implementation March 2026"
    )
    assert (
        by_ref["4.2"].due is not None
        and by_ref["4.2"].due.text == "Sept 2024 Sept 2024 Sept 2024 March 2026"
    )
    assert (by_ref["2.1"].completion, by_ref["2.1"].impact) == ("Blue", "Green")
    assert (by_ref["4.1"].completion, by_ref["4.1"].impact) == ("Amber", "Red")
    assert (by_ref["5.3"].completion, by_ref["5.3"].impact) == ("Amber", "Amber")
    assert all(a.completion == "Amber" for a in plan.actions if a.ref != "2.1")
    assert (
        plan.recommendations[2].senior_responsible_officer
        == "Claire Hayes, Assistant Director, Education & Skills"
    )
    assert [w.id for w in plan.workstreams] == ["PWG 1", "PWG 2", "PWG 4"]
    assert [r.name for r in plan.rating_scale.completion] == [
        "Blue",
        "Green",
        "Amber",
        "Red",
        "Grey",
    ]


def test_east_sussex_tables() -> None:
    _, plan = load_model(EAST)
    assert plan is not None
    assert [a.ref for a in plan.actions] == [
        "1.1",
        "1.2",
        "1.3",
        "1.4",
        "1.5",
        "2.1",
        "2.2",
        "2.3",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "3.5",
        "3.6",
        "3.7",
        "4.1",
        "4.2",
        "4.3",
        "4.4",
    ]
    assert [w.id for w in plan.workstreams] == ["Theme 1", "Theme 2", "Theme 5"]
    assert [r.workstream for r in plan.recommendations] == [
        "Theme 1",
        "Theme 2",
        "Theme 5",
        "Theme 5",
    ]
    by_ref = {a.ref: a for a in plan.actions}
    assert all(a.completion is None and a.impact is None for a in plan.actions)
    assert by_ref["3.2"].due is None and all(act.due is None for act in by_ref["3.2"].activities)
    assert by_ref["1.5"].due is not None and by_ref["1.5"].due.text == "From April 2025"
    assert by_ref["4.4"].due is not None and by_ref["4.4"].due.text == "Complete by July 2025"
    assert by_ref["3.7"].leads == [
        "Head of Education SEND and Schools Safeguarding",
        "Head of Education Participation and Planning",
    ]
    assert [a.due.text for a in by_ref["4.2"].activities if a.due] == [
        "Summer 2025",
        "Ongoing",
        "Summer 2026",
        "Ongoing from spring 2025",
    ]
    assert by_ref["4.3"].references == [
        "PIP Priority 1",
        "Pan Sussex Post 16 SEND Strategic Work Plan",
    ]
    assert "% of EHCP health contributions within 6 weeks" in by_ref["1.1"].success_measures


def test_west_sussex_at_publication() -> None:
    as_of = date(2024, 4, 30)
    assert refs_with(WEST, as_of, "overdue") == set()
    assert refs_with(WEST, as_of, "not-time-bound") == {"1.7"}


def test_west_sussex_in_january_2025() -> None:
    as_of = date(2025, 1, 15)
    overdue = {"1.1", "1.3", "1.5", "3.2", "5.4"}
    assert refs_with(WEST, as_of, "overdue") == overdue
    assert refs_with(WEST, as_of, "rating-contradicts-dates") == overdue
    assert refs_with(WEST, as_of, "milestone-overdue") == {"4.1", "4.2"}


def test_west_sussex_overdue_points_at_the_due_line() -> None:
    text = WEST.read_text(encoding="utf-8").splitlines()
    found = [d for d in check(WEST, date(2025, 1, 15)) if d.name == "overdue" and d.ref == "1.1"]
    assert len(found) == 1
    assert text[found[0].line - 1][found[0].column - 1 :] == "July 2024"


def test_east_sussex_dates() -> None:
    as_of = date(2025, 4, 30)
    not_bound = {d.ref: d.message for d in check(EAST, as_of) if d.name == "not-time-bound"}
    assert "has no date" in not_bound["3.2"]
    assert "From April 2025" in not_bound["1.5"]
    assert refs_with(EAST, as_of, "unrated") == {
        f"{t}.{n}" for t, k in ((1, 5), (2, 3), (3, 7), (4, 4)) for n in range(1, k + 1)
    }


def test_list_json_reproduces_the_published_table() -> None:
    result = run_cli("list", str(WEST), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {row["ref"]: row for row in json.loads(result.stdout)}
    assert len(rows) == 18
    assert rows["1.1"] == {
        "file": str(WEST),
        "ref": "1.1",
        "title": "Develop waiting well offer for Neurodiversity",
        "leads": ["Caroline Tozzi"],
        "due": "July 2024",
        "due_end": "2024-07-31",
        "completion": "Amber",
        "impact": "Red",
        "recommendation": "AfI 1",
        "recommendations": ["AfI 1"],
    }
    assert rows["1.7"]["due"] == "Ongoing" and rows["1.7"]["due_end"] is None
    assert rows["4.1"]["due_end"] == "2027-03-31"


def test_list_json_of_east_sussex_takes_the_end_from_activities() -> None:
    result = run_cli("list", str(EAST), "--format", "json")
    rows = {row["ref"]: row for row in json.loads(result.stdout)}
    assert len(rows) == 19
    assert rows["1.1"]["due"] is None and rows["1.1"]["due_end"] == "2026-04-30"
    assert rows["3.2"]["due_end"] is None
    assert rows["2.3"]["due_end"] == "2027-04-30"
