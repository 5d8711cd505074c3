"""Quick fixes: take a "did you mean" suggestion, quote a ref that YAML would read as a number, or
suppress one finding on its line (with a reason to fill in, as the suppression rules ask)."""

from __future__ import annotations

import re

from lsprotocol import types

from sendplan_cli.lsp.positions import lsp_column
from sendplan_cli.plan.diagnostics import Diagnostic
from sendplan_cli.plan.positions import editor_lines

_SUGGESTION = re.compile(r"did you mean '(?P<name>[^']+)'\?")
_PLAIN_END = re.compile(r",|\]|\}|:(?=\s|$)|\s#")
UNQUOTED_NUMBER = "SP307"


def token_end(line: str, column: int) -> int:
    """The 1-based column just past the YAML scalar (or key) that starts at column."""
    start = column - 1
    if line[start: start + 1] in ("'", '"'):
        close = line.find(line[start], start + 1)
        return (close if close != -1 else len(line)) + 2
    match = _PLAIN_END.search(line, start)
    end = match.start() if match else len(line)
    return len(line[:end].rstrip()) + 1


def fixes(uri: str, text: str, findings: list[Diagnostic], wanted: types.Range, encoding: str) -> list[types.CodeAction]:
    """The quick fixes for the findings on the lines of the requested range."""
    lines = editor_lines(text)
    out = []
    for d in findings:
        if not wanted.start.line <= d.line - 1 <= wanted.end.line or d.line > len(lines):
            continue
        line = lines[d.line - 1]
        end = token_end(line, d.column)
        where = types.Range(types.Position(d.line - 1, lsp_column(line, d.column, encoding)),
                            types.Position(d.line - 1, lsp_column(line, end, encoding)))
        suggestion = _SUGGESTION.search(d.hint or "")
        if suggestion:
            out.append(_edit(uri, f"Change to '{suggestion['name']}'", where, suggestion["name"], preferred=True))
        if d.code == UNQUOTED_NUMBER:
            written = line[d.column - 1: end - 1]
            out.append(_edit(uri, f'Quote {written} so every YAML tool reads it as text', where, f'"{written}"', preferred=True))
        if not d.is_load_error and "#" not in line:
            at = types.Position(d.line - 1, lsp_column(line, len(line) + 1, encoding))
            comment = f'  # sendplan: ignore[{d.name}] reason="say why"'
            out.append(_edit(uri, f"Suppress {d.code} {d.name} on this line", types.Range(at, at), comment))
    return out


def _edit(uri: str, title: str, where: types.Range, new_text: str, preferred: bool = False) -> types.CodeAction:
    return types.CodeAction(title=title, kind=types.CodeActionKind.QuickFix, is_preferred=preferred or None,
                            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=where, new_text=new_text)]}))
