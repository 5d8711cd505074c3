"""When two figures end on the same day, the one for the indicator's own reporting period is its latest.

An annual indicator is judged on its year, with the quarter that ends with the year kept beside it;
a quarterly indicator on its quarter; with no `reporting:`, the finer period, as before.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import write_plan

from sendplan_cli.check.pipeline import load_model
from sendplan_cli.plan.kpi_status import kpi_statuses

PLAN = """\
indicators:
  - id: KPI 1
    name: New EHC plans issued within 20 weeks
    unit: percent
    direction: higher-is-better
{reporting}    targets: [{{value: 60, by: "2024"}}]
    actuals:
{figures}
actions: []
"""


def _latest(
    tmp_path: Path, reporting: str | None, figures: list[str], as_of: date
) -> tuple[str, float]:
    body = PLAN.format(
        reporting=f"    reporting: {reporting}\n" if reporting else "",
        figures="\n".join(f"      - {f}" for f in figures),
    )
    _, plan = load_model(write_plan(tmp_path, body))
    assert plan is not None
    status = kpi_statuses(plan, as_of)[0]
    assert status.latest is not None
    return status.latest.period.text, status.latest.value


YEAR = '{period: "2024", value: 56.3}'
QUARTER = "{period: Q3 24/25, value: 46}"
FINANCIAL_YEAR = "{period: 2024/25, value: 55}"
MARCH = "{period: 2025-03, value: 40}"


@pytest.mark.parametrize(
    ("reporting", "figures", "as_of", "latest"),
    [
        # The calendar year 2024 and October to December 2024 both end on 31 December 2024.
        ("annual", [YEAR, QUARTER], date(2025, 2, 1), ("2024", 56.3)),
        ("annual", [QUARTER, YEAR], date(2025, 2, 1), ("2024", 56.3)),
        ("quarterly", [YEAR, QUARTER], date(2025, 2, 1), ("Q3 24/25", 46)),
        ("quarterly", [QUARTER, YEAR], date(2025, 2, 1), ("Q3 24/25", 46)),
        (None, [YEAR, QUARTER], date(2025, 2, 1), ("Q3 24/25", 46)),
        # The financial year 2024/25 and March 2025 both end on 31 March 2025.
        ("annual", [MARCH, FINANCIAL_YEAR], date(2025, 5, 1), ("2024/25", 55)),
        ("monthly", [FINANCIAL_YEAR, MARCH], date(2025, 5, 1), ("2025-03", 40)),
    ],
)
def test_the_indicators_own_period_is_latest_when_two_end_on_the_same_day(
    tmp_path: Path,
    reporting: str | None,
    figures: list[str],
    as_of: date,
    latest: tuple[str, float],
) -> None:
    assert _latest(tmp_path, reporting, figures, as_of) == latest
