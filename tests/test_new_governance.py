"""`sendplan new` offers the governance records as comments, and each is valid once uncommented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import check

from sendplan_cli.authoring.new import new_plan_text

BLOCKS = ("# kind:", "# voice:", "# decisions:", "    # type:")


def _uncommented(text: str) -> str:
    """The new plan with each governance block (from its first line to the next blank line) uncommented."""
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        if line.startswith(BLOCKS):
            inside = True
        if inside and not line.strip():
            inside = False
        if inside:
            indent = len(line) - len(line.lstrip())
            line = line[:indent] + line[indent:].removeprefix("# ")
            if line.startswith("#"):
                line = line[1:]  # a continuation comment keeps its own "#"
        out.append(line)
    return "\n".join(out) + "\n"


def test_the_governance_examples_in_a_new_plan_are_valid_when_uncommented(tmp_path: Path) -> None:
    text = new_plan_text(
        "Our SEND Plan", "Our Partnership", "Our Board", date(2025, 3, 1), "plan.yaml", "s.json"
    )
    for marker in ("# kind:", "# inspection:", "# reviews:", "# voice:", "# decisions:", "# type:"):
        assert marker in text
    path = tmp_path / "plan.yaml"
    path.write_text(_uncommented(text), encoding="utf-8")
    assert "\nkind: improvement-plan" in path.read_text(encoding="utf-8")
    assert "\ndecisions:\n" in path.read_text(encoding="utf-8")
    found = check(path, date(2025, 3, 1))
    assert [d for d in found if d.is_load_error] == []
    assert [d for d in found if d.code.startswith("SP8")] == []
