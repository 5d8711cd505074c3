"""The command line behaves like the linters CI owners already run (ruff, yamllint, check-jsonschema)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PLANS, ROOT, run_cli

WEST = PLANS / "west-sussex-2024.yaml"


def test_short_help_and_version_work_everywhere() -> None:
    assert run_cli("-h").returncode == 0
    assert "--stdin-filename" in run_cli("validate", "-h").stdout
    assert run_cli("-V").stdout == run_cli("--version").stdout != ""


def _stdin(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sendplan_cli",
            "validate",
            "-",
            *args,
            "--as-of",
            "2025-01-15",
            "--output-format",
            "concise",
        ],
        input=WEST.read_text(encoding="utf-8"),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"NO_COLOR": "1", "PATH": ""},
        timeout=120,
    )


def test_a_plan_on_standard_input_is_located_at_stdin_or_the_name_given() -> None:
    plain = _stdin()
    named = _stdin("--stdin-filename", "plans/draft.yaml")
    assert plain.returncode == named.returncode == 1
    assert plain.stdout.splitlines()[0].startswith("<stdin>:")
    assert named.stdout.splitlines()[0].startswith("plans/draft.yaml:")


@pytest.mark.parametrize("how", [["--select", "overdue"], ["--select", "SP101"]])
def test_select_by_name_or_code_runs_only_that_rule(how: list[str]) -> None:
    result = run_cli("validate", str(WEST), "--as-of", "2025-01-15", "--format", "json", *how)
    names = {f["name"] for f in json.loads(result.stdout)["findings"]}
    assert names == {"overdue"}


def test_ignore_and_extend_select_change_the_selection() -> None:
    result = run_cli(
        "validate",
        str(WEST),
        "--as-of",
        "2025-01-15",
        "--format",
        "json",
        "--select",
        "overdue",
        "--extend-select",
        "not-time-bound",
        "--ignore",
        "SP101",
    )
    assert {f["name"] for f in json.loads(result.stdout)["findings"]} == {"not-time-bound"}


def test_an_unknown_rule_on_the_command_line_is_a_usage_error() -> None:
    result = run_cli("validate", str(WEST), "--select", "overdew")
    assert result.returncode == 2
    assert "--select: unknown rule 'overdew'" in result.stderr


def test_quiet_shows_only_failing_findings_and_the_summary() -> None:
    result = run_cli(
        "validate", str(WEST), "--as-of", "2025-01-15", "--quiet", "--output-format", "concise"
    )
    lines = result.stdout.splitlines()
    # West Sussex at 2025-01-15: 1.1, 1.3, 1.5, 3.2 and 5.4 are overdue, the run's only errors.
    assert [line.split(" [", 1)[0].rsplit(" ", 1)[1] for line in lines[:-1]] == ["SP101"] * 5
    assert lines[-1].endswith("Failed: 5 findings at or above error.")


def test_output_file_and_exit_zero(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    result = run_cli(
        "validate",
        str(WEST),
        "--as-of",
        "2025-01-15",
        "--format",
        "sarif",
        "--output-file",
        str(target),
        "--exit-zero",
    )
    assert result.returncode == 0 and result.stdout == ""
    assert (
        json.loads(target.read_text(encoding="utf-8"))["runs"][0]["invocations"][0]["properties"][
            "failed"
        ]
        is True
    )


def test_an_output_file_of_dash_is_standard_output_not_a_file(tmp_path: Path) -> None:
    shutil.copy(PLANS / "west-sussex-2024.yaml", tmp_path / "plan.yaml")
    done = run_cli(
        "validate",
        "plan.yaml",
        "--as-of",
        "2025-01-31",
        "--format",
        "json",
        "-o",
        "-",
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["as_of"] == "2025-01-31"
    assert not (tmp_path / "-").exists()


def test_config_file_given_on_the_command_line(tmp_path: Path) -> None:
    config = tmp_path / "strict.toml"
    config.write_text('select = ["not-time-bound"]\n', encoding="utf-8")
    result = run_cli("validate", str(WEST), "--config", str(config), "--format", "json")
    assert {f["name"] for f in json.loads(result.stdout)["findings"]} == {"not-time-bound"}
    missing = run_cli("validate", str(WEST), "--config", str(tmp_path / "nope.toml"))
    assert (
        missing.returncode == 2
        and "--config" in missing.stderr
        and "no such file" in missing.stderr
    )


def _repository(tmp_path: Path) -> Path:
    (tmp_path / "plans" / "archive").mkdir(parents=True)
    (tmp_path / "plans" / "plan.yaml").write_bytes(WEST.read_bytes())
    (tmp_path / "plans" / "archive" / "old.yaml").write_bytes(WEST.read_bytes())
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    return tmp_path


def test_a_directory_is_searched_for_plans_not_for_every_yaml_file(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    result = run_cli("validate", ".", "--show-files", cwd=root)
    assert result.returncode == 0
    assert result.stdout.splitlines() == ["plans/archive/old.yaml", "plans/plan.yaml"]
    assert "skipped .pre-commit-config.yaml: not a plan" in result.stderr


def test_exclude_patterns_from_the_configuration_and_the_command_line(tmp_path: Path) -> None:
    root = _repository(tmp_path)
    assert run_cli(
        "validate", ".", "--show-files", "--exclude", "archive/", cwd=root
    ).stdout.splitlines() == ["plans/plan.yaml"]
    (root / "sendplan.toml").write_text('exclude = ["archive/"]\n', encoding="utf-8")
    assert run_cli("validate", ".", "--show-files", cwd=root).stdout.splitlines() == [
        "plans/plan.yaml"
    ]


def test_a_directory_without_plans_fails_the_run_instead_of_passing_green(tmp_path: Path) -> None:
    (tmp_path / "workflow.yml").write_text("on: push\n", encoding="utf-8")
    result = run_cli("validate", str(tmp_path))
    assert result.returncode == 2
    assert (
        "no plans found in this directory (1 YAML file without a top-level `partnership:` key, so not plans)"
        in result.stderr
    )
    listed = run_cli("validate", str(tmp_path), "--show-files")
    assert listed.returncode == 0 and "skipped" in listed.stderr and "workflow.yml" in listed.stderr


def test_a_directory_whose_plans_are_all_excluded_says_so(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_bytes(WEST.read_bytes())
    result = run_cli("validate", str(tmp_path), "--exclude", "*.yaml")
    assert result.returncode == 2
    assert "1 YAML file left out by exclude patterns" in result.stderr


@pytest.mark.parametrize(
    ("env", "args", "coloured"),
    [
        ({"NO_COLOR": "1"}, [], False),
        (
            {"NO_COLOR": "", "FORCE_COLOR": "1"},
            [],
            True,
        ),  # an empty NO_COLOR does not turn colour off
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, [], False),
        ({"NO_COLOR": "1"}, ["--color", "always"], True),
        ({"NO_COLOR": "", "FORCE_COLOR": "1"}, ["--color", "never"], False),
    ],
)
def test_colour_follows_the_conventions(
    env: dict[str, str], args: list[str], coloured: bool
) -> None:
    result = run_cli(*args, "validate", str(WEST), "--as-of", "2025-01-15", env=env)
    assert ("\x1b[" in result.stdout) is coloured


def test_a_new_plan_in_a_fresh_repository_has_a_modeline_that_resolves(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    result = run_cli(
        "new",
        "-o",
        "plans/our-plan.yaml",
        "--title",
        "Our plan",
        "--partnership",
        "Our partnership",
        "--published",
        "2025-04",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    first = (tmp_path / "plans" / "our-plan.yaml").read_text(encoding="utf-8").splitlines()[0]
    target = first.split("$schema=", 1)[1]
    schema = json.loads((tmp_path / "plans" / target).read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["validate", "--as-of", "nope", str(WEST)], "'nope' is not a date; use YYYY-MM-DD"),
        (["validate", "--bogus", str(WEST)], "No such option: --bogus"),
        (["vali"], "Did you mean 'validate'?"),
        (["report"], "Missing argument"),
        (["update", str(WEST)], "give the action's ref and --month"),
        (
            ["update", "PLAN", "9.9", "--month", "2025-01", "--completion", "Red"],
            "no action with ref '9.9'",
        ),
    ],
)
def test_every_usage_error_reads_the_same_way(args: list[str], words: str, tmp_path: Path) -> None:
    plan = tmp_path / WEST.name
    plan.write_bytes(WEST.read_bytes())
    result = run_cli(*[str(plan) if arg == "PLAN" else arg for arg in args])
    assert result.returncode == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith("sendplan: error: ") and words in first
    assert not any(ch in result.stderr for ch in "╭│╰")  # one plain line, never a drawn box


def test_a_control_character_in_a_typed_path_is_shown_in_the_error_not_sent_to_the_terminal(
    tmp_path: Path,
) -> None:
    result = run_cli(
        "update",
        str(tmp_path / "a\x1b[31mb.yaml"),
        "1.1",
        "--month",
        "2025-01",
        "--completion",
        "Red",
        env={"FORCE_COLOR": "1"},
    )
    assert result.returncode == 2
    assert "a\\x1b[31mb.yaml: no such file" in result.stderr and "\x1b" not in result.stderr
