"""What people see of hostile plan text: controls shown as escapes, never obeyed; markup shown, never made."""

from __future__ import annotations

import io
from html import escape

import pytest
from markdown_it import MarkdownIt

from sendplan_cli.ground import sanitise


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Ref \x1b]0;pwned\x07", "Ref \\x1b]0;pwned\\x07"),
        ("a\nb\r\nc\rd", "a\\nb\\r\\nc\\rd"),
        ("x\x85y\u2028z\u2029", "x\\x85y\\u2028z\\u2029"),
        ("\x9b31m", "\\x9b31m"),  # C1 CSI starts a terminal sequence on its own
        ("tab\there", "tab\\there"),
        ("evil\u202ecod.exe", "evil\\u202ecod.exe"),
        ("Café – ‘quoted’ 😀", "Café – ‘quoted’ 😀"),
        (None, ""),
    ],
)
def test_one_line_shows_every_control_as_an_escape(raw: str | None, shown: str) -> None:
    assert sanitise.one_line(raw) == shown


def test_a_forged_ci_annotation_stays_on_the_finding_line() -> None:
    text = sanitise.one_line("Ref A1\n::error file=x::forged")
    assert "\n" not in text and text.startswith("Ref A1\\n::error")


def test_prose_lines_split_on_real_breaks_and_show_other_controls() -> None:
    raw = "First\r\nsecond\rthird\nfourth\x85fifth\u2028sixth\tcol\x1b[31m\x0bvt"
    assert sanitise.prose_lines(raw) == [
        "First",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth\tcol\\x1b[31m\\x0bvt",
    ]


def test_paragraphs_split_on_blank_lines_and_the_paragraph_separator() -> None:
    raw = "One\nstill one\n\n  \nTwo\u2029Three\n"
    assert sanitise.paragraphs(raw) == [["One", "still one"], ["Two"], ["Three"]]


def test_rich_text_prints_markup_literally() -> None:
    from rich.console import Console

    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(
        sanitise.rich_text("Close [/] and [link=https://x.example]here[/link] [bold]b")
    )
    assert out.getvalue() == "Close [/] and [link=https://x.example]here[/link] [bold]b\n"


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(markdown)


def test_md_inline_never_lets_raw_html_through() -> None:
    html = _html(
        "Title: "
        + sanitise.md_inline("<script>alert(1)</script> <img src=x onerror=alert(1)>")
        + "\n"
    )
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_md_inline_shows_markdown_as_written() -> None:
    raw = "**bold** _em_ `code` [link](https://x.example) ~~gone~~ &amp; # not a heading"
    html = _html(sanitise.md_inline(raw) + "\n")
    assert (
        html
        == "<p>**bold** _em_ `code` [link](https://x.example) ~~gone~~ &amp;amp; # not a heading</p>\n"
    )


@pytest.mark.parametrize(
    "raw", ["# Heading", "- item", "+ item", "> quote", "1. first", "3) third", "=== ", "    code"]
)
def test_md_inline_at_the_start_of_a_line_starts_no_block(raw: str) -> None:
    html = _html(sanitise.md_inline(raw) + "\n")
    assert html == f"<p>{escape(raw.strip(), quote=False)}</p>\n"


def test_md_inline_leaves_a_dotted_ref_alone() -> None:
    assert sanitise.md_inline("1.1") == "1.1"
    assert _html(sanitise.md_inline("2.10") + "\n") == "<p>2.10</p>\n"


def test_md_inline_shows_a_break_instead_of_starting_a_block() -> None:
    html = _html("**Lead:** " + sanitise.md_inline("Jo\n\n# Injected heading\n- item") + "\n")
    assert html == "<p><strong>Lead:</strong> Jo\\n\\n# Injected heading\\n- item</p>\n"


def test_md_cell_keeps_a_pipe_inside_its_cell_and_marks_an_empty_one() -> None:
    table = (
        "| A | B |\n| --- | --- |\n| "
        + sanitise.md_cell("x | y\nz")
        + " | "
        + sanitise.md_cell("")
        + " |\n"
    )
    html = _html(table)
    assert "<td>x | y\\nz</td>" in html and "<td>-</td>" in html
    assert html.count("<td>") == 2


def test_md_prose_keeps_paragraphs_and_line_breaks_and_escapes_each_line() -> None:
    html = _html(sanitise.md_prose("First line\n# second <b>line</b>\n\n- next paragraph\x1b"))
    assert (
        html
        == "<p>First line<br />\n# second &lt;b&gt;line&lt;/b&gt;</p>\n<p>- next paragraph\\x1b</p>\n"
    )


def test_shorten_marks_how_much_was_left_out() -> None:
    assert sanitise.shorten("abcdef", 4) == "abcd… (2 more characters)"
    assert sanitise.shorten("abc", 4) == "abc"


def test_window_keeps_the_column_in_view() -> None:
    line = "x" * 1000 + "^" + "y" * 1000
    piece, column = sanitise.window(line, 1001, width=40)
    assert (
        piece[column - 1] == "^"
        and piece.startswith("…")
        and piece.endswith("…")
        and len(piece) == 42
    )
