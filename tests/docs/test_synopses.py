"""Every option a command synopsis in the documents names is one that command takes.

A synopsis with a placeholder (`sendplan export PLAN --format xlsx [-o FILE]`) cannot be run as
an example, so its options are checked against the command instead: a renamed or removed option
is found here before a reader types it. Synopses are read from inline code and from code blocks
that are not run (the ```console examples are run by test_examples.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main
from conftest import ROOT
from test_examples import documents

from sendplan_cli.cli import app

_INLINE = re.compile(r"`(sendplan [^`]+)`")
_BLOCK = re.compile(r"^ *```(?!console)[a-z]*\n(.*?)^ *```", re.S | re.M)
# A command line in a block: sendplan first, or after a path (`.venv/bin/sendplan`) or `&&`.
_IN_BLOCK = re.compile(r"(?:^ *|&& |/)(sendplan [^\n#]*)", re.M)
_OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")


def _synopses(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    found = _INLINE.findall(text)
    for block in _BLOCK.findall(text):
        found += _IN_BLOCK.findall(block)
    return found


def _command(words: list[str]) -> tuple[Any, list[str]] | None:
    """The command the words name and the words after it; None for the deprecated `update PLAN`
    spelling, which a command group runs when a plan path stands where a command belongs."""
    command = typer.main.get_command(app)
    while words and words[0] in getattr(command, "commands", {}):
        command, words = command.commands[words[0]], words[1:]
    if getattr(command, "commands", None) and words and not words[0].startswith("-"):
        return None
    return command, words


def _options(command: Any) -> set[str]:
    root = typer.main.get_command(app)
    return {
        name
        for c in (root, command)
        for p in c.params
        for name in [*p.opts, *getattr(p, "secondary_opts", [])]
    } | {"--help", "-h"}


def _unknown_options(synopsis: str) -> list[str]:
    """The options a synopsis names that its command does not take."""
    found = _command(synopsis.split()[1:])
    assert found is not None, synopsis
    command, words = found
    named = [o for word in words for o in _OPTION.findall(word)]
    return [o for o in named if o not in _options(command)]


_ALL = [
    (page.relative_to(ROOT).as_posix(), synopsis)
    for page in documents()
    for synopsis in _synopses(page)
]
SYNOPSES = [(page, s) for page, s in _ALL if _command(s.split()[1:]) is not None]


def test_the_documents_have_synopses_to_check() -> None:
    # docs/officers/monthly-round.md gives export's synopsis with placeholders.
    assert any("PLAN --format xlsx [-o FILE]" in s for _, s in SYNOPSES)
    assert len(SYNOPSES) >= 20


def test_only_a_placeholder_command_and_the_deprecated_spellings_are_left_unchecked() -> None:
    """COMMAND stands for any command; the old `update PLAN ...` spellings still run
    (cli/update_legacy.py) but are no command's own."""
    assert [s for _, s in _ALL if (_, s) not in SYNOPSES] == [
        "sendplan COMMAND --help",
        "sendplan update PLAN REF --month ...",
        "sendplan update PLAN --indicator ID ...",
        "sendplan update PLAN --month M --paper-...",
    ]


@pytest.mark.parametrize(("page", "synopsis"), SYNOPSES, ids=[s[:60] for _, s in SYNOPSES])
def test_a_synopsis_names_only_options_its_command_takes(page: str, synopsis: str) -> None:
    assert _unknown_options(synopsis) == [], page


def test_a_wrong_option_in_a_synopsis_is_found() -> None:
    assert _unknown_options("sendplan export PLAN --formatt xlsx [-o FILE]") == ["--formatt"]
    assert _unknown_options("sendplan update action PLAN REF --value 3") == ["--value"]
    assert _unknown_options("sendplan validate plans/ --as-of 2025-01-15 -o out.json") == []
