"""The floors drawn in ARCHITECTURE.md hold: imports point down, nothing loops, names are not reused.

Lazy imports (inside a function) and type-checking ones count like any other (import_graph.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from import_graph import FLOORS, cycles, imports, module_names, upward

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "sendplan_cli"

# cli/ modules are named for the command they hold, which may be the word of the package they
# front (cli/paper.py, cli/lsp.py, cli/spreadsheet.py) or of a rule family (cli/history.py).
NAMED_FOR_COMMANDS = "sendplan_cli.cli."


def test_every_import_points_down_or_stays_in_its_own_package() -> None:
    wrong = upward(imports(SOURCE))
    assert wrong == [], "imports pointing up or sideways (ARCHITECTURE.md):\n" + "\n".join(wrong)


def test_no_modules_import_each_other_round_a_loop() -> None:
    assert cycles(imports(SOURCE)) == []


def test_a_module_name_is_used_once_across_packages() -> None:
    by_name: dict[str, list[str]] = defaultdict(list)
    for name in module_names(SOURCE):
        if "." in name and not name.startswith(NAMED_FOR_COMMANDS):
            by_name[name.rsplit(".", 1)[1]].append(name)
    assert {word: names for word, names in by_name.items() if len(names) > 1} == {}


def test_architecture_md_draws_the_floors_the_test_enforces() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    drawn = re.search(r"^Floors, top down: `([^`]+)`", text, re.MULTILINE)
    assert drawn is not None, "ARCHITECTURE.md must draw the floors on one line"
    floors = [set(floor.split(" | ")) for floor in drawn.group(1).split(" > ")]
    named = [{"sendplan_cli" if p == "__init__" else p for p in floor} for floor in FLOORS]
    assert floors == named


def test_every_package_stands_on_a_floor() -> None:
    tops = {path.name for path in SOURCE.iterdir() if (path / "__init__.py").is_file()}
    tops |= {path.stem for path in SOURCE.glob("*.py")}
    assert tops == set().union(*FLOORS)


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    source = tmp_path / "sendplan_cli"
    for name, text in {"__init__.py": "", **files}.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    for folder in [p for p in source.rglob("*") if p.is_dir()]:
        (folder / "__init__.py").touch()
    return source


def test_an_upward_import_is_caught_lazy_or_type_checking(tmp_path: Path) -> None:
    source = _tree(
        tmp_path,
        {
            "plan/dates.py": "def f():\n    from sendplan_cli.check import engine\n",
            "plan/model.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                "    from sendplan_cli.output.findings import text\n"
            ),
            "git/repo.py": "from ..check.engine import run\n",
            "check/engine.py": "from sendplan_cli.plan import dates\n",
            "output/findings/text.py": "",
        },
    )
    assert sorted(upward(imports(source))) == [
        "sendplan_cli.git.repo:1 imports sendplan_cli.check.engine (module-level)",
        "sendplan_cli.plan.dates:2 imports sendplan_cli.check.engine (lazy)",
        "sendplan_cli.plan.model:3 imports sendplan_cli.output.findings.text (type-checking)",
    ]


def test_side_by_side_packages_may_not_import_each_other(tmp_path: Path) -> None:
    source = _tree(
        tmp_path,
        {"authoring/new.py": "import sendplan_cli.output.listing\n", "output/listing.py": ""},
    )
    assert upward(imports(source)) == [
        "sendplan_cli.authoring.new:1 imports sendplan_cli.output.listing (module-level)"
    ]


def test_a_loop_through_a_lazy_import_is_caught(tmp_path: Path) -> None:
    source = _tree(
        tmp_path,
        {
            "output/findings/__init__.py": "def f():\n    from sendplan_cli.output.findings import text\n",
            "output/findings/text.py": "from sendplan_cli.output.findings import Run\n",
        },
    )
    assert cycles(imports(source)) == [
        ["sendplan_cli.output.findings", "sendplan_cli.output.findings.text"]
    ]
