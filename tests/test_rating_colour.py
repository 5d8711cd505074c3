"""Rating colours reach the paper's style attributes, so only #rrggbb is accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import check, run_cli, write_plan

SCALE = """\
rating_scale:
  completion:
    - {{name: Amber, meaning: On track, means: on-track, colour: "{colour}"}}
  impact:
    - {{name: Red, meaning: Not felt, means: not-felt, colour: "#d4351c"}}
actions:
  - ref: "1"
    title: Something
"""


@pytest.mark.parametrize(
    "colour",
    [
        "#f47738;background-image:url(https://evil.example/x.png)",
        "red",
        "#fff",
        "#f4773g",
        "f47738",
    ],
)
def test_a_colour_that_is_not_rrggbb_is_a_located_invalid_value(
    tmp_path: Path, colour: str
) -> None:
    path = write_plan(tmp_path, SCALE.format(colour=colour))
    diagnostics = check(path)
    found = [(d.code, d.line, d.column) for d in diagnostics if d.pointer.endswith("colour")]
    line = path.read_text(encoding="utf-8").splitlines()[6]
    assert found == [("SP015", 7, line.index('colour: "') + len("colour: ") + 1)]
    message = next(d.message for d in diagnostics if d.code == "SP015")
    assert "#rrggbb" in message


def test_the_paper_never_carries_a_rejected_colour(tmp_path: Path) -> None:
    plan = write_plan(
        tmp_path, SCALE.format(colour="#f47738;background-image:url(https://evil.example/x.png)")
    )
    result = run_cli("report", str(plan), "--month", "2024-05", "-o", "-")
    assert result.returncode == 1 and "evil.example" not in result.stdout


@pytest.mark.parametrize("colour", ["#f47738", "#1D70B8"])
def test_rrggbb_in_either_case_is_accepted(tmp_path: Path, colour: str) -> None:
    diagnostics = check(write_plan(tmp_path, SCALE.format(colour=colour)))
    assert not [d for d in diagnostics if d.is_load_error]
