"""What reads git runs on open and save, and is dropped once the plan is edited; configuration files are watched."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest
import pytest_lsp
from conftest import run_cli

# The git-aware tests' helpers: real repositories, and the history rules' documented silent move.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gitaware"))
from gitplans import PlanRepo  # noqa: E402
from lsp_editor import AS_OF, Editor, config, editor, initialize, published_after  # noqa: E402, F401  (editor is the fixture)
from lsprotocol import types  # noqa: E402
from test_history_rules import MOVED, MOVED_BEFORE  # noqa: E402


@pytest.mark.asyncio
async def test_history_findings_arrive_on_open_and_go_while_editing_until_saved(
    editor: Editor, tmp_path: Path
) -> None:
    repo = PlanRepo(tmp_path)
    (tmp_path / "sendplan.toml").write_text("history = true\n", encoding="utf-8")
    repo.commit(MOVED_BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.commit(MOVED, when="2024-09-10T14:00:00+01:00", author="Jo Bloggs")
    validate = run_cli(
        "validate", "plans/plan.yaml", "--as-of", AS_OF, "--format", "json", cwd=tmp_path
    )
    want = [
        (f["code"], f["line"] - 1, f["message"]) for f in json.loads(validate.stdout)["findings"]
    ]
    assert "SP501" in [code for code, _, _ in want]  # the configuration turns the history rules on
    uri = editor.open(repo.plan)
    opened = await editor.published_for(uri)
    assert [(d.code, d.range.start.line, d.message) for d in opened] == want
    text = repo.plan.read_text(encoding="utf-8")
    # Lines added above: a history finding kept from the last save would now mark the wrong line.
    changed = "# Notes\n# from the board\n" + text
    editor.replace(uri, changed)
    edited = await editor.published_for(uri)
    assert "SP501" not in [d.code for d in edited]
    assert [(d.code, d.range.start.line) for d in edited] == [
        (c, line + 2) for c, line, _ in want if c != "SP501"
    ]
    # Saved, they are worked out again, for the lines as they now are.
    repo.plan.write_text(changed, encoding="utf-8")
    seen = len(editor.published)
    editor.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    saved = await published_after(editor, uri, seen)
    assert [(d.code, d.range.start.line, d.message) for d in saved] == [
        (c, line + 2, m) for c, line, m in want
    ]


@pytest_lsp.fixture(config=config())
async def watching_editor(lsp_client: Editor):  # type: ignore[no-untyped-def]
    await initialize(
        lsp_client,
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True
            )
        ),
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_the_server_asks_the_editor_to_watch_configuration_files(
    watching_editor: Editor,
) -> None:
    for _ in range(500):
        if watching_editor.registrations:
            break
        await asyncio.sleep(0.01)
    [registration] = watching_editor.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    options = registration.register_options
    patterns = sorted(
        w["globPattern"] if isinstance(w, dict) else w.glob_pattern
        for w in (options["watchers"] if isinstance(options, dict) else options.watchers)
    )  # type: ignore[union-attr]
    assert patterns == ["**/pyproject.toml", "**/sendplan.toml"]
