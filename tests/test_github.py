"""In GitHub Actions: annotations GitHub can place on the diff, a job summary, SARIF code scanning can track."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import PLANS, run_cli, shared_path

WEST = PLANS / "west-sussex-2024.yaml"


def _workspace(tmp_path: Path) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "west.yaml").write_bytes(WEST.read_bytes())
    return tmp_path


def test_annotations_name_files_from_the_workspace_root_wherever_sendplan_runs(
    tmp_path: Path,
) -> None:
    root = _workspace(tmp_path)
    result = run_cli(
        "validate",
        ".",
        "--format",
        "github",
        "--as-of",
        "2025-01-15",
        cwd=root / "plans",
        env={"GITHUB_WORKSPACE": str(root)},
    )
    files = {
        line.split("file=", 1)[1].split(",", 1)[0]
        for line in result.stdout.splitlines()
        if line.startswith("::")
    }
    assert files == {"plans/west.yaml"}


def test_the_readme_workflow_writes_annotations_and_a_job_summary(tmp_path: Path) -> None:
    # The README's workflow step: sendplan validate plans/ --format github, with GitHub's variables set.
    root = _workspace(tmp_path)
    summary = tmp_path / "summary.md"
    result = run_cli(
        "validate",
        "plans/",
        "--format",
        "github",
        "--as-of",
        "2025-01-15",
        cwd=root,
        env={"GITHUB_WORKSPACE": str(root), "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert "| plans/west.yaml | 5 | 43 | 0 | fails |" in text
    # Every failing finding is listed, not just the first few annotations GitHub shows.
    assert "### Findings that fail the run (5)" in text
    assert (
        sum(
            1
            for line in text.splitlines()
            if line.startswith("| plans/west.yaml:") and "SP101 overdue" in line
        )
        == 5
    )


def test_sarif_locations_are_relative_to_the_repository_with_a_base_and_carry_fingerprints(
    tmp_path: Path,
) -> None:
    import jsonschema

    root = _workspace(tmp_path)
    result = run_cli(
        "validate",
        "west.yaml",
        "--format",
        "sarif",
        "--as-of",
        "2025-01-15",
        cwd=root / "plans",
        env={"GITHUB_WORKSPACE": str(root)},
    )
    document = json.loads(result.stdout)
    jsonschema.validate(
        document,
        json.loads(shared_path("schemas", "sarif-schema-2.1.0.json").read_text(encoding="utf-8")),
    )
    run = document["runs"][0]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == root.resolve().as_uri() + "/"
    locations = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert locations == {"plans/west.yaml"}
    assert all(r["partialFingerprints"]["sendplanFindingIdentity/v1"] for r in run["results"])
    # Every rule, load errors included, explains itself to code scanning.
    assert all(
        rule["help"]["text"] and rule["fullDescription"]["text"]
        for rule in run["tool"]["driver"]["rules"]
    )


def test_sarif_fingerprints_do_not_move_with_the_lines(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = WEST.read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    before = json.loads(
        run_cli("validate", str(plan), "--format", "sarif", "--as-of", "2025-01-15").stdout
    )
    plan.write_text("# a comment and a blank line added at the top\n\n" + text, encoding="utf-8")
    after = json.loads(
        run_cli("validate", str(plan), "--format", "sarif", "--as-of", "2025-01-15").stdout
    )

    def prints(document: dict) -> list[str]:  # type: ignore[type-arg]
        return [
            r["partialFingerprints"]["sendplanFindingIdentity/v1"]
            for r in document["runs"][0]["results"]
        ]

    assert prints(before) == prints(after)


def test_an_absolute_path_outside_any_repository_is_a_file_uri(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(WEST.read_bytes())
    result = run_cli(
        "validate", str(plan), "--format", "sarif", "--as-of", "2025-01-15", cwd=tmp_path
    )
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in json.loads(result.stdout)["runs"][0]["results"]
    }
    assert uris == {plan.resolve().as_uri()}


def test_sarif_meets_what_github_code_scanning_requires_of_an_upload(tmp_path: Path) -> None:
    # GitHub's documented requirements for uploaded SARIF: a tool name, rules with ids and text, each result
    # naming a known rule, a message, a location with a relative URI (or an absolute file URI) and a region
    # starting at line 1 or later, partialFingerprints for tracking, and at most 25,000 results a run.
    root = _workspace(tmp_path)
    run = json.loads(
        run_cli(
            "validate",
            ".",
            "--format",
            "sarif",
            "--as-of",
            "2025-01-15",
            cwd=root,
            env={"GITHUB_WORKSPACE": str(root)},
        ).stdout
    )["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "sendplan" and driver["version"]
    ids = [rule["id"] for rule in driver["rules"]]
    assert len(ids) == len(set(ids))
    assert all(
        rule["shortDescription"]["text"] and rule["help"]["markdown"] for rule in driver["rules"]
    )
    assert 0 < len(run["results"]) <= 25_000
    for result in run["results"]:
        assert result["ruleId"] == ids[result["ruleIndex"]]
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert uri.startswith("file://") or (
            not uri.startswith("/") and location["artifactLocation"]["uriBaseId"] == "SRCROOT"
        )
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1
        assert result["level"] in ("error", "warning", "note")
        assert result["partialFingerprints"]
