"""Every rule's documented examples behave as documented, so the docs cannot rot."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import HEADER

from sendplan_cli.check.config import Config
from sendplan_cli.check.engine import run_rules
from sendplan_cli.check.pipeline import load_model
from sendplan_cli.check.rules import RULES, Rule
from sendplan_cli.check.rules.history import HistoryRule

_BLOCK = re.compile(r"(Before|Fails|Passes):\s*```yaml\n(.*?)```", re.DOTALL)


def examples(rule: Rule) -> dict[str, str]:
    return {kind: body for kind, body in _BLOCK.findall(rule.doc)}


def history_findings(rule: HistoryRule, before: str, after: str, tmp_path: Path) -> list[str]:
    """A history rule judges a change: the Before example, then the example as committed on its date."""
    from sendplan_cli.git.changes import Change, PlanFacts
    from sendplan_cli.git.versions import VersionReader

    for name, body in (("before.yaml", before), ("after.yaml", after)):
        (tmp_path / name).write_text(HEADER + body, encoding="utf-8")
        loaded, plan = load_model(tmp_path / name)
        assert plan is not None and loaded.ok, loaded.diagnostics
    reader = VersionReader()
    old, new = (PlanFacts(reader.parse((HEADER + body).encode())) for body in (before, after))  # type: ignore[arg-type]
    day = date.fromisoformat(re.search(r"# committed: (\S+)", after).group(1))  # type: ignore[union-attr]
    return [
        rule.name
        for _ in rule.compare(Change(old, new, new, "in commit 0123456 by Example Author", day))
    ]


def findings(rule: Rule, body: str, tmp_path: Path) -> list[str]:
    if isinstance(rule, HistoryRule):
        return history_findings(rule, examples(rule)["Before"], body, tmp_path)
    as_of = date.fromisoformat(re.search(r"# as-of: (\S+)", body).group(1))  # type: ignore[union-attr]
    path = tmp_path / "example.yaml"
    path.write_text(HEADER + body, encoding="utf-8")
    loaded, plan = load_model(path)
    assert plan is not None and loaded.ok, loaded.diagnostics
    # Suppression rules judge other rules' findings, so every rule runs for their examples.
    config = (
        Config()
        if rule.code.startswith("SP9")
        else replace(Config(), select=frozenset({rule.code}))
    )
    return [d.name for d in run_rules(plan, loaded, config, as_of)]


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_is_documented(rule: Rule) -> None:
    assert re.fullmatch(r"SP\d{3}", rule.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
    assert "Why:" in rule.doc
    assert set(examples(rule)) == (
        {"Before", "Fails", "Passes"} if isinstance(rule, HistoryRule) else {"Fails", "Passes"}
    )


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_failing_example_fails(rule: Rule, tmp_path: Path) -> None:
    assert rule.name in findings(rule, examples(rule)["Fails"], tmp_path)


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_passing_example_passes(rule: Rule, tmp_path: Path) -> None:
    assert rule.name not in findings(rule, examples(rule)["Passes"], tmp_path)


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len({r.name for r in RULES}) == len(RULES)
