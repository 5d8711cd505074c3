"""What git knows about a plan, read through the `git` command.

The `git` command rather than a library: it is already wherever a plan's repository is, it
reads every repository format (packs, worktrees, partial and shallow clones) exactly as the
user's own git does, and two processes (`git log` and one `git cat-file --batch`) fetch every
version of a plan however long its history is. Arguments are passed as a list, never through a
shell; paths follow `--`. Every failure becomes a UsageError that says what to do.
"""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sendplan_cli.ground.errors import UsageError

UNSHALLOW = "fetch the full history with `git fetch --unshallow` (in GitHub Actions: actions/checkout with fetch-depth: 0)"


@dataclass(frozen=True)
class Commit:
    """One commit that touched a plan: who made it and when (author date, ISO 8601)."""

    sha: str
    author: str
    date: str
    path: str = ""
    """The plan's path in this commit, from the repository's top; empty when it is the path asked about."""

    @property
    def short(self) -> str:
        return self.sha[:9]

    @property
    def day(self) -> str:
        return self.date[:10]


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=False
        )
    except FileNotFoundError:
        raise UsageError(
            "git is not installed or not on PATH; install git to compare a plan with its history"
        ) from None
    except OSError as exc:
        raise UsageError(f"cannot run git: {exc}") from None


@dataclass(frozen=True)
class GitRepo:
    """A git work tree: its top folder, read with explicit git commands."""

    root: Path

    @staticmethod
    def find(path: Path, needed_for: str) -> GitRepo:
        """The work tree holding path; outside one, a usage error naming what needed it."""
        return _find(path.resolve().parent if not path.is_dir() else path.resolve(), needed_for)

    def run(self, *args: str, stdin: bytes | None = None) -> bytes:
        done = _git(self.root, *args, stdin=stdin)
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UsageError(
                f"git {args[0]} failed in {self.root}: {message[-1] if message else 'no message'}"
            )
        return done.stdout

    def relative(self, path: Path) -> str:
        """The path from the repository's top folder, with forward slashes."""
        return path.resolve().relative_to(self.root).as_posix()

    def has_commits(self) -> bool:
        return _git(self.root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").returncode == 0

    def is_shallow(self) -> bool:
        return self.run("rev-parse", "--is-shallow-repository").strip() == b"true"

    def resolve(self, ref: str, option: str) -> str:
        """The commit a revision names; an unknown one is a usage error that says what to do."""
        if ref.startswith("-"):
            raise UsageError(
                f"{option} {ref}: a revision cannot start with '-'; give a branch, tag or commit"
            )
        done = _git(
            self.root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"
        )
        if done.returncode == 0:
            return done.stdout.decode().strip()
        if self.is_shallow():
            raise UsageError(
                f"{option} {ref}: this is a shallow clone and {ref!r} is not in it; {UNSHALLOW}"
            )
        raise UsageError(
            f"{option} {ref}: no such branch, tag or commit here; `git log --oneline` lists commits "
            "(for a remote branch, run `git fetch` first)"
        )

    def require_full_history(self, option: str) -> None:
        if self.is_shallow():
            raise UsageError(
                f"{option} reads the plan's whole history, but this is a shallow clone; {UNSHALLOW}"
            )

    def show(self, commit: str, relative: str) -> bytes | None:
        """The file as committed, under the name it had then; None when it did not exist at that commit."""
        done = _git(self.root, "cat-file", "blob", f"{commit}:{relative}")
        if done.returncode == 0:
            return done.stdout
        for name in dict.fromkeys(c.path for c in self.commits_touching(relative) if c.path):
            done = _git(self.root, "cat-file", "blob", f"{commit}:{name}")
            if done.returncode == 0:
                return done.stdout
        return None

    def commits_touching(self, relative: str, after: str | None = None) -> list[Commit]:
        """Every commit reachable from HEAD (and not from `after`, when given) that changed the file, oldest first.

        A plan renamed or moved keeps its history: `--follow` finds its commits under earlier
        names, and each commit carries the name the file had there. A copy starts a new plan
        (next year's plan copied from this one): its history stops at the commit that made it."""
        name = self.committed_name(relative)
        if name is None:
            return []
        revisions = f"{after}..HEAD" if after else "HEAD"
        # Newest first: git follows a rename only while walking back from HEAD, so not --reverse.
        out = self.run(
            "log",
            "--follow",
            "--name-status",
            "--format=%x1e%H%x1f%an%x1f%aI",
            "-z",
            revisions,
            "--",
            name,
        )
        commits: list[Commit] = []
        path = name
        for record in out.decode("utf-8", "replace").split("\x1e"):
            header, _, changes = record.partition("\0")
            parts = header.split("\x1f")
            if len(parts) != 3:
                continue
            fields = changes.strip("\n\0").split("\0")
            status = fields[0][:1]
            if status in ("R", "C") and len(fields) >= 3:
                path = fields[2]
            elif len(fields) >= 2:
                path = fields[1]  # a merge lists no file: the name stays that of the newer commit
            sha, author, day = parts
            commits.append(Commit(sha, author, day, path if path != relative else ""))
            if status == "C":
                break  # made as a copy of another plan: what came before is that plan's history
            if status == "R" and len(fields) >= 3:
                path = fields[1]  # older commits knew the file by its earlier name
        return commits[::-1]

    def committed_name(self, relative: str) -> str | None:
        """The name HEAD holds this working-tree file under: its own, or the one it was moved from in changes
        not yet committed (`git mv`, or a plain move); None when HEAD holds no version of it."""
        if not self.has_commits():
            return None
        if _git(self.root, "cat-file", "-e", f"HEAD:{relative}").returncode == 0:
            return relative
        fields = (
            self.run("diff", "-M", "--name-status", "-z", "--diff-filter=DR", "HEAD", "--")
            .decode("utf-8", "replace")
            .split("\0")
        )
        gone: list[str] = []
        at = 0
        while at + 1 < len(fields):
            if fields[at].startswith("R"):
                if fields[at + 2] == relative:
                    return fields[at + 1]  # moved with `git mv`
                at += 3
            else:
                gone.append(fields[at + 1])
                at += 2
        return self._moved_from(
            relative, [name for name in gone if name.endswith((".yaml", ".yml"))]
        )

    def _moved_from(self, relative: str, gone: list[str]) -> str | None:
        """Of the files missing from the work tree, the one this file was moved from: as git judges a rename,
        the most alike, with at least half its lines in common."""
        try:
            now = Counter((self.root / relative).read_bytes().splitlines())
        except OSError:
            return None
        best, score = None, 0.5
        for name in gone:
            done = _git(self.root, "cat-file", "blob", f"HEAD:{name}")
            if done.returncode != 0:
                continue
            was = Counter(done.stdout.splitlines())
            total = sum(now.values()) + sum(was.values())
            alike = 2 * sum((now & was).values()) / total if total else 1.0
            if alike >= score:
                best, score = name, alike
        return best

    def blobs(self, commits: list[Commit], relative: str) -> list[bytes | None]:
        """The file at each commit, read through one `git cat-file --batch` process."""
        if not commits:
            return []
        request = "".join(f"{c.sha}:{c.path or relative}\n" for c in commits).encode("utf-8")
        out = self.run("cat-file", "--batch", stdin=request)
        found: list[bytes | None] = []
        at = 0
        for _ in commits:
            end = out.index(b"\n", at)
            header = out[at:end].split()
            if header[-1] == b"missing":
                found.append(None)
                at = end + 1
                continue
            size = int(header[2])
            found.append(out[end + 1 : end + 1 + size])
            at = end + 1 + size + 1  # the content is followed by a newline
        return found


@lru_cache(maxsize=32)
def _find(folder: Path, needed_for: str) -> GitRepo:
    done = _git(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        leave_out = ", or leave the option out" if needed_for.startswith("--") else ""
        raise UsageError(
            f"{needed_for} needs the plan to be in a git work tree, and {folder} is not in one; "
            f"run sendplan inside a clone of the plan's repository{leave_out}"
        )
    return GitRepo(Path(done.stdout.decode("utf-8", "replace").strip()).resolve())
