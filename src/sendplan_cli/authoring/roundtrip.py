"""The round-trip writer every `sendplan update` edit goes through.

ruamel.yaml's round-trip loader keeps comments, key order and quoting. Three guards make
"only those lines" a promise rather than a hope: the file (or, for one action, that action's
lines) must round-trip byte for byte before the edit, the diff after it may touch only the lines
the edit owns, and the result must be a valid plan before it is written, atomically and under
the plan's lock.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sendplan_cli.authoring import line_diff
from sendplan_cli.authoring.file_layout import Layout, decode
from sendplan_cli.authoring.line_diff import line_opcodes
from sendplan_cli.ground.atomic import (
    refuse_unsafe_replace,
    remove_stale_temporaries,
    write_atomic,
)
from sendplan_cli.ground.errors import UsageError
from sendplan_cli.ground.lock import plan_lock
from sendplan_cli.ground.sanitise import one_line


def yaml_for(text: str) -> Any:
    """ruamel.yaml's round-trip reader and writer, set to the file's own indentation."""
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


def dump(yaml: Any, data: Any, before: str | None = None) -> str:
    """The data as YAML text; with `before`, the text it was read from, new lines are settled where a reader expects them."""
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue() if before is None else _settle_insertions(before, out.getvalue())


def _settle_insertions(old: str, new: str) -> str:
    """Put each block of added lines above the blank lines and comments that introduce what follows it.

    ruamel.yaml keeps a comment with the key before it, so a key or entry added at the end of a
    mapping lands after a comment such as `# Area of Improvement 2` that heads the next section.
    A comment indented less than the added lines belongs to an outer block, and blank lines
    separate blocks: the added lines go above both."""
    before, after = old.splitlines(keepends=True), new.splitlines(keepends=True)
    opcodes = line_opcodes(before, after)
    for tag, _, _, j1, j2 in reversed(opcodes):
        if tag != "insert" or not any(line.strip() for line in after[j1:j2]):
            continue
        depth = min(_indent(line) for line in after[j1:j2] if line.strip())
        at = j1
        while at > 0 and (
            not after[at - 1].strip()
            or (after[at - 1].lstrip().startswith("#") and _indent(after[at - 1]) < depth)
        ):
            at -= 1
        # The diff may pair a blank line inside a block (`|`) with one after it; lines of the block stay in it.
        if at < j1 and not _inside_block(after, at - 1, depth):
            after[at:j2] = after[j1:j2] + after[at:j1]
    return "".join(after)


_BLOCK_START = re.compile(r"(?:^\s*-|:)\s*[|>][1-9]?[-+]?[1-9]?\s*(?:#.*)?$")


def _inside_block(lines: list[str], k: int, depth: int) -> bool:
    """Whether lines indented `depth` after line k would be part of a block scalar that line k starts or continues."""
    for i in range(k, -1, -1):
        if lines[i].strip() and _indent(lines[i]) < depth:
            return bool(_BLOCK_START.search(lines[i].rstrip("\r\n")))
    return False


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_block(value: Any) -> bool:
    """A block scalar (`|` or `>`) ends its own last line; a comment token after it holds only what follows."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    return isinstance(value, (LiteralScalarString, FoldedScalarString))


def move_trailing_comment(source: Any, key: Any, target: Any, target_key: Any) -> None:
    """Blank lines and comments after the old last key belong after the new last key."""
    from ruamel.yaml.tokens import CommentToken

    slot = source.ca.items.get(key)
    if not slot or len(slot) < 3 or slot[2] is None:
        return
    token = slot[2]
    if _is_block(source.get(key)):
        first, rest = "", token.value
    else:
        first, _, rest = token.value.partition("\n")
        first += "\n"
    if not rest:
        return
    if first:
        token.value = first
    else:
        slot[2] = None
    after = rest if _is_block(target.get(target_key)) else "\n" + rest
    target.ca.items[target_key] = [None, None, CommentToken(after, token.start_mark, None), None]


def set_value(mapping: Any, key: Any, value: Any) -> None:
    """Set a key to text as the next edit can change it again: a block for several lines, else a plain or quoted line.

    ruamel.yaml keeps an existing value's style for the new one, so a one-line value replacing a
    block would stay a block; and the comment token after a value holds the end of its line only
    when it is not a block, so it is adjusted when the value changes between the two."""
    from ruamel.yaml.compat import ordereddict

    was_block = _is_block(mapping.get(key))
    value = as_written(value)
    mapping[key] = value
    if was_block and not _is_block(value) and isinstance(value, str):
        ordereddict.__setitem__(mapping, key, str(value))
    slot = mapping.ca.items.get(key)
    token = slot[2] if slot and len(slot) > 2 else None
    if token is None or was_block == _is_block(value):
        return
    if was_block:
        token.value = "\n" + token.value
    elif token.value.startswith("\n"):
        token.value = token.value[1:]
        if not token.value:
            slot[2] = None


def last(mapping: Any) -> tuple[Any, Any]:
    """The innermost last mapping and its last key, where a trailing comment sits."""
    key = list(mapping.keys())[-1]
    value = mapping[key]
    if hasattr(value, "keys") and len(value):
        return last(value)
    if isinstance(value, list) and value and hasattr(value[-1], "keys"):
        return last(value[-1])
    return mapping, key


def as_written(value: Any) -> Any:
    """Text with line breaks as a YAML block (`|`), which the next edit can change again line by line.

    Left to itself ruamel.yaml writes such text as a quoted value folded over several lines with
    blank lines between them. Trailing line breaks are dropped: they mean nothing in prose, and
    a block keeping them needs a document-end marker."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, str) and "\n" in value.rstrip("\n"):
        return LiteralScalarString(value.rstrip("\n"))
    return value.rstrip("\n") if isinstance(value, str) else value


def refuse_controls(option: str, text: str | None) -> None:
    """A control character typed into an option would reach the board's screens; say so before writing anything."""
    from sendplan_cli.plan.loader import (
        BAD_IN_SCALAR,  # the loader's own rule, so the two never differ
    )

    found = BAD_IN_SCALAR.search(text or "")
    if found:
        raise UsageError(
            f"{option}: holds control character U+{ord(found.group()):04X}, which plan text may not hold; "
            "type the text again without it"
        )


def load_round_trip(raw: bytes, path: Path, what: str) -> tuple[str, Any, Any, Layout]:
    """The plan's text, as ruamel.yaml's round-trip data, its YAML writer and the file's layout.

    Refused when writing it back unchanged would not give the same text: then sendplan could not
    change only the lines it means to."""
    text, layout = decode(raw, path)
    yaml = yaml_for(text)
    try:
        data = yaml.load(text)
        unchanged = dump(yaml, data) == text
    except Exception as exc:  # noqa: BLE001 - ruamel.yaml raises bare errors on some valid layouts
        raise UsageError(_unreadable(exc, path, what)) from None
    if not unchanged:
        raise UsageError(
            f"{path}: sendplan cannot rewrite this file without changing its layout; record {what} by hand"
        )
    return text, data, yaml, layout


def _unreadable(exc: Exception, path: Path, what: str) -> str:
    """One line saying where the round-trip reader stopped, for a file the plan's own loader accepted."""
    mark, problem = getattr(exc, "problem_mark", None), getattr(exc, "problem", None)
    if mark is not None and problem:
        # ruamel.yaml is stricter than the YAML the loader accepts (a tab before a comment, say).
        return (
            f"{path}:{mark.line + 1}: sendplan cannot rewrite this file: at line {mark.line + 1}, column "
            f"{mark.column + 1}, {one_line(problem)}; change that line (a tab to spaces, say) or record {what} by hand"
        )
    return f"{path}: sendplan cannot rewrite this file ({type(exc).__name__}: {one_line(str(exc))}); record {what} by hand"


def load_valid_plan(path: Path, raw: bytes | None) -> tuple[bytes, Any, Any]:
    """The plan's bytes (read from the file unless given), its model and the loaded data with its positions.

    UsageError if it cannot be read or has errors."""
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
        raise UsageError(
            f"{path}: the plan has errors{where}; run `sendplan validate` and fix them first"
        )
    return raw, plan, loaded


def check_only_lines(old: str, new: str, path: Path, owned: re.Pattern[str], what: str) -> None:
    """Refuse any edit that touches a line the edit does not own.

    owned matches the first line of every key the edit may add or change; deeper-indented lines
    after one, and blank lines between them, are its continuation (a block scalar, a quoted value
    over several lines, a nested entry)."""
    before, after = old.splitlines(), new.splitlines()
    for tag, i1, i2, j1, j2 in line_opcodes(before, after):
        if tag == "equal":
            continue
        if not all(_belongs(before, i, owned) for i in range(i1, i2)) or not all(
            _belongs(after, j, owned) for j in range(j1, j2)
        ):
            raise UsageError(f"{path}: the edit would change other lines; record {what} by hand")


def _belongs(lines: list[str], k: int, owned: re.Pattern[str]) -> bool:
    """Whether line k is an owned key's line or part of its value."""
    line = lines[k]
    if owned.match(line):
        return True
    if not line.strip():
        # A blank line inside or just after an owned value (a paragraph break in a block, the blank
        # line closing the entry that a diff may pair with another blank line).
        before = next((i for i in range(k - 1, -1, -1) if lines[i].strip()), None)
        following = next((i for i in range(k + 1, len(lines)) if lines[i].strip()), None)
        return (before is not None and _belongs(lines, before, owned)) or (
            following is not None
            and not owned.match(lines[following])
            and _belongs(lines, following, owned)
        )
    indent = _indent(line)
    for i in range(k - 1, -1, -1):
        if lines[i].strip() and _indent(lines[i]) < indent:
            first = owned.match(lines[i])
            if first is not None:
                return len(first.group(1)) < indent
            # A less-indented line that is itself part of an owned value: an indented list inside commentary.
            return _belongs(lines, i, owned)
    return False


def check_still_valid(text: str, path: Path, what: str) -> None:
    """Refuse an edit that would leave the plan unreadable, in the words `sendplan validate` would use."""
    from sendplan_cli.check.partial import validate_parts
    from sendplan_cli.plan.loader import LoadedPlan, load_text

    loaded = load_text(text, LoadedPlan(path=str(path), text=""))
    if loaded.ok:
        validate_parts(loaded)
    if not loaded.ok:
        first = next((d for d in loaded.diagnostics if d.is_load_error), loaded.diagnostics[0])
        raise UsageError(
            f"{path}: {what} would make the plan invalid (line {first.line}: {one_line(first.message)}); "
            "nothing was written"
        )


def unified_diff(path: Path, before: bytes, after: bytes) -> str:
    old = before.decode("utf-8", errors="replace").splitlines(keepends=True)
    new = after.decode("utf-8", errors="replace").splitlines(keepends=True)
    return "".join(line_diff.unified_diff(old, new, fromfile=str(path), tofile=str(path)))


def write_edit(path: Path, edit: Callable[[], tuple[bytes, bytes]], dry_run: bool = False) -> str:
    """Make the edit (or only show it); returns the unified diff, empty when nothing changed.

    Reading, checking and writing happen under the plan's lock, so two edits of one plan run
    one after the other and neither change is lost."""
    if dry_run:
        before, after = edit()
        return unified_diff(path, before, after)
    refuse_unsafe_replace(path)
    with plan_lock(path):
        remove_stale_temporaries(path)
        before, after = edit()
        if before == after:
            return ""  # already recorded as asked: nothing to write
        # Editors do not take sendplan's lock: a save made while the plan was being edited wins.
        if path.read_bytes() != before:
            raise UsageError(
                f"{path}: the file changed on disk while sendplan was editing it; run the command again"
            )
        write_atomic(path, after)
    return unified_diff(path, before, after)
