"""Real git repositories for tests: commits with set authors and dates, made by the `git` command."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

HEADER = """\
title: Test plan
partnership: Test partnership
published: April 2024
board: Test board
"""


class PlanRepo:
    """A git repository in a temporary folder holding one plan at plans/plan.yaml."""

    def __init__(self, root: Path, plan: str = "plans/plan.yaml") -> None:
        self.root = root
        self.plan = root / plan
        self.plan.parent.mkdir(parents=True, exist_ok=True)
        self.git("-c", "init.defaultBranch=main", "init", "-q")

    def env(
        self, when: str = "2024-06-01T10:00:00+01:00", author: str = "Sam Author"
    ) -> dict[str, str]:
        return {
            **os.environ,
            "GIT_AUTHOR_NAME": author,
            "GIT_AUTHOR_EMAIL": "author@example.org",
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_NAME": author,
            "GIT_COMMITTER_EMAIL": "author@example.org",
            "GIT_COMMITTER_DATE": when,
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_CONFIG_GLOBAL": os.devnull,
        }

    def git(
        self, *args: str, when: str = "2024-06-01T10:00:00+01:00", author: str = "Sam Author"
    ) -> str:
        done = subprocess.run(
            ["git", "-c", "commit.gpgsign=false", *args],
            cwd=self.root,
            env=self.env(when, author),
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    def write(self, body: str) -> Path:
        self.plan.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
        return self.plan

    def commit(
        self,
        body: str | None = None,
        *,
        when: str = "2024-06-01T10:00:00+01:00",
        author: str = "Sam Author",
        message: str = "Update the plan",
    ) -> str:
        if body is not None:
            self.write(body)
        self.git("add", "-A", when=when, author=author)
        self.git("commit", "-q", "-m", message, when=when, author=author)
        return self.git("rev-parse", "HEAD").strip()
