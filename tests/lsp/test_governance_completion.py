"""Completion offers the inspection framework's keys where they belong, as it does an action's keys."""

from __future__ import annotations

import pytest
from lsp_editor import ROOT, Editor, editor  # noqa: F401  (editor is the fixture)
from lsprotocol import types
from test_plan_features import labels

EXAMPLE = ROOT / "examples" / "governance.yaml"


async def _offered(editor: Editor, after: str, typed: str) -> set[str]:
    """The keys offered at the end of `typed`, inserted as a new line after the line holding `after`."""
    text = EXAMPLE.read_text(encoding="utf-8")
    uri = editor.open(EXAMPLE)
    await editor.published_for(uri)
    end = text.index("\n", text.index(after)) + 1
    editor.replace(uri, text[:end] + typed + "\n" + text[end:])
    return set(await labels(editor, uri, types.Position(text[:end].count("\n"), len(typed))))


@pytest.mark.asyncio
async def test_the_plans_new_records_are_offered_at_the_top(editor: Editor) -> None:
    offered = await _offered(editor, "board: Northdale", "k")
    assert {"kind", "inspection", "reviews", "voice", "decisions", "risks"} <= offered


@pytest.mark.asyncio
async def test_an_action_offers_depends_on_and_an_update_offers_evidence(editor: Editor) -> None:
    assert "depends_on" in await _offered(editor, "    recommendations: [APA 1]", "    de")
    assert "evidence" in await _offered(
        editor, "        commentary: Two posts filled", "        ev"
    )


# The keys of each record, read from its model in plan/governance_records.py and plan/model.py.
INSIDE = [
    ("  outcome: widespread", "  r", {"date", "inspectorates", "outcome", "report"}),
    ("evidence_due: 2025-09-22}", "  - t", {"type", "date", "evidence_due", "title"}),
    ("path: evidence/assessment", "          - p", {"title", "date", "link", "path"}),
    ("  - date: 2025-01-22", "    s", {"date", "source", "said", "actions", "we_did"}),
    ("  - date: 2025-03-11", "    d", {"date", "decision", "by", "actions", "due", "previous_due"}),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("after", "typed", "keys"),
    INSIDE,
    ids=["inspection", "reviews", "evidence", "voice", "decisions"],
)
async def test_each_record_offers_its_own_keys(
    editor: Editor, after: str, typed: str, keys: set[str]
) -> None:
    offered = await _offered(editor, after, typed)
    assert keys <= offered
    assert "partnership" not in offered  # the plan's key, not the record's
