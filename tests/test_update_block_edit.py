"""`sendplan update` round-trips only the action it edits: the same result as editing the whole file,
and a layout elsewhere in the plan that the writer would not reproduce no longer blocks an update."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import FIXTURES, PLANS, run_cli

from sendplan_cli.authoring import update
from sendplan_cli.check.pipeline import load_model

BUNDLED = [
    PLANS / "west-sussex-2024.yaml",
    PLANS / "east-sussex-2025.yaml",
    FIXTURES / "valid" / "indicators.yaml",
]


def _changes(ref: str, turn: int, ratings: list[str]) -> list[update.Change]:
    """One of four kinds of update, taken in turn action by action."""
    return [
        [update.Change(ref, "2025-06", completion=ratings[-1], comment="Behind: recruitment gap")],
        [update.Change(ref, "2025-09", comment="First line\nsecond line")],
        [update.Change(ref, "2026-03", due="March 2027", comment="New date agreed by the board")],
        [
            update.Change(
                ref,
                "2026-01",
                proposed_due="June 2027",
                proposed_due_reason="Funding confirmed late",
            )
        ],
    ][turn % 4]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_each_action_is_edited_exactly_as_an_edit_of_the_whole_file_would(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, plan = load_model(path)
    ratings = [r.name for r in plan.rating_scale.completion]
    whole_file = pytest.MonkeyPatch()
    for turn, action in enumerate(plan.actions):
        changes = _changes(action.ref, turn, ratings)
        taken: list[object] = []
        real = update.edit_item
        monkeypatch.setattr(
            update,
            "edit_item",
            lambda *a, taken=taken, real=real, **k: taken.append(real(*a, **k)) or taken[-1],
        )
        _, by_item = update.apply_changes(path, changes)
        monkeypatch.undo()
        whole_file.setattr(update, "edit_item", lambda *a, **k: None)
        _, by_file = update.apply_changes(path, changes)
        whole_file.undo()
        assert len(taken) == 1 and taken[0] is not None, (
            f"action {action.ref} was not edited on its own"
        )
        assert by_item == by_file, f"action {action.ref}"


def _odd(tmp_path: Path, old: str, new: str) -> Path:
    plan = tmp_path / "plan.yaml"
    text = (PLANS / "west-sussex-2024.yaml").read_text(encoding="utf-8")
    assert old in text
    plan.write_text(text.replace(old, new, 1), encoding="utf-8")
    return plan


def test_an_unusual_layout_elsewhere_no_longer_blocks_an_update_and_is_kept(tmp_path: Path) -> None:
    plan = _odd(tmp_path, "\ntitle: West Sussex", "\ntitle:     West Sussex")
    before = plan.read_text(encoding="utf-8")
    result = run_cli(
        "update", str(plan), "1.1", "--month", "2025-01", "--completion", "Red", "--comment", "Late"
    )
    assert result.returncode == 0, result.stderr
    after = plan.read_text(encoding="utf-8")
    assert "\ntitle:     West Sussex" in after
    changed = [
        line
        for line in difflib.ndiff(before.splitlines(), after.splitlines())
        if line[:2] in ("- ", "+ ")
    ]
    assert changed == [
        "+     updates:",
        "+       - month: 2025-01",
        "+         completion: Red",
        "+         commentary: Late",
    ]


def test_an_unusual_layout_inside_the_action_is_refused_with_what_to_do(tmp_path: Path) -> None:
    plan = _odd(tmp_path, '  - ref: "1.1"\n', '  - ref:    "1.1"\n')
    before = plan.read_bytes()
    result = run_cli(
        "update", str(plan), "1.1", "--month", "2025-01", "--completion", "Red", "--comment", "Late"
    )
    assert result.returncode == 2
    assert (
        "cannot rewrite this file without changing its layout; record the update by hand"
        in result.stderr
    )
    assert plan.read_bytes() == before


def test_an_action_that_uses_a_name_defined_elsewhere_is_edited_through_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The lead is a YAML alias of a name defined under people:, which the action's lines alone cannot read.
    plan = _odd(tmp_path, "  - name: Caroline Tozzi\n", "  - name: &tozzi Caroline Tozzi\n")
    text = plan.read_text(encoding="utf-8")
    lead = "    recommendations: [AfI 1]\n    leads: [Caroline Tozzi]\n    due: On going with full implementation March 2026"
    plan.write_text(
        text.replace(lead, lead.replace("[Caroline Tozzi]", "[*tozzi]"), 1), encoding="utf-8"
    )
    results: list[object] = []
    real = update.edit_item
    monkeypatch.setattr(
        update, "edit_item", lambda *a, **k: results.append(real(*a, **k)) or results[-1]
    )
    update.record(plan, update.Change("1.2", "2025-01", completion="Red", comment="Late"))
    assert results == [None]
    after = plan.read_text(encoding="utf-8")
    assert "leads: [*tozzi]" in after and "name: &tozzi Caroline Tozzi" in after
    _, edited = load_model(plan)
    assert edited.actions[1].leads == ["Caroline Tozzi"]
    assert [(u.completion, u.commentary) for u in edited.actions[1].updates] == [("Red", "Late")]


@pytest.mark.parametrize("ref", ["3.4", "5.4"])
def test_line_separators_in_text_above_do_not_move_the_update_to_another_action(
    tmp_path: Path, ref: str
) -> None:
    # U+2028 inside a quoted title is a line break to YAML but not to an editor, nor to sendplan's positions.
    plan = _odd(
        tmp_path,
        "\ntitle: West Sussex Local Area SEND Partnership Improvement Plan\n",
        '\ntitle: "West Sussex Local Area SEND Partnership Improvement Plan'
        + "\u2028" * 12
        + '"\n',
    )
    result = run_cli(
        "update", str(plan), ref, "--month", "2025-01", "--completion", "Red", "--comment", "Late"
    )
    assert result.returncode == 0, result.stderr
    _, edited = load_model(plan)
    assert [(a.ref, u.completion, u.commentary) for a in edited.actions for u in a.updates] == [
        (ref, "Red", "Late")
    ]


def test_lines_that_are_not_the_action_asked_for_are_never_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sendplan_cli.authoring import item_edit

    plan = tmp_path / "plan.yaml"
    plan.write_bytes((PLANS / "west-sussex-2024.yaml").read_bytes())
    real = item_edit._item_span

    def one_action_early(loaded: object, key: str, index: int, lines: list[str]) -> object:
        return real(loaded, key, index - 1, lines)

    monkeypatch.setattr(item_edit, "_item_span", one_action_early)
    update.record(plan, update.Change("1.3", "2025-01", completion="Red", comment="Late"))
    _, edited = load_model(plan)
    assert [(a.ref, u.completion) for a in edited.actions for u in a.updates] == [("1.3", "Red")]


def test_a_line_the_writer_cannot_read_is_named_in_one_line(tmp_path: Path) -> None:
    # YAML allows a tab before a comment; the round-trip writer does not. The loader accepts the plan.
    plan = _odd(
        tmp_path,
        '    completion: Amber\n    impact: Red\n\n  - ref: "1.2"',
        '    completion: Amber\t# as published\n    impact: Red\n\n  - ref: "1.2"',
    )
    line = (
        plan.read_text(encoding="utf-8").splitlines().index("    completion: Amber\t# as published")
        + 1
    )
    result = run_cli(
        "update", str(plan), "1.1", "--month", "2025-01", "--completion", "Red", "--comment", "Late"
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert (
        f"{plan}:{line}: sendplan cannot rewrite this file: at line {line}, column 22,"
        in result.stderr
    )
    assert "record the update by hand" in result.stderr
