"""Quick fixes, applied as an editor applies them, leave a plan without the finding they were offered for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import HEADER, run_cli
from lsp_editor import AS_OF, Editor, editor  # noqa: F401  (editor is the fixture)
from lsprotocol import types

PLAN = (
    HEADER
    + """recommendations:
  - {id: AfI 1, text: Waiting well.}
actions:
  - ref: 2.10
    title: Review the local offer
    recommendations: [AfI 1]
    leads: [Sam Example]
    due: July 2024
    success_measures: [Families find the offer]
    completion: Ambr
    commentary: Under way.
"""
)


def apply(text: str, action: types.CodeAction, uri: str) -> str:
    assert action.edit is not None and action.edit.changes is not None
    [edit] = action.edit.changes[uri]
    lines = text.split("\n")
    line = lines[edit.range.start.line]
    lines[edit.range.start.line] = (
        line[: edit.range.start.character] + edit.new_text + line[edit.range.end.character :]
    )
    return "\n".join(lines)


def codes(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "fixed.yaml"
    path.write_text(text, encoding="utf-8")
    return [
        f["code"]
        for f in json.loads(
            run_cli("validate", "--format", "json", "--as-of", AS_OF, str(path)).stdout
        )["findings"]
    ]


async def actions_for(editor: Editor, uri: str, code: str) -> list[types.CodeAction]:
    [finding] = [d for d in await editor.published_for(uri) if d.code == code]
    found = await editor.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=finding.range,
            context=types.CodeActionContext(diagnostics=[finding]),
        )
    )
    return [a for a in found or [] if isinstance(a, types.CodeAction)]


@pytest.mark.asyncio
async def test_did_you_mean_a_rating(editor: Editor, tmp_path: Path) -> None:
    uri = editor.open(tmp_path / "plan.yaml", PLAN)
    [change] = [
        a for a in await actions_for(editor, uri, "SP014") if a.title.startswith("Change to")
    ]
    assert change.title == "Change to 'Amber'"
    fixed = apply(PLAN, change, uri)
    assert "    completion: Amber\n" in fixed
    assert "SP014" in codes(tmp_path, PLAN) and "SP014" not in codes(tmp_path, fixed)


@pytest.mark.asyncio
async def test_quote_a_ref_yaml_reads_as_a_number(editor: Editor, tmp_path: Path) -> None:
    text = PLAN.replace("completion: Ambr", "completion: Amber")
    uri = editor.open(tmp_path / "plan.yaml", text)
    [quote] = [a for a in await actions_for(editor, uri, "SP307") if a.title.startswith("Quote")]
    fixed = apply(text, quote, uri)
    assert '  - ref: "2.10"\n' in fixed
    assert "SP307" in codes(tmp_path, text) and "SP307" not in codes(tmp_path, fixed)


@pytest.mark.asyncio
async def test_suppress_one_finding_on_its_line(editor: Editor, tmp_path: Path) -> None:
    text = PLAN.replace("completion: Ambr", "completion: Amber").replace("ref: 2.10", 'ref: "2.10"')
    uri = editor.open(tmp_path / "plan.yaml", text)
    [suppress] = [
        a for a in await actions_for(editor, uri, "SP101") if a.title.startswith("Suppress")
    ]
    fixed = apply(text, suppress, uri)
    assert '    due: July 2024  # sendplan: ignore[overdue] reason="say why"\n' in fixed
    assert "SP101" in codes(tmp_path, text) and "SP101" not in codes(tmp_path, fixed)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("wrong", "right", "code"),
    [
        (
            "recommendations: [AfI 1]",
            "recommendations: [AfI 2]",
            "SP016",
        ),  # a reference to a recommendation not defined
        ("    commentary: Under way.", "    comentary: Under way.", "SP010"),  # a misspelt key
    ],
    ids=["reference", "key"],
)
async def test_did_you_mean_a_reference_or_a_key(
    editor: Editor, tmp_path: Path, wrong: str, right: str, code: str
) -> None:
    good = PLAN.replace("completion: Ambr", "completion: Amber").replace("ref: 2.10", 'ref: "2.10"')
    text = good.replace(wrong, right)
    uri = editor.open(tmp_path / "plan.yaml", text)
    [change] = [a for a in await actions_for(editor, uri, code) if a.title.startswith("Change to")]
    fixed = apply(text, change, uri)
    assert fixed == good
    assert code in codes(tmp_path, text) and code not in codes(tmp_path, fixed)


@pytest.mark.asyncio
@pytest.mark.parametrize("quote", ['"', "'"], ids=["double", "single"])
async def test_did_you_mean_keeps_a_quoted_value_quoted(
    editor: Editor, tmp_path: Path, quote: str
) -> None:
    good = (
        PLAN.replace("completion: Ambr", "completion: Amber")
        .replace("ref: 2.10", 'ref: "2.10"')
        .replace("{id: AfI 1, text: Waiting well.}", '{id: "1.10", text: Waiting well.}')
        .replace("recommendations: [AfI 1]", f"recommendations: [{quote}1.10{quote}]")
    )
    text = good.replace(f"{quote}1.10{quote}]", f"{quote}1.10x{quote}]")
    uri = editor.open(tmp_path / "plan.yaml", text)
    [change] = [
        a for a in await actions_for(editor, uri, "SP016") if a.title.startswith("Change to")
    ]
    fixed = apply(text, change, uri)
    assert fixed == good  # not [1.10], which YAML reads as the number 1.1
    assert "SP016" in codes(tmp_path, text) and not [
        c for c in codes(tmp_path, fixed) if c.startswith("SP0")
    ]


@pytest.mark.asyncio
async def test_no_suppression_where_the_comment_would_break_the_plan(
    editor: Editor, tmp_path: Path
) -> None:
    # A plain value may run on to the next line; a comment after its first line would end it there.
    text = (
        PLAN.replace("completion: Ambr", "completion: Amber")
        .replace("ref: 2.10", 'ref: "2.10"')
        .replace("    due: July 2024\n", "    due: July\n      2024\n")
    )
    assert "SP101" in codes(tmp_path, text) and "SP003" not in codes(tmp_path, text)
    uri = editor.open(tmp_path / "plan.yaml", text)
    offered = await actions_for(editor, uri, "SP101")
    assert not [a for a in offered if a.title.startswith("Suppress")]
    for action in offered:
        assert not {"SP003"} & set(codes(tmp_path, apply(text, action, uri)))
