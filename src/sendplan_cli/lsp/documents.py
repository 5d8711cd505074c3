"""Which open documents are plans, where they live, and whether their configuration asks for git history."""

from __future__ import annotations

from pathlib import Path

from pygls.uris import to_fs_path

from sendplan_cli.check.config import find_config
from sendplan_cli.ground.errors import UsageError

PLAN_SUFFIXES = (".yaml", ".yml")
CONFIG_NAMES = ("sendplan.toml", "pyproject.toml")


def document_path(uri: str) -> Path:
    """The file a document is (or will be) saved as; an unsaved one is read as if it sat in the current folder,
    so the configuration there applies."""
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(path) if path else Path.cwd() / (uri.rsplit("/", 1)[-1] or "untitled.yaml")


def is_yaml(uri: str) -> bool:
    return uri.lower().endswith(PLAN_SUFFIXES)


def is_config(uri: str) -> bool:
    return uri.rsplit("/", 1)[-1] in CONFIG_NAMES


def wants_history(path: Path) -> bool:
    """Whether the plan's configuration turns on the history rules or `since`; both read git, so they run on open and save."""
    try:
        config = find_config(path.resolve().parent)
    except UsageError:
        return False  # the check itself reports the broken configuration
    return config.history or config.since is not None
