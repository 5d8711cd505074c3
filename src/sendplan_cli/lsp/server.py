"""The language server: checks open plans as they change and publishes the findings for each version.

Checks run one at a time on a worker thread, so hover and completion answer while a large plan is
checked. Each change cancels the document's pending check and schedules a new one a moment later
(the debounce); a result is published only if no newer version arrived while it was worked out, so
the editor never shows findings for text the author has already changed.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from sendplan_cli import __version__
from sendplan_cli.check.rules.history import HISTORY_RULES
from sendplan_cli.lsp.document_findings import (
    Checked,
    check_text,
    config_problem,
    looks_like_a_plan,
    to_lsp,
)
from sendplan_cli.lsp.documents import document_path, is_yaml, wants_history
from sendplan_cli.lsp.index import PlanIndex, build_index
from sendplan_cli.lsp.settings import ServerSettings
from sendplan_cli.plan.diagnostics import Diagnostic

_HISTORY_CODES = frozenset(rule.code for rule in HISTORY_RULES)
# A pause this long after the findings arrive means the author has stopped typing for now.
IDLE_SECONDS = 0.3


class PlanServer(LanguageServer):
    """pygls's server, with the state of the checks of each open plan."""

    def __init__(self, settings: ServerSettings) -> None:
        super().__init__("sendplan", __version__)
        self.settings = settings
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.findings: dict[str, tuple[str, list[Diagnostic]]] = {}
        """The text last checked for each document and the findings published for it, for hover and quick fixes."""
        self.history: dict[str, tuple[str, list[Diagnostic]]] = {}
        """Each document's history findings from its last open or save and the text they are for; their lines
        are that text's, so they are shown only with that text, and worked out again on the next save."""
        self.history_wanted: set[str] = set()
        self.indexes: dict[str, tuple[int | None, PlanIndex]] = {}
        """Each document's index (lsp/index.py) and the version it was built from; the last readable one is kept."""
        self.prebuilds: dict[str, asyncio.Task[None]] = {}
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sendplan-check")

    @property
    def encoding(self) -> str:
        """The code units positions are counted in, as agreed with the editor: utf-16, utf-8 or utf-32."""
        agreed = self.workspace.position_codec.encoding
        return str(getattr(agreed, "value", agreed))

    def schedule(self, uri: str, delay: float, with_history: bool = False) -> None:
        """Check the document after delay seconds, replacing any check not yet begun or still running."""
        if with_history:
            self.history_wanted.add(uri)
        if (prebuild := self.prebuilds.pop(uri, None)) is not None:
            prebuild.cancel()
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay))

    def forget(self, uri: str) -> None:
        for tasks in (self.pending, self.prebuilds):
            if (old := tasks.pop(uri, None)) is not None:
                old.cancel()
        self.findings.pop(uri, None)
        self.indexes.pop(uri, None)
        self.history.pop(uri, None)
        self.history_wanted.discard(uri)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def recheck_open(self) -> None:
        """Check every open plan again (its configuration may have changed)."""
        for uri in list(self.workspace.text_documents):
            if is_yaml(uri):
                self.schedule(uri, 0, with_history=True)

    async def _check_later(self, uri: str, delay: float) -> None:
        try:
            await asyncio.sleep(delay)
            if uri not in self.workspace.text_documents:
                return
            document = self.workspace.get_text_document(uri)
            version, text = document.version, document.source
            if not looks_like_a_plan(text):
                self.findings.pop(uri, None)
                self.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=uri, diagnostics=[], version=version)
                )
                return
            path = document_path(uri)
            history = uri in self.history_wanted and wants_history(path)
            self.history_wanted.discard(uri)
            when = self.settings.when()
            checked = await asyncio.get_running_loop().run_in_executor(
                self.checker, check_text, text, path, when, history
            )
            if (
                uri not in self.workspace.text_documents
                or self.workspace.get_text_document(uri).version != version
            ):
                return  # a newer version arrived meanwhile: its own check publishes
            self._publish(uri, version, text, checked, history)
            self.prebuilds[uri] = asyncio.get_running_loop().create_task(self._prebuild(uri))
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def _prebuild(self, uri: str) -> None:
        """Once the author has paused, read the new version for hover and completion, so the first one answers at
        once; not straight after each check, where it would delay the findings of the next keystroke."""
        await asyncio.sleep(IDLE_SECONDS)
        await self.index_for(uri)

    async def index_for(self, uri: str) -> PlanIndex | None:
        """The index of the document as it now is; when it cannot be read as a plan, the last one that could.

        Built when first asked for after a change, not after every check: building it beside each check
        would delay the next edit's findings more than it saves the first hover."""
        if uri not in self.workspace.text_documents:
            return None
        document = self.workspace.get_text_document(uri)
        cached = self.indexes.get(uri)
        if cached is not None and cached[0] == document.version:
            return cached[1]
        version, text = document.version, document.source
        index = await asyncio.get_running_loop().run_in_executor(
            self.checker, build_index, text, document_path(uri)
        )
        if index.data or cached is None:
            self.indexes[uri] = (version, index)
            return index
        return cached[1]

    def _publish(
        self, uri: str, version: int | None, text: str, checked: Checked, history: bool
    ) -> None:
        findings = checked.diagnostics
        if history:
            self.history[uri] = (text, [d for d in findings if d.code in _HISTORY_CODES])
        elif (kept := self.history.get(uri)) is not None:
            if kept[0] == text:
                findings = sorted([*findings, *kept[1]], key=lambda d: d.sort_key)
            else:
                del self.history[uri]  # their lines may no longer be the lines they were about
        self.findings[uri] = (text, findings)
        shown = to_lsp(findings, text, self.encoding)
        if checked.config_error is not None:
            shown.insert(0, config_problem(checked.config_error))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=shown, version=version)
        )


def config_changed(server: PlanServer) -> None:
    """A configuration file changed: read configurations afresh and check every open plan again."""
    from sendplan_cli.check.config import clear_config_cache

    clear_config_cache()
    server.recheck_open()
