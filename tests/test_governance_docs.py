"""Every complete example in docs/governance.md validates after a plan's four header lines."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import HEADER, ROOT, check

DOC = ROOT / "docs" / "governance.md"
EXAMPLES = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_document_has_an_example_of_each_record() -> None:
    keys = {line.split(":")[0] for block in EXAMPLES for line in block.splitlines()}
    assert {"kind", "inspection", "recommendations", "reviews", "voice", "decisions"} <= keys
    assert any("evidence:" in block for block in EXAMPLES)


@pytest.mark.parametrize("block", EXAMPLES, ids=[b.split(":")[0] for b in EXAMPLES])
def test_each_example_is_a_valid_plan(block: str, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(HEADER + block, encoding="utf-8")
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "timeliness-audit.md").write_text("An audit.\n", encoding="utf-8")
    found = check(path, date(2025, 6, 16))
    assert [d for d in found if d.is_load_error] == []
    assert [d for d in found if d.name in {"evidence-missing", "unknown-action-link"}] == []


def test_the_readme_points_at_the_document() -> None:
    assert "[docs/governance.md](docs/governance.md)" in (ROOT / "README.md").read_text(
        encoding="utf-8"
    )
