"""Commands that take one plan file say what to give when the path is not one, and exit 2 like any missing path."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PLANS, ROOT, run_cli


@pytest.mark.parametrize("path", ["plans/", ".", "README.md", "plans/no-such-plan.yaml"])
def test_history_of_what_is_not_one_plan_file_is_a_usage_error(path: str) -> None:
    done = run_cli("history", path, cwd=ROOT)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"sendplan: error: {path.rstrip('/') if path != '.' else '.'}: ")
    assert "sendplan history takes one plan file, e.g. plans/west-sussex-2024.yaml" in done.stderr


def test_history_of_yaml_that_is_not_a_plan_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "ci.yml").write_text("on: push\n", encoding="utf-8")
    done = run_cli("history", "ci.yml", cwd=tmp_path)
    assert done.returncode == 2 and "ci.yml: not a plan" in done.stderr


def test_schema_for_a_missing_plan_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent.yaml"
    done = run_cli("schema", "--plan", str(missing))
    assert done.returncode == 2 and done.stdout == ""
    assert f"{missing}: no such file or directory; check the path" in done.stderr
    assert run_cli("schema", "--plan", str(PLANS)).returncode == 2
