"""Completion, hover, go to definition, find references and the outline, read off the plan being edited."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli
from lsp_editor import AS_OF, ROOT, Editor, editor  # noqa: F401  (editor is the fixture)
from lsprotocol import types

PLAN = ROOT / "plans" / "west-sussex-2024.yaml"
KPI_PLAN = ROOT / "tests" / "fixtures" / "valid" / "indicators.yaml"


def where(text: str, needle: str, offset: int = 0) -> types.Position:
    """The position of the first occurrence of needle (plus offset characters) in text."""
    at = text.index(needle) + offset
    line = text[:at].count("\n")
    return types.Position(line, at - (text.rfind("\n", 0, at) + 1))


async def hover_text(editor: Editor, uri: str, position: types.Position) -> str:
    hover = await editor.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), position)
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    return hover.contents.value


async def labels(editor: Editor, uri: str, position: types.Position) -> list[str]:
    result = await editor.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), position)
    )
    items = result.items if isinstance(result, types.CompletionList) else result or []
    return [item.label for item in items]


@pytest.mark.asyncio
async def test_completion_offers_the_plans_own_names(editor: Editor) -> None:
    text = PLAN.read_text(encoding="utf-8")
    uri = editor.open(PLAN)
    await editor.published_for(uri)
    # A rating: the plan's completion scale (West Sussex's legend, the default scale).
    assert await labels(
        editor, uri, where(text, "    completion: Amber", len("    completion: "))
    ) == ["Blue", "Green", "Amber", "Red", "Grey"]
    # A recommendation reference inside an action: the recommendations the plan defines.
    assert await labels(
        editor, uri, where(text, "    recommendations: [AfI 1]", len("    recommendations: ["))
    ) == ["AfI 1", "AfI 2", "AfI 3", "AfI 4", "AfI 5"]
    # A workstream reference: the workstreams the plan defines.
    assert await labels(
        editor, uri, where(text, "    workstream: PWG 1", len("    workstream: "))
    ) == ["PWG 1", "PWG 2", "PWG 4"]
    # Leads already used, so one person is not spelt two ways.
    assert "Caroline Tozzi" in await labels(
        editor, uri, where(text, "    leads: [Caroline Tozzi]", len("    leads: ["))
    )


@pytest.mark.asyncio
async def test_completion_offers_keys_from_the_schema_while_the_yaml_is_half_typed(
    editor: Editor,
) -> None:
    text = PLAN.read_text(encoding="utf-8")
    uri = editor.open(PLAN)
    await editor.published_for(uri)
    at = text.index("    completion: Amber")
    editor.replace(uri, text[:at] + "    comp\n" + text[at:])
    offered = await labels(editor, uri, types.Position(text[:at].count("\n"), len("    comp")))
    assert {"completion", "commentary", "due", "leads", "updates"} <= set(offered)
    assert "partnership" not in offered  # a plan's key, not an action's


@pytest.mark.asyncio
async def test_completion_past_the_end_of_the_plan_offers_nothing(editor: Editor) -> None:
    text = PLAN.read_text(encoding="utf-8")
    uri = editor.open(PLAN)
    await editor.published_for(uri)
    lines = text.count("\n")
    # An editor may ask about a line the document no longer has (the text shrank while it asked).
    assert await labels(editor, uri, types.Position(lines + 5, 0)) == []
    assert await labels(editor, uri, types.Position(lines + 5, 4)) == []
    # The empty line after the last line break is the document's own: keys may be typed there.
    assert "actions" in await labels(editor, uri, types.Position(lines, 0))


@pytest.mark.asyncio
async def test_hover_reads_ratings_references_and_dates(editor: Editor) -> None:
    text = PLAN.read_text(encoding="utf-8")
    uri = editor.open(PLAN)
    await editor.published_for(uri)
    assert "Action in progress, on track" in await hover_text(
        editor, uri, where(text, "    completion: Amber", len("    completion: A"))
    )
    assert "Impact not yet felt" in await hover_text(
        editor, uri, where(text, "    impact: Red", len("    impact: R"))
    )
    rec = await hover_text(
        editor, uri, where(text, "    recommendations: [AfI 1]", len("    recommendations: [A"))
    )
    assert (
        "Local area health leaders should act swiftly" in rec
    )  # AfI 1's text, as the plan gives it
    # Action 1.1 is due July 2024, which ended on 31 July: five whole months and a fortnight before the test date.
    due = await hover_text(editor, uri, where(text, "    due: July 2024", len("    due: J")))
    assert "31 Jul 2024" in due and "passed 5 months ago" in due and "15 Jan 2025" in due


@pytest.mark.asyncio
async def test_hover_on_an_indicator_reference_shows_its_scorecard_status(editor: Editor) -> None:
    text = KPI_PLAN.read_text(encoding="utf-8")
    uri = editor.open(KPI_PLAN)
    await editor.published_for(uri)
    shown = await hover_text(editor, uri, where(text, "indicator: KPI 1", len("indicator: K")))
    [status] = [
        s
        for s in json.loads(
            run_cli(
                "list", "--indicators", "--format", "json", "--as-of", AS_OF, str(KPI_PLAN)
            ).stdout
        )
        if s["id"] == "KPI 1"
    ]
    assert (
        "Baseline: 38 percent (March 2024)" in shown
        and "Target: 55 percent by March 2025; 65 percent by March 2026" in shown
    )
    assert f"**{status['status']}**" in shown


@pytest.mark.asyncio
async def test_definition_references_and_outline(editor: Editor) -> None:
    text = PLAN.read_text(encoding="utf-8")
    uri = editor.open(PLAN)
    await editor.published_for(uri)
    use = where(text, "    recommendations: [AfI 2]", len("    recommendations: [A"))
    found = await editor.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(uri), use)
    )
    assert isinstance(found, types.Location)
    assert found.range.start == where(text, "  - id: AfI 2", len("  - id: "))
    refs = await editor.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri),
            position=use,
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert len(refs) == text.count("[AfI 2]") + text.count(", AfI 2") + text.count(
        "AfI 2,"
    ) - text.count("[AfI 2,")
    outline = await editor.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    assert [s.name for s in outline][:5] == ["AfI 1", "AfI 2", "AfI 3", "AfI 4", "AfI 5"]
    afi1 = outline[0]
    assert isinstance(afi1, types.DocumentSymbol) and [c.name for c in afi1.children or []][:3] == [
        "1.1",
        "1.2",
        "1.3",
    ]


@pytest.mark.asyncio
async def test_completion_offers_indicator_ids_and_months(editor: Editor) -> None:
    text = KPI_PLAN.read_text(encoding="utf-8")
    uri = editor.open(KPI_PLAN)
    await editor.published_for(uri)
    ids = [
        line.split("id: ", 1)[1].strip()
        for line in text.splitlines()
        if line.startswith("  - id: KPI")
    ]
    assert (
        await labels(
            editor, uri, where(text, "      - indicator: KPI 1", len("      - indicator: "))
        )
        == ids
    )
    at = text.index("    completion: Amber")
    editor.replace(uri, text[:at] + "    updates:\n      - month: \n" + text[at:])
    month = types.Position(text[:at].count("\n") + 1, len("      - month: "))
    assert await labels(editor, uri, month) == [
        "2025-01",
        "2024-12",
        "2024-11",
    ]  # the as-of month first
