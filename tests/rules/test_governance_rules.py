"""Governance rules on small plans, one case each in cases/governance.yaml: where each finding is reported."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import HEADER

from sendplan_cli.check.config import Config, parse_config
from sendplan_cli.check.engine import run_rules
from sendplan_cli.check.pipeline import load_model
from sendplan_cli.check.rules import get

CASES = yaml.safe_load(
    (Path(__file__).parent / "cases" / "governance.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_governance_rule_case(case: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    path = tmp_path / "plan.yaml"
    path.write_text(HEADER + case["plan"], encoding="utf-8")
    loaded, plan = load_model(path)
    assert plan is not None and loaded.ok, loaded.diagnostics
    options = parse_config(case.get("options", {}), "case").options
    config = replace(
        Config(), select=frozenset(get(name).code for name in case["select"]), options=options
    )
    as_of = case["as_of"] if isinstance(case["as_of"], date) else date.fromisoformat(case["as_of"])
    found = sorted((d.line, d.column, d.name) for d in run_rules(plan, loaded, config, as_of))
    assert found == sorted(tuple(e) for e in case["expect"])
