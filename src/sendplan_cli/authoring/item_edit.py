"""Editing one entry of a plan's top-level list by round-tripping that entry's lines alone."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sendplan_cli.authoring.file_layout import decode, encode
from sendplan_cli.authoring.roundtrip import check_only_lines, check_still_valid, dump, yaml_for
from sendplan_cli.plan.positions import editor_lines_with_ends


def edit_item(
    raw: bytes,
    loaded: Any,
    key: str,
    index: int,
    edit: Callable[[Any], None],
    path: Path,
    owned: re.Pattern[str],
    what: str,
) -> bytes | None:
    """Make an edit of one entry of a top-level list by round-tripping that entry's lines alone.

    ruamel.yaml's round trip is pure Python and costs far more than checking the whole plan, so the
    entry's lines are read and written as a small document of their own and put back in place. The
    same three guards apply: the small document must round-trip unchanged, the edit may touch only
    the lines it owns, and the whole plan must still be valid. None when the entry's lines cannot be
    told apart with certainty; the caller then edits the whole file."""
    text, layout = decode(raw, path)
    lines = editor_lines_with_ends(
        text
    )  # as the loader numbers them; str.splitlines would also break at U+2028
    span = _item_span(loaded, key, index, lines)
    if span is None:
        return None
    first, end = span
    header = f"{key}:\n"
    block = "".join(lines[first:end])
    yaml = yaml_for(text)  # the whole file's indentation
    try:
        data = yaml.load(header + block)
        if dump(yaml, data) != header + block or len(data[key]) != 1:
            return None
        item = data[key][0]
        if not _same_entry(item, loaded.data[key][index]):
            return None  # the lines read are not the entry asked for
    except Exception:  # noqa: BLE001 - whatever the small document cannot do, the whole file may
        return None
    edit(item)
    edited = dump(yaml, data, header + block)
    if not edited.startswith(header):
        return None
    new_block = edited[len(header) :]
    check_only_lines(block, new_block, path, owned, what)
    new_text = "".join(lines[:first]) + new_block + "".join(lines[end:])
    check_still_valid(new_text, path, what)
    return encode(new_text, layout)


def _item_span(loaded: Any, key: str, index: int, lines: list[str]) -> tuple[int, int] | None:
    """The lines (0-based, end excluded) of one block-style entry of a top-level list, when certain.

    An entry runs from its dash to the next entry's dash, or after the last entry to the next
    top-level key or the end of the file; each boundary must be where the loader placed it."""
    items = loaded.data.get(key)
    if (
        not isinstance(items, list)
        or not 0 <= index < len(items)
        or not isinstance(items[index], dict)
    ):
        return None

    def dash_line(i: int) -> int | None:
        line, column = loaded.position((key, i))
        if not 1 <= line <= len(lines):
            return None
        lead = lines[line - 1][: column - 1]
        return line - 1 if lead.strip(" ") == "-" else None

    first = dash_line(index)
    if first is None:
        return None
    if index + 1 < len(items):
        end = dash_line(index + 1)
        return (first, end) if end is not None and end > first else None
    keys = list(loaded.data)
    after = keys[keys.index(key) + 1 :]
    if not after:
        return first, len(lines)
    line, column = loaded.position((after[0],), key=True)
    if (
        column != 1
        or not first < line <= len(lines)
        or not lines[line - 1].lstrip("\"'").startswith(after[0])
    ):
        return None
    return first, line - 1


def _same_entry(read: Any, loaded: Any) -> bool:
    """The entry read from the lines has the loaded entry's keys, in order, and its first value (an action's ref)."""
    return list(read) == list(loaded) and str(next(iter(read.values()), "")) == str(
        next(iter(loaded.values()), "")
    )
