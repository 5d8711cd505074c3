"""The sanitiser skips its search for printable text; this holds the shortcut to the search it skips."""

from __future__ import annotations

from sendplan_cli.ground.sanitise import _UNSAFE_RE
from sendplan_cli.output.findings.text import render
from sendplan_cli.plan.diagnostics import Diagnostic, Severity


def test_every_character_the_sanitiser_escapes_is_unprintable() -> None:
    assert not any(chr(c).isprintable() for c in range(0x110000) if _UNSAFE_RE.fullmatch(chr(c)))


def test_controls_in_a_finding_are_still_shown_as_escapes() -> None:
    d = Diagnostic(
        path="plans/a\x1b.yaml",
        line=1,
        column=8,
        code="SP203",
        name="missing-commentary",
        severity=Severity.WARNING,
        message="rated \u202eRed",
        hint="add\ncommentary",
        pointer="",
    )
    head, snippet, hint = render(d, ["title: \x1b[31mred \u2028 text"])
    assert head == "plans/a\\x1b.yaml:1:8: warning SP203 [missing-commentary] rated \\u202eRed"
    assert snippet == ["    1 | title: \\x1b[31mred \\u2028 text", "      |        ^"]
    assert hint == "  hint: add\\ncommentary"
