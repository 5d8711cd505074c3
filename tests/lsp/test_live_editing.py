"""As the author types: findings for the text as it now is, never for a version already replaced."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli
from lsp_editor import AS_OF, ROOT, Editor, editor, published_after  # noqa: F401  (editor is the fixture)
from lsprotocol import types

PLAN = ROOT / "plans" / "west-sussex-2024.yaml"
DUE_1_2 = "    due: On going with full implementation March 2026\n"


def findings_of(text: str, tmp_path: Path) -> list[tuple[str, int, str]]:
    """validate's findings for this text, as (code, 0-based line, message)."""
    path = tmp_path / PLAN.name
    path.write_text(text, encoding="utf-8")
    run = run_cli("validate", "--format", "json", "--as-of", AS_OF, str(path))
    return [(f["code"], f["line"] - 1, f["message"]) for f in json.loads(run.stdout)["findings"]]


def seen(diagnostics: list[types.Diagnostic]) -> list[tuple[str, int, str]]:
    return [(str(d.code), d.range.start.line, d.message) for d in diagnostics]


@pytest.mark.asyncio
async def test_a_due_date_that_has_passed_is_flagged_at_once(
    editor: Editor, tmp_path: Path
) -> None:
    text = PLAN.read_text(encoding="utf-8")
    uri = editor.open(PLAN)
    before = await editor.published_for(uri)
    assert not any(d.code == "SP101" and "1.2" in d.message for d in before)
    edited = text.replace(DUE_1_2, "    due: October 2024\n")
    editor.replace(uri, edited)
    after = await editor.published_for(uri)
    overdue = [d for d in after if d.code == "SP101" and "action 1.2" in d.message]
    assert len(overdue) == 1
    line = text[: text.index(DUE_1_2)].count("\n")
    assert (overdue[0].range.start.line, overdue[0].range.start.character) == (
        line,
        len("    due: "),
    )
    assert "October 2024" in overdue[0].message and "Amber" in overdue[0].message
    assert overdue[0].severity == types.DiagnosticSeverity.Error
    assert seen(after) == findings_of(edited, tmp_path)


@pytest.mark.asyncio
async def test_fifty_rapid_edits_leave_only_the_last_versions_findings(
    editor: Editor, tmp_path: Path
) -> None:
    text = PLAN.read_text(encoding="utf-8")
    uri = editor.open(PLAN)
    await editor.published_for(uri)
    opened = len(editor.published)
    typed = "due: 30 September 2030"
    # Typing the new due date a character at a time: most versions in between hold a date no one could read.
    for n in range(1, 51):
        partial = typed[: max(5, round(len(typed) * n / 50))]
        editor.replace(uri, text.replace(DUE_1_2, f"    {partial}\n"))
    final = editor.versions[uri]
    last = await editor.published_for(uri, final)
    await asyncio.sleep(0.5)  # anything still on its way for an older version would arrive now
    after_open = [p for p in editor.published[opened:] if p.uri == uri]
    assert after_open[-1].version == final
    assert all(p.version is not None and p.version <= final for p in after_open)
    # Debounced: far fewer checks were published than edits were made.
    assert len(after_open) < 10
    assert seen(last) == findings_of(text.replace(DUE_1_2, f"    {typed}\n"), tmp_path)
    assert not any(
        d.code == "SP013" for d in last
    )  # no bad-date finding left from a half-typed version


@pytest.mark.asyncio
async def test_hover_over_a_finding_shows_what_explain_says(editor: Editor) -> None:
    uri = editor.open(PLAN)
    overdue = next(d for d in await editor.published_for(uri) if d.code == "SP101")
    hover = await editor.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), overdue.range.start)
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    explain = run_cli("explain", "SP101").stdout.strip()
    assert explain in hover.contents.value
    assert overdue.message in hover.contents.value


@pytest.mark.asyncio
async def test_a_configuration_change_rechecks_open_plans(editor: Editor, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    uri = editor.open(plan)
    assert any(d.code == "SP101" for d in await editor.published_for(uri))
    count = len(editor.published)
    config = tmp_path / "sendplan.toml"
    config.write_text('ignore = ["overdue"]\n', encoding="utf-8")
    editor.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(config.as_uri(), types.FileChangeType.Created)]
        )
    )
    again = await published_after(editor, uri, count)
    assert again and not any(d.code == "SP101" for d in again)
    count = len(editor.published)
    config.write_text('ignore = ["overdu"]\n', encoding="utf-8")
    editor.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(config.as_uri(), types.FileChangeType.Changed)]
        )
    )
    broken = await published_after(editor, uri, count)
    assert len(broken) == 1 and "unknown rule 'overdu'" in broken[0].message


@pytest.mark.asyncio
async def test_closing_a_plan_clears_its_findings(editor: Editor) -> None:
    uri = editor.open(PLAN)
    await editor.published_for(uri)
    count = len(editor.published)
    editor.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    assert await published_after(editor, uri, count) == []


def test_without_the_extra_the_command_says_how_to_install() -> None:
    probe = "import sys; sys.modules['pygls'] = None; sys.argv = ['sendplan', 'lsp']; from sendplan_cli.cli import main; main()"
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert run.returncode == 2
    assert "pip install 'sendplan[lsp]'" in run.stderr
