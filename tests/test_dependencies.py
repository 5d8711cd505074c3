"""Every dependency has a tested range: a lower and an upper bound, and CI installs the lower one."""

from __future__ import annotations

import re
import tomllib

from conftest import ROOT

REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)(?P<spec>.*)$")


def _requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [
        *project["project"]["dependencies"],
        *project["project"]["optional-dependencies"]["test"],
        *project["project"]["optional-dependencies"]["docs"],
    ]


def _bounds(requirement: str) -> tuple[str, str | None, str | None]:
    match = REQUIREMENT.match(requirement.replace(" ", ""))
    assert match, requirement
    specs = match["spec"].split(",")
    lower = next((s[2:] for s in specs if s.startswith(">=")), None)
    upper = next((s[1:] for s in specs if s.startswith("<") and not s.startswith("<=")), None)
    return match["name"].lower(), lower, upper


def test_every_dependency_has_a_lower_and_an_upper_bound() -> None:
    for requirement in _requirements():
        name, lower, upper = _bounds(requirement)
        assert lower and upper, f"{requirement}: give it >=LOWEST,<NEXT_BREAKING"


def test_ci_installs_exactly_the_lower_bounds() -> None:
    lowest = {}
    for line in (ROOT / ".ci" / "lowest.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            lowest[name.lower()] = version
    expected = {}
    for requirement in _requirements():
        name, lower, _ = _bounds(requirement)
        expected[name] = lower
    # A lower bound written as 6.0 means 6.0.0 to pip; the pin must be that same version.
    normalise = {n: re.sub(r"^(\d+\.\d+)$", r"\1.0", v or "") for n, v in expected.items()}
    assert lowest == normalise
