"""The fictional indicators fixture: every unit, both directions and a band, stepped and straight trajectories,
a definition change and late data, with statuses worked out by hand from the file."""

from __future__ import annotations

import typing
from datetime import date

import pytest
from conftest import FIXTURES, check

from sendplan_cli.check.pipeline import load_model
from sendplan_cli.plan.kpi_model import Unit
from sendplan_cli.plan.kpi_status import kpi_statuses

PATH = FIXTURES / "valid" / "indicators.yaml"
AS_OF = date(2025, 9, 15)


@pytest.fixture(scope="module")
def statuses():  # type: ignore[no-untyped-def]
    loaded, plan = load_model(PATH)
    assert plan is not None and loaded.ok, loaded.diagnostics
    return {s.indicator.id: s for s in kpi_statuses(plan, AS_OF)}


def test_the_fixture_covers_what_it_claims(statuses) -> None:  # type: ignore[no-untyped-def]
    indicators = [s.indicator for s in statuses.values()]
    assert {i.unit for i in indicators} == set(typing.get_args(Unit))
    assert {i.direction for i in indicators} == {
        "higher-is-better",
        "lower-is-better",
        "within-band",
        None,
    }
    assert any(i.stepped and i.trajectory for i in indicators) and any(
        not i.stepped and i.trajectory for i in indicators
    )
    assert any(i.definition_changes for i in indicators)
    assert any(s.late for s in statuses.values())


def test_a_straight_trajectory_between_milestones(statuses) -> None:  # type: ignore[no-untyped-def]
    kpi = statuses["KPI 1"]
    # 31 Aug 2025 lies 153 of the 183 days from Milestone 2 (50 on 31 Mar) to Milestone 3 (58 on 30 Sep):
    # 50 + 8 * 153 / 183 = 56.69. 56.1 is 0.59 short, within the plan's amber tolerance of 2 points.
    assert kpi.expected == pytest.approx(50 + 8 * 153 / 183)
    assert (kpi.rag, kpi.trend) == ("Amber", "improving")
    assert (
        kpi.target is not None and kpi.target.value == 65
    )  # March 2025's target has passed; March 2026's is in force


def test_a_stepped_trajectory_and_late_data(statuses) -> None:  # type: ignore[no-untyped-def]
    kpi = statuses["KPI 2"]
    # Stepped: March 2025's 52 weeks holds until September. June's 45 is better (lower).
    assert (kpi.expected, kpi.rag) == (52, "Green")
    # Monthly, a month's lag: July's figure was due by 31 August.
    assert kpi.late == (date(2025, 7, 31), date(2025, 8, 31))


def test_a_line_from_the_baseline_to_the_target_with_the_indicators_own_tolerance(statuses) -> None:  # type: ignore[no-untyped-def]
    kpi = statuses["KPI 4"]
    # 55 days on 31 Mar 2024 to 42 on 31 Mar 2026 (730 days); 31 Aug 2025 is day 518: 55 - 13 * 518 / 730 = 45.78.
    # 48.5 is 2.72 days worse: Red by the plan's 2 units, Amber by the indicator's own 10% of 45.78.
    assert kpi.expected == pytest.approx(55 - 13 * 518 / 730)
    assert kpi.rag == "Amber"


def test_academic_years_run_september_to_august(statuses) -> None:  # type: ignore[no-untyped-def]
    kpi = statuses["KPI 8"]
    # 2022/23 ends 31 Aug 2023 (20), 2025/26 ends 31 Aug 2026 (10); 2023/24 ends 31 Aug 2024, day 366 of 1096.
    assert kpi.expected == pytest.approx(20 - 10 * 366 / 1096)


def test_a_band_and_an_indicator_that_is_not_rated(statuses) -> None:  # type: ignore[no-untyped-def]
    assert statuses["KPI 7"].rag == "Amber"  # 49 per 1,000 is 1 above the band's 48, within 2
    assert statuses["KPI 10"].label == "Not rated"


def test_the_checker_reports_the_late_figure_and_the_gaps_in_the_fixture() -> None:
    found = {
        (d.name, d.message.split(" ")[1] + " " + d.message.split(" ")[2])
        for d in check(PATH, AS_OF)
        if d.code.startswith("SP4")
    }
    # KPI 5 is termly: its latest figure is the spring term's, so the summer term's (ending in July) was due
    # by 31 August, a month later.
    assert found == {
        ("late-data", "KPI 2"),
        ("off-trajectory", "KPI 3"),
        ("off-trajectory", "KPI 5"),
        ("late-data", "KPI 5"),
        ("indicator-not-smart", "KPI 9"),
        ("indicator-not-smart", "KPI 10"),
    }
