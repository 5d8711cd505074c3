"""Hover: over a finding, what its rule means (`sendplan explain`); over a rating, id or date, what it stands for."""

from __future__ import annotations

from datetime import date

from lsprotocol import types

from sendplan_cli.lsp.document_findings import to_lsp
from sendplan_cli.lsp.explain import explanation
from sendplan_cli.lsp.index import PlanIndex, Span
from sendplan_cli.plan.diagnostics import Diagnostic


def finding_hover(
    findings: list[Diagnostic], text: str, position: types.Position, encoding: str
) -> types.Hover | None:
    """The explanation of each finding on the hovered line whose span holds the position."""
    on_line = [d for d in findings if d.line - 1 == position.line]
    parts = []
    for finding, shown in zip(on_line, to_lsp(on_line, text, encoding), strict=True):
        if not shown.range.start.character <= position.character <= shown.range.end.character:
            continue
        hint = f"\n\n**Here:** {finding.message}" + (
            f"\n\n**Hint:** {finding.hint}" if finding.hint else ""
        )
        parts.append((explanation(finding.code) or f"# {finding.code} {finding.name}") + hint)
    if not parts:
        return None
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
        )
    )


def span_hover(index: PlanIndex, span: Span | None, as_of: date) -> str | None:
    """What a rating means on the plan's scale, a recommendation's text, an indicator's figures, how a due date is read."""
    if span is None:
        return None
    if span.kind in ("completion", "impact"):
        from sendplan_cli.plan.scale import west_sussex_scale

        scale = index.plan.rating_scale if index.plan is not None else west_sussex_scale()
        rating = (
            scale.completion_named(span.value)
            if span.kind == "completion"
            else scale.impact_named(span.value)
        )
        return f"**{rating.name}** ({span.kind}): {rating.meaning}" if rating else None
    if span.kind == "recommendation" and not span.defines:
        rec = next(
            (
                r
                for r in index.data.get("recommendations") or []
                if isinstance(r, dict) and r.get("id") == span.value
            ),
            None,
        )
        return f"**{span.value}**: {rec.get('text')}" if rec else None
    if span.kind == "indicator":
        return _indicator(index, span.value, as_of)
    if span.kind == "due":
        return _due(span.value, as_of)
    return None


def _indicator(index: PlanIndex, wanted: str, as_of: date) -> str | None:
    from sendplan_cli.plan.kpi_status import kpi_statuses

    if index.plan is None:
        return None
    status = next((s for s in kpi_statuses(index.plan, as_of) if s.indicator.id == wanted), None)
    if status is None:
        return None
    d = status.as_dict()
    unit = f" {d['unit']}" if d.get("unit") else ""
    targets = "; ".join(
        f"{_number(t.value)}{unit}" + (f" by {t.by.text}" if t.by else "")
        for t in status.indicator.targets
    )
    return "\n\n".join(
        [
            f"**{d['id']}**: {d['name']}",
            f"Baseline: {_number(d['baseline'])}{unit}"
            + (f" ({d['baseline_period']})" if d["baseline_period"] else "")
            if d["baseline"] is not None
            else "Baseline: none recorded",
            f"Target: {targets}" if targets else "Target: none set",
            f"Latest: {_number(d['latest'])}{unit} ({d['latest_period']})"
            if d["latest"] is not None
            else "Latest: no figure yet",
            f"Status as of {_day(as_of)}: **{d['status']}**"
            + (f", {d['reason']}" if d["reason"] else ""),
        ]
    )


def _number(value: float) -> str:
    return f"{value:.15g}"


def _due(text: str, as_of: date) -> str | None:
    from sendplan_cli.plan.dates import DateParseError, parse_date_phrase

    try:
        end = parse_date_phrase(text).end
    except DateParseError:
        return None
    if end is None:
        return f"{text!r} names no end date"
    # Whole months gone by: 31 Jul 2024 to 15 Jan 2025 is five months and a fortnight, said as 5 months.
    months = (as_of.year - end.year) * 12 + as_of.month - end.month - (as_of.day < end.day)
    if end < as_of:
        gap = (
            f"{months} month{'s' if months != 1 else ''}"
            if months >= 1
            else f"{(as_of - end).days} days"
        )
        return f"Read as {_day(end)}: passed {gap} ago, as of {_day(as_of)}"
    left = (end - as_of).days
    return f"Read as {_day(end)}: {left} day{'s' if left != 1 else ''} to go, as of {_day(as_of)}"


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"
