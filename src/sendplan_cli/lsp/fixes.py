"""Quick fixes: take a "did you mean" suggestion, quote a ref that YAML would read as a number, or
suppress one finding on its line (with a reason to fill in, as the suppression rules ask)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from lsprotocol import types

from sendplan_cli.lsp.coordinates import lsp_column
from sendplan_cli.plan.diagnostics import Diagnostic
from sendplan_cli.plan.positions import editor_lines, editor_lines_with_ends

_SUGGESTION = re.compile(r"did you mean '(?P<name>[^']+)'\?")
_PLAIN_END = re.compile(r",|\]|\}|:(?=\s|$)|\s#")
UNQUOTED_NUMBER = "SP307"


def token_end(line: str, column: int) -> int:
    """The 1-based column just past the YAML scalar (or key) that starts at column."""
    start = column - 1
    if line[start : start + 1] in ("'", '"'):
        close = line.find(line[start], start + 1)
        return (close if close != -1 else len(line)) + 2
    match = _PLAIN_END.search(line, start)
    end = match.start() if match else len(line)
    return len(line[:end].rstrip()) + 1


def _written_as(name: str, quote: str | None) -> str:
    """name as it goes in place of a scalar: inside the scalar's own quotes, or quoted if YAML would read it plain as
    anything but this text (a number, a date, true)."""
    if quote == "'":
        return name.replace("'", "''")
    if quote == '"':
        return name.replace("\\", "\\\\").replace('"', '\\"')
    import yaml

    try:
        plain = yaml.safe_load(name)
    except yaml.YAMLError:
        plain = None
    return name if plain == name else json.dumps(name)


class _Loads:
    """Whether an edited text loads as well as the text the findings are for: no load error it did not have already."""

    def __init__(self, text: str, path: Path) -> None:
        self.path = path
        self.before, self.data = self._load_errors(text)

    def _load_errors(self, text: str) -> tuple[Counter[str], Any]:
        from sendplan_cli.check.pipeline import load_parts

        loaded, _, _ = load_parts(
            self.path, str(self.path), text.encode("utf-8", errors="surrogatepass")
        )
        return Counter(d.code for d in loaded.diagnostics if d.is_load_error), loaded.data

    def still_loads(self, text: str) -> bool:
        return not (self._load_errors(text)[0] - self.before)

    def same_data(self, text: str) -> bool:
        """The edited text reads as the same plan, and no worse: what a comment must leave."""
        errors, data = self._load_errors(text)
        return not (errors - self.before) and data == self.data


def _apply(text: str, line: int, start: int, end: int, new_text: str) -> str:
    """The text with one line's characters start:end (0-based) replaced, as the editor applies the edit."""
    edited = editor_lines_with_ends(text)
    edited[line] = edited[line][:start] + new_text + edited[line][end:]
    return "".join(edited)


def fixes(
    uri: str,
    text: str,
    findings: list[Diagnostic],
    wanted: types.Range,
    encoding: str,
    path: Path | None = None,
) -> list[types.CodeAction]:
    """The quick fixes for the findings on the lines of the requested range; none that would leave the plan
    unreadable where it could be read, or (a suppression) read differently."""
    lines = editor_lines(text)
    out: list[types.CodeAction] = []
    loads: _Loads | None = None
    for d in findings:
        if not wanted.start.line <= d.line - 1 <= wanted.end.line or d.line > len(lines):
            continue
        line = lines[d.line - 1]
        end = token_end(line, d.column)
        where = types.Range(
            types.Position(d.line - 1, lsp_column(line, d.column, encoding)),
            types.Position(d.line - 1, lsp_column(line, end, encoding)),
        )
        offered: list[tuple[types.CodeAction, str]] = []
        suggestion = _SUGGESTION.search(d.hint or "")
        if suggestion:
            opening = line[d.column - 1 : d.column]
            quote = (
                opening
                if opening in ("'", '"') and end - d.column >= 2 and line[end - 2] == opening
                else None
            )
            inside = (
                where
                if quote is None
                else types.Range(
                    types.Position(d.line - 1, lsp_column(line, d.column + 1, encoding)),
                    types.Position(d.line - 1, lsp_column(line, end - 1, encoding)),
                )
            )
            new = _written_as(suggestion["name"], quote)
            first, last = (d.column - 1, end - 1) if quote is None else (d.column, end - 2)
            offered.append(
                (
                    _edit(uri, f"Change to '{suggestion['name']}'", inside, new, preferred=True),
                    _apply(text, d.line - 1, first, last, new),
                )
            )
        if d.code == UNQUOTED_NUMBER:
            written = line[d.column - 1 : end - 1]
            offered.append(
                (
                    _edit(
                        uri,
                        f"Quote {written} so every YAML tool reads it as text",
                        where,
                        f'"{written}"',
                        preferred=True,
                    ),
                    _apply(text, d.line - 1, d.column - 1, end - 1, f'"{written}"'),
                )
            )
        loads = loads or _Loads(text, path or Path("plan.yaml"))
        out += [action for action, edited in offered if loads.still_loads(edited)]
        if not d.is_load_error and "#" not in line:
            at = types.Position(d.line - 1, lsp_column(line, len(line) + 1, encoding))
            comment = f'  # sendplan: ignore[{d.name}] reason="say why"'
            # The comment goes on the finding's own line, where the suppression is read; where that line's value
            # runs on to the next (a plain scalar over two lines), a comment there cannot go, and none is offered.
            if loads.same_data(_apply(text, d.line - 1, len(line), len(line), comment)):
                out.append(
                    _edit(
                        uri,
                        f"Suppress {d.code} {d.name} on this line",
                        types.Range(at, at),
                        comment,
                    )
                )
    return out


def _edit(
    uri: str, title: str, where: types.Range, new_text: str, preferred: bool = False
) -> types.CodeAction:
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        is_preferred=preferred or None,
        edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=where, new_text=new_text)]}),
    )
