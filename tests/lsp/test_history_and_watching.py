"""What reads git runs on open and save, and stays on show while the plan is edited; configuration files are watched."""

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
from lsp_editor import AS_OF, Editor, config, editor, initialize  # noqa: E402, F401  (editor is the fixture)
from lsprotocol import types  # noqa: E402
from test_history_rules import MOVED, MOVED_BEFORE  # noqa: E402


@pytest.mark.asyncio
async def test_history_findings_arrive_on_open_and_stay_while_editing(editor: Editor, tmp_path: Path) -> None:
    repo = PlanRepo(tmp_path)
    (tmp_path / "sendplan.toml").write_text("history = true\n", encoding="utf-8")
    repo.commit(MOVED_BEFORE, when="2024-06-03T09:00:00+01:00")
    repo.commit(MOVED, when="2024-09-10T14:00:00+01:00", author="Jo Bloggs")
    validate = run_cli("validate", "plans/plan.yaml", "--as-of", AS_OF, "--format", "json", cwd=tmp_path)
    want = [(f["code"], f["line"] - 1, f["message"]) for f in json.loads(validate.stdout)["findings"]]
    assert "SP501" in [code for code, _, _ in want]  # the configuration turns the history rules on
    uri = editor.open(repo.plan)
    opened = await editor.published_for(uri)
    assert [(d.code, d.range.start.line, d.message) for d in opened] == want
    text = repo.plan.read_text(encoding="utf-8")
    editor.replace(uri, text.replace("title: Test plan", "title: Test plan, revised"))
    edited = await editor.published_for(uri)
    assert [d.message for d in edited if d.code == "SP501"] == [m for c, _, m in want if c == "SP501"]


@pytest_lsp.fixture(config=config())
async def watching_editor(lsp_client: Editor):  # type: ignore[no-untyped-def]
    await initialize(lsp_client, workspace=types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_the_server_asks_the_editor_to_watch_configuration_files(watching_editor: Editor) -> None:
    for _ in range(500):
        if watching_editor.registrations:
            break
        await asyncio.sleep(0.01)
    [registration] = watching_editor.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    options = registration.register_options
    patterns = sorted(w["globPattern"] if isinstance(w, dict) else w.glob_pattern
                      for w in (options["watchers"] if isinstance(options, dict) else options.watchers))  # type: ignore[union-attr]
    assert patterns == ["**/pyproject.toml", "**/sendplan.toml"]
