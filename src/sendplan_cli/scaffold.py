"""`sendplan new`: a small valid plan with a commented example of every section."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path

from sendplan_cli.errors import UsageError
from sendplan_cli.resources import resource_dir


def _yaml_string(value: str) -> str:
    """A double-quoted YAML scalar; JSON string syntax is valid YAML."""
    return json.dumps(value, ensure_ascii=False)


def new_plan_text(title: str, partnership: str, board: str, published: date, file_name: str, schema_path: str) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(resource_dir("templates"))), undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False)
    env.filters["yaml"] = _yaml_string
    example_due = date(published.year + 1, published.month, 1)
    return env.get_template("new-plan.yaml.j2").render(
        title=title, partnership=partnership, board=board, published=f"{published:%B %Y}",
        file_name=file_name, schema_path=schema_path, example_due=f"{example_due:%B %Y}",
    )


def create_new(path: Path, text: str) -> None:
    """Write a new file whole, and never over an existing one."""
    if path.exists() or path.is_symlink():
        raise UsageError(f"{path}: already exists; sendplan new never overwrites a file")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such directory")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)
        os.link(temp, path)  # fails if the file appeared meanwhile: never overwrite
    except FileExistsError:
        raise UsageError(f"{path}: already exists; sendplan new never overwrites a file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass
