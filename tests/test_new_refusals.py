"""`sendplan new` writes only plans that pass: an empty or broken value is refused and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--title", "", "--partnership", "P"], "--title is empty; give the plan's title"),
        (["--title", "   ", "--partnership", "P"], "--title is empty"),
        (["--title", "T", "--partnership", ""], "--partnership is empty"),
        (["--title", "T", "--partnership", "P", "--board", ""], "--board is empty"),
        # A break would end the header comment that names the plan, and its next line would be read as a key.
        (
            ["--title", "Our plan\nboard: x", "--partnership", "P"],
            "--title holds a line break; write it on one line",
        ),
        (["--title", "T", "--partnership", "P\r"], "--partnership holds a line break"),
        (["--title", "T\x1b[2J", "--partnership", "P"], "--title: holds control character U+001B"),
    ],
)
def test_new_refuses_what_would_not_make_a_valid_plan(
    tmp_path: Path, args: list[str], words: str
) -> None:
    result = run_cli("new", "-o", str(tmp_path / "plan.yaml"), *args)
    assert result.returncode == 2
    assert words in result.stderr
    assert list(tmp_path.iterdir()) == []  # neither the plan nor the schema beside it


def test_a_title_with_yaml_and_comment_marks_passes(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    assert (
        run_cli(
            "new", "-o", str(target), "--title", "# Plan: 'A' & \"B\"", "--partnership", "P"
        ).returncode
        == 0
    )
    result = run_cli("validate", str(target))
    assert result.returncode == 0, result.stdout
