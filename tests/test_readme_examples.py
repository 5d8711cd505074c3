"""The README's examples print what the README says they print.

Every console example that fixes its date (`--as-of`) or writes nothing (`--dry-run`) is run as
written; a line holding only `...` in the README stands for lines left out."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

_BLOCK = re.compile(r"```console\n(\$ sendplan .*?)```", re.S)


def _examples() -> list[tuple[str, str]]:
    found = []
    for block in _BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8")):
        lines = block.splitlines()
        command, rest = lines[0][2:], lines[1:]
        while command.endswith("\\"):
            command, rest = command[:-1] + rest[0].strip(), rest[1:]
        if (
            "--as-of" in command
            or "--dry-run" in command
            or re.match(r"sendplan update (?:\w+ )?plans/", command)
        ):
            found.append((command, "".join(line + "\n" for line in rest)))
    return found


def _pattern(expected: str) -> re.Pattern[str]:
    parts = [
        re.escape(line + "\n") if line != "..." else "(?:.*\n)*?" for line in expected.splitlines()
    ]
    return re.compile("".join(parts))


EXAMPLES = _examples()


def test_the_readme_has_examples_to_check() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[c[:60] for c, _ in EXAMPLES])
def test_an_example_prints_what_the_readme_shows(
    command: str, expected: str, tmp_path: Path
) -> None:
    args = shlex.split(command)[1:]
    writes = args[0] == "update" and "--dry-run" not in args
    if writes:  # the example edits a plan: give it a copy
        shutil.copytree(ROOT / "plans", tmp_path / "plans")
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"} | {
        "COLUMNS": "200",
        "NO_COLOR": "1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "sendplan_cli", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path if writes else ROOT,
        env=env,
        timeout=120,
    )
    shown = (
        result.stderr if writes else result.stdout
    )  # an update says what it wrote on standard error
    assert _pattern(expected).fullmatch(shown), shown


def test_the_readme_lists_every_date_form_sendplan_reads() -> None:
    from sendplan_cli.plan.dates import ACCEPTED_FORMS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [form for form in ACCEPTED_FORMS if f"- {form}\n" not in readme] == []
