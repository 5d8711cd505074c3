"""Indicator rules on small plans, one case each in cases/indicators.yaml: where each finding is reported."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import HEADER

from sendplan_cli.check.config import Config
from sendplan_cli.check.engine import run_rules
from sendplan_cli.check.pipeline import load_model
from sendplan_cli.check.rules import get

CASES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "indicators.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_indicator_rule_case(case: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    path = tmp_path / "plan.yaml"
    path.write_text(HEADER + case["plan"], encoding="utf-8")
    loaded, plan = load_model(path)
    assert plan is not None and loaded.ok, loaded.diagnostics
    config = replace(Config(), select=frozenset(get(name).code for name in case["select"]))
    as_of = case["as_of"] if isinstance(case["as_of"], date) else date.fromisoformat(case["as_of"])
    found = sorted((d.line, d.column, d.name) for d in run_rules(plan, loaded, config, as_of))
    assert found == sorted(tuple(e) for e in case["expect"])


def test_late_data_names_the_period_the_due_day_and_the_command(tmp_path: Path) -> None:
    from conftest import check, write_plan

    path = write_plan(
        tmp_path,
        """\
        indicators:
          - id: KPI 1
            name: EHC plans in 20 weeks
            unit: percent
            reporting: monthly
            actuals:
              - {period: 2025-05, value: 48}
        """,
    )
    [late] = [d for d in check(path, date(2025, 8, 1)) if d.name == "late-data"]
    assert late.message == (
        "indicator KPI 1 has no figure for the period ending 30 Jun 2025, due by 31 Jul 2025; "
        "the latest is for 2025-05"
    )
    assert (
        late.hint
        == "record it with `sendplan update indicator PLAN 'KPI 1' --period 2025-06 --value N`"
    )


def test_a_termly_figure_is_late_only_after_the_next_school_term_and_its_lag(
    tmp_path: Path,
) -> None:
    from conftest import check, write_plan

    # The summer term ends in July; the next figure is the autumn term's, which ends at Christmas and,
    # a month later (the default lag), falls due on 31 January.
    path = write_plan(
        tmp_path,
        """\
        indicators:
          - id: KPI 4
            name: Pupils with EHC plans excluded
            unit: count
            reporting: termly
            actuals:
              - {period: Summer term 2025, value: 12}
        """,
    )
    assert not [d for d in check(path, date(2026, 1, 15)) if d.name == "late-data"]
    [late] = [d for d in check(path, date(2026, 2, 2)) if d.name == "late-data"]
    assert "the period ending 31 Dec 2025, due by 31 Jan 2026" in late.message
    assert "--period 'Autumn term 2025'" in late.hint


@pytest.mark.parametrize(
    ("reporting", "last", "period", "end"),
    [
        ("termly", date(2024, 12, 31), "Spring term 2025", date(2025, 4, 30)),
        ("termly", date(2025, 4, 30), "Summer term 2025", date(2025, 7, 31)),
        ("academic-year", date(2025, 8, 31), "2025/26", date(2026, 8, 31)),
        ("quarterly", date(2025, 6, 30), "Q2 25/26", date(2025, 9, 30)),
        ("quarterly", date(2025, 12, 31), "Q4 25/26", date(2026, 3, 31)),
        ("monthly", date(2025, 1, 31), "2025-02", date(2025, 2, 28)),
        ("annual", date(2025, 12, 31), "2026", date(2026, 12, 31)),
        ("annual", date(2025, 3, 31), "2025/26", date(2026, 3, 31)),
    ],
)
def test_the_next_period_and_how_to_write_it(
    reporting: str, last: date, period: str, end: date
) -> None:
    from types import SimpleNamespace

    from sendplan_cli.plan.dates import parse_date_phrase
    from sendplan_cli.plan.kpi_periods import next_period_end, period_span, period_text

    assert next_period_end(reporting, last) == end
    assert period_text(reporting, end) == period
    # The command the hint gives records that very period.
    assert period_span(SimpleNamespace(reporting=reporting), parse_date_phrase(period))[1] == end  # type: ignore[arg-type]
