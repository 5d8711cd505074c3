"""The README is the front door: short, the two set-up commands CI and the tests rely on, and
links that lead into the documentation."""

from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SET_UP = [
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/sendplan validate plans/",
    "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/python -m pytest",
]


def test_the_readme_is_at_most_250_lines() -> None:
    assert len(README.splitlines()) <= 250


def test_the_readme_opens_with_the_two_set_up_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first_block.splitlines() == SET_UP


def test_every_link_in_the_readme_leads_to_a_file_here() -> None:
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README)
    assert len(links) >= 10
    assert [link for link in links if not (ROOT / link).is_file()] == []
