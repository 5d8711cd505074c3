"""The language server costs `validate` nothing: its modules and pygls load only for `sendplan lsp`."""

from __future__ import annotations

from pathlib import Path

from test_import_budget import PLANS, loaded_modules


def test_validate_loads_neither_the_server_nor_pygls(tmp_path: Path) -> None:
    modules = loaded_modules(
        tmp_path, "validate", str(PLANS), "--as-of", "2025-01-31", "--format", "json"
    )
    assert "sendplan_cli.check.engine" in modules  # the probe saw a real check run
    assert "sendplan_cli.cli.lsp" in modules  # the command is registered ...
    assert (
        sorted(
            m
            for m in modules
            if m.split(".")[0] in ("pygls", "lsprotocol", "cattrs")
            or m.startswith("sendplan_cli.lsp")
        )
        == []
    )  # ... but nothing of the server is loaded
