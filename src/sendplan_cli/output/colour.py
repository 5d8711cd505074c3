"""Whether to colour output, by the conventions CI logs and terminals follow, the same in every command.

`--color always|never` wins; otherwise a non-empty NO_COLOR turns colour off (no-color.org: an
empty value does not), a non-empty FORCE_COLOR turns it on (for CI logs that show colour), and
otherwise colour is used only on a terminal.
"""

from __future__ import annotations

import os
from typing import Any, TextIO

CHOICES = ("auto", "always", "never")


def wanted(out: TextIO, choice: str = "auto") -> bool:
    """Whether to colour `out`, given the --color choice (auto, always or never)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(out, "isatty", lambda: False)())


def console(out: TextIO, choice: str = "auto", **options: Any) -> Any:
    """A rich Console for `out` that colours exactly when `wanted` says so."""
    from rich.console import Console

    colour = wanted(out, choice)
    terminal = bool(getattr(out, "isatty", lambda: False)())
    options.setdefault("width", None if terminal else 160)
    return Console(
        file=out,
        highlight=False,
        force_terminal=colour,
        no_color=not colour,
        color_system="auto" if colour else None,
        **options,
    )
