"""Where a command may write a file: never over one of the plans it reads, nor over any other plan.

A report written over a plan destroys it, and a later search of its folder would no longer see a
plan there. So every command that writes a file asks here once, before it writes anything; only
the commands whose job is to edit a plan (update, import) write to one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from sendplan_cli.ground.errors import UsageError


def refuse_overwriting_plans(
    target: Path | str | None, inputs: Iterable[Path], option: str, instead: str
) -> None:
    """A usage error when target is one of inputs or is a plan; nothing to check when it does not exist yet.

    option is how the user named the target (e.g. "-o"); instead is a file name to suggest."""
    if target is None or str(target) == "-":
        return
    path = Path(target)
    if not path.is_file():
        return  # nothing there to lose (a folder is refused by the writer)
    from sendplan_cli.check.discovery import looks_like_a_plan, parses_as_a_plan

    if any(_same(path, plan) for plan in inputs):
        what = "one of the plans this command reads"
    elif looks_like_a_plan(path) or parses_as_a_plan(path):
        what = "written like a plan (a top-level partnership:, actions: or recommendations: key), so it may be one"
    else:
        return
    raise UsageError(
        f"{option} {path}: that file is {what}, and sendplan never overwrites a plan; "
        f"nothing was written. Give another file name, e.g. {option} {instead}"
    )


def _same(path: Path, plan: Path) -> bool:
    try:
        return os.path.samefile(path, plan)
    except OSError:
        return False
