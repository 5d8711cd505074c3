"""What the `lsp` command was told, handed to the server as one frozen value (never a module global)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

# Edits arriving closer together than this are checked once, after the last: typing a word costs one check.
DEBOUNCE_SECONDS = 0.05


@dataclass(frozen=True)
class ServerSettings:
    """The server's options: the as-of date (None: the clock's today at each check) and the clock itself."""

    as_of: date | None
    today: Callable[[], date]
    debounce: float = DEBOUNCE_SECONDS

    def when(self) -> date:
        """The date findings are judged as of, read afresh at each check, so a server left running over midnight moves on."""
        return self.as_of or self.today()
