"""The loader: escaped control characters refused, positions as editors show them, only regular files read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import HEADER, check, names_at, run_cli

from sendplan_cli.plan.loader import load_plan


def _first(tmp_path: Path, text: str) -> tuple[int, int, str, str]:
    path = tmp_path / "plan.yaml"
    path.write_bytes(text.encode("utf-8"))
    d = load_plan(path).diagnostics[0]
    return d.line, d.column, d.code, d.message


@pytest.mark.parametrize(
    ("escape", "code_point"),
    [
        ("\\e", "U+001B"),
        ("\\u001b", "U+001B"),
        ("\\x1b", "U+001B"),
        ("\\a", "U+0007"),
        ("\\r", "U+000D"),
        ("\\x85", "U+0085"),
        ("\\0", "U+0000"),
        ("\\U0000009b", "U+009B"),
        ("\\v", "U+000B"),
    ],
)
def test_an_escaped_control_character_is_a_located_encoding_error(
    tmp_path: Path, escape: str, code_point: str
) -> None:
    # board is line 4 of HEADER; the escape starts after the 13 characters of `board: "Test `, at column 14.
    text = HEADER.replace("board: Test board", f'board: "Test {escape}board"')
    line, column, code, message = _first(tmp_path, text)
    assert (line, column, code) == (4, 14, "SP002")
    assert code_point in message and escape in message


def test_an_escaped_control_character_in_a_key_is_refused(tmp_path: Path) -> None:
    assert _first(tmp_path, HEADER + '"sou\\erce": x\n')[:3] == (5, 5, "SP002")


def test_an_escape_beyond_unicode_is_a_located_syntax_error(tmp_path: Path) -> None:
    line, column, code, message = _first(tmp_path, 'title: x\nboard: "A \\UFFFFFFFF"\n')
    assert (line, column, code) == (2, 11, "SP003") and "writes no Unicode character" in message


def test_an_escaped_surrogate_is_refused(tmp_path: Path) -> None:
    assert _first(tmp_path, 'title: "x\\ud800"\n')[:3] == (1, 10, "SP002")


def test_new_lines_and_tabs_written_as_escapes_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        HEADER.replace("board: Test board", 'board: "Line one\\nLine two\\tcolumn"')
        + "actions: []\n",
        encoding="utf-8",
    )
    loaded = load_plan(path)
    assert loaded.diagnostics == [] and loaded.data["board"] == "Line one\nLine two\tcolumn"


def test_an_escaped_backslash_is_not_an_escape(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text('title: "C:\\\\new\\\\e"\n', encoding="utf-8")
    loaded = load_plan(path)
    assert loaded.diagnostics == [] and loaded.data["title"] == "C:\\new\\e"


@pytest.mark.parametrize("separator", ["\u2028", "\u0085"])
def test_separators_editors_do_not_break_on_leave_line_numbers_alone(
    tmp_path: Path, separator: str
) -> None:
    # Editors show three lines; the unknown key is on the third.
    text = f'title: "one{separator}still line one"\nboard: x\nboards: y\n'
    path = tmp_path / "plan.yaml"
    path.write_bytes(text.encode("utf-8"))
    assert ("unknown-key", 3, 1) in [(d.name, d.line, d.column) for d in check(path)]


def test_a_lone_carriage_return_starts_a_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(HEADER.replace("\n", "\r").encode() + b"boards: y\r")
    assert names_at(check(path))[0] == (5, 1, "unknown-key")


def test_an_error_at_the_end_of_the_file_is_on_its_last_line(tmp_path: Path) -> None:
    for break_, end in (("\n", "\n"), ("\r\n", "\r\n"), ("\r", "\r"), ("\n", "")):
        assert _first(tmp_path, f"title: x{break_}actions: [{end}")[:3] == (2, 11, "SP003")


def test_columns_past_sixteen_million_are_exact(tmp_path: Path) -> None:
    long_title = "a" * 17_000_000
    text = f'{{title: "{long_title}", partnership: p, published: April 2024, board: [x]}}\n'
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    wrong = [d for d in check(path) if d.name == "wrong-type"]
    assert [(d.line, d.column) for d in wrong] == [(1, text.index("[x]") + 1)]


def _validate_within_a_minute(path: str) -> subprocess.CompletedProcess[str]:
    """A hang or a read of an endless device fails the test instead of stalling the suite."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "sendplan_cli", "validate", path],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_named_pipe_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    result = _validate_within_a_minute(str(fifo))
    assert result.returncode == 1
    assert (
        f"{fifo}:1:1: error SP001 [unreadable-file] it is a named pipe (FIFO), not a plan file"
        in result.stdout
    )


@pytest.mark.skipif(
    not Path("/dev/zero").exists() or sys.platform == "win32", reason="no /dev/zero here"
)
def test_a_device_is_refused_without_reading_it() -> None:
    result = _validate_within_a_minute("/dev/zero")
    assert result.returncode == 1
    [line] = [line for line in result.stdout.splitlines() if "SP001" in line]
    assert (
        line
        == "/dev/zero:1:1: error SP001 [unreadable-file] it is a character device, not a plan file"
    )
    assert (
        result.stdout.count("/dev/zero") == 2
    )  # the file's heading and its finding; the finding names it once


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as out:
        out.truncate(20_000_001)  # sparse: nothing is written, and nothing should be read
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert "the file is 20.0 MB, more than the limit of 20.0 MB" in result.stdout
    assert "max-file-size" in result.stdout


def test_the_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(HEADER + "actions: []\n", encoding="utf-8")
    (tmp_path / "sendplan.toml").write_text("max-file-size = 50\n", encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert f"the file is {len(HEADER) + 12} bytes, more than the limit of 50 bytes" in result.stdout
