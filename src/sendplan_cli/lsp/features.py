"""What the server answers: the document lifecycle (open, change, save, close) and configuration changes."""

from __future__ import annotations

from lsprotocol import types

from sendplan_cli.lsp.documents import is_config, is_yaml
from sendplan_cli.lsp.server import PlanServer, config_changed
from sendplan_cli.lsp.settings import ServerSettings

_CONFIG_WATCHERS = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in ("sendplan.toml", "pyproject.toml")]


def build_server(settings: ServerSettings) -> PlanServer:
    """A server with every feature registered."""
    server = PlanServer(settings)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: PlanServer, params: types.InitializedParams) -> None:
        # Editors watch files for the server only when asked; without this, an edit to sendplan.toml in another
        # program would go unnoticed until the plan is reopened.
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(watchers=_CONFIG_WATCHERS)
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(id="sendplan-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                                   register_options=options)]))

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
    def hover(ls: PlanServer, params: types.HoverParams) -> types.Hover | None:
        from sendplan_cli.lsp.hover import finding_hover

        checked, findings = ls.findings.get(params.text_document.uri, ("", []))
        return finding_hover(findings, checked, params.position, ls.encoding)

    return server


def serve(settings: ServerSettings) -> None:
    """Answer an editor on standard input and output until it says to exit."""
    build_server(settings).start_io()
