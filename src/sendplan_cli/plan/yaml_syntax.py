"""YAML syntax errors in words an officer editing a plan can act on.

The YAML reader's own words ("expected <block end>, but found '<block mapping start>'") name its
internal states. Nearly every slip in a hand-edited plan is one of a few: a line indented more
or less than the lines it belongs with, a key without its colon, a colon or a leading character
that needs quotes, a quote or bracket left open. Each gets a message saying what is wrong and a
hint saying what to check.
"""

from __future__ import annotations

import re

_INDENT_HINT = (
    "check this line's indentation against the line above: keys of one mapping start in the same "
    "column, list items ('- ') line up with each other, and a value on lines of its own is indented "
    "under its key (spaces only)"
)
_QUOTE_HINT = (
    "a quote inside a value in the same kind of quotes is written twice ('it''s'), or put the value in "
    'the other kind of quotes ("it\'s")'
)
_VALUE_START = re.compile(r"^\s*(?:-\s+)?[^\s:#][^:]*:\s+(?P<value>\S.*)$")


def explain(
    problem: str | None, context: str | None, line: str, line_above: str | None, column: int
) -> tuple[str, str]:
    """A message and a hint for one YAML syntax error: the reader's problem and context, the line it stopped at
    (1-based column) and the line above it."""
    problem, context = problem or "", context or ""
    value = _VALUE_START.match(line)
    if "quoted scalar" in context:
        return (
            "a quote opened here is never closed",
            "close the quote at the end of the value; " + _QUOTE_HINT,
        )
    if "flow" in context:
        closer = "}" if "mapping" in context else "]"
        return (
            f"a list or mapping written in brackets is not closed with {closer}",
            f"close it with {closer}, and put any value holding a comma, bracket or colon in quotes",
        )
    if "could not find expected ':'" in problem:
        return (
            "a line with no colon after its key",
            "add a colon and a space after the key (due: July 2025); if the line continues the value above, "
            "indent it further than that value's key",
        )
    if "cannot start any token" in problem:
        character = line[column - 1] if 0 < column <= len(line) else "this character"
        return (
            f"a value cannot start with {character}",
            f'put the value in quotes, e.g. note: "{character}..."',
        )
    if "mapping values are not allowed" in problem:
        if ": " in line[: max(column - 1, 0)]:
            return (
                "a colon followed by a space inside a value",
                'put the value in quotes, e.g. title: "Aim: fewer waits"',
            )
        return (
            "this line is indented further than the line above, so it reads as part of that line's value",
            _INDENT_HINT,
        )
    if value and value["value"][0] in "*&":
        return (
            "a value starting with * or & is read as a YAML reference",
            'put the value in quotes, e.g. note: "*provisional"',
        )
    if value and value["value"][0] in "'\"" and value["value"].count(value["value"][0]) >= 2:
        return "a value in quotes is followed by more text", _QUOTE_HINT
    if line_above is not None and line.lstrip().startswith("- "):
        return "this list item is not lined up with the lines above it", _INDENT_HINT
    return "this line's indentation does not fit the lines above it", _INDENT_HINT
