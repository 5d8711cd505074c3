"""What the server answers: the document lifecycle (open, change, save, close) and configuration changes."""

from __future__ import annotations

from lsprotocol import types

from sendplan_cli.lsp.coordinates import character_index
from sendplan_cli.lsp.documents import document_path, is_config, is_yaml
from sendplan_cli.lsp.index import Span
from sendplan_cli.lsp.server import PlanServer, config_changed
from sendplan_cli.lsp.settings import ServerSettings

_CONFIG_WATCHERS = [
    types.FileSystemWatcher(glob_pattern=f"**/{name}")
    for name in ("sendplan.toml", "pyproject.toml")
]


def build_server(settings: ServerSettings) -> PlanServer:
    """A server with every feature registered."""
    server = PlanServer(settings)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: PlanServer, params: types.InitializedParams) -> None:
        # Editors watch files for the server only when asked; without this, an edit to sendplan.toml in another
        # program would go unnoticed until the plan is reopened.
        watched = (
            ls.client_capabilities.workspace
            and ls.client_capabilities.workspace.did_change_watched_files
        )
        if watched and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=_CONFIG_WATCHERS)
            await ls.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="sendplan-config",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=options,
                        )
                    ]
                )
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PlanServer, params: types.DidOpenTextDocumentParams) -> None:
        if is_yaml(params.text_document.uri):
            ls.schedule(params.text_document.uri, 0, with_history=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PlanServer, params: types.DidChangeTextDocumentParams) -> None:
        if is_yaml(params.text_document.uri):
            ls.schedule(params.text_document.uri, ls.settings.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PlanServer, params: types.DidSaveTextDocumentParams) -> None:
        if is_config(params.text_document.uri):
            config_changed(ls)
        elif is_yaml(params.text_document.uri):
            ls.schedule(params.text_document.uri, 0, with_history=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PlanServer, params: types.DidCloseTextDocumentParams) -> None:
        if is_yaml(params.text_document.uri):
            ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: PlanServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(is_config(change.uri) for change in params.changes):
            config_changed(ls)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: PlanServer, params: types.HoverParams) -> types.Hover | None:
        from sendplan_cli.lsp.hover import finding_hover, span_hover

        checked, findings = ls.findings.get(params.text_document.uri, ("", []))
        found = finding_hover(findings, checked, params.position, ls.encoding)
        index = await ls.index_for(params.text_document.uri)
        about = (
            span_hover(
                index,
                await _span_at(ls, params.text_document.uri, params.position),
                ls.settings.when(),
            )
            if index
            else None
        )
        if about is None:
            return found
        if found is None:
            return types.Hover(
                contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=about)
            )
        assert isinstance(found.contents, types.MarkupContent)
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value=f"{about}\n\n---\n\n{found.contents.value}"
            )
        )

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", "[", ","])
    )
    async def completion(
        ls: PlanServer, params: types.CompletionParams
    ) -> list[types.CompletionItem]:
        from sendplan_cli.lsp.completion import complete

        uri = params.text_document.uri
        if not is_yaml(uri) or uri not in ls.workspace.text_documents:
            return []
        lines = ls.workspace.get_text_document(uri).lines
        if params.position.line > len(lines):
            return []  # a line the document does not have (the empty line after its last break it does)
        line = (
            lines[params.position.line].rstrip("\r\n") if params.position.line < len(lines) else ""
        )
        before = line[: character_index(line, params.position.character, ls.encoding)]
        return complete(
            await ls.index_for(uri),
            [x.rstrip("\r\n") for x in lines],
            params.position.line,
            before,
            ls.settings.when(),
        )

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    async def definition(ls: PlanServer, params: types.DefinitionParams) -> types.Location | None:
        from sendplan_cli.lsp.navigation import definition as find

        index = await ls.index_for(params.text_document.uri)
        if index is None:
            return None
        return find(
            index,
            await _span_at(ls, params.text_document.uri, params.position),
            params.text_document.uri,
            _lines(ls, params.text_document.uri),
            ls.encoding,
        )

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    async def references(ls: PlanServer, params: types.ReferenceParams) -> list[types.Location]:
        from sendplan_cli.lsp.navigation import references as find

        index = await ls.index_for(params.text_document.uri)
        if index is None:
            return []
        return find(
            index,
            await _span_at(ls, params.text_document.uri, params.position),
            params.text_document.uri,
            _lines(ls, params.text_document.uri),
            ls.encoding,
            params.context.include_declaration,
        )

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def document_symbols(
        ls: PlanServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol]:
        from sendplan_cli.lsp.navigation import symbols

        index = await ls.index_for(params.text_document.uri)
        return symbols(index, _lines(ls, params.text_document.uri), ls.encoding) if index else []

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_actions(ls: PlanServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        from sendplan_cli.lsp.fixes import fixes

        uri = params.text_document.uri
        checked, findings = ls.findings.get(uri, ("", []))
        if (
            uri not in ls.workspace.text_documents
            or ls.workspace.get_text_document(uri).source != checked
        ):
            return []  # the findings are for text since changed; fixes come with the next check
        return fixes(uri, checked, findings, params.range, ls.encoding, document_path(uri))

    return server


def _lines(ls: PlanServer, uri: str) -> list[str]:
    return [line.rstrip("\r\n") for line in ls.workspace.get_text_document(uri).lines]


async def _span_at(ls: PlanServer, uri: str, position: types.Position) -> Span | None:
    """The id, reference, rating or date under the cursor, in the index of the current version."""
    index = await ls.index_for(uri)
    lines = _lines(ls, uri)
    if index is None or position.line >= len(lines):
        return None
    line = lines[position.line]
    return index.at(position.line + 1, character_index(line, position.character, ls.encoding) + 1)


def serve(settings: ServerSettings) -> None:
    """Answer an editor on standard input and output until it says to exit."""
    build_server(settings).start_io()
