"""What an import of returned forms came to: problems, blank forms, what was recorded, the exit code.

Kept out of import_.py so that apply.py, which fills it in as it writes the rows, need not import
the module that calls it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Outcome:
    problems: list[str] = field(default_factory=list)
    unusable: bool = False
    """A file was not a usable form for this plan (wrong format, damaged, another plan or month): exit 2."""
    blank: list[str] = field(default_factory=list)
    """Forms with nothing filled in: reported, and a failure only when every form was blank."""
    recorded: list[str] = field(default_factory=list)
    unchanged: int = 0
    forms: int = 0
    month: date | None = None
    """The month every form was for, stated in the summary."""
    diff: str = ""
    summary: str = ""

    @property
    def exit_code(self) -> int:
        """2 a file that is no usable form; 1 a cell problem, a conflict, or only blank forms; else 0."""
        if self.unusable:
            return 2
        return 1 if self.problems or (self.blank and len(self.blank) == self.forms) else 0
