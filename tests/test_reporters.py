"""What each output format prints, read the way its consumer reads it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import PLANS, run_cli, shared_path, write_plan

WEST = str(PLANS / "west-sussex-2024.yaml")
OVERDUE_BODY = """\
recommendations:
  - id: AfI 1
    text: X.
actions:
  - ref: "1.1"
    title: Waiting well offer
    recommendations: [AfI 1]
    leads: [Caroline Tozzi]
    success_measures: [Offer published]
    due: July 2024
    completion: Amber
    impact: Red
    commentary: "Drafting, 50% done"
"""


def test_text_quotes_the_line_with_a_caret(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, OVERDUE_BODY)
    result = run_cli("validate", str(plan), "--as-of", "2025-01-15")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"── {plan}: 1 error, 1 warning, 0 info: fails"
    head = f"{plan}:14:10: error SP101 [overdue] action 1.1 was due July 2024 (ended 31 Jul 2024) and is still rated Amber"
    assert lines[1] == head
    assert lines[2] == "   14 |     due: July 2024"
    assert lines[3] == "      |          ^"
    assert lines[4].startswith("  hint: ")
    assert (
        lines[-1]
        == "1 error, 1 warning, 0 info in 1 file (as of 2025-01-15). Failed: 1 finding at or above error."
    )
    assert "\x1b[" not in result.stdout


def test_json_is_stable_and_complete(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, OVERDUE_BODY)
    result = run_cli(
        "validate", str(plan), "--as-of", "2025-01-15", "--format", "json", "--statistics"
    )
    document = json.loads(result.stdout)
    assert document["version"] == 1 and document["as_of"] == "2025-01-15"
    first = document["findings"][0]
    assert first == {
        "code": "SP101",
        "name": "overdue",
        "severity": "error",
        "fails": True,
        "file": str(plan),
        "line": 14,
        "column": 10,
        "message": first["message"],
        "hint": first["hint"],
        "ref": "1.1",
        "pointer": "actions[0].due",
        "id": first["id"],
    }
    assert re.fullmatch(r"[0-9a-f]{32}", first["id"])
    assert document["findings"][1]["fails"] is False  # the warning, under the default fail-on error
    assert document["summary"] == {
        "files": 1,
        "error": 1,
        "warning": 1,
        "info": 0,
        "failing": 1,
        "fail_on": "error",
        "failed": True,
        "exit_zero": False,
        "exit_code": 1,  # the error fails the run, and without --exit-zero the process says so
    }
    assert {
        "code": "SP201",
        "name": "rating-contradicts-dates",
        "severity": "warning",
        "count": 1,
    } in document["statistics"]


def test_github_annotations_follow_the_workflow_command_format(tmp_path: Path) -> None:
    plan = write_plan(tmp_path, OVERDUE_BODY)
    result = run_cli("validate", str(plan), "--as-of", "2025-01-15", "--format", "github")
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert (
        lines[2]
        == "sendplan: 1 error, 1 warning, 0 info in 1 file (as of 2025-01-15). Failed: 1 finding at or above error."
    )
    pattern = re.compile(
        r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.+)$"
    )
    match = pattern.match(lines[0])
    assert match is not None
    assert match.groups()[:5] == ("error", str(plan), "14", "10", "SP101 overdue")
    assert "%0A" in match.group(6)  # the hint sits on its own line, escaped


def test_sarif_validates_against_the_official_schema() -> None:
    import jsonschema

    schema = json.loads(
        shared_path("schemas", "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    )
    result = run_cli("validate", str(PLANS), "--as-of", "2025-01-15", "--format", "sarif")
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema)
    results = document["runs"][0]["results"]
    overdue = {r["properties"]["ref"] for r in results if r["ruleId"] == "SP101"}
    assert overdue == {"1.1", "1.3", "1.5", "3.2", "5.4"}
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)


def test_junit_counts_the_failing_file(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    plan = write_plan(tmp_path, OVERDUE_BODY)
    result = run_cli("validate", str(plan), "--as-of", "2025-01-15", "--format", "junit")
    root = ET.fromstring(result.stdout)
    assert root.get("failures") == "1"
    assert [f.get("type") for f in root.iter("failure")] == ["SP101"]


def test_group_by_lead_gives_each_lead_a_section() -> None:
    result = run_cli("validate", WEST, "--as-of", "2025-01-15", "--group-by", "lead")
    sections = re.findall(r"^── (.+) \((\d+)\)$", result.stdout, re.MULTILINE)
    names = [name for name, _ in sections]
    assert "Jane Taylor" in names and "Kate Courtney" in names
    jane = result.stdout.split("── Jane Taylor")[1].split("\n── ")[0]
    assert "action 1.5 was due July 2024" in jane and "action 5.4 was due July 2024" in jane
    assert "action 1.1 " not in jane


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "junit"])
def test_exit_codes_do_not_depend_on_format(fmt: str, tmp_path: Path) -> None:
    plan = write_plan(tmp_path, OVERDUE_BODY)
    assert run_cli("validate", str(plan), "--as-of", "2024-04-30", "--format", fmt).returncode == 0
    assert run_cli("validate", str(plan), "--as-of", "2025-01-15", "--format", fmt).returncode == 1
