"""A directory search never hides a broken plan, and names every YAML file it leaves out.

A plan whose `partnership:` key was lost (misspelt, or the file overwritten) is still a plan, with a
problem: skipping it would let CI pass having checked nothing of it. YAML that is plainly something
else is skipped, but named in the run's summary on standard error.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import PLANS, run_cli

from sendplan_cli.check.discovery import discover

EAST = PLANS / "east-sussex-2025.yaml"
WEST = PLANS / "west-sussex-2024.yaml"


def _without_partnership(text: str) -> str:
    """The plan with its `partnership:` key misspelt and no modeline: nothing left that declares it a plan."""
    lines = [line for line in text.splitlines(keepends=True) if "yaml-language-server" not in line]
    return "".join(lines).replace("\npartnership:", "\npartnrship:", 1)


def _folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(WEST, plans / WEST.name)
    (plans / "east.yaml").write_text(
        _without_partnership(EAST.read_text(encoding="utf-8")), encoding="utf-8"
    )
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text(
        "on: push\njobs:\n  check: {runs-on: x}\n", encoding="utf-8"
    )
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    return tmp_path


def test_a_plan_whose_partnership_key_is_misspelt_is_checked_not_skipped(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    done = run_cli("validate", ".", "--format", "json", "--as-of", "2025-01-15", cwd=root)
    assert done.returncode == 1
    findings = json.loads(done.stdout)["findings"]
    assert {f["file"] for f in findings} == {"plans/east.yaml", "plans/west-sussex-2024.yaml"}
    east = {(f["name"], f["message"]) for f in findings if f["file"] == "plans/east.yaml"}
    assert ("missing-key", "missing required key 'partnership'") in east
    assert "plans/east.yaml" in done.stderr and "exclude" in done.stderr


def test_yaml_that_cannot_be_parsed_is_checked_and_its_error_reported(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    broken = root / "plans" / "overwritten.yaml"
    # What a text report written over a plan looks like: no longer YAML a parser reads.
    broken.write_text(
        "── plans/overwritten.yaml: 5 errors, 43 warnings, 0 info: fails\n  253 |     due: July 2024\n",
        encoding="utf-8",
    )
    done = run_cli(
        "validate", "plans/", "--output-format", "concise", "--as-of", "2025-01-15", cwd=root
    )
    assert done.returncode == 1
    assert [
        line for line in done.stdout.splitlines() if line.startswith("plans/overwritten.yaml:")
    ][0].split(" ")[1:3] == ["error", "SP003"]


def test_other_yaml_is_skipped_and_every_skipped_file_is_named_in_one_line(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    done = run_cli("validate", ".", "--format", "json", "--as-of", "2025-01-15", cwd=root)
    assert json.loads(done.stdout)["summary"]["files"] == 2
    [line] = [line for line in done.stderr.splitlines() if "skipped" in line]
    assert line == (
        "sendplan: skipped 2 YAML files, not checked as plans: .pre-commit-config.yaml, "
        ".github/workflows/ci.yml; `--show-files` says why each was skipped"
    )


def test_an_exclude_pattern_leaves_out_templated_yaml_that_is_not_a_plan(tmp_path: Path) -> None:
    root = tmp_path
    (root / "plans").mkdir()
    shutil.copy(EAST, root / "plans" / "east.yaml")
    (root / "plans" / "mail.yaml.j2.yaml").write_text(
        "{% for lead in leads %}\n- to: {{ lead }}\n{% endfor %}\n", encoding="utf-8"
    )
    assert discover([root / "plans"]).files == [
        root / "plans" / "east.yaml",
        root / "plans" / "mail.yaml.j2.yaml",
    ]
    found = discover([root / "plans"], exclude=("*.j2.yaml",))
    assert found.files == [root / "plans" / "east.yaml"]
    assert found.skipped == [
        (root / "plans" / "mail.yaml.j2.yaml", "excluded by the configuration")
    ]


def test_a_folder_holding_only_a_broken_plan_is_checked_not_called_empty(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(
        _without_partnership(EAST.read_text(encoding="utf-8")), encoding="utf-8"
    )
    done = run_cli("validate", str(tmp_path), "--output-format", "concise", "--quiet")
    assert done.returncode == 1, done.stderr
    assert "SP011 [missing-key] missing required key 'partnership'" in done.stdout


def test_show_files_lists_a_broken_plan_as_checked_and_says_why(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    done = run_cli("validate", ".", "--show-files", cwd=root)
    assert done.stdout.splitlines() == ["plans/east.yaml", "plans/west-sussex-2024.yaml"]
    assert (
        "checked plans/east.yaml: no top-level `partnership:` key, but it may be a plan with a problem"
        in done.stderr
    )
    assert "skipped .pre-commit-config.yaml: not a plan" in done.stderr


def test_a_plan_written_json_style_in_a_folder_is_checked(tmp_path: Path) -> None:
    # YAML holds JSON: a plan saved with quoted, indented keys is a plan the search must not pass over.
    import json

    import yaml
    from conftest import PLANS, run_cli

    folder = tmp_path / "plans"
    folder.mkdir()
    data = yaml.safe_load((PLANS / "west-sussex-2024.yaml").read_text(encoding="utf-8"))
    (folder / "ws.yaml").write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
    result = run_cli("validate", str(folder), "--as-of", "2025-01-15", "--format", "json")
    assert result.returncode == 1, (
        result.stderr
    )  # the five overdue actions of January 2025, as in the YAML plan
    assert json.loads(result.stdout)["summary"]["error"] == 5
