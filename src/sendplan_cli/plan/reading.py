"""Reading a plan file's bytes: regular files only, never more than the size limit.

A FIFO or a device given as a plan would block `validate` forever or read until memory runs
out, so the file is opened without blocking and checked with fstat before a byte is read. The
size limit refuses absurd inputs before reading them: real plans are well under 1 MB (the bundled
ones 27 KB and 34 KB), so 20 MB (20,000,000 bytes) leaves room for any plan while keeping the
loader's memory, roughly ten times the file, within a laptop's. `max-file-size` in the
configuration changes it (benchmarks/large_plan.py raises it for its 41 MB stress file).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_FILE_SIZE = 20_000_000

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class ReadRefused(Exception):
    """The file was not read; the message says why and the hint what to do."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def read_plan_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file of at most max_bytes; raises ReadRefused otherwise."""
    limit = MAX_FILE_SIZE if max_bytes is None else max_bytes
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ReadRefused(f"cannot read the file: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
            raise ReadRefused(
                f"it is {kind}, not a plan file", "give sendplan the path of a .yaml plan file"
            )  # callers name the path
        if info.st_size > limit:
            raise ReadRefused(
                f"the file is {_size(info.st_size)}, more than the limit of {_size(limit)}",
                "check this is a plan; to allow larger plans set max-file-size (bytes) in sendplan.toml",
            )
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew after fstat
                raise ReadRefused(
                    f"the file is more than the limit of {_size(limit)}",
                    "to allow larger plans set max-file-size (bytes) in sendplan.toml",
                )
        return b"".join(chunks)
    except OSError as exc:
        raise ReadRefused(f"cannot read the file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
