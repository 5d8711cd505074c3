"""The fast loader (libyaml events) and ruamel.yaml's round-trip loader agree on data and positions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, PLANS

from sendplan_cli.plan.loader import LoadedPlan, load_plan

FILES = [*sorted(PLANS.glob("*.yaml")), *sorted((FIXTURES / "valid").glob("*.yaml"))]


def _round_trip(path: Path) -> Any:
    from ruamel.yaml import YAML

    return YAML().load(path.read_text(encoding="utf-8"))


def _compare(fast: Any, slow: Any, pointer: tuple, loaded: LoadedPlan, checked: list[int]) -> None:
    if isinstance(slow, dict):
        assert isinstance(fast, dict) and list(fast) == [str(k) for k in slow], pointer
        for key in slow:
            here = (*pointer, str(key))
            line, col = slow.lc.key(key)
            assert loaded.position(here, key=True) == (line + 1, col + 1), here
            line, col = slow.lc.value(key)
            assert loaded.position(here) == (line + 1, col + 1), here
            checked.append(1)
            _compare(fast[str(key)], slow[key], here, loaded, checked)
    elif isinstance(slow, list):
        assert isinstance(fast, list) and len(fast) == len(slow), pointer
        for index, item in enumerate(slow):
            here = (*pointer, index)
            line, col = slow.lc.item(index)
            assert loaded.position(here) == (line + 1, col + 1), here
            checked.append(1)
            _compare(fast[index], item, here, loaded, checked)
    elif slow is None:
        assert fast is None, pointer
    else:
        # The fast path keeps the text as written; the round-trip loader may type it.
        if isinstance(slow, bool):  # written true/false; Python spells it True/False
            assert fast.lower() == str(slow).lower(), pointer
        else:
            assert fast == str(slow) or str(fast) == str(slow), pointer


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_fast_and_round_trip_loaders_agree(path: Path) -> None:
    loaded = load_plan(path)
    assert loaded.ok
    checked: list[int] = []
    _compare(loaded.data, _round_trip(path), (), loaded, checked)
    assert len(checked) > 50
