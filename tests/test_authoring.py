"""Authoring in git: the JSON Schema, `sendplan update`, `sendplan new`, the pre-commit hook."""

from __future__ import annotations

import difflib
import json
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, PLANS, ROOT, check, run_cli

BUNDLED = [PLANS / "west-sussex-2024.yaml", PLANS / "east-sussex-2025.yaml"]


def test_committed_schema_is_current() -> None:
    from sendplan_cli.plan.schema import schema_text

    committed = (ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: sendplan schema -o schemas/plan.schema.json"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_plans_carry_the_schema_modeline(path: Path) -> None:
    assert (
        path.read_text(encoding="utf-8").splitlines()[0]
        == "# yaml-language-server: $schema=../schemas/plan.schema.json"
    )


def _check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(ROOT / "schemas" / "plan.schema.json"),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_independent_validator_accepts_the_bundled_plans() -> None:
    result = _check_jsonschema(*BUNDLED, *sorted((FIXTURES / "valid").glob("*.yaml")))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("snippet", "words"),
    [
        ("    completion: Purple\n", "Purple"),
        ("    colour: red\n", "colour"),
        ("    activities: A single activity\n", "activities"),
    ],
)
def test_independent_validator_rejects_what_a_schema_can_express(
    tmp_path: Path, snippet: str, words: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        'title: x\npartnership: y\npublished: April 2024\nboard: z\nactions:\n  - ref: "1"\n    title: t\n'
        + snippet,
        encoding="utf-8",
    )
    result = _check_jsonschema(path)
    assert result.returncode == 1
    assert words in result.stdout
    assert any(d.severity.value == "error" for d in check(path))  # sendplan agrees


def test_schema_for_a_plan_offers_its_own_ratings(tmp_path: Path) -> None:
    result = run_cli("schema", "--plan", str(FIXTURES / "valid" / "with-updates.yaml"))
    schema = json.loads(result.stdout)
    offered = schema["$defs"]["Action"]["properties"]["completion"]["anyOf"][0]["enum"]
    assert offered == ["Blue", "Green", "Amber", "Red", "Grey"]
    assert "cannot express" in schema["description"]


def _copy(path: Path, tmp_path: Path) -> Path:
    target = tmp_path / path.name
    shutil.copyfile(path, target)
    return target


def _added_only(before: bytes, after: bytes) -> list[str]:
    old, new = before.decode().splitlines(), after.decode().splitlines()
    added = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), (tag, old[i1:i2], new[j1:j2])
        if tag == "insert":
            added += new[j1:j2]
    return added


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_update_adds_only_the_new_lines(path: Path, tmp_path: Path) -> None:
    plan = _copy(path, tmp_path)
    before = plan.read_bytes()
    result = run_cli(
        "update",
        str(plan),
        "1.1",
        "--month",
        "2025-06",
        "--completion",
        "Red",
        "--impact",
        "Red",
        "--comment",
        "Recruitment gap: new date to be agreed",
    )
    assert result.returncode == 0, result.stderr
    assert _added_only(before, plan.read_bytes()) == [
        "    updates:",
        "      - month: 2025-06",
        "        completion: Red",
        "        impact: Red",
        "        commentary: 'Recruitment gap: new date to be agreed'",
    ]
    from datetime import date

    found = {d.name for d in check(plan, date(2025, 6, 30)) if d.ref == "1.1"}
    assert "rating-contradicts-dates" not in found and "missing-commentary" not in found
    assert "unrated" not in found


def test_update_replaces_that_months_values_and_keeps_order(tmp_path: Path) -> None:
    plan = _copy(FIXTURES / "valid" / "with-updates.yaml", tmp_path)
    assert (
        run_cli("update", str(plan), "5", "--month", "2024-11", "--completion", "Grey").returncode
        == 0
    )
    assert (
        run_cli("update", str(plan), "5", "--month", "2024-12", "--comment", "Revised.").returncode
        == 0
    )
    from sendplan_cli.check.pipeline import load_model

    _, model = load_model(plan)
    assert model is not None
    updates = model.actions[4].updates
    assert [(f"{u.month:%Y-%m}", u.completion, u.commentary) for u in updates] == [
        ("2024-11", "Grey", None),
        ("2024-12", "Amber", "Revised."),
    ]


def test_a_new_due_date_records_the_previous_one(tmp_path: Path) -> None:
    plan = _copy(BUNDLED[0], tmp_path)
    result = run_cli(
        "update",
        str(plan),
        "5.4",
        "--month",
        "2024-09",
        "--due",
        "March 2025",
        "--comment",
        "Agreed by board",
    )
    assert result.returncode == 0, result.stderr
    text = plan.read_text(encoding="utf-8")
    assert "        due: March 2025\n        previous_due: July 2024\n" in text


def test_a_proposed_date_is_recorded_for_the_board_and_the_agreed_date_still_counts(
    tmp_path: Path,
) -> None:
    from datetime import date

    plan = _copy(BUNDLED[0], tmp_path)
    result = run_cli(
        "update",
        str(plan),
        "5.4",
        "--month",
        "2024-09",
        "--propose-due",
        "March 2025",
        "--reason",
        "Waiting for the new provider",
    )
    assert result.returncode == 0, result.stderr
    assert (
        "        proposed_due: March 2025\n        proposed_due_reason: Waiting for the new provider\n"
        in plan.read_text(encoding="utf-8")
    )
    # Action 5.4 was due July 2024; until the board agrees the new date it is still overdue.
    assert "overdue" in {d.name for d in check(plan, date(2024, 10, 1)) if d.ref == "5.4"}


def test_a_proposal_can_be_taken_back_leaving_the_rest_of_the_month(tmp_path: Path) -> None:
    plan = _copy(BUNDLED[0], tmp_path)
    before = plan.read_text(encoding="utf-8")
    assert (
        run_cli(
            "update", str(plan), "5.4", "--month", "2024-09", "--comment", "Provider delayed"
        ).returncode
        == 0
    )
    with_comment = plan.read_text(encoding="utf-8")
    assert (
        run_cli(
            "update",
            str(plan),
            "5.4",
            "--month",
            "2024-09",
            "--propose-due",
            "March 2025",
            "--reason",
            "Provider",
        ).returncode
        == 0
    )
    assert "proposed_due: March 2025" in plan.read_text(encoding="utf-8")
    taken_back = run_cli("update", str(plan), "5.4", "--month", "2024-09", "--propose-due", "")
    assert taken_back.returncode == 0, taken_back.stderr
    assert plan.read_text(encoding="utf-8") == with_comment != before


def test_values_added_to_the_last_update_stay_above_the_next_sections_comment(
    tmp_path: Path,
) -> None:
    plan = _copy(BUNDLED[0], tmp_path)
    assert (
        run_cli(
            "update", str(plan), "1.7", "--month", "2024-06", "--comment", "On track"
        ).returncode
        == 0
    )
    assert (
        run_cli(
            "update",
            str(plan),
            "1.7",
            "--month",
            "2024-06",
            "--propose-due",
            "December 2026",
            "--reason",
            "Board cycle",
        ).returncode
        == 0
    )
    assert (
        "        commentary: On track\n        proposed_due: December 2026\n        proposed_due_reason: Board cycle\n"
        '\n  # Area of Improvement 2\n  - ref: "2.1"\n'
    ) in plan.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["9.9", "--month", "2025-01", "--completion", "Red"], "no action with ref '9.9'"),
        (
            ["1.1", "--month", "2025-01", "--completion", "Purple"],
            "'Purple' is not a completion rating",
        ),
        (["1.1", "--month", "2023-12", "--completion", "Red"], "published in April 2024"),
        (
            ["1.1", "--month", "2025-01", "--due", "soonish", "--comment", "x"],
            "cannot read 'soonish'",
        ),
        (["1.1", "--month", "2025-01", "--due", "May 2025"], "must carry a --comment"),
        (["1.1", "--month", "January", "--completion", "Red"], "YYYY-MM"),
        (["1.1", "--month", "2025-01"], "nothing to record"),
        (
            ["1.1", "--month", "2025-01", "--comment", "a\x07b"],
            "--comment: holds control character U+0007",
        ),
        (["1.1", "--month", "2025-01", "--propose-due", "May 2025"], "must carry --reason"),
        (["1.1", "--month", "2025-01", "--reason", "Staffing"], "--reason goes with --propose-due"),
        (
            ["1.1", "--month", "2025-01", "--propose-due", "whenever", "--reason", "x"],
            "such as March 2026",
        ),
        (
            ["1.1", "--month", "2025-01", "--propose-due", "December 2024", "--reason", "x"],
            "is before January 2025",
        ),
        (
            ["1.1", "--month", "2025-01", "--propose-due", ""],
            "no proposed date recorded for January 2025",
        ),
        (
            [
                "1.1",
                "--month",
                "2025-01",
                "--propose-due",
                "May 2025",
                "--reason",
                "x",
                "--due",
                "May 2025",
                "--comment",
                "x",
            ],
            "not both",
        ),
    ],
)
def test_update_refuses_bad_values_and_leaves_the_file_alone(
    tmp_path: Path, args: list[str], words: str
) -> None:
    plan = _copy(BUNDLED[0], tmp_path)
    before = plan.read_bytes()
    result = run_cli("update", str(plan), *args)
    assert result.returncode == 2
    assert words in result.stderr and "Traceback" not in result.stderr
    assert plan.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f".{plan.name}.lock",
        plan.name,
    ]  # the lock file stays


def test_update_keeps_bom_crlf_and_a_missing_final_newline(tmp_path: Path) -> None:
    source = (FIXTURES / "valid" / "with-updates.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "crlf.yaml"
    plan.write_bytes(b"\xef\xbb\xbf" + source.rstrip("\n").replace("\n", "\r\n").encode())
    assert (
        run_cli(
            "update",
            str(plan),
            "5",
            "--month",
            "2025-01",
            "--completion",
            "Red",
            "--comment",
            "Late",
        ).returncode
        == 0
    )
    after = plan.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and not after.endswith(b"\n")
    assert after.count(b"\n") == after.count(b"\r\n")
    assert after.endswith(b"commentary: Late")


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    plan = _copy(BUNDLED[0], tmp_path)
    before = plan.read_bytes()
    result = run_cli(
        "update",
        str(plan),
        "1.1",
        "--month",
        "2025-01",
        "--completion",
        "Red",
        "--comment",
        "Late",
        "--dry-run",
    )
    assert result.returncode == 0
    assert result.stdout.startswith(f"--- {plan}\n+++ {plan}\n@@ ")
    assert "+        completion: Red\n" in result.stdout
    assert plan.read_bytes() == before


def test_update_through_a_symlink_keeps_the_link_and_the_mode(tmp_path: Path) -> None:
    real = _copy(BUNDLED[0], tmp_path)
    os.chmod(real, 0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(real.name)
    assert (
        run_cli(
            "update",
            str(link),
            "1.1",
            "--month",
            "2025-01",
            "--completion",
            "Red",
            "--comment",
            "Late",
        ).returncode
        == 0
    )
    assert link.is_symlink()
    assert "commentary: Late" in real.read_text(encoding="utf-8")
    assert real.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_leaves_the_original_and_no_temporary_file(tmp_path: Path) -> None:
    plan = _copy(BUNDLED[0], tmp_path)
    before = plan.read_bytes()
    limit = len(before) // 2

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sendplan_cli",
            "update",
            str(plan),
            "1.1",
            "--month",
            "2025-01",
            "--completion",
            "Red",
            "--comment",
            "Late",
        ],
        capture_output=True,
        text=True,
        preexec_fn=small_files,
        timeout=120,
    )
    assert result.returncode == 2
    assert "cannot write" in result.stderr
    assert plan.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f".{plan.name}.lock",
        plan.name,
    ]  # the lock file stays


def test_a_file_changed_meanwhile_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sendplan_cli.authoring import update as edit
    from sendplan_cli.ground.errors import UsageError

    plan = _copy(BUNDLED[0], tmp_path)
    real_apply = edit.apply_change

    def apply_then_someone_edits(path: Path, change: edit.Change) -> tuple[bytes, bytes]:
        result = real_apply(path, change)
        path.write_text(path.read_text(encoding="utf-8") + "# edited elsewhere\n", encoding="utf-8")
        return result

    monkeypatch.setattr(edit, "apply_change", apply_then_someone_edits)
    with pytest.raises(UsageError, match="changed on disk"):
        edit.record(plan, edit.Change("1.1", "2025-01", completion="Red", comment="x"))
    assert plan.read_text(encoding="utf-8").endswith("# edited elsewhere\n")


def test_new_writes_a_valid_commented_plan_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "my-plan.yaml"
    result = run_cli(
        "new",
        "-o",
        str(target),
        "--title",
        'Plan "A"',
        "--partnership",
        "Somewhere: LA",
        "--published",
        "2025-03",
    )
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=plan.schema.json\n")
    for section in (
        "rating_scale:",
        "# people:",
        "workstreams:",
        "recommendations:",
        "actions:",
        "#   - {text: ",
        "# updates:",
    ):
        assert section in text
    from sendplan_cli.check.pipeline import load_model

    loaded, plan = load_model(target)
    assert plan is not None and loaded.diagnostics == []
    assert (plan.title, plan.partnership, plan.published.text) == (
        'Plan "A"',
        "Somewhere: LA",
        "March 2025",
    )
    again = run_cli("new", "-o", str(target), "--title", "B", "--partnership", "C")
    assert again.returncode == 2 and "never overwrites" in again.stderr
    assert target.read_text(encoding="utf-8") == text


def test_pre_commit_hook_definition() -> None:
    from ruamel.yaml import YAML

    [hook, full] = YAML(typ="safe").load(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    )
    assert hook["id"] == "sendplan-validate"
    assert hook["entry"] == "sendplan validate --since HEAD"
    assert (full["id"], full["entry"]) == ("sendplan-validate-all", "sendplan validate --history")
    assert full["files"] == hook["files"]
    import re

    pattern = re.compile(hook["files"])
    assert pattern.search("plans/west-sussex-2024.yaml") and pattern.search("plans/x.yml")
    assert not pattern.search("docs/notes.yaml") and not pattern.search("plans/readme.md")


def test_update_says_no_change_and_writes_nothing_when_the_month_already_says_that(
    tmp_path: Path,
) -> None:
    plan = _copy(BUNDLED[0], tmp_path)
    args = ("update", str(plan), "1.1", "--month", "2025-01", "--completion", "Red")
    assert run_cli(*args).returncode == 0
    before = plan.read_bytes()
    again = run_cli(*args)
    assert again.returncode == 0
    assert "no change: 2025-01 for 1.1" in again.stderr
    assert plan.read_bytes() == before


def test_update_refuses_a_month_that_has_not_started(tmp_path: Path) -> None:
    plan = _copy(BUNDLED[0], tmp_path)
    before = plan.read_bytes()
    result = run_cli("update", str(plan), "1.1", "--month", "2999-01", "--completion", "Red")
    assert result.returncode == 2 and "has not started yet" in result.stderr
    assert plan.read_bytes() == before


def test_update_of_a_missing_plan_says_to_check_the_path(tmp_path: Path) -> None:
    result = run_cli(
        "update", str(tmp_path / "plan.yaml"), "1.1", "--month", "2025-01", "--completion", "Red"
    )
    assert result.returncode == 2
    assert "plan.yaml: no such file; check the path" in result.stderr
    assert list(tmp_path.iterdir()) == []  # no lock file left beside a plan that is not there
