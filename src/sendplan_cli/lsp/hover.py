"""Hover: over a finding, what its rule means (`sendplan explain`) and the hint for this case."""

from __future__ import annotations

from lsprotocol import types

from sendplan_cli.lsp.explain import explanation
from sendplan_cli.lsp.findings import to_lsp
from sendplan_cli.plan.diagnostics import Diagnostic


def finding_hover(findings: list[Diagnostic], text: str, position: types.Position, encoding: str) -> types.Hover | None:
    """The explanation of each finding on the hovered line whose span holds the position."""
    on_line = [d for d in findings if d.line - 1 == position.line]
    parts = []
    for finding, shown in zip(on_line, to_lsp(on_line, text, encoding), strict=True):
        if not shown.range.start.character <= position.character <= shown.range.end.character:
            continue
        hint = f"\n\n**Here:** {finding.message}" + (f"\n\n**Hint:** {finding.hint}" if finding.hint else "")
        parts.append((explanation(finding.code) or f"# {finding.code} {finding.name}") + hint)
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))
