"""`sendplan update --indicator`: record one period's figure for one indicator, changing only those lines.

The same round-trip writer as action updates: the file must round-trip byte for byte before
the edit, the diff after it may touch only the indicator's actuals, and the result must be a
valid plan before it is written, atomically.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sendplan_cli.authoring.atomic import write_atomic
from sendplan_cli.authoring.update import (
    _check_still_valid,
    _dump,
    _encode,
    _last,
    _move_trailing_comment,
    load_round_trip,
    unified_diff,
)
from sendplan_cli.errors import UsageError
from sendplan_cli.plan.dates import DateParseError, parse_date_phrase
from sendplan_cli.plan.locate import suggest

_ACTUAL_LINE = re.compile(r"^(\s*)(- )?(?:\{\s*)?(actuals|period|value|note|provisional|unit)\s*:")


@dataclass(frozen=True)
class ActualChange:
    """What the user asked to record."""

    indicator: str
    period: str
    value: str
    note: str | None = None
    replace: bool = False


def _number(text: str) -> int | float:
    from sendplan_cli.plan.indicators import NumberTextError, _number

    try:
        number = _number(text)
    except NumberTextError as exc:
        hint = f"; write {exc.number}" if exc.number else "; write the number only, e.g. 54.2"
        raise UsageError(f"--value {text!r} must be a number{hint}") from None
    return int(number) if re.fullmatch(r"[+-]?\d+", text.strip()) else number


def apply_actual(path: Path, change: ActualChange, raw: bytes | None = None) -> tuple[bytes, bytes]:
    """The file's bytes before and after recording the figure; raises UsageError on any problem.

    raw, when given, is the plan's text to edit in place of the file's (to chain several changes into one write)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.plan.kpi_periods import period_span

    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    loaded, plan = load_model(path, raw=raw)
    if plan is None or not loaded.ok:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        where = f" (line {first.line}: {first.message})" if first else ""
        raise UsageError(f"{path}: the plan has errors{where}; run `sendplan validate` and fix them first")
    ids = [ind.id for ind in plan.indicators]
    if change.indicator not in ids:
        close = suggest(change.indicator, ids)
        known = f"; did you mean {close!r}?" if close else (f"; the indicators are: {', '.join(ids)}" if ids else "; it has none")
        raise UsageError(f"{path}: no indicator with id {change.indicator!r}{known}")
    index = ids.index(change.indicator)
    indicator = plan.indicators[index]
    try:
        phrase = parse_date_phrase(change.period.strip())
    except DateParseError as exc:
        raise UsageError(f"--period: {exc}") from None
    if len(phrase.periods) != 1 or phrase.end is None:
        raise UsageError(f"--period {change.period!r}: give one period, e.g. 2025-06, \"Q1 25/26\" or 2024/25")
    value = _number(change.value)
    span = period_span(indicator, phrase)
    spans = [period_span(indicator, a.period) for a in indicator.actuals]
    existing = spans.index(span) if span in spans else None
    if existing is not None and not change.replace:
        old = indicator.actuals[existing]
        raise UsageError(f"{path}: indicator {change.indicator} already has a figure for {old.period.text} "
                         f"({old.value:g}); give --replace to correct it")

    text, data, yaml, layout = load_round_trip(raw, path, "the figure")
    node = data["indicators"][index]
    if existing is not None:
        entry = node["actuals"][existing]
        entry["value"] = value
        if change.note is not None:
            entry["note"] = change.note
    else:
        entry = CommentedMap([("period", change.period.strip()), ("value", value)])
        if change.note is not None:
            entry["note"] = change.note
        if node.get("actuals") is None:
            holder, last_key = _last(node)
            node["actuals"] = CommentedSeq([entry])
            _move_trailing_comment(holder, last_key, entry, list(entry.keys())[-1])
        else:
            _insert(node["actuals"], entry, sum(1 for s in spans if s[1] is not None and span[1] is not None and s[1] < span[1]))
    new_text = _dump(yaml, data)
    _check_only_actuals_changed(text, new_text, path)
    _check_still_valid(new_text, path)
    return raw, _encode(new_text, layout)


def _insert(actuals: Any, entry: Any, position: int) -> None:
    """Insert in period order, written like its neighbours; comments after the old last figure stay last."""
    from ruamel.yaml.tokens import CommentToken

    neighbour = actuals[position - 1] if position else (actuals[0] if len(actuals) else None)
    if neighbour is not None and getattr(neighbour, "fa", None) is not None and neighbour.fa.flow_style():
        entry.fa.set_flow_style()
    actuals.insert(position, entry)
    if position != len(actuals) - 1 or position == 0:
        return
    previous = actuals[position - 1]
    if not entry.fa.flow_style() and hasattr(previous, "keys"):
        holder, last_key = _last(previous)
        _move_trailing_comment(holder, last_key, entry, list(entry.keys())[-1])
        return
    slot = actuals.ca.items.get(position - 1)
    if not slot or slot[0] is None:
        return
    first, _, rest = slot[0].value.partition("\n")
    if rest:
        slot[0].value = first + "\n"
        actuals.ca.items[position] = [CommentToken("\n" + rest, slot[0].start_mark, None), None, None, None]


def _check_only_actuals_changed(old: str, new: str, path: Path) -> None:
    """Refuse any edit that touches a line other than the indicator's actuals."""
    before, after = old.splitlines(), new.splitlines()
    refused = UsageError(f"{path}: the edit would change other lines; record the figure by hand")
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if not all(_ACTUAL_LINE.match(line) for line in before[i1:i2]):
            raise refused
        first = _ACTUAL_LINE.match(after[j1]) if j1 < j2 else None
        if j1 < j2 and first is None:
            raise refused
        depth = len(first.group(1)) if first else 0
        for line in after[j1:j2]:
            continuation = line.strip() and len(line) - len(line.lstrip()) > depth
            if not (_ACTUAL_LINE.match(line) or continuation):
                raise refused


def record_actual(path: Path, change: ActualChange, dry_run: bool = False) -> str:
    """Record the figure (or only show it); returns the unified diff."""
    before, after = apply_actual(path, change)
    diff = unified_diff(path, before, after)
    if dry_run:
        return diff
    if path.read_bytes() != before:
        raise UsageError(f"{path}: the file changed on disk while sendplan was editing it; run the command again")
    write_atomic(path, after)
    return diff
