"""Between sendplan's positions (1-based line, column in characters) and LSP's (0-based, in the code units
agreed with the editor at start-up: UTF-16 unless the editor offers UTF-8 or UTF-32)."""

from __future__ import annotations

UTF16 = "utf-16"


def _units(text: str, encoding: str) -> int:
    if text.isascii() or encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", errors="surrogatepass"))
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2


def lsp_column(line_text: str, column: int, encoding: str = UTF16) -> int:
    """The 0-based offset in code units of a 1-based character column; a column past the end (end of file) stays past it."""
    beyond = max(0, column - 1 - len(line_text))
    return _units(line_text[: column - 1], encoding) + beyond


def character_index(line_text: str, offset: int, encoding: str = UTF16) -> int:
    """The character index in line_text that a 0-based offset in code units points at."""
    if line_text.isascii() or encoding == "utf-32":
        return min(offset, len(line_text))
    units = 0
    for index, char in enumerate(line_text):
        if units >= offset:
            return index
        units += _units(char, encoding)
    return len(line_text)
