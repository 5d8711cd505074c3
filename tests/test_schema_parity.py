"""The editor (through the JSON Schema) and `sendplan validate` give the same verdict on the same plan."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import HEADER, ROOT, run_cli

SCHEMA = ROOT / "schemas" / "plan.schema.json"
ACTION = '  - ref: "1.1"\n    title: Develop the offer\n'
CASES = {
    # Unquoted numbers and words where text is expected: sendplan reads them as written.
    "ref-number-with-trailing-zero": ("  - ref: 1.10\n    title: T\n", True),
    "ref-whole-number": ("  - ref: 7\n    title: T\n", True),
    "due-year": ('  - ref: "1.1"\n    title: T\n    due: 2025\n', True),
    "title-number": ('  - ref: "1.1"\n    title: 2025\n', True),
    "ref-word-true": ("  - ref: true\n    title: T\n", True),
    "lead-number": ('  - ref: "1.1"\n    title: T\n    leads: [2025]\n', True),
    # Values both refuse.
    "empty-ref": ('  - ref: ""\n    title: T\n', False),
    "unknown-key": (ACTION + "    colour: red\n", False),
    "missing-title": ('  - ref: "1.1"\n', False),
    "null-title": ('  - ref: "1.1"\n    title:\n', False),
    "due-as-list": (ACTION + "    due: [July 2024]\n", False),
    "rating-off-the-scale": (ACTION + "    completion: Purple\n", False),
    "action-as-text": ("  - just words\n", False),
}


def _sendplan_accepts(path: Path) -> bool:
    findings = json.loads(run_cli("validate", str(path), "--format", "json").stdout)["findings"]
    return not any(
        f["code"] < "SP100" for f in findings
    )  # load errors: the file is not a valid plan


def _schema_accepts(path: Path) -> bool:
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMA), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.returncode == 0


@pytest.mark.parametrize("name", sorted(CASES))
def test_editor_and_sendplan_agree(name: str, tmp_path: Path) -> None:
    body, valid = CASES[name]
    path = tmp_path / f"{name}.yaml"
    path.write_text(HEADER + "actions:\n" + body, encoding="utf-8")
    assert _sendplan_accepts(path) is valid
    assert _schema_accepts(path) is valid


def test_an_unquoted_ref_that_changes_as_a_number_is_noted(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        HEADER + "actions:\n  - ref: 1.10\n    title: T\n  - ref: 7\n    title: U\n",
        encoding="utf-8",
    )
    notes = [
        f
        for f in json.loads(run_cli("validate", str(path), "--format", "json").stdout)["findings"]
        if f["name"] == "unquoted-number"
    ]
    # 1.10 becomes 1.1 elsewhere; 7 stays 7, so it needs no note.
    assert [(n["line"], n["severity"], n["message"]) for n in notes] == [
        (6, "info", "ref 1.10 is unquoted: other YAML tools read it as the number 1.1")
    ]
