"""`sendplan new`: a small valid plan with a commented example of every section."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sendplan_cli.authoring.atomic import write_atomic
from sendplan_cli.errors import UsageError
from sendplan_cli.resources import resource_dir


def _yaml_string(value: str) -> str:
    """A double-quoted YAML scalar; JSON string syntax is valid YAML."""
    return json.dumps(value, ensure_ascii=False)


def new_plan_text(title: str, partnership: str, board: str, published: date, file_name: str, schema_path: str,
                  today: date | None = None) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(resource_dir("templates"))), undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False)
    env.filters["yaml"] = _yaml_string
    # A year on from today (or from publication, if later), so a new plan starts with nothing overdue.
    start = max(published, today or published)
    example_due = date(start.year + 1, start.month, 1)
    return env.get_template("new-plan.yaml.j2").render(
        title=title, partnership=partnership, board=board, published=f"{published:%B %Y}",
        file_name=file_name, schema_path=schema_path, example_due=f"{example_due:%B %Y}",
    )


def create_new(path: Path, text: str) -> None:
    """Write a new file whole, and never over an existing one."""
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: not a folder; choose another place for the new plan")
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"), exclusive=True)
