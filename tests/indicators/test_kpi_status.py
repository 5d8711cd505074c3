"""A KPI's computed status: interpolation, RAG by direction and tolerance, and "not rated"."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from conftest import write_plan
from hypothesis import given
from hypothesis import strategies as st

from sendplan_cli.check.pipeline import load_model
from sendplan_cli.plan.kpi_model import Indicator, Tolerance
from sendplan_cli.plan.kpi_status import (
    expected_at,
    kpi_status,
    kpi_statuses,
    rag_for,
    shortfall,
)

RANK = {"Green": 0, "Amber": 1, "Red": 2}
days = st.integers(min_value=0, max_value=3000).map(lambda n: date(2024, 1, 1) + timedelta(days=n))
values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
tolerances = st.builds(
    lambda green, extra, basis: Tolerance(green=green, amber=green + extra, basis=basis),
    st.floats(min_value=0, max_value=50),
    st.floats(min_value=0, max_value=50),
    st.sampled_from(["units", "percent-of-expected"]),
)


def indicator(direction: str, **more: object) -> Indicator:
    return Indicator.model_validate(
        {"id": "K", "name": "K", "unit": "percent", "direction": direction, **more}
    )


@given(st.lists(st.tuples(days, values), min_size=1, max_size=6, unique_by=lambda p: p[0]), days)
def test_a_straight_line_stays_between_the_points_either_side(
    points: list[tuple[date, float]], when: date
) -> None:
    value = expected_at(points, when)
    ordered = sorted(points)
    before = [v for d, v in ordered if d <= when] or [ordered[0][1]]
    after = [v for d, v in ordered if d >= when] or [ordered[-1][1]]
    low, high = min(before[-1], after[0]), max(before[-1], after[0])
    assert value is not None and low - 1e-6 <= value <= high + 1e-6


@given(st.lists(st.tuples(days, values), min_size=1, max_size=6, unique_by=lambda p: p[0]), days)
def test_a_stepped_trajectory_holds_the_last_value_reached(
    points: list[tuple[date, float]], when: date
) -> None:
    ordered = sorted(points)
    reached = [v for d, v in ordered if d <= when]
    assert expected_at(points, when, stepped=True) == (reached[-1] if reached else ordered[0][1])


def test_interpolation_halfway_between_two_points() -> None:
    # 40 on 1 Jan, 50 on 11 Jan: on 6 Jan, five days of ten, the line is at 45.
    assert (
        expected_at([(date(2025, 1, 1), 40.0), (date(2025, 1, 11), 50.0)], date(2025, 1, 6)) == 45.0
    )


@given(values, values, values, tolerances, st.sampled_from(["higher-is-better", "lower-is-better"]))
def test_rag_is_monotone_in_the_actual(
    a: float, b: float, expected: float, tolerance: Tolerance, direction: str
) -> None:
    ind = indicator(direction)
    worse, better = (
        sorted((a, b)) if direction == "higher-is-better" else sorted((a, b), reverse=True)
    )
    rag_worse = rag_for(shortfall(ind, worse, expected), expected, tolerance)
    rag_better = rag_for(shortfall(ind, better, expected), expected, tolerance)
    assert RANK[rag_better] <= RANK[rag_worse]


# Whole numbers, so that (e + d) - e and e - (e - d) are the same number exactly.
whole = st.integers(min_value=-(10**6), max_value=10**6).map(float)


@given(whole, whole, tolerances)
def test_lower_is_better_mirrors_higher_is_better(
    expected: float, difference: float, tolerance: Tolerance
) -> None:
    higher, lower = indicator("higher-is-better"), indicator("lower-is-better")
    above = rag_for(shortfall(lower, expected + difference, expected), expected, tolerance)
    below = rag_for(shortfall(higher, expected - difference, expected), expected, tolerance)
    assert above == below


@given(
    st.lists(st.tuples(days, values), min_size=1, max_size=5),
    days,
    st.sampled_from(["higher-is-better", "lower-is-better", None]),
)
def test_never_coloured_without_a_target_or_trajectory(
    actuals: list[tuple[date, float]], as_of: date, direction: str | None
) -> None:
    ind = Indicator.model_validate(
        {
            "id": "K",
            "name": "K",
            "unit": "count",
            "direction": direction,
            "baseline": {"value": "10", "period": "2023-12"},
            "actuals": [{"period": f"{d:%Y-%m-%d}", "value": v} for d, v in actuals],
        }
    )
    status = kpi_status(ind, 0, as_of)
    assert (
        status.rag is None and status.label not in RANK
    )  # "Not rated", or "Conflicting figures" for two on one day
    assert status.reason.startswith("not rated")


def test_statuses_read_off_a_small_plan(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        """\
        indicator_tolerance: {amber: 2, basis: units}
        indicators:
          - id: KPI 1
            name: New EHC plans within 20 weeks
            unit: percent
            direction: higher-is-better
            baseline: {value: 38, period: March 2024}
            targets: [{value: 60, by: March 2026}]
            trajectory:
              - {by: Dec 2024, value: 45}
              - {by: June 2025, value: 52}
            actuals:
              - {period: 2025-05, value: 49}
              - {period: 2025-06, value: 51}
          - id: KPI 2
            name: Weeks waiting for a first ND appointment
            unit: weeks
            direction: lower-is-better
            stepped: true
            tolerance: {amber: 10, basis: percent-of-expected}
            trajectory:
              - {by: 2025-03, value: 40}
              - {by: 2025-09, value: 30}
            actuals:
              - {period: 2025-06, value: 45}
          - id: KPI 3
            name: Suspensions
            unit: count
            direction: lower-is-better
            actuals:
              - {period: 2025-06, value: 120}
        actions: []
        """,
    )
    _, plan = load_model(path)
    assert plan is not None
    one, two, three = kpi_statuses(plan, date(2025, 7, 15))
    # June 2025 ends on the last trajectory point: 52 expected; 51 is 1 point short, within amber's 2.
    assert (one.expected, one.rag, one.trend) == (52.0, "Amber", "improving")
    assert (
        one.reason
        == "Amber: 51% for 2025-06 is 1 percentage point below the 52% expected on the trajectory"
    )
    assert one.target is not None and one.gap_to_target == 51 - 60
    # Stepped: until September the March value of 40 holds; 45 is 12.5% worse, beyond the 10% amber tolerance.
    assert (two.expected, two.rag) == (40.0, "Red")
    assert "5 weeks above the 40 weeks expected" in two.reason
    assert (three.rag, three.label) == (None, "Not rated")
    assert three.reason == "not rated: no target or trajectory to judge it against"


def test_a_band_rates_inside_green_and_outside_by_distance(tmp_path: Path) -> None:
    ind = indicator(
        "within-band",
        band={"lower": "90", "upper": "95"},
        actuals=[{"period": "2025-05", "value": "92"}, {"period": "2025-06", "value": "97"}],
    )
    status = kpi_status(ind, 0, date(2025, 7, 1), Tolerance(amber=1))
    assert (
        status.rag == "Red" and "2 percentage points outside the band 90% to 95%" in status.reason
    )
    assert status.trend == "worsening"
