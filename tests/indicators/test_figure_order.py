"""An indicator's status never depends on the order its figures are written in, and periods that end on the
same day never stop the scorecard or the paper."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from sendplan_cli.check.pipeline import load_model
from sendplan_cli.output.paper.charts.chart_cards import kpi_cards
from sendplan_cli.output.scorecard import cells
from sendplan_cli.plan.kpi_periods import period_span
from sendplan_cli.plan.kpi_status import kpi_status, kpi_statuses
from sendplan_cli.plan.model import Plan

PLANS_WITH_INDICATORS = [
    p for p in sorted(FIXTURES.rglob("*.yaml")) if "\nindicators:" in p.read_text(encoding="utf-8")
]


def _shuffled(plan: Plan, seed: int) -> Plan:
    rng = random.Random(seed)
    indicators = []
    for ind in plan.indicators:
        actuals = list(ind.actuals)
        rng.shuffle(actuals)
        indicators.append(ind.model_copy(update={"actuals": actuals}))
    return plan.model_copy(update={"indicators": indicators})


def _seen(plan: Plan, as_of: date) -> list[object]:
    statuses = kpi_statuses(plan, as_of)
    tables = [card.table for card in kpi_cards(plan, as_of)]
    return [(s.as_dict(), cells(s)) for s in statuses] + tables


def test_there_are_fixtures_with_revisions_and_ties_to_shuffle() -> None:
    assert any(p.name == "published.yaml" for p in PLANS_WITH_INDICATORS)


@pytest.mark.parametrize("path", PLANS_WITH_INDICATORS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_order_of_the_figures_gives_the_same_statuses(path: Path) -> None:
    loaded, plan = load_model(path)
    assert plan is not None and loaded.ok, loaded.diagnostics
    # Each day a period ends, the day after, and well after the last: every figure has its turn as the latest.
    ends = {
        end
        for ind in plan.indicators
        for a in ind.actuals
        if (end := period_span(ind, a.period)[1]) is not None
    }
    days = sorted({d + timedelta(days=k) for d in ends for k in (0, 1)} | {date(2030, 1, 1)})
    for as_of in days:
        as_written = _seen(plan, as_of)
        for seed in range(4):
            assert _seen(_shuffled(plan, seed), as_of) == as_written, (as_of, seed)


# Period phrases that end on the same day, from a day to a year: months, quarters, terms, seasons and years.
SAME_END = {
    date(2024, 12, 31): [
        "31/12/2024",
        "2024-12",
        "December 2024",
        "Q3 24/25",
        "Autumn term 2024",
        "'2024'",
    ],
    date(2025, 3, 31): ["2025-03-31", "March 2025", "Q4 24/25", "2024/25"],
    date(2025, 4, 30): ["2025-04", "Spring term 2025"],
    date(2025, 7, 31): ["2025-07", "Summer term 2025"],
    date(2025, 8, 31): ["2025-08", "Summer 2025", "2024/25"],
}
REPORTING = [None, "monthly", "termly", "quarterly", "annual", "academic-year"]


@st.composite
def indicators(draw: st.DrawFn) -> dict[str, object]:
    end = draw(st.sampled_from(sorted(SAME_END)))
    figures = draw(
        st.lists(
            st.tuples(
                st.sampled_from(SAME_END[end]),
                st.integers(0, 100),
                st.booleans(),
                st.one_of(st.none(), st.sampled_from(["2025-01-10", "2025-09-01"])),
            ),
            min_size=1,
            max_size=6,
        )
    )
    return {
        "id": "KPI 1",
        "name": "Ties",
        "unit": "percent",
        "reporting": draw(st.sampled_from(REPORTING)),
        "direction": draw(
            st.sampled_from(["higher-is-better", "lower-is-better", "within-band", None])
        ),
        "band": {"lower": 40, "upper": 60},
        "targets": [{"value": 60, "by": "March 2026"}],
        "trajectory": [{"by": "Dec 2024", "value": 50}],
        "actuals": [
            {
                "period": p.strip("'"),
                "value": v,
                "provisional": prov,
                **({"revised": r} if r else {}),
            }
            for p, v, prov, r in figures
        ],
    }


@settings(max_examples=150, deadline=None)
@given(
    indicators(),
    st.sampled_from([date(2024, 12, 31), date(2025, 2, 1), date(2025, 9, 15), date(2026, 6, 1)]),
)
def test_periods_ending_on_the_same_day_are_judged_and_rendered_without_error(
    indicator: dict[str, object], as_of: date
) -> None:
    plan = Plan.model_validate(
        {
            "title": "T",
            "partnership": "P",
            "published": "April 2024",
            "board": "B",
            "actions": [],
            "indicators": [indicator],
        }
    )
    [card] = kpi_cards(plan, as_of)
    assert card.row["status"] == card.status.label
    reversed_plan = plan.model_copy(
        update={
            "indicators": [
                plan.indicators[0].model_copy(update={"actuals": plan.indicators[0].actuals[::-1]})
            ]
        }
    )
    assert kpi_status(reversed_plan.indicators[0], 0, as_of).as_dict() == card.status.as_dict()
