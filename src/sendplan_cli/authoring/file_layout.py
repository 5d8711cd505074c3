"""How a plan file is written on disk (byte-order mark, each line's ending, the final newline), kept through an edit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sendplan_cli.authoring.line_diff import line_opcodes
from sendplan_cli.ground.errors import UsageError


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


def decode(raw: bytes, path: Path) -> tuple[str, Layout]:
    """The file's text with LF line breaks, and how it was written on disk."""
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw[3 if bom else 0 :].decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(
            f"{path}: not UTF-8; run `sendplan validate` for the exact place"
        ) from None
    parts = re.split("(\r?\n)", text)
    lines, endings = parts[0::2], parts[1::2]
    final_newline = text.endswith("\n")
    if final_newline:
        lines.pop()  # the empty text after the last break
    layout = Layout(bom=bom, endings=endings, final_newline=final_newline, lines=lines)
    return "".join(line + "\n" for line in lines), layout


def encode(text: str, layout: Layout) -> bytes:
    """The edited text with every unchanged line's own ending; new lines take the ending of the line before."""
    new = text.split("\n")[:-1]
    endings: list[str] = []
    for tag, i1, i2, j1, j2 in line_opcodes(layout.lines, new):
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
