"""An editor's side of the conversation: pytest-lsp starts `sendplan lsp` over stdio, as VS Code or Neovim would."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

ROOT = Path(__file__).resolve().parents[2]
AS_OF = "2025-01-15"


def server_command(*options: str) -> list[str]:
    return [sys.executable, "-c", "from sendplan_cli.cli import main; main()", "lsp", *options]


class Editor(LanguageClient):
    """pytest-lsp's client, keeping every publishDiagnostics it receives, in order, with its version."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.published: list[types.PublishDiagnosticsParams] = []
        self.versions: dict[str, int] = {}
        self.registrations: list[types.Registration] = []

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.resolve().as_uri()
        self.versions[uri] = 1
        self.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(
                    uri=uri,
                    language_id="yaml",
                    version=1,
                    text=path.read_text(encoding="utf-8") if text is None else text,
                )
            )
        )
        return uri

    def replace(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        self.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return self.versions[uri]

    async def published_for(
        self, uri: str, version: int | None = None, timeout: float = 30
    ) -> list[types.Diagnostic]:
        """The diagnostics published for uri at version (the latest opened or changed, unless given)."""
        wanted = self.versions[uri] if version is None else version

        async def arrived() -> list[types.Diagnostic]:
            while True:
                for params in reversed(self.published):
                    if params.uri == uri and params.version == wanted:
                        return list(params.diagnostics)
                await asyncio.sleep(0.01)

        return await asyncio.wait_for(arrived(), timeout)


def _record(client: Editor, params: types.PublishDiagnosticsParams) -> None:
    client.published.append(params)
    client.diagnostics[params.uri] = params.diagnostics


def _register(client: Editor, params: types.RegistrationParams) -> None:
    client.registrations += params.registrations


def make_editor() -> Editor:
    client = Editor(converter_factory=default_converter)
    register_lsp_features(
        client,
        {
            **DEFAULT_CLIENT_FEATURES,
            types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record,
            types.CLIENT_REGISTER_CAPABILITY: _register,
        },
    )
    return client


async def initialize(client: LanguageClient, root: Path = ROOT, **capabilities: Any) -> None:
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(**capabilities),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        )
    )


def config(*options: str) -> ClientServerConfig:
    return ClientServerConfig(
        server_command=server_command("--as-of", AS_OF, *options), client_factory=make_editor
    )


@pytest_lsp.fixture(config=config())
async def editor(lsp_client: Editor):  # type: ignore[no-untyped-def]
    await initialize(lsp_client)
    yield
    await lsp_client.shutdown_session()


async def published_after(
    client: Editor, uri: str, seen: int, timeout: float = 30
) -> list[types.Diagnostic]:
    """The first diagnostics published for uri after the first `seen` publications."""

    async def arrived() -> list[types.Diagnostic]:
        while True:
            later = [p for p in client.published[seen:] if p.uri == uri]
            if later:
                return list(later[0].diagnostics)
            await asyncio.sleep(0.01)

    return await asyncio.wait_for(arrived(), timeout)
