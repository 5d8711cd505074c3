"""Inputs no plan-writer would produce: every one gets a located message, none a traceback."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import PLANS, check, run_cli, shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LOCATED = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): error SP\d{3} \[[a-z-]+\] .+$", re.MULTILINE
)


def test_yaml_test_suite_gets_a_located_message_for_every_input() -> None:
    corpus = shared_path("corpora", "yaml-test-suite")
    inputs = sorted(str(p) for p in corpus.rglob("in.yaml"))
    assert len(inputs) == 402
    result = run_cli("validate", "--format", "text", *inputs)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    located = {m["path"] for m in LOCATED.finditer(result.stdout)}
    assert located == set(inputs)


def _lines() -> list[str]:
    return (PLANS / "west-sussex-2024.yaml").read_text(encoding="utf-8").splitlines(keepends=True)


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "insert", "replace-char", "indent", "dedent"]),
        st.integers(min_value=0, max_value=10_000),
        st.text(
            alphabet=st.sampled_from(list(" :-[]{}#&*!|>'\"\t\nabc19%@`,?")), min_size=1, max_size=8
        ),
    ),
    min_size=1,
    max_size=4,
)


def _apply(lines: list[str], edits: list[tuple[str, int, str]]) -> str:
    lines = list(lines)
    for kind, where, text in edits:
        i = where % len(lines)
        if kind == "delete" and len(lines) > 1:
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "insert":
            lines.insert(i, text + "\n")
        elif kind == "replace-char" and lines[i].strip():
            j = where % max(1, len(lines[i]) - 1)
            lines[i] = lines[i][:j] + text + lines[i][j + 1 :]
        elif kind == "indent":
            lines[i] = "  " + lines[i]
        elif kind == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
    return "".join(lines)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(EDITS)
def test_random_edits_give_a_plan_or_located_errors(
    tmp_path: Path, edits: list[tuple[str, int, str]]
) -> None:
    path = tmp_path / "edited.yaml"
    path.write_text(_apply(_lines(), edits), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines() or [""]
    for d in check(path):
        assert 1 <= d.line <= len(lines) + 1
        assert d.column >= 1
        assert d.code.startswith("SP") and d.message
