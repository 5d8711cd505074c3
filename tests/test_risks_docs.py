"""docs/risks-and-dependencies.md: its example plan is a valid plan, and its commands print what it shows."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

DOC = ROOT / "docs" / "risks-and-dependencies.md"
_PLAN = re.compile(r"```yaml\n(title: .*?)```", re.S)
_CONSOLE = re.compile(r"```console\n\$ (sendplan .*?)\n(.*?)```", re.S)


def _text() -> str:
    return DOC.read_text(encoding="utf-8")


def _pattern(expected: str) -> re.Pattern[str]:
    # A line holding only `...` stands for lines left out, as in the README.
    parts = [
        re.escape(line + "\n") if line != "..." else "(?:.*\n)*?" for line in expected.splitlines()
    ]
    return re.compile("".join(parts))


def _run(command: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"} | {
        "COLUMNS": "200",
        "NO_COLOR": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "sendplan_cli", *shlex.split(command)[1:]],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )
    return done.stdout


def test_the_example_plan_has_no_findings_as_of_january_2025(tmp_path: Path) -> None:
    [plan] = _PLAN.findall(_text())
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    out = _run("sendplan validate plan.yaml --as-of 2025-01-15 --output-format concise", tmp_path)
    assert out.startswith("0 errors, 0 warnings, 0 info"), out


@pytest.mark.parametrize("index", [0, 1])
def test_a_documented_command_prints_what_the_page_shows(index: int, tmp_path: Path) -> None:
    [plan] = _PLAN.findall(_text())
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    command, expected = _CONSOLE.findall(_text())[index]
    shown = _run(command, tmp_path)
    assert _pattern(expected).fullmatch(shown), shown


def test_the_page_lists_every_risk_and_dependency_rule() -> None:
    from sendplan_cli.check.rules import RULES

    ours = [r for r in RULES if r.code.startswith(("SP6", "SP7"))]
    assert len(ours) == 8
    for r in ours:
        assert f"| {r.code} | {r.name} | {r.severity.value} |" in _text()


def test_the_page_gives_the_bands_sendplan_uses() -> None:
    from sendplan_cli.plan.risk_matrix import band_ranges

    for written in band_ranges():
        scores, rating = written.split(" ", 1)
        assert f"| {scores} | {rating} |" in _text()
