"""Time runs one way: `update` records nothing for a month not begun or a period not over, and `validate` flags such entries."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES, check, run_cli

from sendplan_cli.authoring.actuals import ActualChange, apply_actual
from sendplan_cli.authoring.update import Change, apply_change
from sendplan_cli.ground.errors import UsageError

INDICATORS = (
    FIXTURES / "valid" / "indicators.yaml"
)  # KPI 2: monthly, baseline March 2024, figures for 2025-05 and 2025-06
UPDATES = (
    FIXTURES / "valid" / "with-updates.yaml"
)  # action "1": updates for 2024-12 (line 22) and 2025-01 (line 26)


def _copy(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    return target


@pytest.mark.parametrize(
    ("period", "today", "words"),
    [
        # July 2025 is not over on its last day; its figure can be recorded the next day.
        (
            "2025-07",
            date(2025, 7, 31),
            "the period ends on 31 July 2025, so its figure can be recorded from 1 August 2025",
        ),
        ("2027-06", date(2025, 7, 31), "can be recorded from 1 July 2027"),
    ],
)
def test_a_figure_for_a_period_not_yet_over_is_refused(
    period: str, today: date, words: str
) -> None:
    with pytest.raises(UsageError, match=words):
        apply_actual(INDICATORS, ActualChange("KPI 2", period, "44", today=today))


def test_a_figure_for_the_period_just_ended_is_recorded() -> None:
    before, after = apply_actual(
        INDICATORS, ActualChange("KPI 2", "2025-07", "44", today=date(2025, 8, 1))
    )
    assert after.decode().count("{period: 2025-07, value: 44}") == 1
    assert before != after


def test_a_figure_before_the_baseline_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    plan = _copy(INDICATORS, tmp_path)
    before = plan.read_bytes()
    result = run_cli(
        "update", str(plan), "--indicator", "KPI 2", "--period", "2020-06", "--value", "44"
    )
    assert result.returncode == 2
    assert "--period 2020-06 is before indicator KPI 2's baseline (March 2024)" in result.stderr
    assert plan.read_bytes() == before


def test_a_figure_for_a_future_period_is_refused_on_the_command_line(tmp_path: Path) -> None:
    plan = _copy(INDICATORS, tmp_path)
    before = plan.read_bytes()
    result = run_cli(
        "update", str(plan), "--indicator", "KPI 2", "--period", "2999-06", "--value", "44"
    )
    assert result.returncode == 2
    assert "its figure can be recorded from 1 July 2999" in result.stderr
    assert plan.read_bytes() == before


def test_an_update_for_a_month_not_begun_is_refused() -> None:
    with pytest.raises(
        UsageError,
        match="--month 2025-02 has not started yet; record its update from 1 February 2025",
    ):
        apply_change(UPDATES, Change("1", "2025-02", completion="Amber", today=date(2025, 1, 31)))


def test_the_current_months_round_still_works() -> None:
    # On the first day of February the February update can be recorded.
    _, after = apply_change(
        UPDATES, Change("1", "2025-02", completion="Green", today=date(2025, 2, 1))
    )
    assert "      - month: 2025-02\n        completion: Green\n" in after.decode()


def test_validate_flags_an_update_for_a_month_not_begun() -> None:
    # As of 15 December 2024, each action's January 2025 update is ahead of time; December's is not.
    found = [d for d in check(UPDATES, date(2024, 12, 15)) if d.code == "SP206"]
    assert [(d.line, d.column, d.ref) for d in found][:1] == [(26, 16, "1")]
    assert found[0].name == "update-misdated"
    assert (
        found[0].message
        == "action 1 has an update for January 2025, which has not begun (as of 15 December 2024)"
    )
    assert all(d.line != 22 for d in found)


def test_the_new_rule_is_explained() -> None:
    result = run_cli("explain", "update-misdated")
    assert result.returncode == 0
    assert "SP206" in result.stdout and "month that has not begun" in result.stdout
