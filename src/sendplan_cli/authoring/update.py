"""`sendplan update action`: record one month's update for one action, changing only those lines.

Through the round-trip writer (authoring/roundtrip.py): the diff may touch nothing outside the
action's updates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sendplan_cli.authoring.evidence_item import EvidenceCited, add_evidence, evidence_item
from sendplan_cli.authoring.file_layout import encode
from sendplan_cli.authoring.item_edit import edit_item
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
from sendplan_cli.plan.dates import (
    DateParseError,
    month_error,
    not_yet_begun,
    parse_date_phrase,
    parse_month,
)
from sendplan_cli.plan.locate import suggest


@dataclass(frozen=True)
class Change:
    """What the user asked to record."""

    ref: str
    month: str
    completion: str | None = None
    impact: str | None = None
    comment: str | None = None
    due: str | None = None
    proposed_due: str | None = None
    """A new date the lead proposes for the board; recorded as a proposal, never as the agreed `due`."""
    proposed_due_reason: str | None = None
    today: date | None = None
    """The day the update is made; an update for a later month is refused. None leaves the month unchecked."""
    evidence: EvidenceCited | None = None
    """A document the month's update cites; appended to the update's `evidence:`."""


_REMOVE = object()  # a value that takes the key out of the month's update
_DATE_FORMS = "write a month such as March 2026 or a day such as 31/03/2026"
_UPDATE_LINE = re.compile(
    r"^(\s*)(- )?(updates|month|completion|impact|commentary|due|previous_due|proposed_due|proposed_due_reason|evidence):"
)


def _canonical(name: str | None, ratings: list[Any], kind: str) -> str | None:
    if name is None:
        return None
    from sendplan_cli.plan.scale import normalise

    for rating in ratings:
        if normalise(rating.name) == normalise(name):
            return str(rating.name)
    close = suggest(name, [r.name for r in ratings])
    hint = f" Did you mean '{close}'?" if close else ""
    names = ", ".join(one_line(r.name) for r in ratings)
    article = "an" if kind[0] in "aeiou" else "a"
    raise UsageError(
        f"{one_line(name)!r} is not {article} {kind} rating in this plan's scale ({names}).{one_line(hint)}"
    )


def apply_change(path: Path, change: Change, raw: bytes | None = None) -> tuple[bytes, bytes]:
    """The file's bytes before and after recording the change; raises UsageError on any problem.

    raw, when given, is the plan's text to edit in place of the file's."""
    return apply_changes(path, [change], raw)


def apply_changes(
    path: Path, changes: list[Change], raw: bytes | None = None
) -> tuple[bytes, bytes]:
    """The file's bytes before and after recording several changes in one edit (one read, one check, one write)."""
    raw, plan, loaded = load_valid_plan(path, raw)
    indexes = action_indexes(plan)
    prepared = [prepare_change(path, plan, change, indexes) for change in changes]
    if len({index for index, _, _ in prepared}) == 1:

        def edit(action: Any) -> None:
            for _, month, values in prepared:
                _record(action, month, values)

        after = edit_item(
            raw, loaded, "actions", prepared[0][0], edit, path, _UPDATE_LINE, "the update"
        )
        if after is not None:
            return raw, after
    text, data, yaml, layout = load_round_trip(raw, path, "the update")
    for index, month, values in prepared:
        _record(data["actions"][index], month, values)
    new_text = dump(yaml, data, text)
    check_only_lines(text, new_text, path, _UPDATE_LINE, "the update")
    check_still_valid(new_text, path, "the update")
    return raw, encode(new_text, layout)


def action_indexes(plan: Any) -> dict[str, int]:
    """Each ref's action index (the first action with it), built once for a batch of changes."""
    indexes: dict[str, int] = {}
    for index, action in enumerate(plan.actions):
        indexes.setdefault(action.ref, index)
    return indexes


def prepare_change(
    path: Path, plan: Any, change: Change, indexes: dict[str, int] | None = None
) -> tuple[int, date, dict[str, Any]]:
    """Check one change against the loaded plan: the action's index, the month, and the values to write; UsageError if wrong.

    `indexes` (from action_indexes) saves listing every ref for each change of a large import."""
    from sendplan_cli.plan.action_state import state_at

    indexes = action_indexes(plan) if indexes is None else indexes
    if change.ref not in indexes:
        close = suggest(change.ref, list(indexes))
        raise UsageError(
            f"{path}: no action with ref {change.ref!r}"
            + (f"; did you mean {close!r}?" if close else "")
        )
    index = indexes[change.ref]
    try:
        month = parse_month(change.month)
    except DateParseError as exc:
        raise UsageError(f"--month: {month_error(change.month, exc)}") from None
    published = plan.published.start or plan.published.end
    if published is not None and month < published.replace(day=1):
        raise UsageError(
            f"--month {change.month}: the plan was published in {published:%B %Y}; updates start then"
        )
    if change.today is not None and not_yet_begun(month, change.today):
        raise UsageError(
            f"--month {month:%Y-%m} has not started yet; record its update from 1 {month:%B %Y}, "
            f"or give this month, {change.today:%Y-%m}"
        )
    try:
        completion = _canonical(change.completion, plan.rating_scale.completion, "completion")
        impact = _canonical(change.impact, plan.rating_scale.impact, "impact")
    except UsageError as exc:
        raise UsageError(f"{path}: {exc}") from None
    refuse_controls("--comment", change.comment)
    refuse_controls("--reason", change.proposed_due_reason)
    for option, text, what in (
        ("--comment", change.comment, "the commentary for the board"),
        ("--reason", change.proposed_due_reason, "why the lead proposes the new date"),
    ):
        if text is not None and not text.strip():
            raise UsageError(f"{option} is empty; write {what}, or leave {option} out")
    previous_due = None
    if change.due is not None:
        try:
            parse_date_phrase(change.due)
        except DateParseError as exc:
            raise UsageError(f"--due: {exc}; {_DATE_FORMS}") from None
        if not (change.comment or "").strip():
            raise UsageError(
                "--due: a new due date must carry a --comment saying why; the board will see it"
            )
        before = state_at(plan.actions[index], index, month - timedelta(days=1)).due
        previous_due = before.text if before else "no date"
    proposed: Any = change.proposed_due
    reason: Any = change.proposed_due_reason
    if change.proposed_due is not None and change.due is not None:
        raise UsageError(
            "give --due (a date the board has agreed) or --propose-due (a date for the board to agree), not both"
        )
    if change.proposed_due is not None and not change.proposed_due.strip():
        proposed = reason = _withdraw(plan.actions[index], month, change)
    elif change.proposed_due is not None:
        try:
            end = parse_date_phrase(change.proposed_due).end
        except DateParseError as exc:
            raise UsageError(f"--propose-due: {exc}; {_DATE_FORMS}") from None
        if end is not None and end < month:
            raise UsageError(
                f"--propose-due {change.proposed_due!r} is before {month:%B %Y}; propose a date still to come"
            )
        if not (change.proposed_due_reason or "").strip():
            raise UsageError(
                "--propose-due: a proposed new date must carry --reason saying why; the board will see it"
            )
    elif change.proposed_due_reason is not None:
        raise UsageError("--reason goes with --propose-due: give the proposed date too")
    evidence = evidence_item(path, change.evidence, month)
    if evidence is None and not any(
        v is not None for v in (completion, impact, change.comment, change.due, change.proposed_due)
    ):
        raise UsageError(
            "nothing to record: give --completion, --impact, --comment, --due, --propose-due or --evidence"
        )
    return (
        index,
        month,
        {
            "completion": completion,
            "impact": impact,
            "commentary": change.comment,
            "due": change.due,
            "previous_due": previous_due,
            "proposed_due": proposed,
            "proposed_due_reason": reason,
            "evidence": evidence,
        },
    )


def _withdraw(action: Any, month: date, change: Change) -> object:
    """`--propose-due ""` takes back the month's proposal: the marker that removes it and its reason."""
    if change.proposed_due_reason:
        raise UsageError('--propose-due "" takes a proposal back; leave out --reason')
    if not any(u.month == month and u.proposed_due is not None for u in action.updates):
        raise UsageError(
            f"action {change.ref} has no proposed date recorded for {month:%B %Y}; there is nothing to take back"
        )
    return _REMOVE


def _record(action: Any, month: date, values: dict[str, Any]) -> None:
    """Write the values into the action's update for the month, adding it in month order if there is none."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    values = dict(values)
    evidence = values.pop("evidence", None)
    entry = _find_month(action.get("updates"), month)
    if entry is not None:
        for key, value in values.items():
            if value is _REMOVE:
                entry.pop(key, None)
            elif value is not None:
                set_value(entry, key, value)
    else:
        entry = CommentedMap(
            [
                ("month", f"{month:%Y-%m}"),
                *((k, as_written(v)) for k, v in values.items() if v is not None),
            ]
        )
        holder, last_key = last(action)
        if action.get("updates") is None:
            action["updates"] = CommentedSeq()
        updates = action["updates"]
        position = sum(1 for u in updates if (_month_of(u) or date.max) < month)
        updates.insert(position, entry)
        if position == len(updates) - 1:
            move_trailing_comment(holder, last_key, entry, list(entry.keys())[-1])
    if evidence is not None:
        add_evidence(entry, evidence)


def _month_of(update: Any) -> date | None:
    try:
        return parse_month(str(update.get("month")))
    except (DateParseError, AttributeError):
        return None


def _find_month(updates: Any, month: date) -> Any:
    for update in updates or []:
        if _month_of(update) == month:
            return update
    return None


def record(path: Path, change: Change, dry_run: bool = False) -> str:
    """Record the change (or only show it); returns the unified diff, empty when nothing changed.

    Reading, checking and writing happen under the plan's lock, so two updates of one plan run
    one after the other and neither change is lost.
    """
    return write_edit(path, lambda: apply_change(path, change), dry_run)
