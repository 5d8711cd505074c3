"""The floors drawn in ARCHITECTURE.md hold: imports point down, nothing loops, names are not reused.

Lazy imports (inside a function) and type-checking ones count like any other (import_graph.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from import_graph import FLOORS, PAPER, PAPER_FLOORS, cycles, imports, module_names, upward

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "sendplan_cli"

# cli/ modules are named for the command they hold, which may be the word of the package they
# front (cli/paper.py, cli/lsp.py, cli/spreadsheet.py) or of a rule family (cli/history.py).
NAMED_FOR_COMMANDS = "sendplan_cli.cli."


def test_every_import_points_down_or_stays_in_its_own_package() -> None:
    wrong = upward(imports(SOURCE))
    assert wrong == [], "imports pointing up or sideways (ARCHITECTURE.md):\n" + "\n".join(wrong)


def test_the_board_paper_stands_on_four_floors_of_its_own() -> None:
    # Its levels: the model and charts; what builds and sandboxes; the renderers; the evidence pack.
    wrong = upward(imports(SOURCE), PAPER, PAPER_FLOORS)
    assert len(PAPER_FLOORS) == 4
    assert wrong == [], "output/paper/ imports pointing up or sideways:\n" + "\n".join(wrong)


def test_every_part_of_the_board_paper_stands_on_one_of_its_floors() -> None:
    paper = SOURCE / "output" / "paper"
    parts = {p.name for p in paper.iterdir() if (p / "__init__.py").is_file()}
    parts |= {p.stem for p in paper.glob("*.py")}
    assert parts == set().union(*PAPER_FLOORS)


def test_a_renderer_importing_the_other_is_caught(tmp_path: Path) -> None:
    source = _tree(
        tmp_path,
        {
            "output/paper/docx/word.py": "from sendplan_cli.output.paper.jinja import render\n",
            "output/paper/jinja/render.py": "from sendplan_cli.output.paper.build import view\n",
            "output/paper/build/view.py": "def f():\n    from sendplan_cli.output.paper.jinja import render\n",
        },
    )
    assert sorted(upward(imports(source), PAPER, PAPER_FLOORS)) == [
        "sendplan_cli.output.paper.build.view:2 imports sendplan_cli.output.paper.jinja.render (lazy)",
        "sendplan_cli.output.paper.docx.word:1 imports sendplan_cli.output.paper.jinja.render (module-level)",
    ]


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


def test_architecture_md_draws_the_paper_levels_the_test_enforces() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    drawn = re.search(r"^Paper levels, top down: `([^`]+)`", text, re.MULTILINE)
    assert drawn is not None, "ARCHITECTURE.md must draw the paper's levels on one line"
    levels = [set(level.split(" | ")) for level in drawn.group(1).split(" > ")]
    assert levels == [level - {"__init__"} for level in PAPER_FLOORS]


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
