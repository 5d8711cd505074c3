"""A missing period between two figures, and a top rating no figure supports, in the words the board reads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import check, write_plan


def test_a_missing_year_is_named_with_the_figures_either_side_and_the_command(
    tmp_path: Path,
) -> None:
    path = write_plan(
        tmp_path,
        """\
        indicators:
          - id: KPI 1
            name: EHC plans in 20 weeks
            unit: percent
            actuals:
              - {period: "2021", value: 32}
              - {period: "2024", value: 56}
        """,
    )
    [gap] = [d for d in check(path, date(2025, 7, 15)) if d.name == "figure-gap"]
    assert (
        gap.message
        == "indicator KPI 1 has no figure for 2022 and 2023, between the figures for 2021 and 2024"
    )
    assert "--period 2022 " in (gap.hint or "")


def test_a_top_rating_without_figures_names_the_rating_its_meaning_and_the_indicators(
    tmp_path: Path,
) -> None:
    path = write_plan(
        tmp_path,
        """\
        indicators:
          - id: KPI 1
            name: EHC plans in 20 weeks
            unit: percent
            actions: ["1.1"]
          - id: KPI 2
            name: Annual reviews on time
            unit: percent
            actions: ["1.1"]
        actions:
          - ref: "1.1"
            title: Timely EHC plans
            impact: Green
        """,
    )
    [claim] = [d for d in check(path, date(2025, 7, 15)) if d.name == "rating-without-figures"]
    assert claim.ref == "1.1" and claim.severity.value == "warning"
    assert "impact Green (Impact is felt at a system level)" in claim.message
    assert claim.message.endswith("no indicator evidencing it has a figure (KPI 1 and KPI 2)")
