"""The command line: `app` holds the shared options; each command module registers its commands on it."""

from sendplan_cli.cli import authoring, checking, history, lsp, paper, spreadsheet  # noqa: F401  (importing registers the commands)
from sendplan_cli.cli.app import app, main

__all__ = ["app", "main"]
