"""`sendplan update`: record one month's update for one action, changing only those lines.

The edit goes through ruamel.yaml's round-trip loader, which keeps comments, key order and
quoting. Two guards make "only those lines" a promise rather than a hope: the file must
round-trip byte for byte before the edit, and the diff after it must touch nothing outside the
action's updates. The result is validated before it is written, atomically.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sendplan_cli.authoring.atomic import (
    refuse_unsafe_replace,
    remove_stale_temporaries,
    write_atomic,
)
from sendplan_cli.authoring.lock import plan_lock
from sendplan_cli.errors import UsageError
from sendplan_cli.output.sanitise import one_line
from sendplan_cli.plan.dates import DateParseError, parse_date_phrase, parse_month
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


@dataclass(frozen=True)
class Layout:
    """How the file is written on disk, restored after the edit."""

    bom: bool
    endings: list[str]
    """Each line's own ending (LF or CRLF), so a file that mixes them keeps them line by line."""
    final_newline: bool
    lines: list[str]
    """The lines as read, to match unchanged lines with their endings after the edit."""

    @property
    def usual_ending(self) -> str:
        return "\r\n" if self.endings.count("\r\n") > len(self.endings) / 2 else "\n"


def _decode(raw: bytes, path: Path) -> tuple[str, Layout]:
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw[3 if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8; run `sendplan validate` for the exact place") from None
    parts = re.split("(\r?\n)", text)
    lines, endings = parts[0::2], parts[1::2]
    final_newline = text.endswith("\n")
    if final_newline:
        lines.pop()  # the empty text after the last break
    layout = Layout(bom=bom, endings=endings, final_newline=final_newline, lines=lines)
    return "".join(line + "\n" for line in lines), layout


def _encode(text: str, layout: Layout) -> bytes:
    """The edited text with every unchanged line's own ending; new lines take the ending of the line before."""
    new = text.split("\n")[:-1]
    endings: list[str] = []
    matcher = difflib.SequenceMatcher(a=layout.lines, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            endings += [_ending(layout, i) for i in range(i1, i2)]
        else:
            endings += [_ending(layout, i1 - 1) if i1 > 0 else layout.usual_ending] * (j2 - j1)
    out = "".join(line + ending for line, ending in zip(new, endings))
    if not layout.final_newline and new:
        out = out[: -len(endings[-1])]
    return (b"\xef\xbb\xbf" if layout.bom else b"") + out.encode("utf-8")


def _ending(layout: Layout, index: int) -> str:
    return layout.endings[index] if 0 <= index < len(layout.endings) else layout.usual_ending


def _yaml(text: str) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap long lines
    sequence_offset, mapping_indent = _indentation(text)
    yaml.indent(mapping=mapping_indent, sequence=sequence_offset + 2, offset=sequence_offset)
    return yaml


def _indentation(text: str) -> tuple[int, int]:
    """The dash offset of block sequences and the mapping indent, read off the file."""
    dash = re.search(r"^[A-Za-z_]+:\s*\n(?:\s*#.*\n|\s*\n)*( *)- ", text, re.MULTILINE)
    nested = re.search(r"^[A-Za-z_]+:\s*\n(?:\s*#.*\n|\s*\n)*( +)[A-Za-z_]+:", text, re.MULTILINE)
    return (len(dash.group(1)) if dash else 2), (len(nested.group(1)) if nested else 2)


def _dump(yaml: Any, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


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
    raise UsageError(f"{one_line(name)!r} is not a {kind} rating in this plan's scale ({names}).{one_line(hint)}")


def _move_trailing_comment(source: Any, key: Any, target: Any, target_key: Any) -> None:
    """Blank lines and comments after the old last key belong after the new last key."""
    from ruamel.yaml.tokens import CommentToken

    slot = source.ca.items.get(key)
    if not slot or len(slot) < 3 or slot[2] is None:
        return
    token = slot[2]
    first, _, rest = token.value.partition("\n")
    if not rest:
        return
    token.value = first + "\n"
    target.ca.items[target_key] = [None, None, CommentToken("\n" + rest, token.start_mark, None), None]


def _last(mapping: Any) -> tuple[Any, Any]:
    """The innermost last mapping and its last key, where a trailing comment sits."""
    key = list(mapping.keys())[-1]
    value = mapping[key]
    if hasattr(value, "keys") and len(value):
        return _last(value)
    if isinstance(value, list) and value and hasattr(value[-1], "keys"):
        return _last(value[-1])
    return mapping, key


def load_round_trip(raw: bytes, path: Path, what: str) -> tuple[str, Any, Any, Any]:
    """The plan's text, as ruamel.yaml's round-trip data, its YAML writer and the file's layout.

    Refused when writing it back unchanged would not give the same text: then sendplan could not
    change only the lines it means to."""
    text, layout = _decode(raw, path)
    yaml = _yaml(text)
    try:
        data = yaml.load(text)
        unchanged = _dump(yaml, data) == text
    except Exception as exc:  # noqa: BLE001 - ruamel.yaml raises bare errors on some valid layouts
        raise UsageError(f"{path}: sendplan cannot rewrite this file ({type(exc).__name__}: {exc}); record {what} by hand") from None
    if not unchanged:
        raise UsageError(f"{path}: sendplan cannot rewrite this file without changing its layout; record {what} by hand")
    return text, data, yaml, layout


def apply_change(path: Path, change: Change, raw: bytes | None = None) -> tuple[bytes, bytes]:
    """The file's bytes before and after recording the change; raises UsageError on any problem.

    raw, when given, is the plan's text to edit in place of the file's."""
    return apply_changes(path, [change], raw)


def apply_changes(path: Path, changes: list[Change], raw: bytes | None = None) -> tuple[bytes, bytes]:
    """The file's bytes before and after recording several changes in one edit (one read, one check, one write)."""
    from sendplan_cli.check.config import find_config
    from sendplan_cli.check.pipeline import load_model
    from sendplan_cli.plan.reading import ReadRefused, read_plan_bytes

    limit = find_config(path.resolve().parent).max_file_size
    try:
        raw = read_plan_bytes(path, limit) if raw is None else raw
    except ReadRefused as exc:
        raise UsageError(f"{path}: {exc.message}" + (f"; {exc.hint}" if exc.hint else "")) from None
    loaded, plan = load_model(path, raw=raw, max_bytes=limit)
    if plan is None or not loaded.ok:
        first = loaded.diagnostics[0] if loaded.diagnostics else None
        where = f" (line {first.line}: {one_line(first.message)})" if first else ""
        raise UsageError(f"{path}: the plan has errors{where}; run `sendplan validate` and fix them first")
    prepared = [prepare_change(path, plan, change) for change in changes]
    text, data, yaml, layout = load_round_trip(raw, path, "the update")
    for index, month, values in prepared:
        _record(data["actions"][index], month, values)
    new_text = _dump(yaml, data)
    _check_only_updates_changed(text, new_text, path)
    _check_still_valid(new_text, path)
    return raw, _encode(new_text, layout)


def prepare_change(path: Path, plan: Any, change: Change) -> tuple[int, date, dict[str, Any]]:
    """Check one change against the loaded plan: the action's index, the month, and the values to write; UsageError if wrong."""
    from sendplan_cli.plan.status import state_at

    refs = [a.ref for a in plan.actions]
    if change.ref not in refs:
        close = suggest(change.ref, refs)
        raise UsageError(f"{path}: no action with ref {change.ref!r}" + (f"; did you mean {close!r}?" if close else ""))
    index = refs.index(change.ref)
    try:
        month = parse_month(change.month)
    except DateParseError:
        raise UsageError(f"--month {change.month!r}: use YYYY-MM, e.g. 2025-01") from None
    published = plan.published.start or plan.published.end
    if published is not None and month < published.replace(day=1):
        raise UsageError(f"--month {change.month}: the plan was published in {published:%B %Y}; updates start then")
    try:
        completion = _canonical(change.completion, plan.rating_scale.completion, "completion")
        impact = _canonical(change.impact, plan.rating_scale.impact, "impact")
    except UsageError as exc:
        raise UsageError(f"{path}: {exc}") from None
    previous_due = None
    if change.due is not None:
        try:
            parse_date_phrase(change.due)
        except DateParseError as exc:
            raise UsageError(f"--due: {exc}") from None
        if not (change.comment or "").strip():
            raise UsageError("--due: a new due date must carry a --comment saying why; the board will see it")
        before = state_at(plan.actions[index], index, month - timedelta(days=1)).due
        previous_due = before.text if before else "no date"
    if change.proposed_due is not None:
        try:
            parse_date_phrase(change.proposed_due)
        except DateParseError as exc:
            raise UsageError(f"proposed date: {exc}") from None
        if not (change.proposed_due_reason or "").strip():
            raise UsageError("a proposed new date must carry the reason for it; the board will see it")
    if not any(v is not None for v in (completion, impact, change.comment, change.due, change.proposed_due)):
        raise UsageError("nothing to record: give --completion, --impact, --comment or --due")
    return index, month, {"completion": completion, "impact": impact, "commentary": change.comment,
                          "due": change.due, "previous_due": previous_due,
                          "proposed_due": change.proposed_due, "proposed_due_reason": change.proposed_due_reason}


def _record(action: Any, month: date, values: dict[str, Any]) -> None:
    """Write the values into the action's update for the month, adding it in month order if there is none."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    entry = _find_month(action.get("updates"), month)
    if entry is not None:
        for key, value in values.items():
            if value is not None:
                entry[key] = value
    else:
        entry = CommentedMap([("month", f"{month:%Y-%m}"), *((k, v) for k, v in values.items() if v is not None)])
        holder, last_key = _last(action)
        if action.get("updates") is None:
            action["updates"] = CommentedSeq()
        updates = action["updates"]
        position = sum(1 for u in updates if _month_of(u) is not None and _month_of(u) < month)
        updates.insert(position, entry)
        if position == len(updates) - 1:
            _move_trailing_comment(holder, last_key, entry, list(entry.keys())[-1])


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


def _check_only_updates_changed(old: str, new: str, path: Path) -> None:
    """Refuse any edit that touches a line it should not: only update lines may be added or changed."""
    before, after = old.splitlines(), new.splitlines()
    field = re.compile(r"^(\s*)(- )?(updates|month|completion|impact|commentary|due|previous_due|proposed_due|proposed_due_reason):")
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if not all(field.match(line) for line in before[i1:i2]):
            raise UsageError(f"{path}: the edit would change other lines; record the update by hand")
        first = field.match(after[j1]) if j1 < j2 else None
        if j1 < j2 and first is None:
            raise UsageError(f"{path}: the edit would change other lines; record the update by hand")
        depth = len(first.group(1)) if first else 0
        for line in after[j1:j2]:
            continuation = line.strip() and len(line) - len(line.lstrip()) > depth
            if not (field.match(line) or continuation):
                raise UsageError(f"{path}: the edit would change other lines; record the update by hand")


def _check_still_valid(text: str, path: Path) -> None:
    from sendplan_cli.plan.loader import LoadedPlan, load_text

    loaded = load_text(text, LoadedPlan(path=str(path), text=""))
    if not loaded.ok:
        raise UsageError(f"{path}: the update would make the plan invalid: {one_line(loaded.diagnostics[0].message)}")
    from pydantic import ValidationError

    from sendplan_cli.plan.model import Plan

    try:
        Plan.model_validate(loaded.data)
    except ValidationError as exc:
        raise UsageError(f"{path}: the update would make the plan invalid: {one_line(exc.errors()[0]['msg'])}") from None


def unified_diff(path: Path, before: bytes, after: bytes) -> str:
    old = before.decode("utf-8", errors="replace").splitlines(keepends=True)
    new = after.decode("utf-8", errors="replace").splitlines(keepends=True)
    return "".join(difflib.unified_diff(old, new, fromfile=str(path), tofile=str(path)))


def record(path: Path, change: Change, dry_run: bool = False) -> str:
    """Record the change (or only show it); returns the unified diff, empty when nothing changed.

    Reading, checking and writing happen under the plan's lock, so two updates of one plan run
    one after the other and neither change is lost.
    """
    if dry_run:
        before, after = apply_change(path, change)
        return unified_diff(path, before, after)
    refuse_unsafe_replace(path)
    with plan_lock(path):
        remove_stale_temporaries(path)
        before, after = apply_change(path, change)
        if before == after:
            return ""  # already recorded as asked: nothing to write
        # Editors do not take sendplan's lock: a save made while the plan was being edited wins.
        if path.read_bytes() != before:
            raise UsageError(f"{path}: the file changed on disk while sendplan was editing it; run the command again")
        write_atomic(path, after)
    return unified_diff(path, before, after)
