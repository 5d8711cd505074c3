"""`sendplan update paper`: write the board paper's own words for one month into `papers:`.

Through the round-trip writer (authoring/roundtrip.py). The edit owns the plan's `papers:`
block only: every changed line must lie inside it, before and after.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sendplan_cli.authoring.file_layout import encode
from sendplan_cli.authoring.roundtrip import (
    check_still_valid,
    dump,
    last,
    load_round_trip,
    load_valid_plan,
    move_trailing_comment,
    refuse_controls,
    write_edit,
)
from sendplan_cli.ground.errors import UsageError
from sendplan_cli.plan.dates import DateParseError, parse_month

# The entry's keys in the order the plan's schema lists them, so a new key lands where a reader expects it.
FIELDS = (
    "month",
    "meeting_date",
    "author",
    "purpose",
    "decisions_sought",
    "summary",
    "impact",
    "voice",
    "risks",
    "next_steps",
)
_OPTION = {"decisions_sought": "decision", "risks": "risk", "next_steps": "next-step"}
_TOP_LEVEL_KEY = re.compile(r"^[^\s#-][^:]*:")


@dataclass(frozen=True)
class PaperChange:
    """The parts of one month's entry to set; an empty text or list removes that part."""

    month: str
    values: dict[str, str | list[str]] = field(default_factory=dict)
    named: str = "--"
    """What goes before a part's name in its option, for messages: `--` (`--purpose`), or `--paper-` as `update` spelt it before."""


def apply_paper(path: Path, change: PaperChange, raw: bytes | None = None) -> tuple[bytes, bytes]:
    """The file's bytes before and after writing the entry; raises UsageError on any problem."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    raw, plan, _ = load_valid_plan(path, raw)
    month = _month(change.month, plan)
    values = {key: _value(key, value, change.named) for key, value in change.values.items()}
    if not values:
        raise UsageError(
            f"nothing to record: give at least one part of the paper, e.g. {change.named}purpose"
        )
    text, data, yaml, layout = load_round_trip(raw, path, "the paper's words")
    papers = data.get("papers")
    entry = next((e for e in papers or [] if _month_of(e) == month), None)
    if entry is None:
        entry = CommentedMap([("month", f"{month:%Y-%m}")])
        _set(entry, values)
        if papers is None:
            holder, last_key = last(data)
            data["papers"] = CommentedSeq([entry])
            move_trailing_comment(holder, last_key, entry, list(entry.keys())[-1])
        else:
            papers.insert(sum(1 for e in papers if (_month_of(e) or date.min) < month), entry)
    else:
        _set(entry, values)
    if len(entry) == 1:
        raise UsageError(
            f"nothing left to write: the entry for {month:%Y-%m} would hold only its month; "
            "to remove the whole entry, delete it from the plan by hand"
        )
    new_text = dump(yaml, data, text)
    _check_only_papers_changed(text, new_text, path)
    check_still_valid(new_text, path, "the paper's words")
    return raw, encode(new_text, layout)


def record_paper(path: Path, change: PaperChange, dry_run: bool = False) -> str:
    """Write the entry (or only show it); returns the unified diff, empty when nothing changed."""
    return write_edit(path, lambda: apply_paper(path, change), dry_run)


def _month(text: str, plan: Any) -> date:
    try:
        month = parse_month(text)
    except DateParseError:
        raise UsageError(f"--month {text!r}: use YYYY-MM, e.g. 2025-06") from None
    published = plan.published.start or plan.published.end
    if published is not None and month < published.replace(day=1):
        raise UsageError(
            f"--month {text}: the plan was published in {published:%B %Y}; board papers start then"
        )
    return month


def _value(key: str, value: str | list[str], named: str) -> Any:
    """The value as the plan writes it: a date as YYYY-MM-DD, several lines as a block, none to remove."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    for text in value if isinstance(value, list) else [value]:
        refuse_controls(f"{named}{_OPTION.get(key, key).replace('_', '-')}", text)
    if key == "meeting_date" and isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise UsageError(
                f"{named}meeting-date {value!r}: give the date as YYYY-MM-DD, e.g. 2025-06-24"
            ) from None
    if isinstance(value, list):
        items = [v.strip() for v in value if v.strip()]
        return [LiteralScalarString(v) if "\n" in v else v for v in items] or None
    value = value.strip()
    return (LiteralScalarString(value) if "\n" in value else value) or None


def _set(entry: Any, values: dict[str, Any]) -> None:
    from ruamel.yaml.comments import CommentedSeq

    for key, value in values.items():
        if value is None:
            entry.pop(key, None)
            continue
        value = CommentedSeq(value) if isinstance(value, list) else value
        if key in entry:
            entry[key] = value
        else:
            later = [k for k in FIELDS[FIELDS.index(key) + 1 :] if k in entry]
            position = list(entry.keys()).index(later[0]) if later else len(entry)
            entry.insert(position, key, value)


def _month_of(entry: Any) -> date | None:
    try:
        return parse_month(str(entry.get("month")))
    except (DateParseError, AttributeError):
        return None


def _papers_block(lines: list[str]) -> range:
    """The lines of the top-level `papers:` key and everything under it; empty if there is none."""
    start = next((i for i, line in enumerate(lines) if line.startswith("papers:")), None)
    if start is None:
        return range(0)
    end = next(
        (i for i in range(start + 1, len(lines)) if _TOP_LEVEL_KEY.match(lines[i])), len(lines)
    )
    return range(start, end)


def _check_only_papers_changed(old: str, new: str, path: Path) -> None:
    before, after = old.splitlines(), new.splitlines()
    old_block, new_block = _papers_block(before), _papers_block(after)
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        a=before, b=after, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            continue
        if not (
            all(i in old_block for i in range(i1, i2))
            and all(j in new_block for j in range(j1, j2))
        ):
            raise UsageError(
                f"{path}: the edit would change other lines; write the paper's words by hand"
            )
