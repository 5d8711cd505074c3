"""Messages about figures: no Python words reach the user, and a hint never changes what the figure means."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import check, write_plan

from sendplan_cli.authoring.spreadsheet import values

PLAN = """\
indicators:
  - id: KPI 1
    name: New EHC plans issued within 20 weeks
    unit: count
    direction: higher-is-better
    baseline: {value: 38, period: March 2024}
    actuals:
ACTUALS
actions: []
"""


def _errors(tmp_path: Path, actuals: str) -> list:  # type: ignore[type-arg]
    path = write_plan(tmp_path, PLAN.replace("ACTUALS", actuals))
    return [d for d in check(path) if d.severity.value == "error"]


@pytest.mark.parametrize(
    "written", ['">50"', '"over 50"', '"at least 50"', '"<5"', '"more than 50"']
)
def test_a_bound_is_not_turned_into_the_number_it_bounds(tmp_path: Path, written: str) -> None:
    [error] = _errors(tmp_path, f"      - {{period: 2025-05, value: {written}}}")
    assert error.name == "wrong-type"
    # "write 50" would record ">50" as exactly 50.
    assert "write 50" not in (error.hint or "") and "write 5;" not in (error.hint or "")
    assert "bound" in (error.hint or "") and "comparison:" in (error.hint or "")


@pytest.mark.parametrize("written", ['"1.6k"', '"2 million"', '"50-60"'])
def test_a_number_with_words_that_scale_it_gets_no_number_to_write(
    tmp_path: Path, written: str
) -> None:
    [error] = _errors(tmp_path, f"      - {{period: 2025-05, value: {written}}}")
    assert (error.hint or "").startswith("write the number only")


def test_an_empty_value_is_named_in_words_not_python(tmp_path: Path) -> None:
    errors = _errors(
        tmp_path, "      - {period: 2025-05, value: null}\n      - period: 2025-06\n        value:"
    )
    assert [e.message for e in errors] == ["the figure is empty"] * 2


def test_a_mapping_given_as_a_value_is_named_in_words(tmp_path: Path) -> None:
    [error] = _errors(tmp_path, "      - {period: 2025-05, value: {a: 1}}")
    assert error.message == "expected a number, found a mapping"


@pytest.mark.parametrize(
    ("written", "number"), [("1,600", "1600"), ("1,600,000", "1600000"), ("1,600.5", "1600.5")]
)
def test_a_thousands_separator_gets_the_same_hint_in_a_flow_mapping(
    tmp_path: Path, written: str, number: str
) -> None:
    # Inside { } YAML ends the value at the comma; the user wrote one number, so one message says how to write it.
    [error] = _errors(tmp_path, f"      - {{period: 2025-05, value: {written}, note: x}}")
    assert error.name == "wrong-type" and error.line == 12
    assert repr(written) in error.message and "unknown key" not in error.message
    assert error.hint == f"write {number}"


@pytest.mark.parametrize(
    "style",
    ["      - period: 2025-05\n        value: 1,600", '      - {period: 2025-05, value: "1,600"}'],
)
def test_a_thousands_separator_gets_the_hint_in_block_and_quoted_styles(
    tmp_path: Path, style: str
) -> None:
    [error] = _errors(tmp_path, style)
    assert (error.hint or "").startswith("write 1600;")


def test_a_ratio_is_offered_as_the_rate_with_the_same_meaning(tmp_path: Path) -> None:
    [error] = _errors(tmp_path, "      - {period: 2025-05, value: '1:500'}")
    # One in 500 is 2 in 1,000.
    assert "write 2 with `unit: rate per 1,000`" in (error.hint or "")


def test_a_ratio_with_no_exact_rate_is_not_rounded(tmp_path: Path) -> None:
    [error] = _errors(tmp_path, "      - {period: 2025-05, value: '1:3'}")
    assert "333" not in (error.hint or "") and "rate per 1,000" in (error.hint or "")


def test_the_spreadsheet_and_update_give_the_same_advice_for_a_bound() -> None:
    figure, problem = values.number(">50")
    assert (
        figure is None and problem is not None and "write 50" not in problem and "bound" in problem
    )


@pytest.mark.parametrize(
    ("written", "number"),
    [('"£1,234,567"', "1234567"), ('"1,234,567%"', "1234567"), ('"12,345.67 days"', "12345.67")],
)
def test_the_number_to_write_is_the_number_written_to_its_last_digit(
    tmp_path: Path, written: str, number: str
) -> None:
    # Six significant figures would turn 1,234,567 into 1.23457e+06: another number, in a form no officer writes.
    [error] = _errors(tmp_path, f"      - period: 2025-05\n        value: {written}")
    assert (error.hint or "").startswith(f"write {number};")
