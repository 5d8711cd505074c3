"""Helpers for the board paper tests: the bundled papers, rendered once per test session."""

from __future__ import annotations

from functools import cache

from conftest import PLANS, run_cli

WEST = str(PLANS / "west-sussex-2024.yaml")
EAST = str(PLANS / "east-sussex-2025.yaml")
# The months the issue reads off the sources: West Sussex in January 2025, East Sussex in June 2025.
BUNDLED = {"west-sussex-2024": (WEST, "2025-01"), "east-sussex-2025": (EAST, "2025-06")}


@cache
def paper(path: str, month: str, fmt: str = "html") -> str:
    result = run_cli("report", path, "--month", month, "--format", fmt, "-o", "-")
    assert result.returncode == 0, result.stderr
    return result.stdout


@cache
def word(path: str, month: str) -> bytes:
    """The Word paper's bytes, as `report --format docx` writes them."""
    import subprocess
    import sys

    from conftest import ROOT

    args = ["report", path, "--month", month, "--format", "docx", "-o", "-"]
    result = subprocess.run(
        [sys.executable, "-m", "sendplan_cli", *args], capture_output=True, check=False, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout
