"""Indicators in the plan format: numbers are numbers, located errors say how to write them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, check, write_plan

INDICATOR = """\
indicators:
  - id: KPI 1
    name: New EHC plans issued within 20 weeks
    unit: percent
    direction: higher-is-better
    baseline: {value: VALUE, period: March 2024}
actions: []
"""


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ('"38%"', "write 38;"),
        ('"1,600"', "write 1600;"),
        ("54.2 per cent", "write 54.2;"),
        ("38% (England 42%)", "write the number only"),
        ("about half", "write the number only"),
    ],
)
def test_a_value_written_as_text_is_a_located_error_with_the_number_it_holds(
    tmp_path: Path, written: str, hint: str
) -> None:
    path = write_plan(tmp_path, INDICATOR.replace("VALUE", written))
    [error] = check(path)
    # Line 5 is "indicators:"; the baseline is on line 10, its value after "{value: ".
    assert (error.line, error.column, error.name) == (10, 23, "wrong-type")
    assert error.message.endswith("must be a number")
    assert error.hint is not None and error.hint.startswith(hint)


@pytest.mark.parametrize("written", ["54.2", "-3", "1600", "0.5"])
def test_plain_numbers_are_accepted(tmp_path: Path, written: str) -> None:
    path = write_plan(tmp_path, INDICATOR.replace("VALUE", written))
    assert [d for d in check(path) if d.severity.value == "error"] == []


def test_an_unknown_unit_names_the_allowed_ones(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path, INDICATOR.replace("VALUE", "38").replace("unit: percent", "unit: per cent")
    )
    [error] = check(path)
    assert error.name == "invalid-value" and error.line == 8
    assert "percent" in (error.hint or "") and "rate per 10,000" in (error.hint or "")


def test_free_text_measures_stay_valid_and_may_cite_an_indicator(tmp_path: Path) -> None:
    path = write_plan(
        tmp_path,
        INDICATOR.replace("VALUE", "38").replace(
            "actions: []",
            """\
actions:
  - ref: "1"
    title: Timeliness
    measures:
      - {name: Families say they know what support exists, baseline: few, target: most}
      - {indicator: KPI 1}
""",
        ),
    )
    assert [d for d in check(path) if d.severity.value == "error"] == []


def test_the_json_schema_agrees_that_a_percent_sign_is_not_a_number(tmp_path: Path) -> None:
    path = write_plan(tmp_path, INDICATOR.replace("VALUE", '"38%"'))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(ROOT / "schemas" / "plan.schema.json"),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "38%" in result.stdout
