"""The examples in the README and the documentation site print what they say they print.

Every ```console example is run as written, in a copy of the bundled plans and test fixtures, so
an example that writes a file writes it there; a line holding only `...` in an example stands for
lines left out. An example shows a date-dependent result only with `--as-of` (or a past month).
An example may sit indented in a list; its indent is taken off. An example that reads files an
officer makes first (filled-in forms, a git history, the governance example) names a setup step
that makes them in the copy."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT
from example_setups import action_history, branch_with_edits, monthly_round_imported, with_examples
from filled_forms import monthly_round_forms

_BLOCK = re.compile(r"^( *)```console\n(.*?)^\1```", re.S | re.M)


# Pages whose examples need a plan written from the page itself: their own tests run them.
RUN_ELSEWHERE = {"docs/risks-and-dependencies.md": "tests/test_risks_docs.py"}

# Examples (by their first command) that read files made before they run, and the step making them.
SETUP: dict[str, Callable[[Path], None]] = {
    "sendplan import plans/west-sussex-2024.yaml forms/bad-claire-prince.xlsx": monthly_round_forms,
    "sendplan validate plans/west-sussex-2024.yaml --as-of 2025-02-28 --quiet --output-format "
    "concise": monthly_round_imported,
    "sendplan validate plans/ --since HEAD --as-of 2025-01-15 --output-format concise": (
        branch_with_edits
    ),
    "sendplan history plans/west-sussex-2024.yaml --action 1.1": action_history,
    "sendplan report examples/governance.yaml --for-review 2025-07-15 -o pack.html": with_examples,
    "sendplan update action examples/governance.yaml 1.2 --month 2025-05 --evidence "
    '"Assessment timeliness audit" --evidence-path evidence/assessment-timeliness-audit.md': (
        with_examples
    ),
}


def documents() -> list[Path]:
    """The README and every page of the site written by hand (the reference pages are generated)."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return [p for p in pages if p.relative_to(ROOT).as_posix() not in RUN_ELSEWHERE]


def _steps(block: str) -> list[tuple[str, str]]:
    """Each `$ command` of a block (continued lines joined) and the output shown after it."""
    steps: list[tuple[str, list[str]]] = []
    lines = iter(block.splitlines())
    for line in lines:
        if line.lstrip().startswith("$ "):
            command = line.lstrip()[2:]
            while command.endswith("\\"):
                command = command[:-1] + next(lines).strip()
            steps.append((command, []))
        else:
            assert steps, f"a console example starts with a `$ ` command: {block[:80]!r}"
            steps[-1][1].append(line)
    return [(command, "".join(line + "\n" for line in shown)) for command, shown in steps]


def _examples() -> list[tuple[str, list[tuple[str, str]]]]:
    found = []
    for page in documents():
        for indent, block in _BLOCK.findall(page.read_text(encoding="utf-8")):
            lines = [line.removeprefix(indent) for line in block.splitlines()]
            found.append((page.relative_to(ROOT).as_posix(), _steps("\n".join(lines))))
    return found


def _pattern(expected: str) -> re.Pattern[str]:
    parts = [
        re.escape(line + "\n") if line.strip() != "..." else "(?:.*\n)*?"
        for line in expected.splitlines()
    ]
    return re.compile("".join(parts))


EXAMPLES = _examples()


def test_the_documents_have_examples_to_check() -> None:
    assert len(EXAMPLES) >= 10


def test_every_setup_step_is_used_by_an_example() -> None:
    assert set(SETUP) <= {steps[0][0] for _, steps in EXAMPLES}


def test_the_examples_run_elsewhere_are_run_there() -> None:
    for page, test in RUN_ELSEWHERE.items():
        if (ROOT / page).is_file():
            assert "```console" in (ROOT / test).read_text(encoding="utf-8"), test


@pytest.mark.parametrize(
    ("page", "steps"), EXAMPLES, ids=[f"{p}: {s[0][0][:50]}" for p, s in EXAMPLES]
)
def test_an_example_prints_what_the_documents_show(
    page: str, steps: list[tuple[str, str]], tmp_path: Path
) -> None:
    # Only the plans as the repository has them: a lock file left beside one would change
    # the commits an example makes, and the short hashes it shows.
    shutil.copytree(ROOT / "plans", tmp_path / "plans", ignore=shutil.ignore_patterns(".*"))
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", tmp_path / "tests/fixtures/valid")
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"} | {
        "COLUMNS": "200",
        "NO_COLOR": "1",
    }
    if setup := SETUP.get(steps[0][0]):
        setup(tmp_path)
    for command, expected in steps:
        args = shlex.split(command)
        assert args[0] == "sendplan", f"{page}: only sendplan commands are run: {command}"
        result = subprocess.run(
            [sys.executable, "-m", "sendplan_cli", *args[1:]],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
        )
        # A command that writes a file says so on standard error; one that reports prints it.
        shown = result.stdout if result.stdout else result.stderr
        assert _pattern(expected).fullmatch(shown), f"{page}: {command}\n{shown}"


def test_the_dates_page_lists_every_date_form_sendplan_reads() -> None:
    from sendplan_cli.plan.dates import ACCEPTED_FORMS

    page = (ROOT / "docs" / "authors" / "dates.md").read_text(encoding="utf-8")
    assert [form for form in ACCEPTED_FORMS if f"- {form}\n" not in page] == []
