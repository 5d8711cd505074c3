"""Hostile plan text in `sendplan list` and the Markdown board paper: shown as written, never obeyed."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write_plan
from markdown_it import MarkdownIt

HOSTILE = """\
recommendations:
  - id: R1
    text: "First paragraph <script>alert(1)</script>\\n\\n# Not a heading\\n- not a list"
    senior_responsible_officer: "Jo [link=https://evil.example]click[/link]"
actions:
  - ref: "1"
    title: "Close [/] early [bold]loud <script>alert(2)</script>"
    recommendations: [R1]
    leads: ["Sam\\n# Injected heading"]
"""


def test_list_shows_rich_markup_as_written(tmp_path: Path) -> None:
    result = run_cli("list", str(write_plan(tmp_path, HOSTILE)))
    assert result.returncode == 0, result.stderr
    assert "Close [/] early [bold]loud" in result.stdout
    assert "Sam\\n# Injected heading" in result.stdout
    assert "\x1b" not in result.stdout


def test_list_makes_no_terminal_link(tmp_path: Path) -> None:
    plan = write_plan(
        tmp_path, HOSTILE.replace("Close [/] early", "[link=https://evil.example]Click[/link]")
    )
    result = run_cli(
        "list", str(plan), env={"FORCE_COLOR": "1", "NO_COLOR": "", "TERM": "xterm-256color"}
    )
    assert result.returncode == 0, result.stderr
    assert "\x1b]8;" not in result.stdout  # OSC 8 is how a terminal link is made
    assert "[link=https://evil.example]Click[/link]" in result.stdout.replace("\x1b[0m", "")


def _markdown_paper(tmp_path: Path) -> str:
    result = run_cli(
        "report",
        str(write_plan(tmp_path, HOSTILE)),
        "--month",
        "2024-05",
        "--format",
        "md",
        "-o",
        "-",
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_markdown_paper_passes_no_raw_html(tmp_path: Path) -> None:
    markdown = _markdown_paper(tmp_path)
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script>" not in markdown and "<script>" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_markdown_paper_starts_no_block_from_plan_text(tmp_path: Path) -> None:
    html = MarkdownIt("commonmark").enable("table").render(_markdown_paper(tmp_path))
    assert "Injected heading</h" not in html and "Not a heading</h" not in html
    assert "<td>Sam\\n# Injected heading</td>" in html
    # The recommendation's own paragraph break is kept; its other lines stay text.
    assert (
        "<p>First paragraph &lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p># Not a heading<br />\n- not a list</p>"
        in html
    )
