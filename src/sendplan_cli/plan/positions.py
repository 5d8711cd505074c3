"""Lines and columns as editors show them.

Editors start a new line at LF, CRLF and a lone CR only; YAML parsers also break lines at NEL
(U+0085) and the Unicode line and paragraph separators (U+2028, U+2029), which would move every
later position away from what the author sees. Columns count characters, 1-based.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_BREAK = re.compile("\r\n|\r|\n")
_LINE_WITH_END = re.compile("[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\\Z")
# Characters that YAML parsers count as line breaks and editors do not.
YAML_ONLY_BREAKS = re.compile("[\x85\u2028\u2029]")


def has_yaml_only_breaks(text: str) -> bool:
    """Whether the text holds a break only YAML counts (three substring searches run far faster than the class)."""
    return not text.isascii() and ("\x85" in text or "\u2028" in text or "\u2029" in text)


class LineIndex:
    """Turns a character offset in a text into the (line, column) an editor shows; built once per text."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.starts = [0]
        self.starts += (m.end() for m in _BREAK.finditer(text))
        # A break at the very end opens no line an editor counts as content: the last line is the one before it.
        self.last = (
            len(self.starts) - 1
            if len(self.starts) > 1 and self.starts[-1] == self.length
            else len(self.starts)
        )
        self.last_end = self.length - (
            len(m.group()) if (m := re.search("(\r\n|\r|\n)$", text)) else 0
        )

    def at(self, index: int) -> tuple[int, int]:
        """The 1-based line and column of the character at index; the end of the file is on the last line."""
        if index >= self.length:
            index = self.last_end
        line = bisect_right(self.starts, index)
        if line > self.last:
            line = self.last
        return line, index - self.starts[line - 1] + 1


def byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """The line and column of a byte offset, for bytes that are valid UTF-8 up to it."""
    text = raw[:offset].decode("utf-8", errors="replace")
    return LineIndex(text + " ").at(len(text))


def editor_lines(text: str) -> list[str]:
    """The text's lines as an editor numbers them (str.splitlines would also split at U+2028 and U+0085)."""
    lines = (
        text.split("\n") if "\r" not in text else _BREAK.split(text)
    )  # the same lines; str.split is far faster
    return lines[:-1] if lines and lines[-1] == "" else lines


def editor_lines_with_ends(text: str) -> list[str]:
    """The same lines, each with its own break, so that joining them gives the text back."""
    return _LINE_WITH_END.findall(text)
