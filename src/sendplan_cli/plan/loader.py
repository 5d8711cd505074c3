"""Read a plan file into plain Python data plus the line and column of every node.

The fast path: libyaml (through PyYAML) produces parse events that carry marks, and
an iterative builder turns them into dicts, lists and strings. Building the tree
ourselves keeps every position, refuses duplicate keys, counts alias expansion before
anything walks the data, and bounds nesting depth without recursion. Round-trip
editing (which must keep comments) uses ruamel.yaml elsewhere.

Scalars stay as the text the author wrote (a plain ``null``, ``~`` or empty value is
None): an action ref ``2.10`` must not become the float 2.1, and ``NO`` stays ``NO``
whatever the %YAML version says. The model converts text to numbers or dates where
it expects them.
"""

from __future__ import annotations

import gc
import re
import sys
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sendplan_cli.plan.diagnostics import LOAD_CODES, Diagnostic, Severity
from sendplan_cli.plan.positions import LineIndex, byte_position, has_yaml_only_breaks
from sendplan_cli.plan.reading import ReadRefused, read_plan_bytes

Pointer = tuple[str | int, ...]
Position = tuple[int, int]

MAX_DEPTH = 64
MAX_ALIAS_EXPANSION = 10_000
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_CORE_TAGS = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
# Characters YAML does not allow (the complement of c-printable), as a small class that compiles fast.
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# Every byte but the ASCII controls YAML refuses: what is left after deleting these is such a control.
_NOT_ASCII_CONTROL = bytes(range(0x20, 0x7F)) + b"\t\n\r" + bytes(range(0x80, 0x100))
# What a double-quoted scalar may not hold once its escapes are read: every C0 and C1 control but
# newline and tab, which are ordinary in prose ("Line one\nLine two"). "\e", "\a", "\r", "\x85" and
# "\u001b" are refused like the raw characters, so plan text can never carry a terminal control.
BAD_IN_SCALAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)
_SHORT_ESCAPES = {
    "0": "\x00",
    "a": "\x07",
    "b": "\x08",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    "N": "\x85",
}

# Positions are packed into one 64-bit integer: 32 bits each, so neither lines nor columns wrap.
_SHIFT = 32
_MASK = (1 << _SHIFT) - 1


def _pack(line: int, column: int) -> int:
    return (line << _SHIFT) | min(column, _MASK)


def _unpack(packed: int) -> Position:
    return packed >> _SHIFT, packed & _MASK


@dataclass
class LoadedPlan:
    """A plan file read into data, with positions for every key and value."""

    path: str
    text: str
    data: Any = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    root: int = _pack(1, 1)
    tables: dict[int, array] = field(default_factory=dict)
    """Per container (by id): packed positions in order; for a mapping, key then value for each entry.

    Flat integer arrays beside the data cost a few bytes a node, where a dict of pointer tuples
    cost several times the size of the file."""
    _keys: dict[int, dict[str, int]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.data is not None and not any(
            d.severity is Severity.ERROR for d in self.diagnostics
        )

    def position(self, pointer: Pointer, *, key: bool = False) -> Position:
        """Where a node (or with key=True, its key) starts; the nearest located ancestor when it has no mark."""
        best, node, tables, last = self.root, self.data, self.tables, len(pointer) - 1
        for depth, part in enumerate(pointer):
            table = tables.get(id(node))
            if table is None:
                break
            if isinstance(node, dict) and part in node:
                index = 2 * self._key_index(node)[part]  # type: ignore[index]  # a mapping's keys are text
                if key and depth == last:
                    return _unpack(table[index])
                index += 1
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                index = part
            else:
                break
            best, node = table[index], node[part]
        return _unpack(best)

    def _key_index(self, mapping: dict[str, Any]) -> dict[str, int]:
        """Each key's place in a mapping, the order its positions are packed in; built once a mapping.

        Rules locate thousands of findings, each through a few mappings; the loaded data is never
        changed after loading (check/partial.py repairs a copy), so the places stay right."""
        found = self._keys.get(id(mapping))
        if found is None:
            found = self._keys[id(mapping)] = {name: i for i, name in enumerate(mapping)}
        return found

    def error(
        self,
        name: str,
        message: str,
        where: Position,
        hint: str | None = None,
        pointer: Pointer = (),
    ) -> None:
        self.diagnostics.append(
            Diagnostic(
                path=self.path,
                line=where[0],
                column=where[1],
                code=LOAD_CODES[name],
                name=name,
                severity=Severity.ERROR,
                message=message,
                hint=hint,
                pointer=format_pointer(pointer),
            )
        )


def format_pointer(pointer: Pointer) -> str:
    out = ""
    for part in pointer:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Stop(Exception):
    """Loading cannot go on; the diagnostic is already recorded."""


class _ParserRefused(_Stop):
    """The YAML parser itself refused the text; the diagnostic is already recorded."""


def read_text(path: Path, plan: LoadedPlan, raw: bytes) -> str | None:
    """Decode UTF-8 (a BOM is allowed), locating bad bytes and control characters."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        plan.error(
            "encoding-error",
            "the file is UTF-16; plans must be UTF-8",
            (1, 1),
            "save the file as UTF-8",
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        plan.error(
            "encoding-error",
            f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
            byte_position(raw, exc.start),
            "save the file as UTF-8",
        )
        return None
    bad = _first_bad_char(text, raw)
    if bad:
        plan.error(
            "encoding-error",
            f"control character U+{ord(bad.group()):04X} is not allowed in YAML",
            LineIndex(text).at(bad.start()),
            "delete the character",
        )
        return None
    return text


def _first_bad_char(text: str, raw: bytes) -> re.Match[str] | None:
    """_BAD_CHAR's first match in text (decoded from raw), searched only when the bytes could hold one.

    Scanning the bytes is some twenty times faster than the regular expression over the text. In
    strict UTF-8 a C1 control is \\xc2 and a byte from \\x80 to \\x9f, and U+FFFE and U+FFFF are
    \\xef\\xbf\\xbe and \\xef\\xbf\\xbf; surrogates never decode. Text with a \\xc2 (a pound sign, a
    no-break space) is searched in full."""
    if not raw.translate(None, _NOT_ASCII_CONTROL) and (
        text.isascii()
        or (b"\xc2" not in raw and b"\xef\xbf\xbe" not in raw and b"\xef\xbf\xbf" not in raw)
    ):
        return None
    return _BAD_CHAR.search(text)


def load_plan(path: Path, display: str | None = None, max_bytes: int | None = None) -> LoadedPlan:
    """Read and parse one plan file (a regular file of at most max_bytes); problems become diagnostics."""
    plan = LoadedPlan(path=display or str(path), text="")
    try:
        raw = read_plan_bytes(path, max_bytes)
    except ReadRefused as exc:
        plan.error("unreadable-file", exc.message, (1, 1), exc.hint)
        return plan
    text = read_text(path, plan, raw)
    if text is None:
        return plan
    return load_text(text, plan)


def load_text(text: str, plan: LoadedPlan) -> LoadedPlan:
    """Parse YAML text into plan.data and its position index."""
    plan.text = text
    import yaml

    enabled = gc.isenabled()
    gc.disable()  # the builder allocates many small objects that are never cyclic garbage
    try:
        plan.data = _build(plan, text, yaml)
    finally:
        if enabled:
            gc.enable()
    if plan.data is None and not plan.diagnostics:
        plan.error(
            "not-a-plan",
            "the file holds no YAML document",
            (1, 1),
            "start from `sendplan new` or a bundled plan",
        )
    return plan


def _build(plan: LoadedPlan, text: str, yaml: Any) -> Any:
    """Build with libyaml when it accepts the text; otherwise let the pure-Python parser give the verdict.

    libyaml's limits and wording change between PyYAML patch releases (6.0.4 refuses flow
    nesting past 1,000 levels with its own error), while PyYAML's Python parser is the same
    code in every supported release. Refused input is rare, so its slower second pass costs
    nothing on a valid plan, and every machine gives the same answer to the same bad file.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return _Builder(plan).build(text, fast)
        except _ParserRefused:
            plan.diagnostics.clear()
            plan.tables.clear()
            plan._keys.clear()
        except _Stop:
            return None
    try:
        return _Builder(plan).build(text, yaml.SafeLoader)
    except (_Stop, _ParserRefused):
        return None


def _escaped_char(code: str) -> str:
    """The character a YAML escape (without its backslash) writes; empty for one that writes no control."""
    if len(code) == 1:
        return _SHORT_ESCAPES.get(code, "")
    value = int(code[1:], 16)
    return chr(value) if value <= 0x10FFFF else ""


@dataclass(slots=True)
class _Frame:
    container: Any
    pointer: Pointer
    anchor: str | None
    table: array
    size: int = 1
    key: str | None = None
    slot: int = -1
    """Index of the pending key's value in `table`; -1 when a key is expected next."""
    is_list: bool = False


class _Builder:
    def __init__(self, plan: LoadedPlan) -> None:
        self.plan = plan
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.expanded = 0
        self.stack: list[_Frame] = []
        self.documents = 0
        self.root: Any = None
        self.text = ""
        self.remap = False
        self._lines: LineIndex | None = None

    def build(self, text: str, loader_cls: Any) -> Any:
        import yaml

        self.text = text
        # The parser's own line numbers are right unless the text holds a break only YAML counts.
        self.remap = has_yaml_only_breaks(text)
        try:
            parser = loader_cls(text)
            try:
                self._run(
                    iter(parser.get_event, None), yaml.events
                )  # get_event gives None after the stream's end
            finally:
                parser.dispose()  # as yaml.parse does: the pure-Python parser's states refer back to it
        except yaml.MarkedYAMLError as exc:
            self._syntax_error(exc)
            raise _ParserRefused from None
        except (
            ValueError,
            OverflowError,
        ):  # an escape beyond Unicode (\UFFFFFFFF) breaks the parser itself
            where = (1, 1)
            for match in re.finditer(r"\\U([0-9a-fA-F]{8})", text):
                if int(match.group(1), 16) > 0x10FFFF:
                    where = self._at_index(match.start())
                    break
            self.plan.error(
                "yaml-syntax",
                "an escape such as \\UFFFFFFFF writes no Unicode character",
                where,
                "Unicode ends at \\U0010FFFF; write the character itself",
            )
            raise _ParserRefused from None
        except yaml.YAMLError:  # reader errors: bad characters were screened out already
            self.plan.error(
                "yaml-syntax",
                "the YAML reader stopped at a character it cannot read",
                (1, 1),
                "save the file as UTF-8 text from a text editor, and check its first lines",
            )
            raise _ParserRefused from None
        return self.root

    def _syntax_error(self, exc: Any) -> None:
        """One located yaml-syntax finding in plain words (plan/yaml_syntax.py), with what to check."""
        from sendplan_cli.plan.positions import editor_lines
        from sendplan_cli.plan.yaml_syntax import explain

        text, context = self.text, str(exc.context or "")
        # An unclosed quote or a key without its colon is best shown where it starts, not where the reader gave up.
        starts = exc.context_mark is not None and (
            "quoted scalar" in context or "simple key" in context
        )
        mark = exc.context_mark if starts else (exc.problem_mark or exc.context_mark)
        where = self._position(mark) if mark else (1, 1)
        if (
            mark
            and 0 <= mark.index < len(text)
            and text[mark.index] == "\t"
            or "tab" in str(exc.problem or "")
        ):
            self.plan.error(
                "yaml-syntax",
                "a tab character is used for indentation here",
                where,
                "indent with spaces, not tabs",
            )
            return
        lines = editor_lines(text)
        line = lines[where[0] - 1] if 0 < where[0] <= len(lines) else ""
        above = lines[where[0] - 2] if 1 < where[0] <= len(lines) + 1 else None
        message, hint = explain(str(exc.problem or ""), context, line, above, where[1])
        self.plan.error("yaml-syntax", message, where, hint)

    def _run(self, events: Any, yaml_events: Any) -> None:
        """Feed every event to the builder; the common case, a scalar inside a container, is placed here.

        A plan is mostly scalars, so this loop is where loading spends its time: it does what
        _scalar, _place and _key do for them with locals and no calls, as it does for opening
        and closing a nested container, and hands anything unusual (a tag, an anchor, a control
        escape, a duplicate key, a container as a key, too deep a nesting) to them."""
        stack, remap, size = self.stack, self.remap, len(self.text)
        scalar_event = yaml_events.ScalarEvent
        nulls, bad, core, shift, mask, intern = (
            _NULLS,
            BAD_IN_SCALAR,
            _CORE_TAGS,
            _SHIFT,
            _MASK,
            sys.intern,
        )
        ends = (yaml_events.MappingEndEvent, yaml_events.SequenceEndEvent)
        map_start, seq_start = yaml_events.MappingStartEvent, yaml_events.SequenceStartEvent
        tables = self.plan.tables
        for event in events:
            cls = event.__class__
            if cls is not scalar_event or not stack or remap or event.anchor:
                if cls in ends and not stack[-1].anchor and len(stack) > 1:
                    frame = stack.pop()
                    stack[-1].size += frame.size
                elif (
                    (cls is map_start or cls is seq_start)
                    and stack
                    and not remap
                    and not event.anchor
                    and event.tag is None
                    and len(stack) < MAX_DEPTH
                    and event.start_mark.index < size
                    and (stack[-1].is_list or stack[-1].slot >= 0)
                ):
                    mark, frame = event.start_mark, stack[-1]
                    column = mark.column + 1
                    packed = ((mark.line + 1) << shift) | (column if column < mask else mask)
                    container: Any = {} if cls is map_start else []
                    if frame.is_list:
                        frame.table.append(packed)
                        frame.container.append(container)
                        pointer: Pointer = (*frame.pointer, len(frame.container) - 1)
                    else:
                        frame.table[frame.slot] = packed
                        frame.container[frame.key] = container
                        pointer = (*frame.pointer, frame.key)  # type: ignore[arg-type]  # set with the slot
                        frame.slot = -1
                    table = array("q")
                    tables[id(container)] = table
                    stack.append(_Frame(container, pointer, None, table, is_list=cls is seq_start))
                else:
                    self._event(event)
                continue
            tag = event.tag
            if tag is not None and tag != "!" and tag not in core:
                self._event(event)  # refused with its message
                continue
            value, style = event.value, event.style
            if (
                style == '"' and not value.isprintable() and bad.search(value)
            ):  # every such character is unprintable
                self._escaped_control(event)
            # The length test spares hashing long text: no null spelling is longer than four characters.
            if (
                not style and len(value) < 5 and value in nulls and event.implicit[0]
            ) or tag == "tag:yaml.org,2002:null":
                value = None
            mark = event.start_mark
            if mark.index >= size:
                packed = _pack(*self._position(mark))
            else:
                column = mark.column + 1
                packed = ((mark.line + 1) << shift) | (column if column < mask else mask)
            frame = stack[-1]
            frame.size += 1
            if frame.is_list:
                frame.table.append(packed)
                frame.container.append(value)
            elif frame.slot >= 0:
                frame.table[frame.slot] = packed
                frame.container[frame.key] = value
                frame.slot = -1
            else:
                key = "null" if value is None else value
                if key in frame.container:  # every earlier key has its value by now
                    self._key(frame, value, event, packed)  # a duplicate: reported there
                    continue
                key = intern(key)  # a plan repeats the same few keys thousands of times
                table = frame.table
                table.append(packed)
                table.append(packed)
                frame.slot = len(table) - 1
                frame.key = key

    def _position(self, mark: Any) -> Position:
        """Where a parser mark is as an editor shows it; the end of the file is on its last line."""
        if not self.remap and mark.index < len(self.text):
            return mark.line + 1, mark.column + 1
        return self._at_index(mark.index)

    def _at_index(self, index: int) -> Position:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines.at(index)

    def _where(self, event: Any) -> Position:  # for diagnostics only
        return self._position(event.start_mark)

    def _event(self, event: Any) -> None:
        kind = type(event).__name__
        if kind == "DocumentStartEvent":
            self.documents += 1
            if self.documents > 1:
                self.plan.error(
                    "unsupported-yaml",
                    "the file holds several YAML documents; a plan is one document",
                    self._where(event),
                    "keep one plan per file and remove the `---` separator",
                )
                raise _Stop
        elif kind == "ScalarEvent":
            self._scalar(event)
        elif kind in ("MappingStartEvent", "SequenceStartEvent"):
            self._check_tag(event, "tag:yaml.org,2002:" + ("map" if kind[0] == "M" else "seq"))
            if len(self.stack) >= MAX_DEPTH:
                self.plan.error(
                    "unsupported-yaml",
                    f"nesting is deeper than {MAX_DEPTH} levels",
                    self._where(event),
                    "a plan needs only a few levels of nesting",
                )
                raise _Stop
            container: Any = {} if kind[0] == "M" else []
            pointer = self._place(container, event, size=0)
            table = array("q")
            self.plan.tables[id(container)] = table
            self.stack.append(
                _Frame(container, pointer, event.anchor, table, is_list=kind[0] == "S")
            )
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            frame = self.stack.pop()
            if frame.anchor:
                self.anchors[frame.anchor] = (frame.container, frame.size)
            if self.stack:
                self.stack[-1].size += frame.size
        elif kind == "AliasEvent":
            self._alias(event)

    def _check_tag(self, event: Any, default: str) -> None:
        tag = event.tag
        if tag in (None, "!") or tag == default or tag in _CORE_TAGS:
            return
        self.plan.error(
            "unsupported-yaml",
            f"the tag {tag} is not allowed in a plan",
            self._where(event),
            "remove the tag; plans hold plain text, lists and mappings",
        )
        raise _Stop

    def _scalar(self, event: Any) -> None:
        self._check_tag(event, "tag:yaml.org,2002:str")
        value: str | None = event.value
        if event.style == '"' and BAD_IN_SCALAR.search(event.value):
            self._escaped_control(event)
        plain = event.style in (None, "") and event.implicit[0]
        if (plain and value in _NULLS) or event.tag == "tag:yaml.org,2002:null":
            value = None
        self._place(value, event, size=1)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)

    def _escaped_control(self, event: Any) -> None:
        """Locate the first escape in a double-quoted scalar that writes a control character, and stop."""
        start, end = event.start_mark.index, event.end_mark.index
        for match in _ESCAPE.finditer(self.text, start, end):
            code = match.group(1)
            char = _escaped_char(code)
            if BAD_IN_SCALAR.fullmatch(char):
                where, written = self._at_index(match.start()), match.group()
                break
        else:  # not reached for text the parser accepted; locate the scalar itself
            where, written = self._where(event), "an escape"
            char = BAD_IN_SCALAR.search(event.value).group()  # type: ignore[union-attr]
        kind = "control character" if ord(char) < 0xA0 else "code point"
        self.plan.error(
            "encoding-error",
            f"{written} writes {kind} U+{ord(char):04X}, which plan text may not hold",
            where,
            "delete it; use \\n for a new line, or a block scalar (|) for several lines",
        )
        raise _Stop  # like a raw control character: the text goes no further, not even into a message

    def _alias(self, event: Any) -> None:
        if event.anchor not in self.anchors:
            self.plan.error(
                "unsupported-yaml",
                f"the alias *{event.anchor} refers to no complete anchor",
                self._where(event),
                "define the anchor (&name) before using it, outside itself",
            )
            raise _Stop
        value, size = self.anchors[event.anchor]
        self.expanded += size
        if self.expanded > MAX_ALIAS_EXPANSION:
            self.plan.error(
                "unsupported-yaml",
                f"aliases expand to more than {MAX_ALIAS_EXPANSION} nodes",
                self._where(event),
                "write the content out instead of nesting aliases",
            )
            raise _Stop
        self._place(value, event, size=size)

    def _place(self, value: Any, event: Any, size: int) -> Pointer:
        """Attach a node to its parent and record its position; return its pointer."""
        mark = event.start_mark
        if self.remap or mark.index >= len(self.text):
            packed = _pack(*self._position(mark))
        else:
            packed = _pack(mark.line + 1, mark.column + 1)
        if not self.stack:
            self.root = value
            self.plan.root = packed
            return ()
        frame = self.stack[-1]
        frame.size += size
        if isinstance(frame.container, list):
            frame.table.append(packed)
            frame.container.append(value)
            return (
                (*frame.pointer, len(frame.container) - 1)
                if isinstance(value, (dict, list))
                else ()
            )
        if frame.slot < 0:
            return self._key(frame, value, event, packed)
        key, slot = frame.key, frame.slot
        frame.slot = -1
        frame.table[slot] = packed
        frame.container[key] = value
        return (*frame.pointer, key) if isinstance(value, (dict, list)) else ()  # type: ignore[arg-type]  # set with the slot

    def _key(self, frame: _Frame, value: Any, event: Any, packed: int) -> Pointer:
        where = _unpack(packed)
        if type(event).__name__ not in ("ScalarEvent", "AliasEvent") or isinstance(
            value, (dict, list)
        ):
            self.plan.error(
                "unsupported-yaml",
                "a mapping key must be plain text",
                where,
                "write keys as `name: value`",
            )
            raise _Stop
        key = "null" if value is None else str(value)
        if key in frame.container:
            index = 2 * list(frame.container).index(key)
            first = _unpack(frame.table[index])  # where the key was first written
            self.plan.error(
                "duplicate-key",
                f"duplicate key {key!r}; it is first set on line {first[0]}",
                where,
                f"keep one of line {first[0]} and line {where[0]}",
                (*frame.pointer, key),
            )
            frame.slot = index + 1
        else:
            key = sys.intern(key)  # a plan repeats the same few keys thousands of times
            frame.table.append(packed)
            frame.table.append(packed)
            frame.slot = len(frame.table) - 1
        frame.key = key
        return frame.pointer
