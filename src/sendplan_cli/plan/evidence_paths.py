"""Where a plan's evidence paths must stay, and whether one names a document there.

One check, read by the evidence-missing rule and by `sendplan update action --evidence-path`, so a
path the update accepts is one validate accepts. It reads the filesystem only (no git process):
validate runs on every commit and must not start one per plan.
"""

from __future__ import annotations

import os
from pathlib import Path

OUTSIDE = "outside"
MISSING = "missing"


def repository_root(plan_file: Path) -> Path:
    """The top folder of the repository holding the plan (a `.git` folder or worktree file); the plan's folder outside one."""
    folder = plan_file.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def evidence_problem(folder: Path, root: Path, path: str) -> str | None:
    """OUTSIDE when the path, read from the plan's (resolved) folder, leaves the repository; MISSING when nothing is there; else None."""
    # Lexical, not Path.resolve(): resolving stats every folder on the way, for each of thousands
    # of paths in a large plan; folder and root are resolved already, once per plan.
    target = os.path.normpath(os.path.join(folder, path))
    try:
        inside = os.path.commonpath((target, root)) == str(root)
    except ValueError:  # on another drive (Windows)
        inside = False
    if not inside:
        return OUTSIDE
    if not os.path.exists(target):
        return MISSING
    return None
