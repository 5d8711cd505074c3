"""Every format tells the same story as the exit code: the same counts, failed or passed, as-of date and fail-on."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import PLANS, run_cli, shared_path

SUMMARY = re.compile(
    r"(?P<error>\d+) errors?, (?P<warning>\d+) warnings?, (?P<info>\d+) info in (?P<files>\d+) files? "
    r"\(as of (?P<as_of>[\d-]+)\)\. (?P<outcome>Failed|Passed): (?:(?P<failing>\d+) findings? |nothing )"
    r"at or above (?P<fail_on>\w+)\.$"
)


def _from_summary_line(line: str) -> dict[str, object]:
    match = SUMMARY.search(line)
    assert match, line
    return {
        "error": int(match["error"]),
        "warning": int(match["warning"]),
        "info": int(match["info"]),
        "as_of": match["as_of"],
        "failed": match["outcome"] == "Failed",
        "failing": int(match["failing"] or 0),
        "fail_on": match["fail_on"],
    }


def _text(out: str) -> dict[str, object]:
    return _from_summary_line(out.splitlines()[-1])


def _github(out: str) -> dict[str, object]:
    lines = out.splitlines()
    told = _from_summary_line(lines[-1])
    errors = sum(1 for line in lines if line.startswith("::error "))
    assert (
        errors == told["failing"]
    )  # every failing finding, and only those, is an error annotation
    return told


def _json(out: str) -> dict[str, object]:
    document = json.loads(out)
    summary = document["summary"]
    assert summary["failing"] == sum(f["fails"] for f in document["findings"])
    return {
        **{k: summary[k] for k in ("error", "warning", "info", "failed", "failing", "fail_on")},
        "as_of": document["as_of"],
    }


def _sarif(out: str) -> dict[str, object]:
    run = json.loads(out)["runs"][0]
    props = run["invocations"][0]["properties"]
    severities = [r["properties"]["severity"] for r in run["results"]]
    failing = [r for r in run["results"] if r["properties"]["failsRun"]]
    assert all(r["level"] == "error" for r in failing)
    assert all(r["level"] != "error" for r in run["results"] if not r["properties"]["failsRun"])
    return {
        "error": severities.count("error"),
        "warning": severities.count("warning"),
        "info": severities.count("info"),
        "failed": props["failed"],
        "failing": len(failing),
        "fail_on": props["fail_on"],
        "as_of": props["as_of"],
        "exit": run["invocations"][0]["exitCode"],
    }


def _junit(out: str) -> dict[str, object]:
    root = ET.fromstring(out)
    props = {p.get("name"): p.get("value") for p in root.iter("property")}
    failures = int(root.get("failures") or 0)
    assert failures == len(list(root.iter("failure")))
    return {
        "failed": props["failed"] == "true",
        "failing": failures,
        "fail_on": props["fail_on"],
        "as_of": props["as_of"],
    }


READERS = {"text": _text, "github": _github, "json": _json, "sarif": _sarif, "junit": _junit}


@pytest.mark.parametrize(
    ("as_of", "fail_on"),
    [
        ("2025-01-15", None),
        ("2025-01-15", "info"),
        ("2024-04-30", None),
        ("2024-04-30", "warning"),
    ],
)
def test_all_formats_agree_with_each_other_and_the_exit_code(
    as_of: str, fail_on: str | None
) -> None:
    extra = ["--fail-on", fail_on] if fail_on else []
    told = {}
    for fmt, read in READERS.items():
        result = run_cli("validate", str(PLANS), "--as-of", as_of, "--format", fmt, *extra)
        assert result.returncode in (0, 1), result.stderr
        told[fmt] = read(result.stdout)
        assert told[fmt]["failed"] == (result.returncode == 1), fmt
        assert told[fmt]["as_of"] == as_of and told[fmt]["fail_on"] == (fail_on or "error"), fmt
    assert told["sarif"].pop("exit") == (1 if told["text"]["failed"] else 0)
    for key in ("failed", "failing"):
        assert len({str(t[key]) for t in told.values()}) == 1, (key, told)
    for key in ("error", "warning", "info"):
        assert (
            told["text"][key] == told["json"][key] == told["sarif"][key] == told["github"][key]
        ), key


def test_fail_on_info_fails_in_every_format_when_only_info_is_found(tmp_path: Path) -> None:
    # A plan whose only finding is an info (SP103 due-soon): by the default it passes, with --fail-on info it fails.
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        """\
title: Test plan
partnership: Test partnership
published: April 2024
board: Test board
recommendations:
  - id: AfI 1
    text: X.
actions:
  - ref: "1.1"
    title: Waiting well offer
    recommendations: [AfI 1]
    leads: [Caroline Tozzi]
    success_measures: [Offer published]
    due: February 2025
    completion: Amber
    impact: Amber
    commentary: On track.
""",
        encoding="utf-8",
    )
    for fmt, read in READERS.items():
        # 2025-02-10 is within the due-soon rule's default 31 days of the end of February 2025.
        default = run_cli("validate", str(plan), "--as-of", "2025-02-10", "--format", fmt)
        strict = run_cli(
            "validate", str(plan), "--as-of", "2025-02-10", "--format", fmt, "--fail-on", "info"
        )
        assert (default.returncode, read(default.stdout)["failed"]) == (0, False), fmt
        assert (strict.returncode, read(strict.stdout)["failed"]) == (1, True), fmt


def test_junit_validates_against_the_schema_jenkins_uses() -> None:
    import xmlschema

    schema = xmlschema.XMLSchema(str(shared_path("schemas", "junit-10.xsd")))
    result = run_cli("validate", str(PLANS), "--as-of", "2025-01-15", "--format", "junit")
    schema.validate(result.stdout)
    root = ET.fromstring(result.stdout)
    names = [case.get("name") for case in root.iter("testcase")]
    # One failing case per overdue action of West Sussex at 2025-01-15, named by file, rule and ref.
    west = [
        n for n in names if n.startswith(str(PLANS / "west-sussex-2024.yaml")) and " SP101 " in n
    ]
    assert sorted(n.rsplit(" ", 1)[1] for n in west) == ["1.1", "1.3", "1.5", "3.2", "5.4"]


def test_junit_stays_well_formed_with_control_characters_in_plan_text(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "title: T\npartnership: P\npublished: April 2024\nboard: B\nactions:\n"
        '  - ref: "1.1\\u0007"\n    title: Bell\n    due: July 2024\n    completion: Amber\n',
        encoding="utf-8",
    )
    result = run_cli("validate", str(plan), "--as-of", "2025-01-15", "--format", "junit")
    ET.fromstring(result.stdout)  # raises on malformed XML
    assert "\x07" not in result.stdout


def test_the_same_plans_give_byte_identical_output_in_every_process() -> None:
    # Findings at one place are ordered by the rules, never by string hashing, which differs per process.
    outputs = {
        run_cli(
            "validate",
            str(PLANS),
            "--as-of",
            "2026-01-15",
            "--format",
            "json",
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_exit_zero_is_stated_by_every_machine_format_and_sarif_gives_the_real_exit_code() -> None:
    # West Sussex at 2025-01-15 has five overdue actions (errors), so the run fails; --exit-zero makes the process exit 0.
    for exit_zero in (False, True):
        extra = ["--exit-zero"] if exit_zero else []
        code = 0 if exit_zero else 1
        sarif = run_cli(
            "validate", str(PLANS), "--as-of", "2025-01-15", "--format", "sarif", *extra
        )
        invocation = json.loads(sarif.stdout)["runs"][0]["invocations"][0]
        assert sarif.returncode == invocation["exitCode"] == code
        assert (
            invocation["properties"]["failed"] is True
            and invocation["properties"]["exit_zero"] is exit_zero
        )
        as_json = run_cli(
            "validate", str(PLANS), "--as-of", "2025-01-15", "--format", "json", *extra
        )
        summary = json.loads(as_json.stdout)["summary"]
        assert as_json.returncode == code
        assert (summary["failed"], summary["exit_zero"], summary["exit_code"]) == (
            True,
            exit_zero,
            code,
        )
        junit = run_cli(
            "validate", str(PLANS), "--as-of", "2025-01-15", "--format", "junit", *extra
        )
        props = {
            p.get("name"): p.get("value") for p in ET.fromstring(junit.stdout).iter("property")
        }
        assert junit.returncode == code
        assert (props["failed"], props["exit_zero"], props["exit_code"]) == (
            "true",
            str(exit_zero).lower(),
            str(code),
        )
