"""`sendplan update indicator`: record one period's figure for one indicator, changing only those lines.

Through the round-trip writer (authoring/roundtrip.py): the diff may touch only the
indicator's actuals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sendplan_cli.authoring.file_layout import encode
from sendplan_cli.authoring.roundtrip import (
    as_written,
    check_only_lines,
    check_still_valid,
    dump,
    last,
    load_round_trip,
    load_valid_plan,
    move_trailing_comment,
    refuse_controls,
    set_value,
    write_edit,
)
from sendplan_cli.ground.errors import UsageError
from sendplan_cli.ground.sanitise import one_line
from sendplan_cli.plan.dates import DateParseError, parse_figure_period
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
    today: date | None = None
    """The day the figure is recorded; a period not yet ended is refused. None leaves the period unchecked."""
    named: str = "--period"
    """How the user gave the period, for messages: the option, or a form's cell ("period")."""


def _number(text: str) -> int | float:
    from sendplan_cli.plan.kpi_model import NumberTextError, NumberTooLarge, _number

    try:
        number = _number(text)
    except NumberTooLarge:
        raise UsageError(
            f"--value {one_line(text)}: too large for a figure; check the number"
        ) from None
    except NumberTextError as exc:
        raise UsageError(f"--value {text!r} must be a number; {exc.advice}") from None
    return int(number) if re.fullmatch(r"[+-]?\d+", text.strip()) else number


def apply_actual(path: Path, change: ActualChange, raw: bytes | None = None) -> tuple[bytes, bytes]:
    """The file's bytes before and after recording the figure; raises UsageError on any problem.

    raw, when given, is the plan's text to edit in place of the file's (to chain several changes into one write)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from sendplan_cli.plan.kpi_periods import period_span

    raw, plan, _ = load_valid_plan(path, raw)
    ids = [ind.id for ind in plan.indicators]
    if change.indicator not in ids:
        close = suggest(change.indicator, ids)
        known = (
            f"; did you mean {close!r}?"
            if close
            else (f"; the indicators are: {', '.join(ids)}" if ids else "; it has none")
        )
        raise UsageError(f"{path}: no indicator with id {change.indicator!r}{known}")
    index = ids.index(change.indicator)
    indicator = plan.indicators[index]
    try:
        phrase = parse_figure_period(change.period.strip())
    except DateParseError as exc:
        raise UsageError(f"--period: {exc}") from None
    if len(phrase.periods) != 1 or phrase.end is None:
        raise UsageError(
            f'--period {change.period!r}: give one period, e.g. 2025-06, "Q1 25/26" or 2024/25'
        )
    value = _number(change.value)
    refuse_controls("--note", change.note)
    span = period_span(indicator, phrase)
    _refuse_out_of_time(change, indicator, span[1])
    spans = [period_span(indicator, a.period) for a in indicator.actuals]
    existing = spans.index(span) if span in spans else None
    if existing is not None and not change.replace:
        old = indicator.actuals[existing]
        raise UsageError(
            f"{path}: indicator {change.indicator} already has a figure for {old.period.text} "
            f"({old.value:.15g}); give --replace to correct it"
        )

    text, data, yaml, layout = load_round_trip(raw, path, "the figure")
    node = data["indicators"][index]
    if existing is not None:
        entry = node["actuals"][existing]
        entry["value"] = value
        if change.note is not None:
            set_value(entry, "note", change.note)
    else:
        entry = CommentedMap([("period", change.period.strip()), ("value", value)])
        if change.note is not None:
            entry["note"] = as_written(change.note)
        if node.get("actuals") is None:
            holder, last_key = last(node)
            node["actuals"] = CommentedSeq([entry])
            move_trailing_comment(holder, last_key, entry, list(entry.keys())[-1])
        else:
            _insert(
                node["actuals"],
                entry,
                sum(
                    1 for s in spans if s[1] is not None and span[1] is not None and s[1] < span[1]
                ),
            )
    new_text = dump(yaml, data, text)
    check_only_lines(text, new_text, path, _ACTUAL_LINE, "the figure")
    check_still_valid(new_text, path, "the figure")
    return raw, encode(new_text, layout)


def _refuse_out_of_time(change: ActualChange, indicator: Any, end: date | None) -> None:
    """A figure reports a period that is over, and after the baseline (SP405 flags those that slip in by hand)."""
    from sendplan_cli.plan.kpi_periods import before_baseline

    period = one_line(change.period.strip())
    if end is not None and change.today is not None and end >= change.today:
        after = end + timedelta(days=1)
        raise UsageError(
            f"{change.named} {period}: the period ends on {end.day} {end:%B %Y}, so its figure can be recorded "
            f"from {after.day} {after:%B %Y}; check the period"
        )
    if before_baseline(indicator, end):
        baseline = one_line(indicator.baseline.period.text)
        raise UsageError(
            f"{change.named} {period} is before indicator {one_line(indicator.id)}'s baseline ({baseline}); "
            "give a period after the baseline, or correct the baseline by hand"
        )


def _insert(actuals: Any, entry: Any, position: int) -> None:
    """Insert in period order, written like its neighbours; comments after the old last figure stay last."""
    from ruamel.yaml.tokens import CommentToken

    neighbour = actuals[position - 1] if position else (actuals[0] if len(actuals) else None)
    if (
        neighbour is not None
        and getattr(neighbour, "fa", None) is not None
        and neighbour.fa.flow_style()
    ):
        entry.fa.set_flow_style()
    actuals.insert(position, entry)
    if position != len(actuals) - 1 or position == 0:
        return
    previous = actuals[position - 1]
    if not entry.fa.flow_style() and hasattr(previous, "keys"):
        holder, last_key = last(previous)
        move_trailing_comment(holder, last_key, entry, list(entry.keys())[-1])
        return
    slot = actuals.ca.items.get(position - 1)
    if not slot or slot[0] is None:
        return
    first, _, rest = slot[0].value.partition("\n")
    if rest:
        slot[0].value = first + "\n"
        actuals.ca.items[position] = [
            CommentToken("\n" + rest, slot[0].start_mark, None),
            None,
            None,
            None,
        ]


def record_actual(path: Path, change: ActualChange, dry_run: bool = False) -> str:
    """Record the figure (or only show it); returns the unified diff."""
    return write_edit(path, lambda: apply_actual(path, change), dry_run)
