"""Commands take plans the same way, and explain every code a user can see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PLANS, run_cli

WEST = PLANS / "west-sussex-2024.yaml"
EAST = PLANS / "east-sussex-2025.yaml"


def test_list_takes_a_directory_and_lists_every_plan_in_it() -> None:
    result = run_cli("list", str(PLANS), "--format", "json")
    assert result.returncode == 0, result.stderr
    files = {row["file"] for row in json.loads(result.stdout)}
    assert files == {str(EAST), str(WEST)}


def test_list_takes_several_files_and_counts_a_repeated_one_once() -> None:
    result = run_cli("list", str(WEST), str(EAST), str(WEST), "--format", "json")
    rows = json.loads(result.stdout)
    # 18 actions in the West Sussex table and 19 in the East Sussex one.
    assert len(rows) == 18 + 19


def test_validate_counts_a_file_given_twice_once() -> None:
    result = run_cli("validate", str(WEST), str(PLANS), "--as-of", "2025-01-15", "--format", "json")
    assert json.loads(result.stdout)["summary"]["files"] == 2


@pytest.mark.parametrize(
    "command", [["validate"], ["list"], ["report", "--month", "2025-01", "-o", "-"]]
)
def test_every_command_gives_the_same_error_for_a_missing_path(command: list[str]) -> None:
    result = run_cli(*command, "no/such/plan.yaml")
    assert result.returncode == 2
    assert "no/such/plan.yaml: no such file or directory" in result.stderr


@pytest.mark.parametrize(
    ("key", "title"),
    [
        ("SP013", "# SP013 bad-date (load error)"),
        ("bad-date", "# SP013 bad-date (load error)"),
        ("sp101", "# SP101 overdue (error)"),
    ],
)
def test_explain_knows_load_errors_as_well_as_rules(key: str, title: str) -> None:
    result = run_cli("explain", key)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == title


def test_every_load_error_has_its_own_explanation() -> None:
    from sendplan_cli.plan.load_errors import LOAD_ERRORS

    for error in LOAD_ERRORS:
        assert "is not a valid plan" not in error.summary, (
            f"{error.code} needs its own text in load_errors.py"
        )


def test_rules_lists_load_errors_apart_from_rules() -> None:
    out = run_cli("rules").stdout
    load, rules = out.split("\nRules:\n")
    assert load.startswith("Load errors") and "SP013  bad-date" in load and "SP101" not in load
    assert "SP101  overdue" in rules and "SP013" not in rules


def test_a_very_long_line_is_quoted_around_the_column(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "title: T\npartnership: P\npublished: April 2024\nboard: B\n"
        f"source: {{title: '{'x' * 10_000}', wrong: 1}}\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(plan))
    quoted = [line for line in result.stdout.splitlines() if line.startswith("    5 | ")]
    assert quoted and len(quoted[0]) < 200
    caret = result.stdout.splitlines()[result.stdout.splitlines().index(quoted[0]) + 1]
    # The caret stands under the unknown key, shown within the cut line.
    assert quoted[0][caret.index("^") :].startswith("wrong")


def test_explaining_a_bad_date_lists_the_forms_sendplan_reads() -> None:
    out = run_cli("explain", "SP013").stdout
    assert '"Q4 25/26"' in out and '"Autumn term 2024"' in out and '"31 July 2024"' in out


def test_new_makes_its_folder_and_starts_with_nothing_overdue(tmp_path: Path) -> None:
    result = run_cli(
        "new",
        "-o",
        "plans/my-plan.yaml",
        "--title",
        "Our plan",
        "--partnership",
        "Ours",
        "--published",
        "2024-04",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    checked = run_cli("validate", "plans/", "--format", "json", cwd=tmp_path)
    assert "overdue" not in {f["name"] for f in json.loads(checked.stdout)["findings"]}
    assert "sendplan validate plans/my-plan.yaml" in (
        tmp_path / "plans" / "my-plan.yaml"
    ).read_text(encoding="utf-8")
