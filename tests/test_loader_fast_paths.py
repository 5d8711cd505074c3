"""The loader's shortcuts around its character checks give the checks' own answers.

Before a plan is parsed its text is searched for characters YAML refuses, and for line breaks
only YAML counts; double-quoted values are searched for escaped controls. Those searches are
skipped when cheaper tests prove they cannot match; these tests hold the shortcuts to the full
searches for every character concerned."""

from __future__ import annotations

from pathlib import Path

from sendplan_cli.plan.loader import (
    _BAD_CHAR,
    BAD_IN_SCALAR,
    LoadedPlan,
    _first_bad_char,
    load_text,
    read_text,
)
from sendplan_cli.plan.positions import YAML_ONLY_BREAKS, has_yaml_only_breaks

_SURROGATES = range(0xD800, 0xE000)
_REFUSED = [chr(c) for c in range(0x110000) if c not in _SURROGATES and _BAD_CHAR.fullmatch(chr(c))]
_CONTEXTS = [
    "title: plain ASCII {}\n",
    "title: costs \u00a3300 {} here\n",
    "title: 2024 \u2013 2025 {}\n",
    "{}",
]


def test_every_character_yaml_refuses_is_found_in_any_text() -> None:
    assert len(_REFUSED) == 63  # C0 but tab, LF, CR; DEL; C1 but NEL; U+FFFE; U+FFFF
    for char in _REFUSED:
        for context in _CONTEXTS:
            text = context.format(char)
            found = _first_bad_char(text, text.encode("utf-8"))
            assert found is not None and found.start() == text.index(char), (
                context,
                hex(ord(char)),
            )


def test_text_without_refused_characters_passes() -> None:
    for context in _CONTEXTS:
        text = context.format("\t\u0085 \u00a0 \ufeff \U0001f600")
        assert _first_bad_char(text, text.encode("utf-8")) is None


def test_a_refused_character_is_reported_where_it_is() -> None:
    plan = LoadedPlan(path="plan.yaml", text="")
    assert (
        read_text(Path("plan.yaml"), plan, "title: ok\nboard: \u00a3 b\x9b\n".encode("utf-8"))
        is None
    )
    assert (plan.diagnostics[0].line, plan.diagnostics[0].column) == (2, 11)
    assert "U+009B" in plan.diagnostics[0].message


def test_breaks_only_yaml_counts_are_found_as_the_pattern_finds_them() -> None:
    for text in ("a\nb", "a\u0085b", "\u2013 a\u2028b", "a\u2029", "\u00e9\u2013", ""):
        assert has_yaml_only_breaks(text) == (YAML_ONLY_BREAKS.search(text) is not None), repr(text)


def test_every_control_a_quoted_value_may_not_hold_is_unprintable() -> None:
    """The builder searches a double-quoted value only when it is not printable."""
    assert not any(chr(c).isprintable() for c in range(0x110000) if BAD_IN_SCALAR.fullmatch(chr(c)))


def test_an_escaped_control_in_a_printable_looking_plan_is_still_refused() -> None:
    plan = load_text(
        'title: "Line one\\nLine two"\nboard: "a\\eb"\n', LoadedPlan(path="plan.yaml", text="")
    )
    assert (
        plan.data is None
        and plan.diagnostics[0].line == 2
        and "U+001B" in plan.diagnostics[0].message
    )


def test_quoted_lines_are_split_where_editors_split_them() -> None:
    """Findings quote lines by editor numbering, with or without carriage returns in the file."""
    from sendplan_cli.plan.positions import editor_lines

    assert editor_lines("a: 1\nb: 2\n") == ["a: 1", "b: 2"]
    assert editor_lines("a: 1\r\nb: 2\rc: 3") == ["a: 1", "b: 2", "c: 3"]
    assert editor_lines("a: x\u2028y\x85z\x0c\nb: 2") == ["a: x\u2028y\x85z\x0c", "b: 2"]
    assert editor_lines("a: 1\n\n") == ["a: 1", ""]
    assert editor_lines("") == []
