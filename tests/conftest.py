"""Shared helpers: write a plan, run the checker, run the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"

HEADER = """\
title: Test plan
partnership: Test partnership
published: April 2024
board: Test board
"""


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skipped on a user's clone, required in CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI must have ../shared beside the clone")
        pytest.skip(f"{path} is not here (it sits beside the clone in CI only)")
    return path


def write_plan(tmp_path: Path, body: str, *, header: bool = True, name: str = "plan.yaml") -> Path:
    """Write a plan file; body is dedented and placed after a minimal valid header."""
    path = tmp_path / name
    path.write_text((HEADER if header else "") + textwrap.dedent(body), encoding="utf-8")
    return path


def check(path: Path, as_of: date = date(2025, 1, 15)):  # type: ignore[no-untyped-def]
    from sendplan_cli.check.pipeline import check_file

    return check_file(path, as_of).diagnostics


def load_errors(path: Path):  # type: ignore[no-untyped-def]
    """The diagnostics that say the file is not a valid plan, without the findings about its readable parts."""
    return [d for d in check(path) if d.is_load_error]


def names_at(diagnostics) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [(d.line, d.column, d.name) for d in diagnostics]


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed command line in a child process, as a user would."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "sendplan_cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=600,
    )
