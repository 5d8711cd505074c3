"""The board paper's options do what a user expects: dates, formats and months that make sense."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from conftest import PLANS, run_cli

WEST = str(PLANS / "west-sussex-2024.yaml")


def test_a_past_month_is_judged_as_of_its_last_day() -> None:
    result = run_cli("report", WEST, "--month", "2025-01", "--format", "md", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert "Data as of 31 Jan 2025." in result.stdout


def test_the_current_month_is_judged_as_of_today() -> None:
    today = date.today()
    result = run_cli("report", WEST, "--month", f"{today:%Y-%m}", "--format", "md", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert f"Data as of {today:%d %b %Y}." in result.stdout


def test_help_says_how_the_as_of_date_is_chosen() -> None:
    out = " ".join(run_cli("report", "--help", env={"COLUMNS": "300"}).stdout.split())
    assert "last day for a past month" in out and "today for the current month" in out


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--month", "2999-01"], "has not started yet"),
        (["--month", "2025-01", "--as-of", "2999-01-01"], "is in the future"),
        (["--month", "2024-01"], "published in April 2024, after January 2024"),
        (["--month", "2025-01", "-o", "paper.pdf"], "cannot tell the format from '.pdf'"),
        (["--month", "2025-01", "-o", "paper.md", "--format", "html"], "make them agree"),
    ],
)
def test_papers_that_make_no_sense_are_refused(args: list[str], words: str, tmp_path: Path) -> None:
    result = run_cli("report", WEST, *args, cwd=tmp_path)
    assert result.returncode == 2
    assert words in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_output_extension_chooses_markdown(tmp_path: Path) -> None:
    result = run_cli("report", WEST, "--month", "2025-01", "-o", "paper.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "paper.md").read_text(encoding="utf-8")
    assert text.lstrip().startswith("#") and "<html" not in text


def test_a_plan_with_error_findings_still_gets_its_paper(tmp_path: Path) -> None:
    # West Sussex in January 2025 has overdue actions, which are error findings; the paper reports them.
    result = run_cli("report", WEST, "--month", "2025-01", "-o", "paper.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "is overdue" in (tmp_path / "paper.html").read_text(encoding="utf-8")


def test_a_format_that_is_given_is_written_whatever_the_file_is_called(tmp_path: Path) -> None:
    out = tmp_path / "notes.txt"
    result = run_cli(
        "report",
        str(PLANS / "west-sussex-2024.yaml"),
        "--month",
        "2025-01",
        "--format",
        "md",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="a terminal here is a POSIX pseudo-terminal")
def test_a_word_paper_is_never_sent_to_a_terminal(tmp_path: Path) -> None:
    import subprocess
    import sys

    primary, secondary = os.openpty()
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "sendplan_cli",
                "report",
                str(PLANS / "west-sussex-2024.yaml"),
                "--month",
                "2025-01",
                "--format",
                "docx",
                "-o",
                "-",
            ],
            stdout=secondary,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    finally:
        os.close(secondary)
        os.close(primary)
    assert done.returncode == 2
    assert b"a Word paper is a binary file and would garble the terminal" in done.stderr
