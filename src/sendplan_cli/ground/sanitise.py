"""Plan text made safe to show people: control characters visible, markup escaped for the target format.

Plan text comes from strangers. Printed raw, an ESC can recolour a terminal or retitle its window,
a newline can forge an extra CI log line (`::error::...`), a `[link=...]` becomes a rich link and a
`<script>` passes into a Markdown file. Every human-readable output passes plan text through one of
these functions:

- `one_line` for places that hold one line (a finding, a heading, a table cell, an annotation, an
  XML attribute): every control character, line break included, is shown as an escape (`\\x1b`, `\\n`).
- `prose_lines` / `paragraphs` for places that can show breaks (the paper's prose): the text is split
  on its line breaks and each line is made safe like `one_line`, keeping tabs.
- `rich_text` for text printed through rich; `md_inline`, `md_cell`, `md_prose` for Markdown.
"""

from __future__ import annotations

import re

_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# C0 and C1 controls and DEL; line and paragraph separators; the bidirectional-text controls that can
# make a line read differently from what it holds ("Trojan Source").
_OTHER_UNSAFE = "\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE_RE = re.compile(f"[\x00-\x1f{_OTHER_UNSAFE}]")
_UNSAFE_BUT_TAB_RE = re.compile(f"[\x00-\x08\x0a-\x1f{_OTHER_UNSAFE}]")
# Where prose breaks: CRLF, CR, LF, NEL and the Unicode line separator start a new line; the Unicode
# paragraph separator starts a new paragraph. Other controls (VT, FF, ...) are shown, not obeyed.
_LINE_BREAK_RE = re.compile("\r\n|[\r\n\x85\u2028]")
_PARAGRAPH_BREAK = "\u2029"


def visible(ch: str) -> str:
    """How one unsafe character is shown: `\\n`, `\\x1b`, `\\u2028`."""
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def one_line(text: object) -> str:
    """The text on one line with every control character, line breaks included, shown as an escape."""
    raw = "" if text is None else str(text)
    # Everything shown as an escape is unprintable (a test checks every code point), so printable
    # text, nearly all of it, skips the search: a report can hold thousands of lines.
    return raw if raw.isprintable() else _UNSAFE_RE.sub(lambda m: visible(m.group()), raw)


def _safe_line(line: str) -> str:
    return _UNSAFE_BUT_TAB_RE.sub(lambda m: visible(m.group()), line)


def prose_lines(text: object) -> list[str]:
    """The text's lines (split on CRLF, CR, LF, NEL, U+2028 and U+2029), each safe like `one_line` but keeping tabs."""
    raw = "" if text is None else str(text)
    return [
        _safe_line(line) for line in _LINE_BREAK_RE.split(raw.replace(_PARAGRAPH_BREAK, "\n\n"))
    ]


def paragraphs(text: object) -> list[list[str]]:
    """The text as paragraphs (split on blank lines), each a list of safe, stripped, non-empty lines."""
    result: list[list[str]] = []
    current: list[str] = []
    for line in prose_lines(text):
        if line.strip():
            current.append(line.strip())
        elif current:
            result.append(current)
            current = []
    if current:
        result.append(current)
    return result


def shorten(text: str, limit: int = 200) -> str:
    """At most `limit` characters, the cut marked with an ellipsis and how many characters were left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit} more characters)"


def window(line: str, column: int, width: int = 120) -> tuple[str, int]:
    """A slice of at most about `width` characters of a long line around a 1-based column, and the column within it."""
    if len(line) <= width:
        return line, column
    start = max(0, min(column - 1 - width // 2, len(line) - width))
    piece = line[start : start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(line) else ""
    return prefix + piece + suffix, column - start + len(prefix)


def rich_text(text: object) -> str:
    """One line safe to print through rich as markup: controls shown, `[` escaped so no tag or link is made."""
    from rich.markup import escape

    return escape(one_line(text))


# Characters that mean something wherever they stand in CommonMark/GFM inline text. `<` opens raw HTML
# and autolinks, `&` entity references, `|` table cells, `#` closes an ATX heading, `~` strikethrough.
_MD_INLINE_RE = re.compile(r"([\\`*_\[\]<>|~&#!])")
# Markers that mean something only at the start of a line: lists, block quotes, headings, setext rules.
# A number starts an ordered list only when its `.` or `)` is followed by a space or the end: `1.1` is text.
_MD_LINE_START_RE = re.compile(r"^(\s*)([-+=>]|\d{1,9}(?=[.)](\s|$)))")


def _md_escape_line(line: str) -> str:
    escaped = _MD_INLINE_RE.sub(r"\\\1", line)
    match = _MD_LINE_START_RE.match(escaped)
    if match and match.group(2).isdigit():
        # "1. foo" would start an ordered list: escape the dot or bracket after the number.
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    if match:
        return escaped[: match.start(2)] + "\\" + escaped[match.start(2) :]
    return escaped


def md_inline(text: object) -> str:
    """Text for one line of Markdown: markup escaped, breaks and controls shown visibly, never a new block."""
    return _md_escape_line(one_line(text).strip())


def md_cell(text: object) -> str:
    """Text for one Markdown table cell: like `md_inline`, and `-` for an empty value.

    Inside a cell nothing starts a block, so "1.1" stays "1.1" rather than "1\\.1"."""
    return _MD_INLINE_RE.sub(r"\\\1", one_line(text).strip()) or "-"


def md_prose(text: object) -> str:
    """Text for Markdown prose: paragraphs kept (blank line between), line breaks as hard breaks, markup escaped."""
    blocks = []
    for lines in paragraphs(text):
        escaped = [_md_escape_line(line.replace("\t", " ")) for line in lines]
        blocks.append("\\\n".join(escaped))
    return "\n\n".join(blocks)
