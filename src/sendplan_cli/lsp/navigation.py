"""Go to definition, find references and the outline, for recommendation, workstream and indicator ids."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from sendplan_cli.lsp.coordinates import lsp_column
from sendplan_cli.lsp.index import PlanIndex, Span

_NAVIGABLE = ("recommendation", "workstream", "indicator", "action")


def span_range(span: Span, lines: list[str], encoding: str) -> types.Range:
    text = lines[span.line - 1] if 0 < span.line <= len(lines) else ""
    return types.Range(
        types.Position(span.line - 1, lsp_column(text, span.start, encoding)),
        types.Position(span.line - 1, lsp_column(text, span.end, encoding)),
    )


def definition(
    index: PlanIndex, span: Span | None, uri: str, lines: list[str], encoding: str
) -> types.Location | None:
    if span is None or span.kind not in _NAVIGABLE:
        return None
    target = index.definition(span.kind, span.value)
    return types.Location(uri, span_range(target, lines, encoding)) if target else None


def references(
    index: PlanIndex,
    span: Span | None,
    uri: str,
    lines: list[str],
    encoding: str,
    include_declaration: bool,
) -> list[types.Location]:
    if span is None or span.kind not in _NAVIGABLE:
        return []
    return [
        types.Location(uri, span_range(s, lines, encoding))
        for s in index.references(span.kind, span.value)
        if include_declaration or not s.defines
    ]


def symbols(index: PlanIndex, lines: list[str], encoding: str) -> list[types.DocumentSymbol]:
    """Recommendations, each holding the actions that answer it; actions that answer none; then indicators."""
    data = index.data

    def symbol(
        kind: str,
        value: str,
        detail: Any,
        symbol_kind: types.SymbolKind,
        children: list[types.DocumentSymbol] | None = None,
    ) -> types.DocumentSymbol | None:
        span = index.definition(kind, value)
        if span is None:
            return None
        where = span_range(span, lines, encoding)
        # A recommendation's range reaches its last action, so an outline may fold the actions under it.
        ends = [where.end, *(c.range.end for c in children or [])]
        whole = types.Range(where.start, max(ends, key=lambda p: (p.line, p.character)))
        return types.DocumentSymbol(
            name=value,
            kind=symbol_kind,
            range=whole,
            selection_range=where,
            detail=str(detail)[:80] if detail else None,
            children=children,
        )

    actions = [
        a
        for a in data.get("actions") or []
        if isinstance(a, dict) and isinstance(a.get("ref"), (str, int))
    ]
    answered: set[str] = set()
    out: list[types.DocumentSymbol] = []
    for rec in data.get("recommendations") or []:
        if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
            continue
        mine = [a for a in actions if rec["id"] in (a.get("recommendations") or [])]
        answered.update(str(a["ref"]) for a in mine)
        children = [
            s
            for a in mine
            if (s := symbol("action", str(a["ref"]), a.get("title"), types.SymbolKind.Method))
        ]
        if found := symbol(
            "recommendation", rec["id"], rec.get("text"), types.SymbolKind.Class, children
        ):
            out.append(found)
    out += [
        s
        for a in actions
        if str(a["ref"]) not in answered
        and (s := symbol("action", str(a["ref"]), a.get("title"), types.SymbolKind.Method))
    ]
    out += [
        s
        for ind in data.get("indicators") or []
        if isinstance(ind, dict)
        and isinstance(ind.get("id"), str)
        and (s := symbol("indicator", ind["id"], ind.get("name"), types.SymbolKind.Constant))
    ]
    return out
