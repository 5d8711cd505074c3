"""Where findings are said to be for CI: paths from the repository's top folder, wherever sendplan runs.

GitHub places an annotation on a diff only by the path from the checkout's root, and code
scanning resolves SARIF locations against it; run from `plans/`, a bare `east-sussex-2025.yaml`
would be lost. The root is GITHUB_WORKSPACE in GitHub Actions, else the git work tree's top.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def root() -> Path | None:
    from sendplan_cli.git.identity import repository_root

    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace:
        return Path(workspace).resolve()
    return repository_root(Path.cwd())


def from_root(path: str) -> str | None:
    """path relative to the root, with forward slashes; None when it lies outside (or there is no root)."""
    top = root()
    if top is None or path.startswith("<"):
        return None
    try:
        return Path(path).resolve().relative_to(top).as_posix()
    except ValueError:
        return None
