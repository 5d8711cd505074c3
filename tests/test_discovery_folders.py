"""Folders never searched for plans (.git, .venv, node_modules...), with and without configured patterns.

Without patterns the folder names are matched directly, so pathspec is not imported on every
start; with patterns pathspec reads them all. Both must leave out the same folders."""

from __future__ import annotations

import itertools
from pathlib import Path

import pathspec

from sendplan_cli.check.discovery import ALWAYS_EXCLUDED, _AlwaysExcluded, discover

PLAN = "title: t\npartnership: p\npublished: April 2024\nboard: b\n"


def test_the_folder_names_match_as_pathspec_reads_the_same_patterns() -> None:
    spec, names = pathspec.GitIgnoreSpec.from_lines(list(ALWAYS_EXCLUDED)), _AlwaysExcluded()
    parts = [
        "plans",
        "venv",
        ".venv",
        "node_modules",
        ".git",
        "venv.yaml",
        "myvenv",
        "__pycache__",
        ".gitx",
    ]
    for n in (1, 2, 3):
        for path in itertools.product(parts, repeat=n):
            if any(part in names.names for part in path[:-1]):
                continue  # the walk never enters an excluded folder
            for relative in ("/".join(path), "/".join(path) + "/"):
                assert names.match_file(relative) == spec.match_file(relative), relative


def test_plans_in_tool_folders_are_left_out_with_or_without_patterns(tmp_path: Path) -> None:
    for folder in ("plans", "plans/.venv/lib", "node_modules/x", "venv", "myvenv", ".git/refs"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "plan.yaml").write_text(PLAN, encoding="utf-8")
    expected = [tmp_path / "myvenv" / "plan.yaml", tmp_path / "plans" / "plan.yaml"]
    assert discover([tmp_path]).files == expected
    assert discover([tmp_path], exclude=("nothing-here/",)).files == expected
