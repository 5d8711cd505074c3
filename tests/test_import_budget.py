"""`sendplan validate` imports only what checking needs.

It runs on every commit and in every CI job, so the board paper (jinja2), round-trip editing
(ruamel.yaml), the authoring commands, spreadsheets and documents, git history and colour
(rich, when colour is off) must stay out of it. This checks which modules a real run loads, in
a fresh process: behaviour, not timing, so it cannot flake on a slow machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"

# Run the command in a child process and write the names of every loaded module to a file at exit.
_PROBE = """
import atexit, json, sys
out = sys.argv[1]
atexit.register(lambda: open(out, "w", encoding="utf-8").write(json.dumps(sorted(sys.modules))))
sys.argv = ["sendplan", *sys.argv[2:]]
from sendplan_cli.cli import main
main()
"""

NEVER_ON_VALIDATE = (
    "jinja2",
    "ruamel",
    "ruamel.yaml",
    "rich",
    "openpyxl",
    "docx",
    "matplotlib",
    "numpy",
    "PIL",
    "sendplan_cli.output.paper",
    "sendplan_cli.authoring",
    "sendplan_cli.git.versions",
    "sendplan_cli.git.repo",
    "sendplan_cli.check.history_engine",
)


def loaded_modules(tmp_path: Path, *args: str) -> set[str]:
    out = tmp_path / "modules.json"
    env = {
        k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "PYTHONPROFILEIMPORTTIME")
    } | {"NO_COLOR": "1"}
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, str(out), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert run.returncode in (0, 1), run.stderr  # 1: the bundled plans have findings today
    return set(json.loads(out.read_text(encoding="utf-8")))


def heavy(modules: set[str]) -> list[str]:
    return sorted(
        m
        for m in modules
        if any(m == name or m.startswith(name + ".") for name in NEVER_ON_VALIDATE)
    )


@pytest.mark.parametrize("output", ["text", "json", "sarif"])
def test_validate_loads_no_report_authoring_or_history_code(tmp_path: Path, output: str) -> None:
    modules = loaded_modules(
        tmp_path, "validate", str(PLANS), "--as-of", "2025-01-31", "--format", output
    )
    assert "sendplan_cli.check.engine" in modules  # the probe saw a real check run
    assert heavy(modules) == []


def test_searching_a_folder_without_patterns_does_not_load_pathspec(tmp_path: Path) -> None:
    """pathspec reads configured include/exclude patterns; the fixed folder names need none of it."""
    assert "pathspec" not in loaded_modules(
        tmp_path, "validate", str(PLANS), "--as-of", "2025-01-31"
    )
    assert "pathspec" in loaded_modules(
        tmp_path, "validate", str(PLANS), "--as-of", "2025-01-31", "--exclude", "old/"
    )


def test_the_probe_sees_the_board_paper_when_report_runs(tmp_path: Path) -> None:
    """The same probe on `report` finds jinja2, the charting library and the paper modules, so an empty list
    above means something."""
    plan = str(PLANS / "west-sussex-2024.yaml")
    modules = loaded_modules(
        tmp_path, "report", plan, "--month", "2025-01", "-o", str(tmp_path / "paper.html")
    )
    assert (
        "jinja2" in modules
        and "sendplan_cli.output.paper.jinja.render" in modules
        and "matplotlib" in modules
    )


@pytest.mark.parametrize(
    "command", [["list", "--indicators"], ["list"], ["explain", "SP101"], ["rules"]]
)
def test_only_report_loads_the_charting_library(tmp_path: Path, command: list[str]) -> None:
    """matplotlib (about 0.4 s to import) draws the board paper's charts and nothing else."""
    fixture = str(ROOT / "tests" / "fixtures" / "valid" / "indicators.yaml")
    args = [
        command[0],
        *([fixture, "--as-of", "2025-09-30"] if command[0] == "list" else []),
        *command[1:],
    ]
    modules = loaded_modules(tmp_path, *args)
    assert not [m for m in modules if m.split(".")[0] in ("matplotlib", "numpy", "PIL")]


def _main(*args: str) -> tuple[int, str]:
    """sendplan's entry point in this process: (exit code, standard output and error)."""
    import contextlib
    import io

    from sendplan_cli.cli import main

    out, argv = io.StringIO(), sys.argv
    sys.argv = ["sendplan", *args]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            try:
                main()
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = argv
    return code, out.getvalue()


def test_a_run_of_one_command_leaves_every_command_listed_after_it() -> None:
    """validate builds only its own command line, and puts the others back for whatever runs next."""
    code, _ = _main("--color", "never", "validate", str(PLANS), "--as-of", "2025-01-31", "--quiet")
    assert code == 1  # the bundled plans have errors as of January 2025
    code, shown = _main("--help")
    assert code == 0
    for command in ("validate", "report", "update", "list", "explain", "new"):
        assert f" {command} " in shown


def test_a_mistyped_command_is_still_matched_against_every_command() -> None:
    code, shown = _main("valdate", str(PLANS))
    assert code == 2
    assert "validate" in shown  # the suggestion
