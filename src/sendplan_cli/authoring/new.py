"""`sendplan new`: a small valid plan with a commented example of every section."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sendplan_cli.ground.atomic import write_atomic
from sendplan_cli.ground.errors import UsageError
from sendplan_cli.resources import resource_dir


def _yaml_string(value: str) -> str:
    """A double-quoted YAML scalar; JSON string syntax is valid YAML."""
    return json.dumps(value, ensure_ascii=False)


_LINE_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")


def _one_line(option: str, value: str, what: str) -> None:
    """Words that go on one line of the plan: present, with no line break and no control character."""
    from sendplan_cli.authoring.roundtrip import refuse_controls

    if not value.strip():
        raise UsageError(f"{option} is empty; give {what}")
    if any(mark in value for mark in _LINE_BREAKS):
        raise UsageError(f"{option} holds a line break; write it on one line")
    refuse_controls(option, value)


def new_plan_text(
    title: str,
    partnership: str,
    board: str,
    published: date,
    file_name: str,
    schema_path: str,
    today: date | None = None,
) -> str:
    """The new plan's text; UsageError when a value would not make a valid plan."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    _one_line("--title", title, 'the plan\'s title, e.g. --title "Our SEND Improvement Plan"')
    _one_line(
        "--partnership",
        partnership,
        'the local area partnership, e.g. --partnership "Our Local Area Partnership"',
    )
    _one_line(
        "--board", board, 'the board that reviews progress, e.g. --board "SEND Partnership Board"'
    )
    _one_line("--output", file_name, "the new plan's file name, e.g. -o plans/my-plan.yaml")
    _one_line(
        "--schema-path",
        schema_path,
        "the path from the plan to the JSON Schema, e.g. plan.schema.json",
    )

    env = Environment(
        loader=FileSystemLoader(str(resource_dir("templates"))),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["yaml"] = _yaml_string
    # A year on from today (or from publication, if later), so a new plan starts with nothing overdue.
    start = max(published, today or published)
    example_due = date(start.year + 1, start.month, 1)
    return env.get_template("new-plan.yaml.j2").render(
        title=title,
        partnership=partnership,
        board=board,
        published=f"{published:%B %Y}",
        file_name=file_name,
        schema_path=schema_path,
        example_due=f"{example_due:%B %Y}",
    )


def create_new(path: Path, text: str) -> None:
    """Write a new file whole, and never over an existing one."""
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: not a folder; choose another place for the new plan")
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"), exclusive=True)
