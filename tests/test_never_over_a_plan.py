"""No command writes its output over a plan: not over the plans it reads, not over any other plan.

A report written over a plan destroys it and, since a directory search no longer sees a plan
there, it then goes unchecked. Each command that writes a file is tried with a plan as its target;
the plan must keep every byte, the run must exit 2 and say what to do, and nothing else is written.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import PLANS, run_cli

WEST = PLANS / "west-sussex-2024.yaml"
EAST = PLANS / "east-sussex-2025.yaml"


def _plans(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "plans").mkdir()
    return (
        Path(shutil.copy(WEST, tmp_path / "plans" / WEST.name)),
        Path(shutil.copy(EAST, tmp_path / "plans" / EAST.name)),
    )


def _refused(done, plan: Path, before: bytes, said: str) -> None:  # type: ignore[no-untyped-def]
    assert done.returncode == 2, done.stderr
    assert plan.read_bytes() == before
    assert "Traceback" not in done.stderr
    assert f"{plan.name}: that file is {said}" in done.stderr
    assert "never overwrites a plan; nothing was written. Give another file name" in done.stderr
    assert not [p for p in plan.parent.iterdir() if p.name.startswith(".")], (
        "no temporary file is left behind"
    )


@pytest.mark.parametrize("option", ["-o", "--output-file"])
def test_validate_will_not_write_its_report_over_the_plan_it_checks(
    tmp_path: Path, option: str
) -> None:
    west, east = _plans(tmp_path)
    before = east.read_bytes()
    done = run_cli(
        "validate",
        "plans/east-sussex-2025.yaml",
        option,
        "plans/east-sussex-2025.yaml",
        cwd=tmp_path,
    )
    _refused(done, east, before, "one of the plans this command reads")
    assert done.stdout == ""
    # The folder still has both plans to check, as before the attempt.
    assert run_cli("validate", "plans/", "--show-files", cwd=tmp_path).stdout.splitlines() == [
        "plans/east-sussex-2025.yaml",
        "plans/west-sussex-2024.yaml",
    ]


def test_validate_of_a_folder_will_not_write_over_a_plan_found_in_it(tmp_path: Path) -> None:
    west, _ = _plans(tmp_path)
    before = west.read_bytes()
    _refused(
        run_cli("validate", "plans/", "--format", "json", "-o", str(west), cwd=tmp_path),
        west,
        before,
        "one of the plans this command reads",
    )


def test_validate_will_not_write_over_a_plan_it_does_not_read(tmp_path: Path) -> None:
    west, east = _plans(tmp_path)
    # Only the editor's modeline says this file is a plan: it has no `partnership:` key yet.
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        "# yaml-language-server: $schema=../schemas/plan.schema.json\ntitle: Draft\n",
        encoding="utf-8",
    )
    for target in (west, draft):
        before = target.read_bytes()
        _refused(
            run_cli("validate", str(east), "-o", str(target), cwd=tmp_path),
            target,
            before,
            "written like a plan",
        )


def test_validate_from_standard_input_will_not_write_over_the_plan_it_names(tmp_path: Path) -> None:
    import subprocess
    import sys

    west, _ = _plans(tmp_path)
    before = west.read_bytes()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sendplan_cli",
            "validate",
            "-",
            "--stdin-filename",
            str(west),
            "-o",
            str(west),
        ],
        input=before.decode("utf-8"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    _refused(done, west, before, "one of the plans this command reads")


def test_a_report_still_replaces_an_earlier_report(tmp_path: Path) -> None:
    west, _ = _plans(tmp_path)
    old = tmp_path / "report.json"
    old.write_text('{"version": 1, "findings": []}\n', encoding="utf-8")
    done = run_cli(
        "validate", str(west), "--format", "json", "-o", str(old), "--as-of", "2025-01-15"
    )
    assert done.returncode == 1, done.stderr
    assert (
        json.loads(old.read_text(encoding="utf-8"))["summary"]["error"] == 5
    )  # the README's five overdue actions


def test_schema_will_not_write_over_a_plan(tmp_path: Path) -> None:
    west, east = _plans(tmp_path)
    before = west.read_bytes()
    _refused(run_cli("schema", "-o", str(west)), west, before, "written like a plan")
    _refused(
        run_cli("schema", "--plan", str(west), "-o", str(west)),
        west,
        before,
        "one of the plans this command reads",
    )


def test_report_will_not_write_over_a_plan_kept_under_a_paper_name(tmp_path: Path) -> None:
    west, east = _plans(tmp_path)
    kept = Path(shutil.copy(WEST, tmp_path / "plan-as-published.md"))
    before = kept.read_bytes()
    _refused(
        run_cli("report", str(east), "--month", "2025-06", "-o", str(kept)),
        kept,
        before,
        "written like a plan",
    )


def test_export_will_not_write_over_the_plan_it_reads(tmp_path: Path) -> None:
    west, _ = _plans(tmp_path)
    before = west.read_bytes()
    _refused(
        run_cli("export", str(west), "-o", str(west)),
        west,
        before,
        "one of the plans this command reads",
    )
    _refused(
        run_cli("export", str(west), "--month", "2025-01", "--by-lead", "-o", str(west)),
        west,
        before,
        "one of the plans this command reads",
    )


def test_new_will_not_write_over_a_plan(tmp_path: Path) -> None:
    west, _ = _plans(tmp_path)
    before = west.read_bytes()
    _refused(
        run_cli("new", "-o", str(west), "--title", "T", "--partnership", "P"),
        west,
        before,
        "written like a plan",
    )


def test_a_plan_written_in_json_style_is_not_overwritten(tmp_path: Path) -> None:
    # YAML holds JSON: a plan saved with quoted keys on indented lines is still a plan (validate checks it).
    import yaml

    west, _ = _plans(tmp_path)
    other = tmp_path / "other.yaml"
    other.write_text(
        json.dumps(yaml.safe_load(west.read_text(encoding="utf-8")), indent=2, default=str),
        encoding="utf-8",
    )
    before = other.read_bytes()
    done = run_cli(
        "validate", str(west), "--format", "json", "-o", str(other), "--as-of", "2025-01-15"
    )
    _refused(done, other, before, "written like a plan")
