"""The editor shows exactly what `validate --format json` reports for the same text, path and configuration:
the same codes, severities, messages, at the same places (LSP counts lines from 0 and columns in UTF-16 units)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from conftest import HEADER, run_cli
from lsp_editor import AS_OF, ROOT, Editor, config, editor, initialize  # noqa: F401  (editor is the fixture)
from lsprotocol import types
from test_bad_input import CASES

_SEVERITY = {1: "error", 2: "warning", 3: "info"}
ACTION = 'actions:\n  - ref: "1.1"\n    title: Something\n'


def _text_cases() -> list[tuple[str, str]]:
    """Bad-input cases an editor can hold as text, plus columns after characters that UTF-16 counts twice."""
    out = []
    for name, raw, _, _ in CASES:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # an editor never sends bytes that are not text
        if name in ("empty", "comment-only", "a-list", "a-scalar"):
            continue  # YAML that parses and has no plan key is not a plan to an editor either (test below)
        out.append((name, text))
    out.append(
        (
            "wide-characters",
            HEADER
            + 'actions:\n  - {ref: "1.1", title: "\U0001f642 caf\u00e9 \U0001f642", completion: Purple}\n',
        )
    )
    out.append(
        (
            "wide-characters-overdue",
            HEADER
            + ACTION
            + '    leads: ["\U0001f642"]\n    due: July 2024\n    completion: Amber  # \U0001f642\n',
        )
    )
    return out


def expected(*paths: Path) -> dict[Path, list[tuple[str, str, int, int, str]]]:
    """What `validate --format json` reports for each file, in LSP's terms."""
    run = run_cli("validate", "--format", "json", "--as-of", AS_OF, *map(str, paths))
    assert run.returncode in (0, 1), run.stderr
    out: dict[Path, list[tuple[str, str, int, int, str]]] = {path: [] for path in paths}
    for f in json.loads(run.stdout)["findings"]:
        path = Path(f["file"])
        lines = path.read_text(encoding="utf-8").split("\n")
        line = lines[f["line"] - 1] if f["line"] <= len(lines) else ""
        # Count UTF-16 code units by encoding, independently of the server's own conversion.
        column = len(line[: f["column"] - 1].encode("utf-16-le")) // 2 + max(
            0, f["column"] - 1 - len(line)
        )
        out[path].append((f["code"], f["severity"], f["line"] - 1, column, f["message"]))
    return out


def shown(diagnostics: list[Any]) -> list[tuple[str, str, int, int, str]]:
    return [
        (d.code, _SEVERITY[d.severity], d.range.start.line, d.range.start.character, d.message)
        for d in diagnostics
    ]


@pytest.mark.asyncio
@pytest.mark.parametrize("name", ["west-sussex-2024.yaml", "east-sussex-2025.yaml"])
async def test_bundled_plans(editor: Editor, name: str) -> None:
    path = ROOT / "plans" / name
    want = expected(path)[path]
    assert len(want) > 10  # both plans have many findings as of the test date
    uri = editor.open(path)
    assert shown(await editor.published_for(uri)) == want


@pytest.mark.asyncio
async def test_bad_input_texts(editor: Editor, tmp_path: Path) -> None:
    cases = _text_cases()
    uris = {}
    for name, text in cases:
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8", newline="")
        uris[name] = (path, editor.open(path, text))
    every = expected(*(path for path, _ in uris.values()))
    for name, (path, uri) in uris.items():
        want = every[path]
        assert want, name
        assert shown(await editor.published_for(uri)) == want, name


@pytest.mark.asyncio
async def test_yaml_that_is_not_a_plan_gets_no_findings(editor: Editor, tmp_path: Path) -> None:
    """A workflow or other YAML file open beside the plans is left alone, as a directory search leaves it."""
    path = tmp_path / "ci.yaml"
    path.write_text("on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n", encoding="utf-8")
    assert await editor.published_for(editor.open(path)) == []


@pytest_lsp.fixture(config=config())
async def utf8_editor(lsp_client: Editor):  # type: ignore[no-untyped-def]
    await initialize(
        lsp_client,
        general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf8]
        ),
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_an_editor_counting_in_utf8_gets_columns_in_bytes(
    utf8_editor: Editor, tmp_path: Path
) -> None:
    text = (
        HEADER + 'actions:\n  - {ref: "1.1", title: "caf\u00e9 \U0001f642", completion: Purple}\n'
    )
    uri = utf8_editor.open(tmp_path / "plan.yaml", text)
    [rating] = [d for d in await utf8_editor.published_for(uri) if d.code == "SP014"]
    line = text.split("\n")[5]
    assert rating.range.start.character == len(line[: line.index("Purple")].encode("utf-8"))
