"""The governance records (kind, inspection, recommendation types, reviews, evidence, voice, decisions):
the example plan, bad input, the bundled plans, the JSON Schema and configuration."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import PLANS, ROOT, check, run_cli, write_plan

from sendplan_cli.check.config import parse_config
from sendplan_cli.ground.errors import UsageError

EXAMPLE = ROOT / "examples" / "governance.yaml"
AS_OF = date(2025, 6, 16)


def _line_of(path: Path, text: str) -> int:
    """The 1-based line of the only line holding text, read from the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    [found] = [n for n, line in enumerate(lines, 1) if text in line]
    return found


def test_the_example_plan_shows_only_the_findings_it_says_it_shows() -> None:
    # The example's header names three findings as of 16 June 2025: evidence due for the second
    # stocktake (action 2.1 not updated since the peer review on 20 May), 2.1's April rating, and
    # action 2.2 with no voice record since mid-March.
    found = {(d.name, d.line) for d in check(EXAMPLE, AS_OF)}
    assert found == {
        ("review-evidence-due", _line_of(EXAMPLE, "evidence_due: 2025-07-01")),
        ("stale-rating", _line_of(EXAMPLE, "month: 2025-04")),
        ("priority-action-without-voice", _line_of(EXAMPLE, 'ref: "2.2"')),
    }


def test_the_example_plan_uses_every_governance_record() -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert data["kind"] == "priority-action-plan"
    assert set(data["inspection"]) == {"date", "inspectorates", "outcome", "report"}
    assert {r["type"] for r in data["reviews"]} == {
        "monitoring-inspection",
        "stocktake",
        "peer-review",
    }
    assert {r["type"] for r in data["recommendations"]} == {
        "area-for-priority-action",
        "area-for-improvement",
        "other",
    }
    evidence = [
        e for a in data["actions"] for u in a.get("updates", []) for e in u.get("evidence", [])
    ]
    assert any("path" in e for e in evidence) and any("link" in e for e in evidence)
    assert all({"date", "source", "said", "actions", "we_did"} <= set(v) for v in data["voice"])
    assert any("due" in d and "previous_due" in d for d in data["decisions"])
    assert data["papers"][0]["voice"] and data["papers"][0]["decisions_sought"]
    assert "AN EXAMPLE, NOT A REAL COUNCIL'S PLAN" in EXAMPLE.read_text(encoding="utf-8")


def test_evidence_whose_file_is_gone_is_found_at_its_path(tmp_path: Path) -> None:
    copy = tmp_path / "governance.yaml"
    shutil.copy(EXAMPLE, copy)  # without the evidence folder beside it
    [missing] = [d for d in check(copy, AS_OF) if d.name == "evidence-missing"]
    assert missing.line == _line_of(EXAMPLE, "path: evidence/assessment-timeliness-audit.md")
    assert missing.ref == "1.1" and missing.severity.value == "error"
    assert "'evidence/assessment-timeliness-audit.md'" in missing.message


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.name)
@pytest.mark.parametrize("as_of", [date(2025, 1, 15), date(2026, 1, 15)])
def test_bundled_plans_have_no_governance_findings(path: Path, as_of: date) -> None:
    assert [d for d in check(path, as_of) if d.code.startswith("SP8")] == []


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("kind: priority action plan\n", 5, "'priority action plan' is not allowed here"),
        (
            "inspection: {date: October 2024, outcome: inadequate}\n",
            5,
            "'inadequate' is not allowed here",
        ),
        (
            "reviews:\n  - {type: stocktake, date: March 2025}\n",
            6,
            "expected a day written YYYY-MM-DD, e.g. 2025-03-20, found 'March 2025'",
        ),
        (
            "recommendations:\n  - {id: D 1, type: other, text: Appoint an adviser.}\n",
            6,
            "a recommendation of type other needs `type_name` saying what it is",
        ),
        (
            'actions:\n  - ref: "1.1"\n    title: T\n    updates:\n      - month: 2025-01\n'
            "        evidence: [{title: Audit}]\n",
            10,
            "evidence needs a link or a path saying where it can be read",
        ),
        ("decisions:\n  - {date: 2025-03-11, by: The board}\n", 6, "decision"),
    ],
    ids=["kind", "outcome", "review-date", "other-unnamed", "evidence-nowhere", "decision-what"],
)
def test_bad_governance_records_are_load_errors_at_their_line(
    body: str, line: int, words: str, tmp_path: Path
) -> None:
    [error] = [d for d in check(write_plan(tmp_path, body)) if d.is_load_error]
    assert error.line == line
    assert words in error.message


def _schema_accepts(path: Path) -> bool:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(ROOT / "schemas" / "plan.schema.json"),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.returncode == 0


@pytest.mark.parametrize(
    "body",
    [
        "recommendations:\n  - {id: D 1, type: other, text: Appoint an adviser.}\n",
        'actions:\n  - ref: "1.1"\n    title: T\n    updates:\n      - month: 2025-01\n'
        "        evidence: [{title: Audit}]\n",
        "kind: strategy-plan\n",
    ],
    ids=["other-unnamed", "evidence-nowhere", "kind"],
)
def test_the_editor_refuses_what_sendplan_refuses(body: str, tmp_path: Path) -> None:
    path = write_plan(tmp_path, body)
    assert [d for d in check(path) if d.is_load_error]
    assert not _schema_accepts(path)


def test_the_editor_accepts_the_example_plan() -> None:
    assert _schema_accepts(EXAMPLE)


def test_voice_months_is_a_whole_number_of_months_from_one() -> None:
    assert parse_config({"voice-months": 6}, "sendplan.toml").options.voice_months == 6
    assert parse_config({}, "sendplan.toml").options.voice_months == 3
    with pytest.raises(UsageError, match="voice-months: expected a whole number from 1 to 120"):
        parse_config({"voice-months": 0}, "sendplan.toml")


def test_explain_prints_how_a_plan_says_it_answers_priority_actions() -> None:
    done = run_cli("explain", "priority-actions-not-typed")
    assert done.returncode == 0
    assert "kind: priority-action-plan" in done.stdout
    assert "outcome: widespread-or-systemic-failings" in done.stdout
