"""One writer at a time per plan: an exclusive lock held around read, check and write.

The lock is the `filelock` library's OS lock (fcntl on POSIX, msvcrt on Windows) on a small file
beside the plan, `.NAME.lock`, which stays there (deleting it on release would let two writers
hold locks on different files). The operating system releases the lock when a process dies, so
a killed `sendplan update` never blocks the next one.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sendplan_cli.ground.errors import UsageError

# An update of a large plan takes about a second; two people recording at once should both succeed.
WAIT_SECONDS = 15.0


def lock_path(path: Path) -> Path:
    """The lock file of a plan: `.NAME.lock` beside the real file (a symbolic link is followed)."""
    target = path.resolve()
    return target.with_name(f".{target.name}.lock")


@contextmanager
def plan_lock(path: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the plan's exclusive lock; after `wait` seconds of another writer holding it, a usage error."""
    from filelock import FileLock, Timeout

    wait = WAIT_SECONDS if wait is None else wait
    try:
        # Whoever may write the plan may take its lock: in a shared group folder the lock file is group-writable too.
        mode = stat.S_IMODE(path.stat().st_mode) & 0o666 | 0o600
    except OSError:
        mode = 0o644
    lock = FileLock(str(lock_path(path)), timeout=wait, mode=mode)
    try:
        lock.acquire()
    except Timeout:
        raise UsageError(
            f"{path}: another sendplan update has been writing this plan for {wait:.0f} seconds; "
            "nothing was changed, run the command again in a moment"
        ) from None
    except OSError as exc:
        raise UsageError(
            f"{path}: cannot lock the plan for writing ({lock_path(path)}): {exc.strerror or exc}"
        ) from None
    try:
        yield
    finally:
        lock.release()
